/**
 * Keeps the attract screen's notices current: asks the service once, again whenever a
 * steward changes them (`noticesChanged`), and again at the moment the service said the list
 * next changes (a window opening or closing), so the screen changes by itself on time.
 */
import type { StationClient } from '../../common/contract';
import type { Notice } from '../../common/notices';

/** Longest wait between two asks, so a station clock set forward or back is caught up within this. */
export const MAX_WAIT_MS = 15 * 60_000;
/** Shortest wait, so a service clock a little behind the page's does not make a busy loop. */
export const MIN_WAIT_MS = 1_000;

export interface NoticeWatchDeps {
  readonly client: Pick<StationClient, 'getCurrentNotices' | 'on'>;
  /** The page's clock, epoch ms. */
  readonly now: () => number;
  /** Every new list (and `[]` until the first answer, which is not reported). */
  readonly onChange: (notices: readonly Notice[]) => void;
}

/** Starts watching; the returned function stops (no timer or listener is left). */
export function watchCurrentNotices({ client, now, onChange }: NoticeWatchDeps): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const ask = () => {
    clearTimeout(timer);
    const ticket = ++asked;
    void client.getCurrentNotices().then((result) => {
      // A later ask is on its way: its answer is the newer one.
      if (stopped || ticket !== asked) return;
      let wait = MAX_WAIT_MS;
      if (result.ok) {
        onChange(result.value.notices);
        if (result.value.nextChangeMs !== null) wait = Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, result.value.nextChangeMs - now()));
      }
      timer = setTimeout(ask, wait);
    });
  };

  const unsubscribe = client.on('noticesChanged', ask);
  ask();
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}
