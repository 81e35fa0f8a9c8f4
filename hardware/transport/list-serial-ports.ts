import { autoDetect } from '@serialport/bindings-cpp';

/** One serial port as the OS lists it. Fields other than `path` may be missing on any OS. */
export interface SerialPortInfo {
  readonly path: string;
  readonly manufacturer?: string;
  readonly serialNumber?: string;
  readonly pnpId?: string;
  readonly vendorId?: string;
  readonly productId?: string;
}

export type ListSerialPortsResult =
  | { readonly ok: true; readonly ports: readonly SerialPortInfo[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Lists serial ports. Never throws or rejects: listing fails for ordinary reasons (Linux
 * without `udevadm`, a locked-down Windows registry), and that is a degraded state with a
 * plain-words reason, not a crash. `list` is injectable for tests.
 */
export async function listSerialPorts(list: () => Promise<unknown[]> = () => autoDetect().list()): Promise<ListSerialPortsResult> {
  let raw: unknown[];
  try {
    raw = await list();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /udevadm|ENOENT/.test(message) ? ' (is udev installed? `udevadm` is needed to list ports on Linux)' : '';
    return { ok: false, reason: `Cannot list serial ports: ${message}${hint}` };
  }
  if (!Array.isArray(raw)) return { ok: false, reason: 'Cannot list serial ports: the OS returned no list' };
  return { ok: true, ports: raw.filter(isPortInfo).map(pick) };
}

function isPortInfo(value: unknown): value is SerialPortInfo {
  return typeof value === 'object' && value !== null && typeof (value as { path?: unknown }).path === 'string';
}

function pick(info: SerialPortInfo): SerialPortInfo {
  const out: { -readonly [K in keyof SerialPortInfo]: SerialPortInfo[K] } = { path: info.path };
  for (const key of ['manufacturer', 'serialNumber', 'pnpId', 'vendorId', 'productId'] as const) {
    const value = info[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}
