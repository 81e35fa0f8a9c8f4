import { describe, expect, it, vi } from 'vitest';
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
});
