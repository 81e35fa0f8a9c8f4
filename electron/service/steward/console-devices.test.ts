import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { stationDatabasePath } from '../storage/database';
import { STANDARD_LAYOUT, T0, useLockerStations } from '../testing/locker-fixture';
import { useTempDirs } from '../testing/temp-dirs';
import { stewardStation, writeStewards } from './steward-test-kit';

const start = useLockerStations();
const temp = useTempDirs('steward-devices-');

describe('getConsoleDevices', () => {
  it('each reader and bus with last seen, errors and reopens counted since start, and the sync status; stewards only', async () => {
    const dataDir = temp.make();
    writeStewards(dataDir);
    const { s, signIn, reader } = await stewardStation(start, { dataDir, layout: STANDARD_LAYOUT });
    expect(await s.service.api.getConsoleDevices({ session: 'A'.repeat(32) })).toMatchObject({ ok: false, code: 'forbidden' });
    const session = await signIn();
    const devices = async () => {
      const answer = await s.service.api.getConsoleDevices({ session });
      if (!answer.ok) throw new Error(answer.message);
      return answer.value;
    };
    const first = await devices();
    expect(first.countedSinceMs).toBe(T0);
    expect(first.sync).toMatchObject({ state: 'not-configured', queueLength: 0 });
    expect(first.devices.map((d) => [d.id, d.kind, d.state, d.lastSeenAtMs, d.errors, d.reopens])).toEqual([
      ['door', 'card-reader', 'online', T0, 0, 0],
      ['wall', 'locker-bus', 'online', T0, 0, 0],
    ]);
    vi.advanceTimersByTime(10_000);
    s.bus.setState('offline', 'port lost');
    reader.fault('malformed');
    vi.advanceTimersByTime(10_000);
    s.bus.setState('online', '');
    const after = await devices();
    expect(after.devices.map((d) => [d.id, d.state, d.lastSeenAtMs, d.errors, d.reopens])).toEqual([
      ['door', 'online', T0 + 20_000, 1, 0],
      ['wall', 'online', T0 + 20_000, 1, 1],
    ]);
    expect(after.countedSinceMs).toBe(T0);
  });

  it('keeps the counts and last seen across a restart on the same data folder, counting on from the first start', async () => {
    const dataDir = temp.make();
    writeStewards(dataDir);
    const first = await stewardStation(start, { dataDir, layout: STANDARD_LAYOUT });
    vi.advanceTimersByTime(10_000);
    first.s.bus.setState('offline', 'port lost');
    first.reader.fault('malformed');
    vi.advanceTimersByTime(5_000);
    first.s.bus.setState('online', '');
    // A tap 20 s after the reopen moves last seen within the fold interval: only shutdown writes it.
    vi.advanceTimersByTime(20_000);
    await first.tapReader('0040856634');
    const tapAtMs = Date.now();
    const stored = () => new Database(stationDatabasePath(dataDir), { readonly: true });
    const before = stored();
    expect(before.prepare('SELECT device_id, errors, reopens, last_seen_ms, since_ms FROM device_counts ORDER BY device_id').all()).toEqual([
      // Written with the bad read at +10 s; seen again at +15 s and at the tap, inside the fold interval.
      { device_id: 'door', errors: 1, reopens: 0, last_seen_ms: T0 + 10_000, since_ms: T0 },
      { device_id: 'wall', errors: 1, reopens: 1, last_seen_ms: T0 + 15_000, since_ms: T0 },
    ]);
    before.close();
    await first.s.service.close();
    const atClose = stored();
    expect(atClose.prepare("SELECT last_seen_ms FROM device_counts WHERE device_id = 'door'").get()).toEqual({ last_seen_ms: tapAtMs });
    atClose.close();

    vi.advanceTimersByTime(86_400_000);
    const second = await stewardStation(start, { dataDir, layout: STANDARD_LAYOUT });
    const session = await second.signIn();
    second.s.bus.setState('offline', 'unplugged');
    vi.advanceTimersByTime(1_000);
    second.s.bus.setState('online', '');
    const answer = await second.s.service.api.getConsoleDevices({ session });
    if (!answer.ok) throw new Error(answer.message);
    expect(answer.value.countedSinceMs).toBe(T0);
    expect(answer.value.devices.map((d) => [d.id, d.errors, d.reopens])).toEqual([
      ['door', 1, 0],
      ['wall', 2, 2],
    ]);
  });
});
