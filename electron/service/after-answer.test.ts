import { describe, expect, it } from 'vitest';
import { createAfterAnswer } from './after-answer';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('work left for after an answer', () => {
  it('runs on the next turn of the loop, after the promise callbacks queued with it, in order', async () => {
    const after = createAfterAnswer();
    const order: string[] = [];
    after.push(() => order.push('log line'));
    void Promise.resolve().then(() => order.push('answer sent'));
    after.push(() => order.push('sketch'));
    expect(order).toEqual([]);
    await Promise.resolve();
    expect(order).toEqual(['answer sent']);
    await nextTurn();
    expect(order).toEqual(['answer sent', 'log line', 'sketch']);
  });

  it('drain() runs what is queued at once, and nothing runs twice', async () => {
    const after = createAfterAnswer();
    const ran: number[] = [];
    after.push(() => ran.push(1));
    after.push(() => ran.push(2));
    after.drain();
    expect(ran).toEqual([1, 2]);
    await nextTurn();
    expect(ran).toEqual([1, 2]);
    after.push(() => ran.push(3));
    await nextTurn();
    expect(ran).toEqual([1, 2, 3]);
  });

  it('a job that throws is reported and the rest still run', async () => {
    const errors: unknown[] = [];
    const after = createAfterAnswer((error) => errors.push(error));
    const ran: string[] = [];
    after.push(() => {
      throw new Error('disk full');
    });
    after.push(() => ran.push('next'));
    await nextTurn();
    expect(ran).toEqual(['next']);
    expect(errors).toEqual([new Error('disk full')]);
  });
});
