/**
 * Polls `condition` every 5 ms until it holds, failing with `what` after `timeoutMs`
 * (default 3000). For tests on real ttys, where there is no event to await for "nothing
 * more will come"; a bounded poll fails loudly instead of hoping a sleep was long enough.
 */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
