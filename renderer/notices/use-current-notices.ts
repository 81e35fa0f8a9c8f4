/**
 * The notices showing now, for the attract screen: one watch for the page's life, handed
 * down through a context so the attract screen needs no client of its own.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { StationClient } from '../../common/contract';
import type { Notice } from '../../common/notices';
import { watchCurrentNotices } from './notice-watch';

export const CurrentNoticesContext = createContext<readonly Notice[]>([]);

export function useCurrentNotices(client: StationClient): readonly Notice[] {
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  useEffect(() => watchCurrentNotices({ client, now: Date.now, onChange: setNotices }), [client]);
  return notices;
}

export function useNoticesShowing(): readonly Notice[] {
  return useContext(CurrentNoticesContext);
}
