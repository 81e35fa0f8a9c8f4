/**
 * `npm run lockers -- <command>`: commissioning for installers, straight on the RS-485 port
 * (stop the station first: the port is opened exclusively).
 *
 *   scan  --path P [--protocol 8a80|kerong-cu16] [--baud N] [--timeout MS] [--doors-shut [--write devices.json --bus ID]]
 *   open  --path P --board B --lock L [--protocol …] [--baud N] [--channels N] [--polarity …]
 *   watch --path P --board B [--board B2 …] [--seconds N] [--protocol …] [--baud N] [--channels N] [--polarity …]
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_BOARD_CHANNELS, LOCKER_PROTOCOL_NAMES } from '../hardware/devices/device-config';
import type { DoorReading, LockerBus, OpenOutcome } from '../hardware/drivers/locker-bus/locker-bus';
import { createLockerBus } from '../hardware/drivers/locker-bus/serial-locker-bus';
import type { BoardSettings, LockerProtocol, LockerProtocolName } from '../hardware/lockers/locker-protocol';
import { lockerProtocol } from '../hardware/lockers/protocols/index';
import { SerialTransport } from '../hardware/transport/serial-transport';
import { scanBus, type FoundBoard } from '../hardware/drivers/locker-bus/scan-boards';
import { findPolarity, writeBoardPolarities, type BoardPolarity } from '../hardware/devices/board-polarity';

const USAGE = [
  'Usage: npm run lockers -- scan  --path PORT [--protocol 8a80|kerong-cu16] [--baud N] [--timeout MS]',
  '                                 [--doors-shut [--write devices.json --bus ID]]   (every door shut: find each board\'s polarity)',
  '       npm run lockers -- open  --path PORT --board B --lock L [--protocol …] [--baud N] [--channels N] [--polarity closed-is-set|open-is-set]',
  '       npm run lockers -- watch --path PORT --board B [--board B2 …] [--seconds N] [--protocol …] [--baud N] [--channels N] [--polarity …]',
  'PORT is the RS-485 adapter, e.g. /dev/serial/by-id/usb-1a86_USB_Serial-if00-port0 or COM5. Stop the station first.',
].join('\n');

export interface LockersOutput {
  log(line: string): void;
  error(line: string): void;
}

export interface LockersRunOptions {
  /** Ends `watch` early (Ctrl-C); resolves when it should stop. Default: SIGINT. */
  readonly interrupted?: Promise<void>;
}

interface Common {
  readonly path: string;
  readonly protocol: LockerProtocol;
  readonly baudRate: number;
}

