/** Small statistics for benchmark reports. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function formatMs(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}

/** One line of the report: a figure beside its floor or target, as a ratio. */
export function reportLine(label: string, value: number, reference: number, referenceLabel: string, unit = 'ms'): string {
  const fmt = (v: number) => (unit === 'ms' ? formatMs(v) : `${v.toFixed(1)} ${unit}`);
  return `${label.padEnd(44)} ${fmt(value).padStart(12)}   ${referenceLabel} ${fmt(reference)}   ratio ${(value / reference).toFixed(2)}×`;
}

/** Serial wire time of `bytes` at `baud` with 8N1 framing (10 bits per byte), in ms. */
export function wireTimeMs(bytes: number, baud: number): number {
  return (bytes * 10 * 1000) / baud;
}

/** One frame of a 60 Hz display, in ms. */
export const DISPLAY_FRAME_MS = 1000 / 60;
