/**
 * Runs the personal screen's countdown (see `KioskState.personal`): a new key starts it from
 * the full length, null stops it. Returns the whole seconds left, for the visible counter.
 *
 * The full length is returned from the render that brings the new key, not set from the
 * countdown's first tick: set from an effect, it was a second render of the whole kiosk
 * queued between a tap's greeting and its first frame.
 */
import { useEffect, useRef, useState } from 'react';
import { Countdown } from './countdown';

export function usePersonalCountdown(durationMs: number, key: number | null, onDone: () => void): number | null {
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  }, [onDone]);
  const [ticked, setTicked] = useState<{ readonly key: number; readonly left: number } | null>(null);
  useEffect(() => {
    if (key === null) return undefined;
    let first = true;
    const countdown = new Countdown({
      durationMs,
      onTick: (left) => {
        // The first tick says what the render already shows: only later ticks need a render.
        const shown = first && left === fullSeconds(durationMs);
        first = false;
        if (!shown) setTicked({ key, left });
      },
      onDone: () => onDoneRef.current(),
    });
    countdown.start();
    return () => countdown.stop();
  }, [durationMs, key]);
  if (key === null) return null;
  return ticked?.key === key ? ticked.left : fullSeconds(durationMs);
}

/** What the counter shows as a countdown of `durationMs` starts (as `Countdown`'s first tick). */
export function fullSeconds(durationMs: number): number {
  return Math.max(1, Math.ceil(durationMs / 1000));
}
