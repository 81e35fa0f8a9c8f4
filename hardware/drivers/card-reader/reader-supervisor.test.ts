import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTransportPair, type MemoryTransport } from '../../transport/memory-transport';
import { ReaderSupervisor, type ReaderSupervisorOptions } from './reader-supervisor';

let host: MemoryTransport;
let opens: number[];
let supervisor: ReaderSupervisor | undefined;
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  host = createTransportPair('/dev/ttyFAKE0').host;
  opens = [];
});
afterEach(async () => {
  await supervisor?.stop();
  vi.useRealTimers();
});

function supervise(extra: Partial<ReaderSupervisorOptions> = {}): ReaderSupervisor {
  supervisor = new ReaderSupervisor({
    createTransport: () => {
      opens.push(Date.now());
      return host;
    },
    ...extra,
  });
  return supervisor;
}

describe('ReaderSupervisor', () => {
  it('goes online once the transport opens and passes data through', async () => {
    const s = supervise();
    const states: string[] = [];
    const data: Uint8Array[] = [];
    s.on('state', (st) => states.push(st));
    s.on('data', (c) => data.push(c));
    expect(s.detail).toBe('Not started.');
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.state).toBe('online');
    expect(s.detail).toBe('');
    expect(states).toEqual(['online']);
    await host.peer?.open();
    await host.peer?.write(Uint8Array.of(7));
    await vi.advanceTimersByTimeAsync(0);
    expect(data).toEqual([Uint8Array.of(7)]);
  });

  it('retries a failing open at 250, 500, 1000, then every 2000 ms, and says why', async () => {
    host.failOpens('No such file or directory');
    const s = supervise();
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.state).toBe('offline');
    expect(s.detail).toBe('Cannot open the reader: Cannot open /dev/ttyFAKE0: No such file or directory. Retrying in 250 ms.');
    await vi.advanceTimersByTimeAsync(9_750);
    expect(opens).toEqual([0, 250, 750, 1750, 3750, 5750, 7750, 9750]);
    expect(s.detail).toMatch(/Retrying in 2 s\.$/);
    host.failOpens(undefined);
    await vi.advanceTimersByTimeAsync(2000);
    expect(s.state).toBe('online');
  });

  it('treats a throwing factory as a failed open', async () => {
    supervisor = new ReaderSupervisor({ createTransport: () => { throw new Error('bad config'); } });
    supervisor.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(supervisor.state).toBe('offline');
    expect(supervisor.detail).toBe('Cannot open the reader: bad config. Retrying in 250 ms.');
  });

  it('goes offline on loss, reports it, and reopens after 250 ms with backoff reset', async () => {
    const s = supervise();
    const events: string[] = [];
    s.on('state', (st) => events.push(st));
    s.on('lost', () => events.push('lost'));
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    host.simulateLoss('EIO: i/o error');
    expect(s.state).toBe('offline');
    expect(s.detail).toBe('The reader was disconnected (EIO: i/o error). Retrying in 250 ms.');
    await vi.advanceTimersByTimeAsync(249);
    expect(s.state).toBe('offline');
    await vi.advanceTimersByTimeAsync(1);
    expect(s.state).toBe('online');
    expect(events).toEqual(['online', 'lost', 'offline', 'online']);
    host.simulateLoss();
    await vi.advanceTimersByTimeAsync(250);
    expect(s.state).toBe('online');
  });

  it('notices a vanished device path within a second and is back within 5 s of a replug', async () => {
    let present = true;
    const s = supervise({ livenessPath: '/dev/ttyFAKE0', pathExists: () => present });
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    present = false;
    host.failOpens('No such file or directory');
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.state).toBe('offline');
    expect(s.detail).toBe("The reader's port /dev/ttyFAKE0 is gone (unplugged?). Retrying in 250 ms.");
    expect(host.isOpen).toBe(false);
    // Unplugged for a long while: the backoff reaches its cap.
    await vi.advanceTimersByTimeAsync(30_000);
    present = true;
    host.failOpens(undefined);
    const replugAt = Date.now();
    while (s.state !== 'online' && Date.now() - replugAt < 5000) await vi.advanceTimersByTimeAsync(50);
    expect(s.state).toBe('online');
    expect(Date.now() - replugAt).toBeLessThanOrEqual(2000);
  });

  it('stops: closes the transport, cancels retries, idempotent', async () => {
    const s = supervise();
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    await s.stop();
    await s.stop();
    expect(host.isOpen).toBe(false);
    expect(s.state).toBe('offline');
    expect(s.detail).toBe('Stopped.');
    host.failOpens('x');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(opens).toEqual([0]);
  });

  it('stops cleanly while a retry is pending or an open is in flight', async () => {
    host.failOpens('busy');
    const s = supervise();
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    await s.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(opens).toEqual([0]);

    host.failOpens(undefined);
    const slow = supervise();
    slow.start(); // open() is pending until microtasks run
    await slow.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(slow.state).toBe('offline');
    expect(host.isOpen).toBe(false);
  });
});
