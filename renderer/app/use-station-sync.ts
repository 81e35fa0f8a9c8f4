/**
 * Keeps the UI in step with the station service: loads the station info and device list,
 * polls them (fast while the service is unreachable, slowly once it answers, so offers
 * change at midnight and an outage is noticed), and turns pushed events into kiosk events.
 */
import { useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import type { StationClient } from '../../common/contract';
import type { StationInfo } from '../../common/domain';
import type { KioskEvent, ServiceState } from './kiosk-state';

/** Poll period while the service answers. */
const READY_POLL_MS = 30_000;
/** Poll period while it does not: soon enough that "Reconnecting…" is short. */
const DOWN_POLL_MS = 2_000;

export function useStationSync(
  client: StationClient,
  service: ServiceState,
  dispatch: (event: KioskEvent) => void,
  onFirstInfo: (info: StationInfo) => void,
): void {
  const dispatchRef = useRef(dispatch);
  const onFirstInfoRef = useRef(onFirstInfo);
  useEffect(() => {
    dispatchRef.current = dispatch;
    onFirstInfoRef.current = onFirstInfo;
  }, [dispatch, onFirstInfo]);
  const seenInfo = useRef(false);
  const inFlight = useRef(false);

  // Pushed events.
  useEffect(() => {
    const send = (event: KioskEvent): void => dispatchRef.current(event);
    const offs = [
      // Rendered in the message's own task: a tap's greeting must not wait for React's
      // scheduler to get a turn behind other queued work (up to a frame on a busy core).
      client.on('checkIn', ({ outcome }) => flushSync(() => send({ type: 'check-in', outcome }))),
      client.on('cardError', ({ reason }) => send({ type: 'card-error', reason })),
      client.on('deviceStatus', ({ devices }) => send({ type: 'devices', devices })),
      // Stamped on arrival: the charging screen's "collect by" counts from the door shutting.
      client.on('locker', (event) => send({ type: 'locker', event, atMs: Date.now() })),
    ];
    return () => offs.forEach((off) => off());
  }, [client]);

  // Polling; restarted whenever the service state changes so recovery is picked up quickly.
  useEffect(() => {
    let stopped = false;
    const refresh = async (): Promise<void> => {
      // A call can wait for a reconnect for seconds; never stack polls behind it.
      if (inFlight.current) return;
      inFlight.current = true;
      try {
        const [info, devices] = await Promise.all([client.getStationInfo(), client.getDeviceStatus()]);
        if (stopped) return;
        if (info.ok) {
          if (!seenInfo.current) {
            seenInfo.current = true;
            onFirstInfoRef.current(info.value);
          }
          dispatchRef.current({ type: 'info-loaded', info: info.value });
        } else {
          // Without station info there is nothing sensible to show but "connecting".
          dispatchRef.current({ type: 'service-unavailable' });
        }
        if (devices.ok) dispatchRef.current({ type: 'devices', devices: devices.value });
      } finally {
        inFlight.current = false;
      }
    };
    if (service !== 'ready') void refresh();
    const timer = setInterval(() => void refresh(), service === 'ready' ? READY_POLL_MS : DOWN_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [client, service]);
}
