/**
 * Asks which lockers are free whenever a screen that offers charging or collecting opens, so
 * "Charge my phone" and the cable counts reflect the lockers now, not at some earlier tap.
 */
import { useEffect, useRef } from 'react';
import type { StationClient } from '../../common/contract';
import { afterPaint } from './after-paint';
import type { KioskEvent } from './kiosk-state';

/**
 * @param wanted    the screen shows availability
 * @param screenSeq changes with every new screen, so each one asks afresh
 */
export function useLockerAvailability(
  client: StationClient,
  wanted: boolean,
  screenSeq: number,
  dispatch: (event: KioskEvent) => void,
): void {
  const dispatchRef = useRef(dispatch);
  useEffect(() => {
    dispatchRef.current = dispatch;
  }, [dispatch]);
  useEffect(() => {
    if (!wanted) return undefined;
    // An answer for a screen already left could be older than the next screen's.
    let current = true;
    // Asked once the new screen is on glass: its answer redraws the locker panel, and that
    // redraw must not hold up the greeting's first frame (it did, by a render, on a tap).
    const cancel = afterPaint(() => {
      void client.getLockerAvailability().then((result) => {
        if (current) dispatchRef.current({ type: 'locker-availability', availability: result.ok ? result.value : null });
      });
    });
    return () => {
      current = false;
      cancel();
    };
  }, [client, wanted, screenSeq]);
}
