/**
 * What the service refused in the screen's name (e.g. a burst of card reads), shown for a
 * while so that whoever stands at the kiosk sees that something is going on.
 */
import { useEffect, useState } from 'react';
import type { EventPayload, StationClient } from '../../common/contract';

/** How long a notice stays up after the last one, in ms. */
export const SCREEN_NOTICE_MS = 10_000;

export function useScreenNotice(client: StationClient): EventPayload<'screenNotice'> | null {
  const [notice, setNotice] = useState<EventPayload<'screenNotice'> | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = client.on('screenNotice', (payload) => {
      setNotice(payload);
      clearTimeout(timer);
      timer = setTimeout(() => setNotice(null), SCREEN_NOTICE_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [client]);
  return notice;
}
