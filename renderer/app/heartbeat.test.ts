import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { err, ok, type Result } from '../../common/result';
import { startHeartbeat } from './heartbeat';

type Answer = Result<{ instance: string }>;

/** A ping whose answers the test hands out one by one (or never). */
function pings() {
  const waiting: ((answer: Answer) => void)[] = [];
  return {
    ping: () => new Promise<Answer>((resolve) => waiting.push(resolve)),
    get count() {
      return waiting.length;
    },
    answerAll(answer: Answer) {
      for (const resolve of waiting.splice(0)) resolve(answer);
    },
  };
}

describe('heartbeat', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports a service that stops answering once, after the dead time, and pings one at a time', async () => {
    const p = pings();
    const events: string[] = [];
    const stop = startHeartbeat({ deadMs: 2_000, ping: p.ping, onDown: () => events.push('down'), onRestart: () => events.push('restart') });
    expect(p.count).toBe(1);
    p.answerAll(ok({ instance: 'a' }));
    await vi.advanceTimersByTimeAsync(500);
    expect(p.count).toBe(1);
    // From here on nothing answers: 1.5 s after the last answer is not yet dead, 2 s is.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(events).toEqual(['down']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(events).toEqual(['down']);
    // Each unanswered ping is given up on after the dead time (sent at 0.5, 3, 5.5, 8 and
    // 10.5 s), so a few wait, not one per tick.
    expect(p.count).toBe(5);
    stop();
  });

  it('an unavailable answer is no answer; the same instance coming back is not a restart', async () => {
    const p = pings();
    const events: string[] = [];
    const stop = startHeartbeat({ deadMs: 2_000, ping: p.ping, onDown: () => events.push('down'), onRestart: () => events.push('restart') });
    p.answerAll(ok({ instance: 'a' }));
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(500);
      p.answerAll(err('unavailable', 'connection lost'));
    }
    expect(events).toEqual(['down']);
    await vi.advanceTimersByTimeAsync(500);
    p.answerAll(ok({ instance: 'a' }));
    await vi.advanceTimersByTimeAsync(500);
    expect(events).toEqual(['down']);
    stop();
  });

  it('a new instance is a restart, even when the page never saw the service gone', async () => {
    const p = pings();
    const events: string[] = [];
    const stop = startHeartbeat({ deadMs: 2_000, ping: p.ping, onDown: () => events.push('down'), onRestart: () => events.push('restart') });
    p.answerAll(ok({ instance: 'a' }));
    await vi.advanceTimersByTimeAsync(500);
    p.answerAll(ok({ instance: 'b' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['restart']);
    stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(p.count).toBe(0);
  });
});
