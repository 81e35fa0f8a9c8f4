import { describe, expect, it, vi } from 'vitest';
import { STANDARD_LAYOUT, T0, useLockerStations } from '../testing/locker-fixture';

const start = useLockerStations();

describe('locker faults', () => {
  it('a jammed lock is marked faulty (row + events), the next locker is opened, and the flag survives a restart', async () => {
    const first = await start({ layout: STANDARD_LAYOUT });
    first.bus.jam(1, 1);
    expect(await first.service.api.claimLocker({ claimant: { kind: 'member', cardPass: await first.pass() }, cable: 'usb-c' })).toEqual({
      ok: true,
      value: { kind: 'opened', sessionId: 1, lockerNumber: 2, pickupCode: null, maxMinutes: 240, skippedFaulty: [1] },
    });
    expect(first.bus.opens).toEqual([{ board: 1, lock: 1, ok: false }, { board: 1, lock: 2, ok: true }]);
    expect(first.rows('SELECT number, faulty, fault_reason, faulty_since FROM lockers WHERE faulty = 1')).toEqual([
      { number: 1, faulty: 1, fault_reason: 'did not open: jammed', faulty_since: T0 },
    ]);
    expect(first.rows("SELECT kind, locker_number, detail FROM locker_events WHERE kind IN ('open-failed', 'marked-faulty')")).toEqual([
      { kind: 'open-failed', locker_number: 1, detail: '{"purpose":"claim","reason":"jammed","attempts":3,"detail":"lock 1 did not open"}' },
      { kind: 'marked-faulty', locker_number: 1, detail: '{"reason":"did not open: jammed"}' },
    ]);
    expect(await first.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' })).toEqual({ ok: true, value: { kind: 'none-free' } });
    await first.service.close();

    const second = await start({ dataDir: first.dataDir, settings: { stewardPin: '2468' } });
    expect(await second.service.api.getLockerAvailability()).toMatchObject({ ok: true, value: { state: 'ready', free: [{ cable: 'usb-c', count: 0 }, { cable: 'lightning', count: 1 }, { cable: 'micro-usb', count: 1 }] } });
    const list = await second.service.api.listLockers({ session: await second.session() });
    expect(list.ok && list.value.slice(0, 2)).toEqual([
      { lockerNumber: 1, cable: 'usb-c', state: 'faulty', doorClosed: true, itemPresent: null, session: null },
      // The door was shut while the station was down: the session is charging now.
      { lockerNumber: 2, cable: 'usb-c', state: 'charging', doorClosed: true, itemPresent: null, session: { sessionId: 1, holder: 'member', startedAtMs: T0, dueAtMs: T0 + 240 * 60_000, overdue: false } },
    ]);
  });

  it('a silent board: its lockers are skipped after the first no-reply, and claims go to another board', async () => {
    const layout = [
      { number: 1, bus: 'wall', board: 1, lock: 1, cable: 'usb-c' },
      { number: 2, bus: 'wall', board: 1, lock: 2, cable: 'usb-c' },
      { number: 3, bus: 'wall', board: 2, lock: 1, cable: 'usb-c' },
    ];
    const s = await start({ layout, bus: { boards: [{ address: 1, channels: 8 }, { address: 2, channels: 8 }] } });
    // The board fails open commands before any poll has said it is gone.
    s.bus.silenceBoard(1, true, false);
    expect(await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' })).toMatchObject({ ok: true, value: { kind: 'opened', lockerNumber: 3, skippedFaulty: [1] } });
    expect(s.bus.opens).toEqual([{ board: 1, lock: 1, ok: false }, { board: 2, lock: 1, ok: true }]);
    // Once the bus reports the board offline, its lockers are not offered.
    s.bus.silenceBoard(1);
    expect(await s.service.api.getLockerAvailability()).toMatchObject({ ok: true, value: { state: 'full', free: [{ cable: 'usb-c', count: 0 }, { cable: 'lightning', count: 0 }, { cable: 'micro-usb', count: 0 }] } });
    s.bus.silenceBoard(1, false);
    expect(await s.service.api.getLockerAvailability()).toMatchObject({ ok: true, value: { state: 'ready', free: [{ cable: 'usb-c', count: 1 }, { cable: 'lightning', count: 0 }, { cable: 'micro-usb', count: 0 }] } });
  });

  it('a port lost while the open of a claim was on the wire: unavailable, the open-failed row says port-lost, and no locker is marked faulty', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    s.bus.losePortOnNextOpen();
    expect(await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' })).toMatchObject({ ok: false, code: 'unavailable' });
    expect(s.rows('SELECT count(*) AS n FROM lockers WHERE faulty = 1')).toEqual([{ n: 0 }]);
    expect(s.rows("SELECT kind, locker_number, json_extract(detail, '$.reason') AS reason FROM locker_events WHERE kind IN ('open-failed', 'marked-faulty')")).toEqual([
      { kind: 'open-failed', locker_number: 1, reason: 'port-lost' },
    ]);
    expect(s.rows('SELECT count(*) AS n FROM locker_sessions')).toEqual([{ n: 0 }]);
    // The bus back, the same locker is offered and opens.
    expect(await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' })).toMatchObject({ ok: true, value: { kind: 'opened', lockerNumber: 1, skippedFaulty: [] } });
  });

  it('a retrieve whose lock fails answers lock-failed, marks the locker faulty and keeps the session', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: await s.pass() }, cable: 'usb-c' });
    s.bus.closeDoor(1, 1);
    s.bus.jam(1, 1);
    expect(await s.service.api.openMyLocker({ kind: 'member', cardPass: await s.pass() })).toEqual({ ok: true, value: { kind: 'lock-failed', lockerNumber: 1 } });
    expect(s.rows('SELECT state FROM locker_sessions')).toEqual([{ state: 'charging' }]);
    expect(s.rows('SELECT faulty, fault_reason FROM lockers WHERE number = 1')).toEqual([{ faulty: 1, fault_reason: 'did not open: jammed' }]);
  });

  it('bus offline: availability offline, claims unavailable, check-in still works; deviceStatus follows the bus', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    expect(await s.service.api.getDeviceStatus()).toEqual({
      ok: true,
      value: [{ id: 'wall', kind: 'locker-bus', name: 'Locker wall', simulated: true, state: 'online', detail: '' }],
    });
    s.bus.setState('offline', 'no reply from any board');
    expect(s.seen.filter((e) => e.event === 'deviceStatus')).toEqual([
      { event: 'deviceStatus', payload: { devices: [{ id: 'wall', kind: 'locker-bus', name: 'Locker wall', simulated: true, state: 'offline', detail: 'no reply from any board' }] } },
    ]);
    expect(await s.service.api.getLockerAvailability()).toEqual({
      ok: true,
      value: { state: 'offline', free: [{ cable: 'usb-c', count: 0 }, { cable: 'lightning', count: 0 }, { cable: 'micro-usb', count: 0 }], maxMinutes: 240, doorsLeftOpen: [] },
    });
    expect(await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' })).toEqual({
      ok: false,
      code: 'unavailable',
      message: 'The lockers are not answering right now; check-in still works. A steward has been told.',
    });
    expect(await s.tap()).toMatchObject({ kind: 'welcome', visitId: 1, locker: null });
    expect(await s.service.api.guestCheckIn()).toMatchObject({ ok: true, value: { visitId: 2 } });
    s.bus.setState('online', '');
    expect(await s.service.api.getLockerAvailability()).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(s.rows('SELECT kind, bus_id, detail FROM locker_events')).toEqual([
      { kind: 'bus-online', bus_id: 'wall', detail: '{"detail":""}' },
      { kind: 'bus-offline', bus_id: 'wall', detail: '{"detail":"no reply from any board"}' },
      { kind: 'bus-online', bus_id: 'wall', detail: '{"detail":""}' },
    ]);
  });

  it('a bus that goes offline between choosing and opening: unavailable, the locker is not marked faulty', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const open = s.bus.open.bind(s.bus);
    s.bus.open = async (board, lock) => {
      s.bus.state = 'offline';
      return open(board, lock);
    };
    expect(await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' })).toMatchObject({ ok: false, code: 'unavailable' });
    expect(s.rows('SELECT count(*) AS n FROM lockers WHERE faulty = 1')).toEqual([{ n: 0 }]);
    expect(s.rows("SELECT kind, detail FROM locker_events WHERE kind = 'open-failed'")).toEqual([
      { kind: 'open-failed', detail: '{"purpose":"claim","reason":"bus-offline","attempts":0,"detail":"bus offline"}' },
    ]);
  });
});

