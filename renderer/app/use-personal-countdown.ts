/**
 * Runs the personal screen's countdown (see `KioskState.personal`): a new key starts it from
 * the full length, null stops it. Returns the whole seconds left, for the visible counter.
 */
import { useEffect, useRef, useState } from 'react';
import { Countdown } from './countdown';

export function usePersonalCountdown(durationMs: number, key: number | null, onDone: () => void): number | null {
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  }, [onDone]);
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    if (key === null) {
      setLeft(null);
      return undefined;
    }
    const countdown = new Countdown({ durationMs, onTick: setLeft, onDone: () => onDoneRef.current() });
    countdown.start();
    return () => countdown.stop();
  }, [durationMs, key]);
  return key === null ? null : left;
}
