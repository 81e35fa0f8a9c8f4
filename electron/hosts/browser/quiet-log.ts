/**
 * A log that a flood cannot fill: refused handshakes are worth a line, but a program hammering
 * the socket must not write thousands of them. The first line of each kind is written at once;
 * repeats within the interval are counted and summed up in the next line of that kind.
 */

/** Milliseconds between two lines of the same kind. */
export const QUIET_LOG_INTERVAL_MS = 10_000;

/** Distinct lines remembered; past this, new kinds share one budget (so varying text cannot flood either). */
const MAX_KINDS = 50;
const OTHER = '\0other';

export function createQuietLog(
  write: (line: string) => void,
  now: () => number = Date.now,
  intervalMs: number = QUIET_LOG_INTERVAL_MS,
): (line: string) => void {
  const kinds = new Map<string, { lastMs: number; held: number }>();
  return (line) => {
    const atMs = now();
    const key = kinds.has(line) || kinds.size < MAX_KINDS ? line : OTHER;
    const kind = kinds.get(key);
    if (kind && atMs >= kind.lastMs && atMs - kind.lastMs < intervalMs) {
      kind.held += 1;
      return;
    }
    const held = kind?.held ?? 0;
    kinds.set(key, { lastMs: atMs, held: 0 });
    write(held > 0 ? `${line} (and ${held} more like it before)` : line);
  };
}
