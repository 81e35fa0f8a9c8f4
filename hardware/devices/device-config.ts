import { readFileSync } from 'node:fs';
import * as z from 'zod';
import type { LockerProtocolName } from '../lockers/locker-protocol';
import { lockerProtocol } from '../lockers/protocols/index';

/** Reader types a devices.json may name. */
export const READER_TYPES = ['serial-em4100', 'serial-binary', 'serial-qr', 'hid-keyboard', 'hid-vendor', 'simulated'] as const;

/** A USB id: a number, or a hex string as printed by lsusb / Device Manager (`"1a86"`, `"0x1A86"`). */
const USB_ID_MESSAGE = 'must be a USB id: a number up to 65535 or 1–4 hex digits like "1a86"';
const usbId = z.union([
  z.number().int().min(0).max(0xffff),
  z.string().regex(/^(0x)?[0-9a-fA-F]{1,4}$/).transform((s) => parseInt(s.replace(/^0x/, ''), 16)),
], { error: USB_ID_MESSAGE });

export const readerConfigSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1–40 letters, digits, "-" or "_"'),
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  type: z.enum(READER_TYPES, { error: `must be one of ${READER_TYPES.join(', ')}` }),
  /** Serial: the port (`/dev/serial/by-id/…`, `COM3`). HID: the OS device path. */
  path: z.string().min(1, 'must not be empty').optional(),
  vendorId: usbId.optional(),
  productId: usbId.optional(),
  /** Serial only. Default 9600. */
  baudRate: z.number().int().min(300).max(921_600).default(9600),
  /** How the reader orders the 4 bytes of an 8-hex card number. Default "as-read". */
  byteOrder: z.enum(['as-read', 'reversed']).default('as-read'),
  /** hid-vendor only: the byte format inside the reports. Default "em4100-ascii". */
  vendorFormat: z.enum(['em4100-ascii', 'binary', 'qr-line']).default('em4100-ascii'),
  /** hid-vendor only: reports start with a report-id byte. Default false. */
  reportId: z.boolean().default(false),
  /** Simulated pty pairs only: the device side, where `npm run sim` writes. */
  simulatorPath: z.string().min(1).optional(),
}).strict().superRefine((reader, ctx) => {
  if (reader.type.startsWith('serial-') && reader.path === undefined) {
    ctx.addIssue({ code: 'custom', path: ['path'], message: `a ${reader.type} reader needs "path", e.g. "/dev/serial/by-id/usb-…" or "COM3"` });
  }
  const hasUsb = reader.vendorId !== undefined && reader.productId !== undefined;
  if (reader.type.startsWith('hid-') && reader.path === undefined && !hasUsb) {
    ctx.addIssue({ code: 'custom', path: ['path'], message: `a ${reader.type} reader needs "path", or both "vendorId" and "productId"` });
  }
});

/** Locker-board protocols a devices.json may name. */
export const LOCKER_PROTOCOL_NAMES = ['8a80', 'kerong-cu16'] as const satisfies readonly LockerProtocolName[];

/** Channels assumed when a board does not say: the common 24-channel 8A/80 board, the 16-lock CU16. */
export const DEFAULT_BOARD_CHANNELS: Readonly<Record<LockerProtocolName, number>> = { '8a80': 24, 'kerong-cu16': 16 };

const lockerBoardSchema = z.object({
  /** As on the board's DIP switches; the range depends on the protocol. */
  address: z.number({ error: 'must be a whole number' }).int('must be a whole number'),
  channels: z.number({ error: 'must be a whole number' }).int('must be a whole number').optional(),
  polarity: z.enum(['closed-is-set', 'open-is-set'], { error: 'must be "closed-is-set" or "open-is-set"' }).default('closed-is-set'),
  /**
   * Whether the board's firmware takes the board-wide open-all command (8A/80 lock 0, CU16
   * `33`). Default true; `false` for a board that lacks it: emergency open-all then opens its
   * locks one at a time. A board that does not answer the command is opened that way too.
   */
  openAll: z.boolean({ error: 'must be true or false' }).default(true),
}).strict();

