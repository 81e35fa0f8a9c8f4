/**
 * Runs `fn` once the frame now being prepared has been painted, behind whatever that frame's
 * callbacks queued: the next animation frame runs just before the frame is produced; a message
 * posted from it runs once the frame is done; a zero-delay timer set there runs after the
 * tasks already queued. For work a new screen starts that need not hold up its first frame (a
 * refresh call whose answer redraws part of it, a tone, a spoken prompt). Returns a cancel
 * function; cancelling after `fn` ran does nothing.
 *
 * Why the last hop: Chromium runs queued tasks in the order they were queued, so work run
 * straight from the message (or from a timer set in the frame callback) goes before the other
 * frame callbacks' follow-ups. A tap's tone, availability request and prompt took 3 such turns
 * (0.5–1.3 ms of CPU each, much longer on a busy core) before anything else after its frame.
 */
export function afterPaint(fn: () => void): () => void {
  let live = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    // `live` is read when the timer fires: a cancel in between still holds.
    setTimeout(() => live && fn(), 0);
  };
  const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
  return () => {
    live = false;
    cancelAnimationFrame(frame);
    channel.port1.close();
  };
}
