/**
 * Charging durations and overdue times follow the monotonic clock: the wall clock is stepped
 * (vi.setSystemTime moves Date only; the faked performance.now keeps counting, as a real NTP
 * step or a hand-set clock does) by -1 h, +1 h and +1 day while a phone charges.
 */
import { describe, expect, it, vi } from 'vitest';
import { STANDARD_LAYOUT, T0, useLockerStations, type LockerStation } from '../testing/locker-fixture';

const start = useLockerStations();
const PIN = '2468';
const MIN = 60_000;
const HOUR = 60 * MIN;
const MAX = 240 * MIN;

/** Steps the wall clock only. */
const jumpWall = (deltaMs: number) => vi.setSystemTime(Date.now() + deltaMs);

async function charging(): Promise<LockerStation> {
  const s = await start({ layout: STANDARD_LAYOUT, settings: { stewardPin: PIN, claimReleaseMinutes: 24 * 60 } });
  await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: await s.pass() }, cable: 'usb-c' });
  s.bus.closeDoor(1, 1);
  return s;
}

async function lockerOne(s: LockerStation) {
  const listed = await s.service.api.listLockers({ session: await s.session() });
  if (!listed.ok) throw new Error(listed.code);
  return listed.value[0]!.session!;
}

async function endBySteward(s: LockerStation) {
  expect(await s.service.api.stewardLockerAction({ session: await s.session(), lockerNumber: 1, action: 'end-session', reason: 'handed over' })).toEqual({ ok: true, value: {} });
  return s.rows<{ charged_ms: number; ended_ms: number; started_ms: number }>('SELECT charged_ms, ended_ms, started_ms FROM locker_sessions');
}

describe('locker charging on the monotonic clock', () => {
  it('no jump: the stored due time is shown, overdue after exactly the maximum, charged time recorded', async () => {
    const s = await charging();
    vi.advanceTimersByTime(MAX);
    expect(await lockerOne(s)).toMatchObject({ startedAtMs: T0, dueAtMs: T0 + MAX, overdue: false });
    vi.advanceTimersByTime(1);
    expect(await lockerOne(s)).toMatchObject({ dueAtMs: T0 + MAX, overdue: true });
    expect(await endBySteward(s)).toEqual([{ charged_ms: MAX + 1, ended_ms: T0 + MAX + 1, started_ms: T0 }]);
  });

  it('wall clock +1 day: not overdue after 1 h of charging, due 3 h from the new now, 1 h charged', async () => {
    const s = await charging();
    vi.advanceTimersByTime(HOUR);
    jumpWall(24 * HOUR);
    const session = await lockerOne(s);
    expect(session.overdue).toBe(false);
    expect(session.dueAtMs).toBe(Date.now() + 3 * HOUR);
    const availability = await s.service.api.getLockerAvailability();
    if (!availability.ok) throw new Error(availability.code);
    expect(availability.value.free.find((f) => f.cable === 'usb-c')?.nextDueAtMs).toBe(Date.now() + 3 * HOUR);
    expect((await endBySteward(s))[0]?.charged_ms).toBe(HOUR);
  });

  it('wall clock -1 h: still overdue on time, and the charged time is not an hour short', async () => {
    const s = await charging();
    vi.advanceTimersByTime(MAX - 30 * MIN);
    jumpWall(-HOUR);
    expect(await lockerOne(s)).toMatchObject({ overdue: false, dueAtMs: Date.now() + 30 * MIN });
    vi.advanceTimersByTime(30 * MIN + 1);
    expect((await lockerOne(s)).overdue).toBe(true);
    const [row] = await endBySteward(s);
    expect(row?.charged_ms).toBe(MAX + 1);
    // The wall times alone would have said 3 h 0 min.
    expect((row?.ended_ms ?? 0) - (row?.started_ms ?? 0)).toBe(MAX + 1 - HOUR);
  });

  it('wall clock +1 h: overdue only after the full maximum on the monotonic clock', async () => {
    const s = await charging();
    vi.advanceTimersByTime(MAX - 30 * MIN);
    jumpWall(HOUR);
    expect((await lockerOne(s)).overdue).toBe(false);
    vi.advanceTimersByTime(30 * MIN);
    expect((await lockerOne(s)).overdue).toBe(false);
    vi.advanceTimersByTime(1);
    expect((await lockerOne(s)).overdue).toBe(true);
  });

  it('the daily report sums the monotonic charged time, never a negative wall difference', async () => {
    const s = await charging();
    vi.advanceTimersByTime(HOUR);
    jumpWall(-2 * HOUR);
    await endBySteward(s);
    expect(s.rows('SELECT sum(coalesce(charged_ms, max(ended_ms - started_ms, 0))) AS total FROM locker_sessions')).toEqual([{ total: HOUR }]);
  });
});
