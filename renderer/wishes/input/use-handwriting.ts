/**
 * Handwriting through the station service: whether it works here, and candidates for the
 * strokes drawn so far (the latest strokes win; an answer to older strokes is dropped).
 */
import { useEffect, useRef, useState } from 'react';
import type { StationApi } from '../../../common/contract';
import type { HandwritingAvailability } from '../../../common/handwriting';
import { PAD_SIZE, type Stroke } from './HandwritingPad';

/** The two service methods the composer needs. */
export type HandwritingClient = Pick<StationApi, 'getHandwritingAvailability' | 'recogniseHandwriting'>;

export interface HandwritingState {
  /** null while asking; `{ available: false, reason }` when the station has no recogniser. */
  readonly availability: HandwritingAvailability | null;
  readonly candidates: readonly string[];
  /** The last recognition failed (service busy or restarting). */
  readonly failed: boolean;
}

export function useHandwriting(client: HandwritingClient | undefined, strokes: readonly Stroke[]): HandwritingState {
  const [availability, setAvailability] = useState<HandwritingAvailability | null>(null);
  const [candidates, setCandidates] = useState<readonly string[]>([]);
  const [failed, setFailed] = useState(false);
  const asked = useRef(0);

  useEffect(() => {
    let live = true;
    if (!client) return;
    void client.getHandwritingAvailability().then((result) => {
      if (live) setAvailability(result.ok ? result.value : { available: false, reason: 'recogniser-missing' });
    });
    return () => {
      live = false;
    };
  }, [client]);

  useEffect(() => {
    const ask = ++asked.current;
    if (!client || strokes.length === 0) {
      setCandidates([]);
      setFailed(false);
      return;
    }
    void client.recogniseHandwriting({ strokes: strokes.map((s) => [...s]), width: PAD_SIZE, height: PAD_SIZE }).then((result) => {
      if (ask !== asked.current) return;
      setFailed(!result.ok);
      setCandidates(result.ok ? result.value.candidates.map((c) => c.text) : []);
    });
  }, [client, strokes]);

  return { availability: client ? availability : { available: false, reason: 'recogniser-missing' }, candidates, failed };
}
