/**
 * A horizontal swipe on the wall turns the page: far enough sideways, more sideways than
 * down, and quick enough to be a flick rather than a slow drag of a gloved finger resting.
 */

/** Least sideways travel, CSS px. */
export const SWIPE_MIN_PX = 60;
/** Longest swipe, ms. */
export const SWIPE_MAX_MS = 800;

export interface PointerPoint {
  readonly x: number;
  readonly y: number;
  /** ms, e.g. `event.timeStamp`. */
  readonly t: number;
}

/** `next` for a swipe to the left, `prev` to the right, null for anything else. */
export function swipeDirection(start: PointerPoint, end: PointerPoint): 'next' | 'prev' | null {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  if (end.t - start.t > SWIPE_MAX_MS) return null;
  if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) <= Math.abs(dy)) return null;
  return dx < 0 ? 'next' : 'prev';
}