export const lockerBusConfigSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1–40 letters, digits, "-" or "_"'),
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  protocol: z.enum(LOCKER_PROTOCOL_NAMES, { error: `must be one of ${LOCKER_PROTOCOL_NAMES.join(', ')}` }),
  /** The RS-485 adapter's port (`/dev/serial/by-id/…`, `COM5`). */
  path: z.string({ error: 'must be the serial port, e.g. "/dev/serial/by-id/usb-…" or "COM5"' }).min(1, 'must not be empty'),
  /** Default: the protocol's factory speed (8A/80 9600, CU16 19200). */
  baudRate: z.number().int().min(300, 'must be at least 300').max(921_600, 'must be at most 921600').optional(),
  boards: z.array(lockerBoardSchema, { error: 'must be a list of boards' }).min(1, 'must list at least one board'),
  /** Heartbeat period, ms. Default 1000. */
  pollIntervalMs: z.number().int().min(100, 'must be at least 100 ms').max(60_000, 'must be at most 60000 ms').optional(),
  /** Longest wait for a board's answer, ms. Default 200. */
  replyTimeoutMs: z.number().int().min(20, 'must be at least 20 ms').max(5000, 'must be at most 5000 ms').optional(),
  /** Simulated pty pairs only: the device side the board simulator opens. */
  simulatorPath: z.string().min(1).optional(),
}).strict().superRefine((bus, ctx) => {
  const protocol = lockerProtocol(bus.protocol);
  const { min, max } = protocol.boardAddresses;
  const seen = new Set<number>();
  bus.boards.forEach((board, index) => {
    if (board.address < min || board.address > max) {
      ctx.addIssue({ code: 'custom', path: ['boards', index, 'address'], message: `must be ${min}–${max} for ${bus.protocol} boards` });
    }
    if (seen.has(board.address)) ctx.addIssue({ code: 'custom', path: ['boards', index, 'address'], message: `board ${board.address} is listed twice` });
    seen.add(board.address);
    if (board.channels !== undefined && !protocol.channelOptions.includes(board.channels)) {
      ctx.addIssue({ code: 'custom', path: ['boards', index, 'channels'], message: `must be one of ${protocol.channelOptions.join(', ')} for ${bus.protocol} boards` });
    }
  });
}).transform((bus) => ({
  ...bus,
  baudRate: bus.baudRate ?? lockerProtocol(bus.protocol).defaultBaudRate,
  boards: bus.boards.map((board) => ({ ...board, channels: board.channels ?? DEFAULT_BOARD_CHANNELS[bus.protocol] })),
}));

/** The ESC/POS receipt printer that prints guests' pickup slips (serial, or USB-serial). */
export const printerConfigSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1–40 letters, digits, "-" or "_"'),
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  /** The printer's port (`/dev/serial/by-id/…`, `/dev/usb/lp0` is not serial: use its USB-serial port, `COM4`). */
  path: z.string({ error: 'must be the serial port, e.g. "/dev/serial/by-id/usb-…" or "COM4"' }).min(1, 'must not be empty'),
  /** Default 19200, the common factory speed of 58 mm and 80 mm thermal printers. */
  baudRate: z.number().int().min(300, 'must be at least 300').max(921_600, 'must be at most 921600').default(19_200),
  /** Simulated pty pairs only: the device side the printer simulator opens. */
  simulatorPath: z.string().min(1).optional(),
}).strict();

export const devicesConfigSchema = z.object({
  readers: z.array(readerConfigSchema),
  /** RS-485 locker buses; none when absent. */
  lockerBuses: z.array(lockerBusConfigSchema).default([]),
  /** The pickup-slip printer; none when absent (the pickup-code screen then offers no slip). */
  printer: printerConfigSchema.optional(),
}).strict().superRefine((config, ctx) => {
  const seen = new Set<string>();
  config.readers.forEach((reader, index) => {
    if (seen.has(reader.id)) ctx.addIssue({ code: 'custom', path: ['readers', index, 'id'], message: `"${reader.id}" is used by another reader` });
    seen.add(reader.id);
  });
  const buses = new Set<string>();
  config.lockerBuses.forEach((bus, index) => {
    if (buses.has(bus.id)) ctx.addIssue({ code: 'custom', path: ['lockerBuses', index, 'id'], message: `"${bus.id}" is used by another locker bus` });
    buses.add(bus.id);
  });
});

export type ReaderConfig = z.output<typeof readerConfigSchema>;
export type LockerBusConfig = z.output<typeof lockerBusConfigSchema>;
export type PrinterConfig = z.output<typeof printerConfigSchema>;
export type DevicesConfig = z.output<typeof devicesConfigSchema>;
/** What a devices.json may contain (defaults not yet applied). */
export type DevicesConfigInput = z.input<typeof devicesConfigSchema>;

export type ConfigResult = { readonly ok: true; readonly config: DevicesConfig } | { readonly ok: false; readonly message: string };

/** Validates parsed JSON; the message names every problem as `readers.0.path: …` or `lockerBuses.0.boards.1.address: …`. */
export function parseDevicesConfig(json: unknown): ConfigResult {
  const parsed = devicesConfigSchema.safeParse(json);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  return { ok: false, message: issues.join('; ') };
}

/** Reads and validates a devices.json. Never throws: a missing or broken file is a message. */
export function loadDevicesConfig(file: string): ConfigResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = parseDevicesConfig(json);
  return result.ok ? result : { ok: false, message: `${file} is invalid: ${result.message}` };
}
