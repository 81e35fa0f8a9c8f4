/**
 * The pinyin engine, fetched (its own chunk, with the word list) the first time a composer
 * mounts; null until then. A failed fetch leaves it null: English and handwriting still work.
 */
import { useEffect, useState } from 'react';
import type { PinyinEngine } from './pinyin/engine';

export function usePinyinEngine(): PinyinEngine | null {
  const [engine, setEngine] = useState<PinyinEngine | null>(null);
  useEffect(() => {
    let live = true;
    import('./pinyin/load-engine')
      .then((m) => {
        if (live) setEngine(m.pinyinEngine());
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return engine;
}
