import { describe, expect, it, vi } from 'vitest';
import { uid32 } from '../../../hardware/card-id/normalise';
import { CardReaderDouble } from '../testing/card-reader-double';
import { CARD_B, STANDARD_LAYOUT, T0, useLockerStations } from '../testing/locker-fixture';

const start = useLockerStations();
const MIN = 60_000;

const SESSION_COLS = 'id, locker_number, holder, card_id, code_hash IS NOT NULL AS has_code, state, claimed_ms, started_ms, due_ms, retrieve_opened_ms, ended_ms, end_reason';

describe('locker availability', () => {
  it('is "none" without lockers.json, and taps then carry no card pass', async () => {
    const s = await start({ bus: null });
    expect(await s.service.api.getLockerAvailability()).toEqual({
      ok: true,
      value: { state: 'none', free: [{ cable: 'usb-c', count: 0 }, { cable: 'lightning', count: 0 }, { cable: 'micro-usb', count: 0 }], maxMinutes: 240, doorsLeftOpen: [] },
    });
    expect(await s.tap()).toEqual({ kind: 'welcome', visitId: 1, visitNumber: 1, needsCategory: true, category: null, wishPass: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' })).toEqual({ ok: false, code: 'unavailable', message: 'This station has no lockers.' });
    expect(s.warnings).toEqual([]);
  });

  it('counts free working lockers per cable, and the layout is synced into the lockers table', async () => {
    const s = await start({ layout: [...STANDARD_LAYOUT, { number: 9, bus: 'wall', board: 1, lock: 8, cable: 'usb-c', enabled: false }] });
    expect(await s.service.api.getLockerAvailability()).toEqual({
      ok: true,
      value: { state: 'ready', free: [{ cable: 'usb-c', count: 2 }, { cable: 'lightning', count: 1 }, { cable: 'micro-usb', count: 1 }], maxMinutes: 240, doorsLeftOpen: [] },
    });
    expect(s.rows('SELECT number, bus_id, board, lock, cable, enabled, in_layout, faulty FROM lockers')).toEqual([
      { number: 1, bus_id: 'wall', board: 1, lock: 1, cable: 'usb-c', enabled: 1, in_layout: 1, faulty: 0 },
      { number: 2, bus_id: 'wall', board: 1, lock: 2, cable: 'usb-c', enabled: 1, in_layout: 1, faulty: 0 },
      { number: 3, bus_id: 'wall', board: 1, lock: 3, cable: 'lightning', enabled: 1, in_layout: 1, faulty: 0 },
      { number: 4, bus_id: 'wall', board: 1, lock: 4, cable: 'micro-usb', enabled: 1, in_layout: 1, faulty: 0 },
      { number: 9, bus_id: 'wall', board: 1, lock: 8, cable: 'usb-c', enabled: 0, in_layout: 1, faulty: 0 },
    ]);
    expect(s.bus.startCalls).toBe(1);
    expect(s.rows('SELECT kind, bus_id FROM locker_events')).toEqual([{ kind: 'bus-online', bus_id: 'wall' }]);
  });

  it('lockers on a bus or board that is not configured show as offline, with a warning each', async () => {
    const s = await start({
      layout: [
        { number: 1, bus: 'wall', board: 1, lock: 1, cable: 'usb-c' },
        { number: 2, bus: 'attic', board: 1, lock: 1, cable: 'usb-c' },
        { number: 3, bus: 'wall', board: 7, lock: 1, cable: 'usb-c' },
        { number: 4, bus: 'wall', board: 1, lock: 9, cable: 'usb-c' },
      ],
      settings: { stewardPin: '2468' },
    });
    expect(s.warnings.map((w) => w.replace(s.dataDir, '<dir>'))).toEqual([
      '<dir>/lockers.json: locker 2: bus "attic" is not configured; it shows as offline.',
      '<dir>/lockers.json: locker 3: bus "wall" has no board 7; it shows as offline.',
      '<dir>/lockers.json: locker 4: board 1 on bus "wall" has 8 locks, not 9; it shows as offline.',
      'station.json: "stewardPin" was moved into the steward list as a scrypt hash (PIN-only sign-in, "Station PIN"); delete the setting from station.json — it is no longer read.',
    ]);
    expect(await s.service.api.getLockerAvailability()).toMatchObject({ ok: true, value: { state: 'ready', free: [{ cable: 'usb-c', count: 1 }, { cable: 'lightning', count: 0 }, { cable: 'micro-usb', count: 0 }] } });
    const list = await s.service.api.listLockers({ session: await s.session() });
    expect(list.ok && list.value.map((l) => [l.lockerNumber, l.state, l.doorClosed])).toEqual([[1, 'free', true], [2, 'offline', null], [3, 'offline', null], [4, 'offline', null]]);
  });

  it('a layout with no configured bus at all is offline; claims answer unavailable', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, bus: null });
    expect(await s.service.api.getLockerAvailability()).toMatchObject({ ok: true, value: { state: 'offline' } });
    expect(await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' })).toMatchObject({ ok: false, code: 'unavailable' });
  });
});

