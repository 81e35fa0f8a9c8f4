/**
 * Returns the kiosk to its attract screen when nobody has touched it for a while: a worker
 * walks away mid-flow and the next one must not find someone else's screen.
 */
import { useEffect, useRef } from 'react';
import { IdleTimer } from './idle-timer';

/** Events that count as someone being at the screen. */
const ACTIVITY_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;

/**
 * @param timeoutMs  quiet time before `onIdle`
 * @param restartKey changes whenever a new screen appears, so each screen gets the full time
 * @param enabled    false when there is nothing to return from
 */
export function useIdleTimeout(timeoutMs: number, restartKey: unknown, enabled: boolean, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled) return undefined;
    const timer = new IdleTimer(timeoutMs, () => onIdleRef.current());
    const poke = (): void => timer.poke();
    timer.poke();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, poke, { capture: true, passive: true });
    return () => {
      timer.stop();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, poke, { capture: true });
    };
  }, [timeoutMs, restartKey, enabled]);
}
