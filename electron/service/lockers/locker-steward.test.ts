import { describe, expect, it, vi } from 'vitest';
import { STANDARD_LAYOUT, T0, useLockerStations } from '../testing/locker-fixture';

const start = useLockerStations();
const PIN = '2468';
const MIN = 60_000;

describe('steward locker actions', () => {
  it('listLockers: states, doors, sessions and overdue', async () => {
    const s = await start({ layout: [...STANDARD_LAYOUT, { number: 5, bus: 'wall', board: 1, lock: 5, cable: 'usb-c', enabled: false }], settings: { stewardPin: PIN, claimReleaseMinutes: 24 * 60 } });
    await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: await s.pass() }, cable: 'usb-c' });
    s.bus.closeDoor(1, 1);
    await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'lightning' });
    await s.service.api.stewardLockerAction({ session: await s.session(), lockerNumber: 4, action: 'mark-faulty', reason: 'cable frayed' });
    vi.advanceTimersByTime(240 * MIN + 1);
    expect(await s.service.api.listLockers({ session: await s.session() })).toEqual({
      ok: true,
      value: [
        { lockerNumber: 1, cable: 'usb-c', state: 'charging', doorClosed: true, itemPresent: null, session: { sessionId: 1, holder: 'member', startedAtMs: T0, dueAtMs: T0 + 240 * MIN, overdue: true } },
        { lockerNumber: 2, cable: 'usb-c', state: 'free', doorClosed: true, itemPresent: null, session: null },
        // Its door has stood open since the claim: the steward sees for how long.
        { lockerNumber: 3, cable: 'lightning', state: 'claimed', doorClosed: false, itemPresent: null, session: { sessionId: 2, holder: 'guest', startedAtMs: null, dueAtMs: T0 + 240 * MIN, overdue: false, doorOpenSinceMs: T0 } },
        { lockerNumber: 4, cable: 'micro-usb', state: 'faulty', doorClosed: true, itemPresent: null, session: null },
        { lockerNumber: 5, cable: 'usb-c', state: 'disabled', doorClosed: true, itemPresent: null, session: null },
      ],
    });
  });

  it('remote-open, mark-faulty, mark-repaired and end-session, each audited with its reason', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { stewardPin: PIN } });
    await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: await s.pass() }, cable: 'usb-c' });
    s.bus.closeDoor(1, 1);
    const act = async (lockerNumber: number, action: 'remote-open' | 'mark-faulty' | 'mark-repaired' | 'end-session', reason: string) =>
      s.service.api.stewardLockerAction({ session: await s.session(), lockerNumber, action, reason });

    expect(await act(1, 'remote-open', 'worker lost card')).toEqual({ ok: true, value: {} });
    expect(s.bus.door(1, 1).closed).toBe(false);
    s.bus.closeDoor(1, 1);
    // A steward opening does not end or change the session.
    expect(s.rows('SELECT state FROM locker_sessions')).toEqual([{ state: 'charging' }]);
    vi.advanceTimersByTime(1000);
    expect(await act(1, 'end-session', 'phone handed over at the desk')).toEqual({ ok: true, value: {} });
    expect(s.lockerEvents().at(-1)).toEqual({ kind: 'session-ended', sessionId: 1, lockerNumber: 1 });
    expect(s.rows('SELECT state, ended_ms, end_reason FROM locker_sessions')).toEqual([{ state: 'ended', ended_ms: T0 + 1000, end_reason: 'steward' }]);
    expect(await act(1, 'end-session', 'again')).toEqual({ ok: false, code: 'not-found', message: 'Locker 1 holds no session.' });
    expect(await act(2, 'mark-faulty', 'door hinge broken')).toEqual({ ok: true, value: {} });
    expect(s.rows('SELECT number, faulty, fault_reason, faulty_since FROM lockers WHERE number = 2')).toEqual([{ number: 2, faulty: 1, fault_reason: 'steward: door hinge broken', faulty_since: T0 + 1000 }]);
    expect(await act(2, 'mark-repaired', 'hinge replaced')).toEqual({ ok: true, value: {} });
    expect(s.rows('SELECT faulty, fault_reason, faulty_since FROM lockers WHERE number = 2')).toEqual([{ faulty: 0, fault_reason: null, faulty_since: null }]);
    s.bus.jam(1, 3);
    expect(await act(3, 'remote-open', 'test')).toEqual({ ok: false, code: 'unavailable', message: 'Locker 3 did not open (jammed).' });
    expect(await act(7, 'remote-open', 'x')).toEqual({ ok: false, code: 'not-found', message: 'No locker 7.' });
    for (const reason of ['', '   ', 'x'.repeat(201)]) expect(await act(1, 'remote-open', reason)).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(await s.service.api.stewardLockerAction({ session: await s.session(), lockerNumber: 1, action: 'explode' as 'remote-open', reason: 'x' })).toMatchObject({ ok: false, code: 'invalid-argument' });

    expect(s.rows('SELECT at_ms, action, locker_number, reason, outcome FROM steward_audit ORDER BY id')).toEqual([
      { at_ms: T0, action: 'remote-open', locker_number: 1, reason: 'worker lost card', outcome: 'done' },
      { at_ms: T0 + 1000, action: 'end-session', locker_number: 1, reason: 'phone handed over at the desk', outcome: 'done' },
      { at_ms: T0 + 1000, action: 'end-session', locker_number: 1, reason: 'again', outcome: 'no session' },
      { at_ms: T0 + 1000, action: 'mark-faulty', locker_number: 2, reason: 'door hinge broken', outcome: 'done' },
      { at_ms: T0 + 1000, action: 'mark-repaired', locker_number: 2, reason: 'hinge replaced', outcome: 'done' },
      { at_ms: T0 + 1000, action: 'remote-open', locker_number: 3, reason: 'test', outcome: 'jammed' },
    ]);
    expect(s.rows("SELECT kind, locker_number, detail FROM locker_events WHERE kind IN ('marked-faulty', 'repaired') ORDER BY id")).toEqual([
      { kind: 'marked-faulty', locker_number: 2, detail: '{"reason":"door hinge broken","by":"steward"}' },
      { kind: 'repaired', locker_number: 2, detail: '{"reason":"hinge replaced"}' },
      { kind: 'marked-faulty', locker_number: 3, detail: '{"reason":"did not open: jammed"}' },
    ]);
  });
});

