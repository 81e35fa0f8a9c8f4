/**
 * Keeps "Charge my phone", the cable counts and the door alarms in step with the lockers: asks
 * afresh whenever a screen that offers charging or collecting opens, and passes on every
 * pushed change (a board lost or back, a locker taken or freed, a door left open or shut) at
 * once, whatever the screen. An answer to a question asked before the latest push is older
 * than what the screen already shows, so it is dropped.
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
  const pushes = useRef(0);

  useEffect(
    () =>
      client.on('lockerAvailability', (availability) => {
        pushes.current += 1;
        dispatchRef.current({ type: 'locker-availability', availability });
      }),
    [client],
  );

  useEffect(() => {
    if (!wanted) return undefined;
    // An answer for a screen already left could be older than the next screen's.
    let current = true;
    // Asked once the new screen is on glass: its answer redraws the locker panel, and that
    // redraw must not hold up the greeting's first frame (it did, by a render, on a tap).
    const cancel = afterPaint(() => {
      const pushesBefore = pushes.current;
      void client.getLockerAvailability().then((result) => {
        if (!current || pushes.current !== pushesBefore) return;
        dispatchRef.current({ type: 'locker-availability', availability: result.ok ? result.value : null });
      });
    });
    return () => {
      current = false;
      cancel();
    };
  }, [client, wanted, screenSeq]);
}
