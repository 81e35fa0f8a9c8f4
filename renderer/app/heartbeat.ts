/**
 * The page's heartbeat with the station service. A dead service must be shown within
 * seconds — otherwise the screen keeps saying "Tap your card" while taps go nowhere — and a
 * restarted one must be noticed even when the page never saw it gone (its card passes and
 * any flow under way are void then).
 */
import type { Result } from '../../common/result';

/** How often the page asks, in ms. */
export const HEARTBEAT_INTERVAL_MS = 500;
/**
 * No answer for this long (ms) counts as a dead service: with the interval, shown within 2 s.
 * A loopback answer normally takes a millisecond; even a loaded kiosk answers well inside this.
 */
export const HEARTBEAT_DEAD_MS = 1_500;
/**
 * A tick later than the interval plus this (ms) means the page itself was stalled (a long
 * render, GC, a starved core): the answer may be sitting unread behind the tick.
 */
export const HEARTBEAT_LATE_TOLERANCE_MS = 100;

export interface HeartbeatOptions {
  /** The service's `ping`. */
  readonly ping: () => Promise<Result<{ readonly instance: string }>>;
  /** Called once each time the service stops answering for {@link HEARTBEAT_DEAD_MS}. */
  readonly onDown: () => void;
  /** Called when the service answers with another instance than before (it was restarted). */
  readonly onRestart: () => void;
  /** Milliseconds; defaults {@link HEARTBEAT_INTERVAL_MS} and {@link HEARTBEAT_DEAD_MS}. */
  readonly intervalMs?: number;
  readonly deadMs?: number;
}

/**
 * Starts pinging at once; the returned function stops it. At most one ping is unanswered at a
 * time. Silence is counted in time the page could hear: while the page's own loop was stalled
 * (a tick came late), the answer may be queued unread, so that time is not held against the
 * service (at most `deadMs` of it per silence, so a page that is always late still notices a
 * dead service, within twice the dead time).
 */
export function startHeartbeat(options: HeartbeatOptions): () => void {
  const intervalMs = options.intervalMs ?? HEARTBEAT_INTERVAL_MS;
  const deadMs = options.deadMs ?? HEARTBEAT_DEAD_MS;
  let lastAnswerMs = Date.now();
  let lastTickMs = lastAnswerMs;
  let deafCreditMs = 0;
  let waiting = false;
  let down = false;
  let instance: string | null = null;
  let stopped = false;

  const tick = (): void => {
    const now = Date.now();
    const late = now - lastTickMs - intervalMs;
    lastTickMs = now;
    if (late > HEARTBEAT_LATE_TOLERANCE_MS) {
      const credit = Math.min(late, deadMs - deafCreditMs);
      deafCreditMs += credit;
      lastAnswerMs += credit;
    }
    if (!down && now - lastAnswerMs >= deadMs) {
      down = true;
      options.onDown();
    }
    if (waiting) return;
    waiting = true;
    // A ping the transport holds while it reconnects is given up on, so the next one goes out.
    const giveUp = setTimeout(() => (waiting = false), deadMs);
    void options.ping().then(
      (result) => {
        clearTimeout(giveUp);
        waiting = false;
        if (stopped || !result.ok) return;
        lastAnswerMs = Date.now();
        deafCreditMs = 0;
        down = false;
        const before = instance;
        instance = result.value.instance;
        if (before !== null && before !== instance) options.onRestart();
      },
      () => {
        clearTimeout(giveUp);
        waiting = false;
      },
    );
  };

  tick();
  const timer = setInterval(tick, intervalMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
