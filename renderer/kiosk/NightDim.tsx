/**
 * The night shade: a translucent layer over the whole kiosk in the station's dim hours. It
 * never takes a touch (pointer-events: none), so the touch that wakes it also presses what
 * is under the finger, and a card tap both wakes it and checks in as usual.
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { StationClient } from '../../common/contract';
import type { DimSchedule } from '../../common/screen-dimming';
import { watchNightDim } from './night-dim';
import './night-dim.css';

export function NightDim({ client }: { readonly client: StationClient }): ReactElement | null {
  const [schedule, setSchedule] = useState<DimSchedule | null>(null);
  const [dimmed, setDimmed] = useState(false);

  useEffect(() => {
    let live = true;
    void client.getScreenDimming().then((result) => {
      if (live && result.ok) setSchedule(result.value.schedule);
    });
    return () => {
      live = false;
    };
  }, [client]);

  useEffect(() => {
    if (!schedule) return undefined;
    const watch = watchNightDim({ schedule, onChange: setDimmed });
    const wake = () => watch.wake();
    // Capture phase, never stopped: the event goes on to whatever it was meant for.
    window.addEventListener('pointerdown', wake, { capture: true });
    // Keyboard-wedge readers type the card number.
    window.addEventListener('keydown', wake, { capture: true });
    const off = [client.on('checkIn', wake), client.on('cardError', wake)];
    return () => {
      watch.stop();
      window.removeEventListener('pointerdown', wake, { capture: true });
      window.removeEventListener('keydown', wake, { capture: true });
      for (const unsubscribe of off) unsubscribe();
      setDimmed(false);
    };
  }, [client, schedule]);

  if (!schedule || !dimmed) return null;
  return (
    <div className="night-dim" data-testid="night-dim" aria-hidden="true" style={{ opacity: schedule.level }} />
  );
}
