import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ClaimOutcome } from '../../../common/lockers';
import { STANDARD_LAYOUT, useLockerStations, type LockerStation } from '../testing/locker-fixture';

const start = useLockerStations();

async function guestClaim(s: LockerStation, cable: 'usb-c' | 'lightning' = 'usb-c'): Promise<Extract<ClaimOutcome, { kind: 'opened' }>> {
  const result = await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable });
  if (!result.ok || result.value.kind !== 'opened') throw new Error(JSON.stringify(result));
  return result.value;
}

/** A 6-digit code that is not `code`. */
function other(code: string, n = 1): string {
  return ((Number(code) + n) % 1_000_000).toString().padStart(6, '0');
}

describe('guest pickup codes', () => {
  it('a guest claim shows a 6-digit code once; the code retrieves the locker; after the session ends it opens nothing', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const claim = await guestClaim(s);
    expect(claim).toMatchObject({ kind: 'opened', sessionId: 1, lockerNumber: 1, maxMinutes: 240, skippedFaulty: [] });
    expect(claim.pickupCode).toMatch(/^[0-9]{6}$/);
    const code = claim.pickupCode ?? '';
    s.bus.closeDoor(1, 1);
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: code })).toEqual({ ok: true, value: { kind: 'opened', sessionId: 1, lockerNumber: 1 } });
    // Entered again while the door is still open: the same locker, nothing new.
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: code })).toEqual({ ok: true, value: { kind: 'opened', sessionId: 1, lockerNumber: 1 } });
    s.bus.closeDoor(1, 1);
    expect(s.rows('SELECT holder, card_id, state, end_reason FROM locker_sessions')).toEqual([{ holder: 'guest', card_id: null, state: 'ended', end_reason: 'retrieved' }]);
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: code })).toEqual({ ok: true, value: { kind: 'wrong-code', attemptsLeft: 4 } });
    expect(s.bus.opens).toHaveLength(3);
  });

  it('the code is never stored in clear; the hash is keyed (64 hex)', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const codes: string[] = [];
    for (const cable of ['usb-c', 'usb-c', 'lightning'] as const) codes.push((await guestClaim(s, cable)).pickupCode ?? '');
    expect(new Set(codes).size).toBe(3);
    const hashes = s.rows<{ code_hash: string }>('SELECT code_hash FROM locker_sessions').map((r) => r.code_hash);
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const bytes = Buffer.concat(readdirSync(s.dataDir).filter((f) => f.startsWith('station.db')).map((f) => readFileSync(join(s.dataDir, f))));
    for (const code of codes) {
      expect(bytes.indexOf(code), code).toBe(-1);
      expect(bytes.indexOf(Buffer.from(code, 'utf16le')), code).toBe(-1);
    }
  });

  it('wrong codes: 4, 3, 2, 1 tries left, then a 300 s lockout that even the right code cannot pass; afterwards the right code works', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const code = (await guestClaim(s)).pickupCode ?? '';
    s.bus.closeDoor(1, 1);
    const answers = [];
    for (let i = 1; i <= 5; i += 1) answers.push(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: other(code, i) }));
    expect(answers).toEqual([
      { ok: true, value: { kind: 'wrong-code', attemptsLeft: 4 } },
      { ok: true, value: { kind: 'wrong-code', attemptsLeft: 3 } },
      { ok: true, value: { kind: 'wrong-code', attemptsLeft: 2 } },
      { ok: true, value: { kind: 'wrong-code', attemptsLeft: 1 } },
      { ok: true, value: { kind: 'locked-out', retryAfterSeconds: 300 } },
    ]);
    vi.advanceTimersByTime(100_500);
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: code })).toEqual({ ok: true, value: { kind: 'locked-out', retryAfterSeconds: 200 } });
    vi.advanceTimersByTime(199_499);
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: other(code) })).toEqual({ ok: true, value: { kind: 'locked-out', retryAfterSeconds: 1 } });
    vi.advanceTimersByTime(1);
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: code })).toEqual({ ok: true, value: { kind: 'opened', sessionId: 1, lockerNumber: 1 } });
    expect(s.bus.opens.map((o) => o.lock)).toEqual([1, 1]);
  });

  it('a right code resets the count of wrong ones', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { pickupCodeAttempts: 2, pickupLockoutSeconds: 60 } });
    const code = (await guestClaim(s)).pickupCode ?? '';
    s.bus.closeDoor(1, 1);
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: other(code) })).toEqual({ ok: true, value: { kind: 'wrong-code', attemptsLeft: 1 } });
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: code })).toMatchObject({ ok: true, value: { kind: 'opened' } });
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: other(code) })).toEqual({ ok: true, value: { kind: 'wrong-code', attemptsLeft: 1 } });
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: other(code, 2) })).toEqual({ ok: true, value: { kind: 'locked-out', retryAfterSeconds: 60 } });
  });

  it('malformed codes are invalid arguments and do not count', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    for (const pickupCode of ['', '12345', '1234567', '12345a', ' 123456', '１２３４５６', '12 456']) {
      expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode }), pickupCode).toMatchObject({ ok: false, code: 'invalid-argument' });
    }
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: '000000' })).toEqual({ ok: true, value: { kind: 'wrong-code', attemptsLeft: 4 } });
  });

  it('a phone left inside at pickup keeps the session (charging again, with an event row); the code opens it again', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, bus: { itemSensor: true } });
    const code = (await guestClaim(s)).pickupCode ?? '';
    s.bus.closeDoor(1, 1, true);
    await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: code });
    s.bus.closeDoor(1, 1, true);
    expect(s.rows('SELECT state FROM locker_sessions')).toEqual([{ state: 'charging' }]);
    expect(s.rows("SELECT kind, locker_number, session_id FROM locker_events WHERE kind = 'item-left-inside'")).toEqual([{ kind: 'item-left-inside', locker_number: 1, session_id: 1 }]);
    expect(s.lockerEvents()).toEqual([{ kind: 'session-started', sessionId: 1, lockerNumber: 1 }]);
    await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: code });
    s.bus.setItemPresent(1, 1, false);
    s.bus.closeDoor(1, 1, false);
    expect(s.rows('SELECT state, end_reason FROM locker_sessions')).toEqual([{ state: 'ended', end_reason: 'retrieved' }]);
    expect(s.lockerEvents()).toEqual([
      { kind: 'session-started', sessionId: 1, lockerNumber: 1 },
      { kind: 'session-ended', sessionId: 1, lockerNumber: 1 },
    ]);
  });
});
