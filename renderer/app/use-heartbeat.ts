/** Wires the {@link startHeartbeat} heartbeat to the kiosk: a silent or restarted service starts over. */
import { useEffect, useRef } from 'react';
import type { StationClient } from '../../common/contract';
import { startHeartbeat } from './heartbeat';
import type { KioskEvent } from './kiosk-state';

export function useHeartbeat(client: StationClient, dispatch: (event: KioskEvent) => void): void {
  const dispatchRef = useRef(dispatch);
  useEffect(() => {
    dispatchRef.current = dispatch;
  }, [dispatch]);
  useEffect(
    () =>
      startHeartbeat({
        ping: () => client.ping(),
        // Both mean the flow under way cannot finish (a restart voids card passes): start over
        // on the restarting screen until the station info answers again.
        onDown: () => dispatchRef.current({ type: 'service-unavailable' }),
        onRestart: () => dispatchRef.current({ type: 'service-unavailable' }),
      }),
    [client],
  );
}