describe('restart mid-session', () => {
  it('sessions come back from SQLite: a claimed door shut while the station was down starts charging; codes and cards still retrieve', async () => {
    const first = await start({ layout: STANDARD_LAYOUT, settings: { claimReleaseMinutes: 60 } });
    await first.service.api.claimLocker({ claimant: { kind: 'member', cardPass: await first.pass() }, cable: 'usb-c' });
    const guest = await first.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'lightning' });
    const code = guest.ok && guest.value.kind === 'opened' ? guest.value.pickupCode ?? '' : '';
    first.bus.closeDoor(1, 3);
    await first.service.close();

    vi.advanceTimersByTime(10 * MIN);
    // Locker 1 is still open when the station comes back; locker 3 is shut.
    const second = await start({ dataDir: first.dataDir, beforeStart: (bus) => bus.openByHand(1, 1) });
    expect(second.rows('SELECT id, state FROM locker_sessions ORDER BY id')).toEqual([{ id: 1, state: 'claimed' }, { id: 2, state: 'charging' }]);
    vi.advanceTimersByTime(5000);
    second.bus.closeDoor(1, 1);
    expect(second.lockerEvents()).toEqual([{ kind: 'session-started', sessionId: 1, lockerNumber: 1 }]);
    expect(second.rows('SELECT id, state, started_ms FROM locker_sessions ORDER BY id')).toEqual([
      { id: 1, state: 'charging', started_ms: T0 + 10 * MIN + 5000 },
      { id: 2, state: 'charging', started_ms: T0 },
    ]);
    // Card passes do not survive a restart; a new tap gives one.
    expect(await second.tap()).toMatchObject({ kind: 'already-here', locker: { sessionId: 1, lockerNumber: 1 } });
    expect(await second.service.api.openMyLocker({ kind: 'member', cardPass: await second.pass() })).toEqual({ ok: true, value: { kind: 'opened', sessionId: 1, lockerNumber: 1 } });
    expect(await second.service.api.openMyLocker({ kind: 'guest', lockerNumber: 3, pickupCode: code })).toEqual({ ok: true, value: { kind: 'opened', sessionId: 2, lockerNumber: 3 } });
  });

  it('a claimed session whose door the bus reports shut at start begins charging at once', async () => {
    const first = await start({ layout: STANDARD_LAYOUT });
    await first.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' });
    await first.service.close();
    const second = await start({ dataDir: first.dataDir });
    expect(second.rows('SELECT state, started_ms FROM locker_sessions')).toEqual([{ state: 'charging', started_ms: T0 }]);
  });
});
