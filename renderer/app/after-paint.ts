/**
 * Runs `fn` once the frame now being prepared has been painted: the next animation frame
 * runs just before that frame is produced, and a timer set from it runs after. For work a
 * new screen starts that need not hold up its first frame (e.g. a refresh call whose answer
 * redraws part of it, a tone). Returns a cancel function; cancelling after `fn` ran does
 * nothing.
 *
 * Why a timer and not a posted message: a message posted in the frame callback runs as soon
 * as the frame is done, ahead of the frame's own follow-up work and of input; a zero-delay
 * timer set there is queued behind them, so deferred work (a tone builds an AudioContext,
 * tens of ms on a busy core) takes the next free turn rather than the first.
 */
export function afterPaint(fn: () => void): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      if (!cancelled) fn();
    }, 0);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
