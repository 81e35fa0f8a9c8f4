import { describe, expect, it } from 'vitest';
import { createAnswerCache } from './answer-cache';

/** A cache over a call that records each ask and answers when told to, on a clock the test moves. */
function setUp(maxAgeMs = 5_000) {
  let nowMs = 1_000;
  const asked: string[] = [];
  const answer: ((value: string) => void)[] = [];
  const fail: ((error: Error) => void)[] = [];
  const cache = createAnswerCache<'today' | '7d', string>({
    ask: (key) => {
      asked.push(key);
      return new Promise<string>((resolve, reject) => {
        answer.push(resolve);
        fail.push(reject);
      });
    },
    now: () => nowMs,
    maxAgeMs,
  });
  return { cache, asked, answer, fail, advance: (ms: number) => (nowMs += ms) };
}

describe('answer cache', () => {
  it('hands an early answer out once: a second take finds nothing', async () => {
    const { cache, asked, answer } = setUp();
    cache.start('today');
    const early = cache.take('today');
    expect(asked).toEqual(['today']);
    expect(early).not.toBeNull();
    expect(early!.arrived).toBeNull();
    answer[0]!('report at 1000');
    await expect(early!.answer).resolves.toBe('report at 1000');
    expect(early!.arrived).toEqual({ value: 'report at 1000' });
    expect(cache.take('today')).toBeNull();
  });

  it('asks once while a young answer is held, even before it has arrived; keys are separate', () => {
    const { cache, asked, advance } = setUp();
    cache.start('today');
    advance(5_000);
    cache.start('today');
    cache.start('7d');
    expect(asked).toEqual(['today', '7d']);
  });

  it('an answer held past its age is not handed out, and the next start asks again', async () => {
    const { cache, asked, answer, advance } = setUp();
    cache.start('today');
    answer[0]!('old');
    await Promise.resolve();
    advance(5_001);
    expect(cache.take('today')).toBeNull();
    cache.start('today');
    advance(5_001);
    cache.start('today');
    expect(asked).toEqual(['today', 'today', 'today']);
    answer[2]!('fresh');
    const early = cache.take('today');
    await expect(early!.answer).resolves.toBe('fresh');
  });

  it('ages from the ask, not the arrival: a slow answer is no younger for being slow', async () => {
    const { cache, answer, advance } = setUp();
    cache.start('today');
    advance(4_000);
    answer[0]!('slow');
    await Promise.resolve();
    advance(1_001);
    expect(cache.take('today')).toBeNull();
  });

  it('clear drops every held answer (sign-out): none is handed out afterwards, not even one still travelling', async () => {
    const { cache, asked, answer } = setUp();
    cache.start('today');
    cache.start('7d');
    answer[0]!('signed-in steward');
    await Promise.resolve();
    cache.clear();
    answer[1]!('late');
    await Promise.resolve();
    expect(cache.take('today')).toBeNull();
    expect(cache.take('7d')).toBeNull();
    cache.start('today');
    expect(asked).toEqual(['today', '7d', 'today']);
  });

  it('a call that failed outright is dropped, so the next start asks again', async () => {
    const { cache, asked, fail } = setUp();
    cache.start('today');
    fail[0]!(new Error('socket gone'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cache.take('today')).toBeNull();
    cache.start('today');
    expect(asked).toEqual(['today', 'today']);
  });
});
