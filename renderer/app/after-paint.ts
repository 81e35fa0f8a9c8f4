/**
 * Runs `fn` once the frame now being prepared has been painted: the next animation frame
 * runs just before that frame is produced, and a task queued from it runs after. For work a
 * new screen starts that need not hold up its first frame (e.g. a refresh call whose answer
 * redraws part of it). Returns a cancel function; cancelling after `fn` ran does nothing.
 */
export function afterPaint(fn: () => void): () => void {
  let cancelled = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!cancelled) fn();
  };
  const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    channel.port1.close();
  };
}
