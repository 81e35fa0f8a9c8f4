/**
 * The wedge limit as the service applies it: a refused read becomes a `rate-limited` answer,
 * and the refusals are reported — one log line and one `screenNotice` per second at most,
 * however fast the reads come, each counting the refusals since the previous one.
 */
import { err, type Err } from '../../common/result';
import type { StationEventBus } from '../service-contract';
import { createWedgeLimiter, type WedgeLimit } from './wedge-limiter';

/** Least time between two reports, in ms. */
export const WEDGE_REPORT_INTERVAL_MS = 1000;

export interface WedgeGate {
  /** Null when the read may go ahead (and is counted), else the answer to give instead. */
  check(): Err | null;
}

export function createWedgeGate(options: {
  readonly now: () => number;
  readonly limit: WedgeLimit;
  readonly events: StationEventBus;
  readonly onRefusal: (line: string) => void;
}): WedgeGate {
  const { now, limit, events, onRefusal } = options;
  const limiter = createWedgeLimiter(now, limit);
  let lastReportMs = -Infinity;
  let unreported = 0;
  return {
    check() {
      const verdict = limiter.take();
      if (verdict.kind === 'allowed') return null;
      const atMs = now();
      unreported += 1;
      // `atMs < lastReportMs`: the clock went back; report again rather than go silent.
      if (atMs - lastReportMs >= WEDGE_REPORT_INTERVAL_MS || atMs < lastReportMs) {
        lastReportMs = atMs;
        const refused = unreported;
        unreported = 0;
        onRefusal(`Wedge reads refused: ${refused} since the last notice, faster than a person can tap (limit ${limit.burst} at once, then ${limit.perSecond}/s)`);
        events.emit('screenNotice', { kind: 'wedge-reads-refused', refused });
      }
      return err('rate-limited', `Card reads are coming too fast; try again in ${Math.ceil(verdict.retryAfterMs / 1000)} s.`);
    },
  };
}