describe('door left open', () => {
  it('one door-left-open event and row after 60 s, however long the door stays open; closing resets it', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { claimReleaseMinutes: 60 } });
    await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' });
    vi.advanceTimersByTime(59_999);
    expect(s.lockerEvents()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(s.lockerEvents()).toEqual([{ kind: 'door-left-open', sessionId: 1, lockerNumber: 1 }]);
    vi.advanceTimersByTime(10 * 60_000);
    expect(s.lockerEvents()).toHaveLength(1);
    expect(s.rows("SELECT at_ms, locker_number, session_id, detail FROM locker_events WHERE kind = 'door-left-open'")).toEqual([
      { at_ms: T0 + 60_000, locker_number: 1, session_id: 1, detail: '{"openSeconds":60}' },
    ]);
    s.bus.closeDoor(1, 1);
    s.bus.openByHand(1, 1);
    vi.advanceTimersByTime(60_000);
    expect(s.lockerEvents()).toEqual([
      { kind: 'door-left-open', sessionId: 1, lockerNumber: 1 },
      { kind: 'session-started', sessionId: 1, lockerNumber: 1 },
      { kind: 'door-left-open', sessionId: 1, lockerNumber: 1 },
    ]);
  });

  it('a free locker opened by hand: a row after the alarm time, no locker event (no session)', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { doorOpenAlarmSeconds: 30 } });
    s.bus.openByHand(1, 3);
    vi.advanceTimersByTime(29_999);
    s.bus.closeDoor(1, 3);
    vi.advanceTimersByTime(60_000);
    s.bus.openByHand(1, 4);
    vi.advanceTimersByTime(30_000);
    expect(s.lockerEvents()).toEqual([]);
    expect(s.rows("SELECT at_ms, kind, locker_number, session_id FROM locker_events WHERE locker_number IS NOT NULL")).toEqual([
      { at_ms: T0, kind: 'door-opened', locker_number: 3, session_id: null },
      { at_ms: T0 + 29_999, kind: 'door-closed', locker_number: 3, session_id: null },
      { at_ms: T0 + 89_999, kind: 'door-opened', locker_number: 4, session_id: null },
      { at_ms: T0 + 119_999, kind: 'door-left-open', locker_number: 4, session_id: null },
    ]);
  });

  it('after close() door changes write nothing and no alarm fires', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' });
    const rows = s.rows('SELECT count(*) AS n FROM locker_events');
    await s.service.close();
    expect(s.bus.stopCalls).toBe(1);
    expect(s.bus.listenerCount('door') + s.bus.listenerCount('state') + s.bus.listenerCount('board')).toBe(0);
    vi.advanceTimersByTime(120_000);
    expect(s.lockerEvents()).toEqual([]);
    expect(await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' })).toMatchObject({ ok: false, code: 'unavailable' });
    expect(rows).toEqual([{ n: 3 }]);
  });
});
