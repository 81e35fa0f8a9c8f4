import { readFileSync } from 'node:fs';
import { z } from 'zod';

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

export const devicesConfigSchema = z.object({
  readers: z.array(readerConfigSchema),
}).strict().superRefine((config, ctx) => {
  const seen = new Set<string>();
  config.readers.forEach((reader, index) => {
    if (seen.has(reader.id)) ctx.addIssue({ code: 'custom', path: ['readers', index, 'id'], message: `"${reader.id}" is used by another reader` });
    seen.add(reader.id);
  });
});

export type ReaderConfig = z.output<typeof readerConfigSchema>;
export type DevicesConfig = z.output<typeof devicesConfigSchema>;
/** What a devices.json may contain (defaults not yet applied). */
export type DevicesConfigInput = z.input<typeof devicesConfigSchema>;

export type ConfigResult = { readonly ok: true; readonly config: DevicesConfig } | { readonly ok: false; readonly message: string };

/** Validates parsed JSON; the message names every problem as `readers.0.path: …`. */
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
