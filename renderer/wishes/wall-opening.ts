/**
 * Opening the wish wall: its first page is asked for at the touch, and the wall comes up once
 * the page is here — one paint with the notes on it, not a "loading" frame and then a second
 * full layout — or after `OPEN_WAIT_MS` at the latest, when it shows "loading" and fills in
 * by itself. Small and free of the wall's code: the first screen's chunk carries it.
 */
import type { Result } from '../../common/result';
import type { StationApi } from '../../common/contract';
import type { WishPage } from '../../common/wishes';
import { WALL_PAGE_SIZE } from './wall-layout';

/** Longest a touch waits for the first page before the wall shows without it, ms. */
export const OPEN_WAIT_MS = 150;
/** An opening not taken by a wall within this long is stale and asked for again, ms. */
const FRESH_MS = 2000;

/** The first page asked for at the touch: its answer once it came, and the promise of it. */
export interface WallOpening {
  readonly promise: Promise<Result<WishPage>>;
  /** The answer, once it came (read synchronously by the wall's first render). */
  readonly answer: () => Result<WishPage> | null;
}

let opening: { readonly at: number; readonly value: WallOpening } | null = null;

/**
 * Asks for the first page now and calls `open` when it has come, or after OPEN_WAIT_MS (a
 * failed call opens at once: the wall shows its own failure line).
 */
export function openWallWhenReady(api: Pick<StationApi, 'listWishes'>, open: () => void): void {
  let answer: Result<WishPage> | null = null;
  const promise = api.listWishes({ page: 0, pageSize: WALL_PAGE_SIZE }).then((result) => {
    answer = result;
    return result;
  });
  opening = { at: performance.now(), value: { promise, answer: () => answer } };
  let opened = false;
  const openOnce = () => {
    if (opened) return;
    opened = true;
    clearTimeout(timer);
    open();
  };
  const timer = setTimeout(openOnce, OPEN_WAIT_MS);
  void promise.then(openOnce, openOnce);
}

/** The opening the wall is being opened with (null when none, or a stale one). */
export function currentWallOpening(): WallOpening | null {
  return opening && performance.now() - opening.at <= FRESH_MS ? opening.value : null;
}

/** Done with `used`: the next wall asks afresh. */
export function forgetWallOpening(used: WallOpening): void {
  if (opening?.value === used) opening = null;
}
