/**
 * US-layout HID usage ids (boot keyboard) for the characters card readers and scanners type.
 * Each entry is [usage, plain character, shifted character].
 */
const KEYS: ReadonlyArray<readonly [number, string, string]> = [
  ...Array.from({ length: 26 }, (_, i) => [0x04 + i, String.fromCharCode(0x61 + i), String.fromCharCode(0x41 + i)] as const),
  ...Array.from('123456789', (d, i) => [0x1e + i, d, '!@#$%^&*('[i] ?? ''] as const),
  [0x27, '0', ')'],
  [0x2c, ' ', ' '],
  [0x2d, '-', '_'],
  [0x2e, '=', '+'],
  [0x33, ';', ':'],
  [0x36, ',', '<'],
  [0x37, '.', '>'],
  [0x38, '/', '?'],
  // Keypad digits type the same with or without Shift.
  ...Array.from('123456789', (d, i) => [0x59 + i, d, d] as const),
  [0x62, '0', '0'],
  [0x63, '.', '.'],
  [0x56, '-', '-'],
];

export const KEY_ENTER = 0x28;
export const KEY_KEYPAD_ENTER = 0x58;
/** All six slots report this when too many keys are down. */
export const KEY_ERROR_ROLLOVER = 0x01;
export const MOD_SHIFT = 0x02 | 0x20;
/** Ctrl, Alt and GUI on either side: readers never need them. */
export const MOD_OTHER = 0x01 | 0x10 | 0x04 | 0x40 | 0x08 | 0x80;
export const MOD_ALT = 0x04 | 0x40;

const byUsage = new Map<number, readonly [string, string]>(KEYS.map(([u, plain, shifted]) => [u, [plain, shifted]]));
const byChar = new Map<string, { usage: number; shift: boolean }>();
// Main-row keys first, so encoding prefers them over keypad digits.
for (const [usage, plain, shifted] of KEYS) {
  if (!byChar.has(plain)) byChar.set(plain, { usage, shift: false });
  if (!byChar.has(shifted)) byChar.set(shifted, { usage, shift: true });
}

/** The character a key types, or undefined for keys a reader has no business pressing. */
export function charForUsage(usage: number, shift: boolean): string | undefined {
  const entry = byUsage.get(usage);
  return entry ? entry[shift ? 1 : 0] : undefined;
}

export function usageForChar(char: string): { usage: number; shift: boolean } | undefined {
  return byChar.get(char);
}
