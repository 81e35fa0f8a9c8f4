/**
 * The rules that protect the person at the kiosk: card passes that die with their screen or
 * the next tap, lockouts per locker, a lost pickup code got back only at its open door,
 * abandoned claims released, and availability pushed as it changes.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ClaimOutcome, LockerAvailability } from '../../../common/lockers';
import { CARD_B, STANDARD_LAYOUT, STEWARD_PIN, T0, useLockerStations, type LockerStation } from '../testing/locker-fixture';

const start = useLockerStations();
const MIN = 60_000;

async function guestClaim(s: LockerStation, cable: 'usb-c' | 'lightning' = 'usb-c'): Promise<Extract<ClaimOutcome, { kind: 'opened' }>> {
  const result = await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable });
  if (!result.ok || result.value.kind !== 'opened') throw new Error(JSON.stringify(result));
  return result.value;
}

function other(code: string, n = 1): string {
  return ((Number(code) + n) % 1_000_000).toString().padStart(6, '0');
}

const pushed = (s: LockerStation) => s.seen.filter((e) => e.event === 'lockerAvailability').map((e) => e.payload as LockerAvailability);

describe('card passes', () => {
  it('live for personalScreenSeconds + 2 s, and void the moment another card is tapped', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { personalScreenSeconds: 8 } });
    const passA = await s.pass();
    vi.advanceTimersByTime(9_999);
    const stillA = await s.pass();
    vi.advanceTimersByTime(10_000);
    expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: stillA }, cable: 'usb-c' })).toMatchObject({ ok: false, code: 'forbidden' });
    // A's first pass was replaced by A's second tap; B's tap voids A's fresh one.
    expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: passA }, cable: 'usb-c' })).toMatchObject({ ok: false, code: 'forbidden' });
    const fresh = await s.pass();
    await s.tap(CARD_B);
    expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: fresh }, cable: 'usb-c' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(s.bus.opens).toEqual([]);
  });
});

describe('pickup-code lockouts per locker', () => {
  it("five wrong codes lock locker 1 only; locker 3's guest still opens with the right code", async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const one = await guestClaim(s);
    const three = await guestClaim(s, 'lightning');
    s.bus.closeDoor(1, 1);
    s.bus.closeDoor(1, 3);
    const code1 = one.pickupCode ?? '';
    const answers = [];
    for (let i = 1; i <= 5; i += 1) answers.push((await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: other(code1, i) })).ok);
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: code1 })).toEqual({ ok: true, value: { kind: 'locked-out', retryAfterSeconds: 300 } });
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 3, pickupCode: three.pickupCode ?? '' })).toEqual({ ok: true, value: { kind: 'opened', sessionId: 2, lockerNumber: 3 } });
    expect(s.bus.opens.map((o) => o.lock)).toEqual([1, 3, 3]);
  });

  it("a live code entered for the wrong locker is a wrong code there and opens nothing", async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const one = await guestClaim(s);
    s.bus.closeDoor(1, 1);
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 2, pickupCode: one.pickupCode ?? '' })).toEqual({ ok: true, value: { kind: 'wrong-code', attemptsLeft: 4 } });
    // Locker 1's own count is untouched.
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: other(one.pickupCode ?? '') })).toEqual({ ok: true, value: { kind: 'wrong-code', attemptsLeft: 4 } });
    expect(s.bus.opens.map((o) => o.lock)).toEqual([1]);
  });
});

describe('recovering a lost pickup code', () => {
  it('given back once while the door is still open, on the record; never once it is shut, nor for another locker', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const claim = await guestClaim(s);
    expect(await s.service.api.recoverPickupCode({ lockerNumber: 1 })).toEqual({
      ok: true,
      value: { kind: 'code', sessionId: 1, lockerNumber: 1, pickupCode: claim.pickupCode, maxMinutes: 240 },
    });
    expect(s.rows("SELECT at_ms, locker_number, session_id FROM locker_events WHERE kind = 'code-reshown'")).toEqual([{ at_ms: T0, locker_number: 1, session_id: 1 }]);
    // Once only: a second request, by the guest or anyone at the screen, is refused.
    expect(await s.service.api.recoverPickupCode({ lockerNumber: 1 })).toEqual({ ok: true, value: { kind: 'not-open' } });
    expect(await s.service.api.recoverPickupCode({ lockerNumber: 2 })).toEqual({ ok: true, value: { kind: 'not-open' } });
    s.bus.closeDoor(1, 1);
    expect(await s.service.api.recoverPickupCode({ lockerNumber: 1 })).toEqual({ ok: true, value: { kind: 'not-open' } });
    // Opened again to collect: the code is not shown again either.
    await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: claim.pickupCode ?? '' });
    expect(await s.service.api.recoverPickupCode({ lockerNumber: 1 })).toEqual({ ok: true, value: { kind: 'not-open' } });
    expect(await s.service.api.recoverPickupCode({ lockerNumber: 0 })).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('not after the door was shut, even if never asked before', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    await guestClaim(s);
    s.bus.closeDoor(1, 1);
    expect(await s.service.api.recoverPickupCode({ lockerNumber: 1 })).toEqual({ ok: true, value: { kind: 'not-open' } });
    expect(s.rows("SELECT count(*) AS n FROM locker_events WHERE kind = 'code-reshown'")).toEqual([{ n: 0 }]);
  });

  it('a member claim has no code to recover', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: await s.pass() }, cable: 'usb-c' });
    expect(await s.service.api.recoverPickupCode({ lockerNumber: 1 })).toEqual({ ok: true, value: { kind: 'not-open' } });
  });
});

describe('abandoned claims', () => {
  it('a claim never shut is released after claimReleaseMinutes: ended abandoned, an event row, a pushed event, the locker free', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { claimReleaseMinutes: 5 } });
    await guestClaim(s);
    vi.advanceTimersByTime(5 * MIN - 1);
    expect(s.rows('SELECT state FROM locker_sessions')).toEqual([{ state: 'claimed' }]);
    vi.advanceTimersByTime(1);
    expect(s.rows('SELECT state, end_reason, ended_ms FROM locker_sessions')).toEqual([{ state: 'ended', end_reason: 'abandoned', ended_ms: T0 + 5 * MIN }]);
    expect(s.rows("SELECT locker_number, session_id, detail FROM locker_events WHERE kind = 'claim-released'")).toEqual([
      { locker_number: 1, session_id: 1, detail: '{"claimedSeconds":300}' },
    ]);
    expect(s.lockerEvents()).toEqual([
      { kind: 'door-left-open', sessionId: 1, lockerNumber: 1 },
      { kind: 'claim-released', sessionId: 1, lockerNumber: 1 },
    ]);
    expect(await s.service.api.recoverPickupCode({ lockerNumber: 1 })).toEqual({ ok: true, value: { kind: 'not-open' } });
    const availability = await s.service.api.getLockerAvailability();
    expect(availability).toMatchObject({ ok: true, value: { state: 'ready', free: [{ cable: 'usb-c', count: 2 }, { cable: 'lightning', count: 1 }, { cable: 'micro-usb', count: 1 }], doorsLeftOpen: [1] } });
  });

  it('a claim shut on a phone leaves no release timer behind, nor one ended by a steward while still claimed', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { claimReleaseMinutes: 5, stewardPin: STEWARD_PIN } });
    const idle = vi.getTimerCount();
    await guestClaim(s);
    // The release timer and the door alarm of the opened door.
    expect(vi.getTimerCount()).toBe(idle + 2);
    s.bus.closeDoor(1, 1, true);
    expect(s.rows('SELECT state FROM locker_sessions')).toEqual([{ state: 'charging' }]);
    expect(vi.getTimerCount()).toBe(idle);
    const steward = await s.session();
    const signedIn = vi.getTimerCount();
    const second = await guestClaim(s, 'lightning');
    expect(vi.getTimerCount()).toBe(signedIn + 2);
    expect(await s.service.api.stewardLockerAction({ session: steward, lockerNumber: second.lockerNumber, action: 'end-session', reason: 'claimed by mistake' })).toEqual({ ok: true, value: {} });
    expect(s.rows('SELECT state, end_reason FROM locker_sessions ORDER BY id')).toEqual([{ state: 'charging', end_reason: null }, { state: 'ended', end_reason: 'steward' }]);
    // Only the alarm of its door, still open, is left.
    expect(vi.getTimerCount()).toBe(signedIn + 1);
  });

  it('eight claims left open do not make the wall full: each is released and the wall is ready again', async () => {
    const layout = Array.from({ length: 8 }, (_, i) => ({ number: i + 1, bus: 'wall', board: 1, lock: i + 1, cable: 'usb-c' }));
    const s = await start({ layout, settings: { claimReleaseMinutes: 5 } });
    for (let i = 0; i < 8; i += 1) await guestClaim(s);
    expect(await s.service.api.getLockerAvailability()).toMatchObject({ ok: true, value: { state: 'full' } });
    vi.advanceTimersByTime(5 * MIN);
    expect(await s.service.api.getLockerAvailability()).toMatchObject({ ok: true, value: { state: 'ready', free: [{ cable: 'usb-c', count: 8 }, { cable: 'lightning', count: 0 }, { cable: 'micro-usb', count: 0 }] } });
    expect(s.rows("SELECT count(*) AS n FROM locker_events WHERE kind = 'claim-released'")).toEqual([{ n: 8 }]);
  });

  it('a claim shut in time is not released; after a restart the time counts from the stored claim', async () => {
    const first = await start({ layout: STANDARD_LAYOUT, settings: { claimReleaseMinutes: 5 } });
    await guestClaim(first);
    await guestClaim(first, 'lightning');
    vi.advanceTimersByTime(MIN);
    first.bus.closeDoor(1, 3);
    await first.service.close();
    vi.advanceTimersByTime(MIN);
    const second = await start({ dataDir: first.dataDir, beforeStart: (bus) => bus.openByHand(1, 1) });
    vi.advanceTimersByTime(3 * MIN - 1);
    expect(second.rows('SELECT id, state FROM locker_sessions ORDER BY id')).toEqual([{ id: 1, state: 'claimed' }, { id: 2, state: 'charging' }]);
    vi.advanceTimersByTime(1);
    expect(second.rows('SELECT id, state, end_reason FROM locker_sessions ORDER BY id')).toEqual([
      { id: 1, state: 'ended', end_reason: 'abandoned' },
      { id: 2, state: 'charging', end_reason: null },
    ]);
  });
});

describe('abandoned claims and a wrong clock', () => {
  it('after a restart with the wall clock a year behind, a claim is still released after claimReleaseMinutes', async () => {
    const first = await start({ layout: STANDARD_LAYOUT, settings: { claimReleaseMinutes: 5 } });
    await guestClaim(first);
    await first.service.close();
    vi.setSystemTime(T0 - 365 * 24 * 60 * MIN);
    const second = await start({ dataDir: first.dataDir, beforeStart: (bus) => bus.openByHand(1, 1) });
    vi.advanceTimersByTime(5 * MIN - 1);
    expect(second.rows('SELECT state FROM locker_sessions')).toEqual([{ state: 'claimed' }]);
    vi.advanceTimersByTime(1);
    expect(second.rows('SELECT state, end_reason FROM locker_sessions')).toEqual([{ state: 'ended', end_reason: 'abandoned' }]);
    expect(second.rows("SELECT detail FROM locker_events WHERE kind = 'claim-released'")).toEqual([{ detail: '{"claimedSeconds":0}' }]);
  });

  it('with the clock a year ahead after a restart, the claim is released at once and its duration is capped at the limit', async () => {
    const first = await start({ layout: STANDARD_LAYOUT, settings: { claimReleaseMinutes: 5 } });
    await guestClaim(first);
    await first.service.close();
    vi.setSystemTime(T0 + 365 * 24 * 60 * MIN);
    const second = await start({ dataDir: first.dataDir, beforeStart: (bus) => bus.openByHand(1, 1) });
    vi.advanceTimersByTime(0);
    expect(second.rows("SELECT detail FROM locker_events WHERE kind = 'claim-released'")).toEqual([{ detail: '{"claimedSeconds":300}' }]);
  });
});

describe('availability pushes', () => {
  it('sent when a locker is taken, a door is left open or shut, and the bus goes offline; never twice the same', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { claimReleaseMinutes: 60 } });
    s.bus.openByHand(1, 4);
    await guestClaim(s);
    vi.advanceTimersByTime(60_000);
    s.bus.closeDoor(1, 4);
    s.bus.closeDoor(1, 1);
    s.bus.silenceBoard(1);
    const summary = pushed(s).map((a) => ({ state: a.state, usbC: a.free[0]?.count, open: a.doorsLeftOpen }));
    expect(summary).toEqual([
      { state: 'ready', usbC: 1, open: [] },
      { state: 'ready', usbC: 1, open: [4] },
      { state: 'ready', usbC: 1, open: [1, 4] },
      { state: 'ready', usbC: 1, open: [1] },
      { state: 'ready', usbC: 1, open: [] },
      { state: 'offline', usbC: 0, open: [] },
    ]);
  });
});
