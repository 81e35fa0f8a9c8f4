import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCrashLoopPolicy, watchForCrashes, type CrashWatchedContents } from './crash-recovery';

describe('crash-loop policy', () => {
  it('reloads the first two crashes and rests on the third within 60 s', () => {
    const policy = createCrashLoopPolicy();
    expect(policy.onCrash(0)).toBe('reload');
    expect(policy.onCrash(10_000)).toBe('reload');
    expect(policy.onCrash(59_999)).toBe('recovery');
  });

  it('forgets crashes older than the window', () => {
    const policy = createCrashLoopPolicy();
    expect(policy.onCrash(0)).toBe('reload');
    expect(policy.onCrash(30_000)).toBe('reload');
    expect(policy.onCrash(60_000)).toBe('reload');
    expect(policy.onCrash(61_000)).toBe('recovery');
  });
});

/** Test double of WebContents for crash events (Electron cannot run here). */
function contentsDouble() {
  const listeners = new Map<string, (...args: never[]) => void>();
  const d = {
    destroyed: false,
    on(event: string, listener: (...args: never[]) => void) {
      listeners.set(event, listener);
      return d;
    },
    isDestroyed: () => d.destroyed,
    fire(event: string, ...args: unknown[]) {
      (listeners.get(event) as (...a: unknown[]) => void)(...args);
    },
  };
  return d satisfies CrashWatchedContents;
}

describe('watchForCrashes', () => {
  let loads: string[];
  let clock: number;
  let contents: ReturnType<typeof contentsDouble>;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    loads = [];
    clock = 0;
    contents = contentsDouble();
    stop = watchForCrashes({
      contents,
      loadApp: async () => void loads.push('app'),
      showRecovery: async () => void loads.push('recovery'),
      now: () => clock,
      log: () => undefined,
    });
  });

  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  const crash = (atMs: number) => {
    clock = atMs;
    contents.fire('render-process-gone', {}, { reason: 'crashed' });
  };

  it('reloads after a crash', () => {
    crash(0);
    expect(loads).toEqual(['app']);
  });

  it('shows the recovery page on the third crash in a minute, and retries after 30 s', () => {
    crash(0);
    crash(1_000);
    crash(2_000);
    expect(loads).toEqual(['app', 'app', 'recovery']);
    vi.advanceTimersByTime(29_999);
    expect(loads).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(loads).toEqual(['app', 'app', 'recovery', 'app']);
  });

  it('shows the recovery page when the station page fails to load, but not for aborted loads', () => {
    contents.fire('did-fail-load', {}, -3, 'ERR_ABORTED', 'file:///app/index.html', true);
    expect(loads).toEqual([]);
    contents.fire('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'file:///app/index.html', true);
    expect(loads).toEqual(['recovery']);
    // The recovery page failing as well must not start a loop of recovery loads.
    contents.fire('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'file:///app/recovery.html', true);
    expect(loads).toEqual(['recovery']);
    vi.advanceTimersByTime(30_000);
    expect(loads).toEqual(['recovery', 'app']);
  });

  it('does nothing once the window is gone or watching stopped', () => {
    contents.destroyed = true;
    crash(0);
    contents.destroyed = false;
    stop();
    crash(1);
    expect(loads).toEqual([]);
  });

  it('cancels a pending retry when stopped', () => {
    crash(0);
    crash(1);
    crash(2);
    stop();
    vi.advanceTimersByTime(60_000);
    expect(loads).toEqual(['app', 'app', 'recovery']);
  });
});