/** Runs one command; resolves with the exit code (0 done, 1 device problem, 2 bad arguments). */
export async function main(args: readonly string[], out: LockersOutput = console, run: LockersRunOptions = {}): Promise<number> {
  const [command, ...rest] = args;
  let values: ReturnType<typeof parse>;
  try {
    values = parse(rest);
  } catch (error) {
    out.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (command !== 'scan' && command !== 'open' && command !== 'watch') {
    out.error(USAGE);
    return 2;
  }
  const common = commonOptions(values);
  if (typeof common === 'string') {
    out.error(`${common}\n${USAGE}`);
    return 2;
  }
  if (common.path.startsWith('/') && !existsSync(common.path)) {
    out.error(`No port at ${common.path}. Is the RS-485 adapter plugged in? Its stable name is under /dev/serial/by-id/.`);
    return 1;
  }
  if (command === 'scan') {
    const scanOptions = scanSettings(values);
    if (typeof scanOptions === 'string') {
      out.error(`${scanOptions}\n${USAGE}`);
      return 2;
    }
    return scan(common, scanOptions, out);
  }

  const boards = boardOptions(values, common.protocol, command === 'open');
  if (typeof boards === 'string') {
    out.error(`${boards}\n${USAGE}`);
    return 2;
  }
  if (command === 'open') {
    const lock = Number(values.lock);
    const board = boards[0];
    if (board === undefined || !Number.isInteger(lock) || lock < 1 || lock > board.channels) {
      out.error(`--lock must be a lock number from 1 to ${board?.channels ?? '…'}.\n${USAGE}`);
      return 2;
    }
    return openLock(common, board, lock, out);
  }
  const seconds = values.seconds === undefined ? undefined : Number(values.seconds);
  if (seconds !== undefined && !(seconds > 0 && seconds <= 86_400)) {
    out.error(`--seconds must be a number of seconds from 1 to 86400.\n${USAGE}`);
    return 2;
  }
  const stop = seconds === undefined ? (run.interrupted ?? sigint()) : new Promise<void>((r) => setTimeout(r, seconds * 1000));
  return watch(common, boards, stop, out);
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    options: {
      path: { type: 'string' },
      protocol: { type: 'string' },
      baud: { type: 'string' },
      board: { type: 'string', multiple: true },
      lock: { type: 'string' },
      channels: { type: 'string' },
      polarity: { type: 'string' },
      seconds: { type: 'string' },
      timeout: { type: 'string' },
      'doors-shut': { type: 'boolean' },
      write: { type: 'string' },
      bus: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

function commonOptions(values: ReturnType<typeof parse>): Common | string {
  if (!values.path) return 'Say which port with --path.';
  const name = values.protocol ?? '8a80';
  if (!(LOCKER_PROTOCOL_NAMES as readonly string[]).includes(name)) return `--protocol must be one of ${LOCKER_PROTOCOL_NAMES.join(', ')}.`;
  const protocol = lockerProtocol(name as LockerProtocolName);
  const baudRate = values.baud === undefined ? protocol.defaultBaudRate : Number(values.baud);
  if (!Number.isInteger(baudRate) || baudRate < 300 || baudRate > 921_600) return '--baud must be a line speed such as 9600 or 19200.';
  return { path: values.path, protocol, baudRate };
}

function boardOptions(values: ReturnType<typeof parse>, protocol: LockerProtocol, single: boolean): BoardSettings[] | string {
  const { min, max } = protocol.boardAddresses;
  const addresses = (values.board ?? []).map(Number);
  if (addresses.length === 0 || (single && addresses.length > 1)) return single ? 'Say which board with one --board.' : 'Say which board with --board.';
  if (addresses.some((a) => !Number.isInteger(a) || a < min || a > max)) return `--board must be ${min}–${max} for ${protocol.name} boards.`;
  const channels = values.channels === undefined ? DEFAULT_BOARD_CHANNELS[protocol.name] : Number(values.channels);
  if (!protocol.channelOptions.includes(channels)) return `--channels must be one of ${protocol.channelOptions.join(', ')} for ${protocol.name} boards.`;
  const polarity = values.polarity ?? 'closed-is-set';
  if (polarity !== 'closed-is-set' && polarity !== 'open-is-set') return '--polarity must be closed-is-set or open-is-set.';
  return [...new Set(addresses)].map((address) => ({ address, channels, polarity }));
}

interface ScanSettings {
  readonly replyTimeoutMs: number;
  readonly doorsShut: boolean;
  readonly write?: { readonly path: string; readonly busId: string };
}

function scanSettings(values: ReturnType<typeof parse>): ScanSettings | string {
  const replyTimeoutMs = values.timeout === undefined ? 200 : Number(values.timeout);
  if (!Number.isInteger(replyTimeoutMs) || replyTimeoutMs < 20 || replyTimeoutMs > 5000) return '--timeout must be the wait per address in ms, 20–5000.';
  if (values.write !== undefined && (!values['doors-shut'] || !values.bus)) return '--write needs --doors-shut (shut every door first) and --bus (the bus id in devices.json).';
  return { replyTimeoutMs, doorsShut: values['doors-shut'] === true, write: values.write && values.bus ? { path: values.write, busId: values.bus } : undefined };
}

async function scan(common: Common, settings: ScanSettings, out: LockersOutput): Promise<number> {
  const { min, max } = common.protocol.boardAddresses;
  out.log(`Scanning ${common.path} at ${common.baudRate} baud for ${common.protocol.name} boards ${min}–${max}…`);
  const transport = new SerialTransport({ path: common.path, baudRate: common.baudRate });
  try {
    await transport.open();
  } catch (error) {
    out.error(`${error instanceof Error ? error.message : String(error)}. Is the station still running on this port?`);
    return 1;
  }
  try {
    const found = await scanBus(transport, common.protocol, { replyTimeoutMs: settings.replyTimeoutMs });
    for (const board of found) {
      const doors = board.locks.map((l) => `${l.lock}:${l.closed ? 'shut' : 'OPEN'}${l.itemPresent === undefined ? '' : l.itemPresent ? '+item' : ''}`);
      out.log(`Board ${board.address}: ${board.channels} channels, answered in ${Math.round(board.elapsedMs)} ms. Doors ${doors.join(' ')}`);
    }
    out.log(found.length === 0
      ? 'No board answered. Check the A/B wiring, board power, the protocol and the baud rate.'
      : `${found.length} board${found.length === 1 ? '' : 's'} found: ${found.map((b) => b.address).join(', ')}.`);
    if (settings.doorsShut && found.length > 0) return reportPolarity(found, settings, out);
    return found.length === 0 ? 1 : 0;
  } finally {
    await transport.close();
  }
}

function reportPolarity(found: readonly FoundBoard[], settings: ScanSettings, out: LockersOutput): number {
  const known: BoardPolarity[] = [];
  let mixed = false;
  for (const board of found) {
    const finding = findPolarity(board.locks);
    if (finding.kind === 'found') {
      known.push({ address: board.address, channels: board.channels, polarity: finding.polarity });
      out.log(`Board ${board.address}: polarity ${finding.polarity} (every door shut reads ${finding.polarity === 'closed-is-set' ? '1' : '0'}).`);
    } else {
      mixed = true;
      out.error(`Board ${board.address}: polarity unknown, doors ${finding.odd.join(', ')} disagree with the rest. Shut them (or check their sensors) and scan again.`);
    }
  }
  if (settings.write && known.length > 0) {
    try {
      writeBoardPolarities(settings.write.path, settings.write.busId, known);
    } catch (error) {
      out.error(error instanceof Error ? error.message : String(error));
      return 1;
    }
    out.log(`Wrote the polarity of board${known.length === 1 ? '' : 's'} ${known.map((b) => b.address).join(', ')} into ${settings.write.path} (bus "${settings.write.busId}").`);
  }
  return mixed ? 1 : 0;
}

async function openLock(common: Common, board: BoardSettings, lock: number, out: LockersOutput): Promise<number> {
  const bus = commissioningBus(common, [board]);
  try {
    await bus.start();
    const startedAt = performance.now();
    const outcome = await openOncePortIsOpen(bus, board.address, lock);
    const wallMs = Math.round(performance.now() - startedAt);
    const where = `Board ${board.address} lock ${lock}`;
    if (outcome.ok) {
      out.log(`${where}: confirmed in ${Math.round(outcome.elapsedMs)} ms (${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}).`);
      return 0;
    }
    const label = { jammed: 'JAMMED', 'no-reply': 'NO REPLY', 'bus-offline': 'PORT NOT OPEN', 'port-lost': 'PORT LOST', 'bad-address': 'NO SUCH LOCK' }[outcome.reason];
    out.error(`${where}: ${label} after ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'} (${wallMs} ms). ${outcome.detail}`);
    return 1;
  } finally {
    await bus.stop();
  }
}

/** `bus-offline` means nothing was sent: the port is still opening. Try for up to 3 s. */
async function openOncePortIsOpen(bus: LockerBus, board: number, lock: number): Promise<OpenOutcome> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const outcome = await bus.open(board, lock);
    if (outcome.ok || outcome.reason !== 'bus-offline' || Date.now() > deadline) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function watch(common: Common, boards: BoardSettings[], stop: Promise<void>, out: LockersOutput): Promise<number> {
  const bus = commissioningBus(common, boards);
  let summarised = false;
  bus.on('door', (d) => {
    // The first full read is summarised once the bus is up; after that every change is a line.
    if (summarised) out.log(`${clockTime(d.atMs)} board ${d.board} lock ${d.lock}: ${doorWords(d)}`);
  });
  bus.on('board', (b) => out.log(`${clockTime(Date.now())} board ${b.board} ${b.online ? 'answers again' : 'is not answering'}`));
  bus.on('state', (s) => {
    out.log(`${clockTime(Date.now())} bus ${s}${bus.detail ? `: ${bus.detail}` : ''}`);
    if (s === 'offline' || summarised) return;
    summarised = true;
    for (const board of boards) {
      const read = bus.doors().filter((d) => d.board === board.address);
      if (read.length === 0) continue;
      const open = read.filter((d) => !d.closed).map((d) => d.lock);
      const items = read.filter((d) => d.itemPresent).map((d) => d.lock);
      out.log(`Board ${board.address}: ${open.length === 0 ? `all ${read.length} doors shut` : `doors open: ${open.join(', ')}; the rest shut`}`
        + `${read.some((d) => d.itemPresent !== undefined) ? `; items inside: ${items.length === 0 ? 'none' : items.join(', ')}` : ''}.`);
    }
  });
  out.log(`Watching ${common.path} (${common.protocol.name}, ${common.baudRate} baud), board${boards.length === 1 ? '' : 's'} ${boards.map((b) => b.address).join(', ')}. Ctrl-C to stop.`);
  try {
    await bus.start();
    await stop;
    return summarised ? 0 : 1;
  } finally {
    await bus.stop();
  }
}

function doorWords(d: DoorReading): string {
  return `${d.closed ? 'shut' : 'OPEN'}${d.itemPresent === undefined ? '' : d.itemPresent ? ', item inside' : ', empty'}`;
}

function commissioningBus(common: Common, boards: BoardSettings[]): LockerBus {
  return createLockerBus({
    id: 'commissioning',
    name: common.path,
    protocol: common.protocol,
    boards,
    createTransport: () => new SerialTransport({ path: common.path, baudRate: common.baudRate }),
    livenessPath: common.path.startsWith('/') ? common.path : undefined,
    // Installers should see a failed open at once rather than after a reopen loop.
    backoff: { initialMs: 250, maxMs: 1000 },
  });
}

function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

function sigint(): Promise<void> {
  return new Promise((resolve) => process.once('SIGINT', () => resolve()));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