describe('member claim and retrieve', () => {
  it('claim opens the lowest free locker; door shut starts charging; the same card retrieves it; door shut ends it', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const tap = await s.tap();
    expect(tap).toMatchObject({ kind: 'welcome', visitId: 1, locker: null });
    expect(tap.kind !== 'goodbye' && tap.cardPass).toMatch(/^[0-9a-f]{32}$/);
    const pass = tap.kind !== 'goodbye' ? tap.cardPass ?? '' : '';

    expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: pass }, cable: 'usb-c' })).toEqual({
      ok: true,
      value: { kind: 'opened', sessionId: 1, lockerNumber: 1, pickupCode: null, maxMinutes: 240, skippedFaulty: [] },
    });
    expect(s.bus.opens).toEqual([{ board: 1, lock: 1, ok: true }]);
    expect(s.bus.door(1, 1).closed).toBe(false);
    expect(await s.service.api.getLockerAvailability()).toMatchObject({ ok: true, value: { free: [{ cable: 'usb-c', count: 1 }, { cable: 'lightning', count: 1 }, { cable: 'micro-usb', count: 1 }] } });

    vi.advanceTimersByTime(20_000);
    s.bus.closeDoor(1, 1);
    expect(s.lockerEvents()).toEqual([{ kind: 'session-started', sessionId: 1, lockerNumber: 1 }]);
    expect(s.bus.holdPowerCalls).toEqual([{ board: 1, lock: 1, on: true }]);
    expect(s.rows(`SELECT ${SESSION_COLS} FROM locker_sessions`)).toEqual([
      { id: 1, locker_number: 1, holder: 'member', card_id: 1, has_code: 0, state: 'charging', claimed_ms: T0, started_ms: T0 + 20_000, due_ms: T0 + 20_000 + 240 * MIN, retrieve_opened_ms: null, ended_ms: null, end_reason: null },
    ]);

    // The pass was spent on the claim; a new tap shows the locker and gives a new pass.
    expect(await s.service.api.openMyLocker({ kind: 'member', cardPass: pass })).toMatchObject({ ok: false, code: 'forbidden' });
    vi.advanceTimersByTime(60 * MIN);
    const again = await s.tap();
    expect(again).toMatchObject({ kind: 'welcome', visitId: 2, locker: { sessionId: 1, lockerNumber: 1, startedAtMs: T0 + 20_000, dueAtMs: T0 + 20_000 + 240 * MIN } });
    const pass2 = again.kind !== 'goodbye' ? again.cardPass ?? '' : '';
    expect(pass2).not.toBe(pass);
    expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: pass2 }, cable: 'lightning' })).toEqual({
      ok: true,
      value: { kind: 'already-holding', locker: { sessionId: 1, lockerNumber: 1, startedAtMs: T0 + 20_000, dueAtMs: T0 + 20_000 + 240 * MIN } },
    });
    expect(await s.service.api.openMyLocker({ kind: 'member', cardPass: pass2 })).toEqual({ ok: true, value: { kind: 'opened', sessionId: 1, lockerNumber: 1 } });
    const retrievedAt = T0 + 20_000 + 60 * MIN;
    expect(s.rows('SELECT state, retrieve_opened_ms FROM locker_sessions')).toEqual([{ state: 'retrieving', retrieve_opened_ms: retrievedAt }]);
    vi.advanceTimersByTime(5_000);
    s.bus.closeDoor(1, 1);
    expect(s.lockerEvents()).toEqual([
      { kind: 'session-started', sessionId: 1, lockerNumber: 1 },
      { kind: 'session-ended', sessionId: 1, lockerNumber: 1 },
    ]);
    expect(s.bus.holdPowerCalls).toEqual([{ board: 1, lock: 1, on: true }, { board: 1, lock: 1, on: false }]);
    expect(s.rows('SELECT state, ended_ms, end_reason FROM locker_sessions')).toEqual([{ state: 'ended', ended_ms: retrievedAt + 5_000, end_reason: 'retrieved' }]);
    expect(s.rows('SELECT at_ms, kind, locker_number, session_id, bus_id, detail FROM locker_events ORDER BY id')).toEqual([
      { at_ms: T0, kind: 'bus-online', locker_number: null, session_id: null, bus_id: 'wall', detail: '{"detail":""}' },
      { at_ms: T0, kind: 'door-opened', locker_number: 1, session_id: null, bus_id: null, detail: '{}' },
      { at_ms: T0, kind: 'opened', locker_number: 1, session_id: null, bus_id: null, detail: '{"purpose":"claim","attempts":1,"elapsedMs":12}' },
      { at_ms: T0 + 20_000, kind: 'door-closed', locker_number: 1, session_id: 1, bus_id: null, detail: '{}' },
      { at_ms: retrievedAt, kind: 'door-opened', locker_number: 1, session_id: 1, bus_id: null, detail: '{}' },
      { at_ms: retrievedAt, kind: 'opened', locker_number: 1, session_id: 1, bus_id: null, detail: '{"purpose":"retrieve","attempts":1,"elapsedMs":12}' },
      { at_ms: retrievedAt + 5_000, kind: 'door-closed', locker_number: 1, session_id: 1, bus_id: null, detail: '{}' },
    ]);
    // Over: the card holds nothing now.
    const pass3 = await s.pass();
    expect(await s.service.api.openMyLocker({ kind: 'member', cardPass: pass3 })).toEqual({ ok: true, value: { kind: 'no-locker' } });
    expect(await s.tap()).toMatchObject({ kind: 'already-here', locker: null });
  });

  it('availability says when a charging locker of each cable is due, so a full cable can name a time', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    for (const [card, door, waitMs] of [['0040856634', 1, 10_000], ['1234567890', 2, 50_000]] as const) {
      const pass = await s.pass(card);
      expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: pass }, cable: 'usb-c' })).toMatchObject({ ok: true, value: { lockerNumber: door } });
      vi.advanceTimersByTime(waitMs);
      s.bus.closeDoor(1, door);
    }
    expect(await s.service.api.getLockerAvailability()).toEqual({
      ok: true,
      value: {
        state: 'ready',
        // The soonest of the two: locker 1, shut 10 s after T0.
        free: [{ cable: 'usb-c', count: 0, nextDueAtMs: T0 + 10_000 + 240 * MIN }, { cable: 'lightning', count: 1 }, { cable: 'micro-usb', count: 1 }],
        maxMinutes: 240,
        doorsLeftOpen: [],
      },
    });
  });

  it('hostile and stale passes: malformed, unknown, expired, spent, another card\'s', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    for (const cardPass of ['', 'x', 'A'.repeat(32), '0'.repeat(31), `${'0'.repeat(32)} `, "'; DROP TABLE lockers; --"]) {
      expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass }, cable: 'usb-c' }), cardPass).toMatchObject({ ok: false, code: 'invalid-argument' });
      expect(await s.service.api.openMyLocker({ kind: 'member', cardPass }), cardPass).toMatchObject({ ok: false, code: 'invalid-argument' });
    }
    expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: 'f'.repeat(32) }, cable: 'usb-c' })).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'This card pass is not valid (expired or already used): tap the card again.',
    });
    const pass = await s.pass();
    // The personal screen's 15 s, plus 2 s for the last touch to arrive.
    vi.advanceTimersByTime(17_000);
    expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: pass }, cable: 'usb-c' })).toMatchObject({ ok: false, code: 'forbidden' });
    const fresh = await s.pass();
    vi.advanceTimersByTime(16_999);
    expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: fresh }, cable: 'usb-c' })).toMatchObject({ ok: true, value: { kind: 'opened', lockerNumber: 1 } });
    expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: fresh }, cable: 'usb-c' })).toMatchObject({ ok: false, code: 'forbidden' });
    // Card B's pass opens nothing of card A's.
    const passB = await s.pass(CARD_B);
    expect(await s.service.api.openMyLocker({ kind: 'member', cardPass: passB })).toEqual({ ok: true, value: { kind: 'no-locker' } });
    expect(s.bus.opens).toEqual([{ board: 1, lock: 1, ok: true }]);
    expect(s.rows('SELECT count(*) AS n FROM locker_sessions')).toEqual([{ n: 1 }]);
  });

  it('two claims at once get two different lockers; one card cannot claim twice at once', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const [a, b] = await Promise.all([
      s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' }),
      s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' }),
    ]);
    expect([a.ok && a.value.kind === 'opened' && a.value.lockerNumber, b.ok && b.value.kind === 'opened' && b.value.lockerNumber]).toEqual([1, 2]);
    expect(await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' })).toEqual({ ok: true, value: { kind: 'none-free' } });
    expect(await s.service.api.getLockerAvailability()).toMatchObject({ ok: true, value: { state: 'ready', free: [{ cable: 'usb-c', count: 0 }, { cable: 'lightning', count: 1 }, { cable: 'micro-usb', count: 1 }] } });
    const pass = await s.pass();
    const both = await Promise.all([
      s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: pass }, cable: 'lightning' }),
      s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: pass }, cable: 'micro-usb' }),
    ]);
    expect(both).toEqual([
      { ok: true, value: { kind: 'opened', sessionId: 3, lockerNumber: 3, pickupCode: null, maxMinutes: 240, skippedFaulty: [] } },
      { ok: false, code: 'unavailable', message: 'A locker is already being opened for this card.' },
    ]);
  });

  it('lockersPerPerson 2 lets a card hold two', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { lockersPerPerson: 2 } });
    expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: await s.pass() }, cable: 'usb-c' })).toMatchObject({ ok: true, value: { kind: 'opened', lockerNumber: 1 } });
    expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: await s.pass() }, cable: 'lightning' })).toMatchObject({ ok: true, value: { kind: 'opened', lockerNumber: 3 } });
    expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: await s.pass() }, cable: 'usb-c' })).toMatchObject({ ok: true, value: { kind: 'already-holding', locker: { lockerNumber: 1 } } });
  });

  it('with tap-out on, a card that holds a locker is not tapped out: already-here with the locker', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { tapOutEnabled: true } });
    await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: await s.pass() }, cable: 'usb-c' });
    s.bus.closeDoor(1, 1);
    vi.advanceTimersByTime(10 * MIN);
    expect(await s.tap()).toMatchObject({ kind: 'already-here', visitId: 1, locker: { sessionId: 1, lockerNumber: 1 } });
    expect(s.rows('SELECT left_ms FROM visits')).toEqual([{ left_ms: null }]);
    await s.service.api.openMyLocker({ kind: 'member', cardPass: await s.pass() });
    s.bus.closeDoor(1, 1);
    vi.advanceTimersByTime(MIN);
    expect(await s.tap()).toEqual({ kind: 'goodbye', visitId: 1, dwellMinutes: 11 });
  });
});

