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

/** p50 and p95 of one series, with its size. */
export interface Spread {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
}

export function spread(values: readonly number[]): Spread {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95) };
}

/**
 * Durations between consecutive marks of one sample, in the order given: for marks
 * `a, b, c` the stages are `b − a` (named `b`) and `c − b` (named `c`). A missing or
 * non-finite mark makes the sample unusable: `null`, never a made-up duration.
 */
export function stageDurations<K extends string>(marks: Readonly<Record<K, number | null | undefined>>, order: readonly K[]): Record<K, number> | null {
  const out = {} as Record<K, number>;
  for (let i = 1; i < order.length; i++) {
    const from = marks[order[i - 1] as K];
    const to = marks[order[i] as K];
    if (typeof from !== 'number' || typeof to !== 'number' || !Number.isFinite(from) || !Number.isFinite(to)) return null;
    out[order[i] as K] = to - from;
  }
  return out;
}

/** Per-stage p50/p95 over many samples (each a `stageDurations` result). */
export function stageSpreads<K extends string>(samples: readonly Record<K, number>[], stages: readonly K[]): Record<K, Spread> {
  const out = {} as Record<K, Spread>;
  for (const stage of stages) out[stage] = spread(samples.map((s) => s[stage]));
  return out;
}
