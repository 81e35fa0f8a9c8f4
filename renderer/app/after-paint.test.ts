import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from './after-paint';

// Node has no frames: a stand-in frame clock the test advances by hand.
let frames: Array<() => void> = [];
vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
vi.stubGlobal('cancelAnimationFrame', (id: number) => (frames[id - 1] = () => undefined));
const nextFrame = () => frames.splice(0).forEach((cb) => cb());
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  frames = [];
});

describe('afterPaint', () => {
  it('runs after the next frame, in a task of its own, not before', async () => {
    const ran: string[] = [];
    afterPaint(() => ran.push('after'));
    await nextTask();
    expect(ran).toEqual([]);
    nextFrame();
    expect(ran).toEqual([]); // not inside the frame callback itself
    // A message, then a timer: a bounded wait, a busy event loop may run them late.
    await vi.waitFor(() => expect(ran).toEqual(['after']), { timeout: 2000, interval: 5 });
  });

  it('does nothing once cancelled, before or after the frame', async () => {
    const ran: string[] = [];
    afterPaint(() => ran.push('a'))();
    const cancelB = afterPaint(() => ran.push('b'));
    nextFrame();
    cancelB();
    await nextTask();
    expect(ran).toEqual([]);
  });
});