describe('lockers and the station service', () => {
  it('a service-side reader tap carries a card pass and the held locker too', async () => {
    const door = new CardReaderDouble('door', 'Door reader');
    const s = await start({ layout: STANDARD_LAYOUT, service: { readers: [door] } });
    await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: await s.pass() }, cable: 'micro-usb' });
    door.tap(uid32(0x026f6c3a));
    // The check-in is saved at once; its event follows once pending promise callbacks ran.
    await new Promise<void>((resolve) => process.nextTick(resolve));
    const checkIns = s.seen.filter((e) => e.event === 'checkIn').map((e) => e.payload as { outcome: Record<string, unknown> });
    expect(checkIns).toHaveLength(1);
    expect(checkIns[0]?.outcome).toMatchObject({ kind: 'already-here', visitId: 1, locker: { sessionId: 1, lockerNumber: 4, startedAtMs: null, dueAtMs: T0 + 240 * MIN } });
    const pass = checkIns[0]?.outcome.cardPass as string;
    expect(await s.service.api.openMyLocker({ kind: 'member', cardPass: pass })).toEqual({ ok: true, value: { kind: 'opened', sessionId: 1, lockerNumber: 4 } });
    expect(await s.service.api.getDeviceStatus()).toMatchObject({ ok: true, value: [{ id: 'door', kind: 'card-reader' }, { id: 'wall', kind: 'locker-bus' }] });
  });

  it('hostile claim input is refused before anything opens', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const bad: unknown[] = [
      undefined,
      null,
      { claimant: { kind: 'guest' }, cable: 'usb-a' },
      { claimant: { kind: 'steward' }, cable: 'usb-c' },
      { claimant: { kind: 'guest' } },
      { claimant: 'guest', cable: 'usb-c' },
      { claimant: { kind: 'guest', __proto__: { kind: 'member' } }, cable: '<script>' },
    ];
    for (const input of bad) {
      expect(await s.service.api.claimLocker(input as never), JSON.stringify(input)).toMatchObject({ ok: false, code: 'invalid-argument' });
    }
    for (const input of [undefined, {}, { kind: 'guest' }, { kind: 'guest', pickupCode: 123456 }, { kind: 'member' }]) {
      expect(await s.service.api.openMyLocker(input as never), JSON.stringify(input)).toMatchObject({ ok: false, code: 'invalid-argument' });
    }
    expect(s.bus.opens).toEqual([]);
  });

  it('a locker bus that fails to start is a warning; the station opens and check-in works', async () => {
    const s = await start({
      layout: STANDARD_LAYOUT,
      beforeStart: (bus) => {
        bus.start = async () => {
          throw new Error('port /dev/ttyUSB0 busy');
        };
      },
    });
    expect(s.warnings).toEqual(['Locker bus wall could not start: port /dev/ttyUSB0 busy']);
    expect(await s.service.api.getLockerAvailability()).toMatchObject({ ok: true, value: { state: 'offline' } });
    expect(await s.tap()).toMatchObject({ kind: 'welcome', locker: null });
  });
});
