/**
 * The notes for the attract screen's rotation: fetched when the attract screen appears and
 * every few minutes while it stays. A failure keeps the last notes (or none).
 */
import { useEffect, useState } from 'react';
import type { StationApi } from '../../common/contract';
import type { WishNote } from '../../common/wishes';

/** Refresh period while the attract screen stays up, ms. */
export const ROTATION_REFRESH_MS = 5 * 60_000;

export function useWishRotation(api: Pick<StationApi, 'getWishRotation'>, active: boolean): readonly WishNote[] {
  const [notes, setNotes] = useState<readonly WishNote[]>([]);
  useEffect(() => {
    if (!active) return undefined;
    let live = true;
    const fetchNotes = () =>
      void api.getWishRotation().then((result) => {
        if (live && result.ok) setNotes(result.value);
      });
    fetchNotes();
    const timer = setInterval(fetchNotes, ROTATION_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, active]);
  return notes;
}
