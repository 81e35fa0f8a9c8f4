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

  it('a page stalled itself does not take the answer queued behind its late tick for a dead service', async () => {
    const p = pings();
    const events: string[] = [];
    const stop = startHeartbeat({ intervalMs: 500, deadMs: 1_500, ping: p.ping, onDown: () => events.push('down'), onRestart: () => events.push('restart') });
    p.answerAll(ok({ instance: 'a' }));
    await vi.advanceTimersByTimeAsync(500);
    // The page's loop is blocked for 1.6 s (a long render on a starved core): the clock moves,
    // no timer runs, and the service's answer waits in the socket behind the next tick.
    vi.setSystemTime(Date.now() + 1_600);
    await vi.advanceTimersByTimeAsync(500);
    p.answerAll(ok({ instance: 'a' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual([]);
    // A real silence afterwards is still reported, after the dead time.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(events).toEqual(['down']);
    stop();
  });

  it('a page that is late on every tick still notices a dead service, within twice the dead time', async () => {
    const p = pings();
    const events: string[] = [];
    const stop = startHeartbeat({ intervalMs: 500, deadMs: 1_500, ping: p.ping, onDown: () => events.push('down'), onRestart: () => events.push('restart') });
    p.answerAll(ok({ instance: 'a' }));
    const start = Date.now();
    while (events.length === 0 && Date.now() - start < 10_000) {
      vi.setSystemTime(Date.now() + 400);
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(events).toEqual(['down']);
    expect(Date.now() - start).toBeLessThanOrEqual(3_000 + 900);
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
