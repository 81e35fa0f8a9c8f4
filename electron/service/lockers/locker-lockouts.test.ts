import { describe, expect, it, vi } from 'vitest';
import type { ClaimOutcome } from '../../../common/lockers';
import { STANDARD_LAYOUT, T0, useLockerStations, type LockerStation } from '../testing/locker-fixture';

const start = useLockerStations();
const PIN = '2468';
const MIN = 60_000;

async function guestClaim(s: LockerStation): Promise<Extract<ClaimOutcome, { kind: 'opened' }>> {
  const result = await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' });
  if (!result.ok || result.value.kind !== 'opened') throw new Error(JSON.stringify(result));
  return result.value;
}

const wrong = (code: string, n = 1) => ((Number(code) + n) % 1_000_000).toString().padStart(6, '0');

/** Five wrong codes at `lockerNumber`; the last answer. */
async function fiveWrong(s: LockerStation, lockerNumber: number, code: string) {
  let last;
  for (let i = 1; i <= 5; i += 1) last = await s.service.api.openMyLocker({ kind: 'guest', lockerNumber, pickupCode: wrong(code, i) });
  return last;
}

describe('pickup-code lockouts per locker, escalating, persistent', () => {
  it('wrong codes typed for one locker never lock out another locker', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const first = await guestClaim(s);
    const second = await guestClaim(s);
    s.bus.closeDoor(1, 1);
    s.bus.closeDoor(1, 2);
    expect(await fiveWrong(s, 1, first.pickupCode ?? '')).toEqual({ ok: true, value: { kind: 'locked-out', retryAfterSeconds: 300 } });
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: first.pickupCode ?? '' })).toEqual({ ok: true, value: { kind: 'locked-out', retryAfterSeconds: 300 } });
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 2, pickupCode: second.pickupCode ?? '' })).toEqual({ ok: true, value: { kind: 'opened', sessionId: 2, lockerNumber: 2 } });
    // Locker 2's own count is untouched by locker 1's.
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 2, pickupCode: wrong(second.pickupCode ?? '') })).toEqual({ ok: true, value: { kind: 'wrong-code', attemptsLeft: 4 } });
  });

  it('the right code for the wrong locker is a wrong code there', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const first = await guestClaim(s);
    await guestClaim(s);
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 2, pickupCode: first.pickupCode ?? '' })).toEqual({ ok: true, value: { kind: 'wrong-code', attemptsLeft: 4 } });
    expect(s.bus.opens).toHaveLength(2);
  });

  it('each lockout is longer: 5 min, 15 min, 1 h, 4 h, then 24 h (capped); each start is audited', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const code = (await guestClaim(s)).pickupCode ?? '';
    s.bus.closeDoor(1, 1);
    const lengths: number[] = [];
    for (let round = 0; round < 6; round += 1) {
      const answer = await fiveWrong(s, 1, code);
      if (!answer?.ok || answer.value.kind !== 'locked-out') throw new Error(JSON.stringify(answer));
      lengths.push(answer.value.retryAfterSeconds);
      vi.advanceTimersByTime(answer.value.retryAfterSeconds * 1000);
    }
    expect(lengths).toEqual([300, 900, 3600, 14_400, 86_400, 86_400]);
    expect(s.rows("SELECT action, locker_number, outcome FROM steward_audit WHERE action = 'code-lockout'")).toHaveLength(6);
    expect(s.rows("SELECT action, locker_number, reason, outcome FROM steward_audit ORDER BY id LIMIT 1")).toEqual([
      { action: 'code-lockout', locker_number: 1, reason: '5 wrong pickup codes in a row', outcome: 'locked out for 300 s' },
    ]);
    // The right code, once the lockout is over, resets the escalation.
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: code })).toMatchObject({ ok: true, value: { kind: 'opened' } });
    s.bus.closeDoor(1, 1);
    const next = (await guestClaim(s)).pickupCode ?? '';
    expect(await fiveWrong(s, 1, next)).toEqual({ ok: true, value: { kind: 'locked-out', retryAfterSeconds: 300 } });
  });

  it('a lockout and the count towards one survive a restart on the same data dir', async () => {
    const first = await start({ layout: STANDARD_LAYOUT, settings: { stewardPin: PIN } });
    const lockedCode = (await guestClaim(first)).pickupCode ?? '';
    const countedCode = (await guestClaim(first)).pickupCode ?? '';
    first.bus.closeDoor(1, 1);
    first.bus.closeDoor(1, 2);
    await fiveWrong(first, 1, lockedCode);
    await first.service.api.openMyLocker({ kind: 'guest', lockerNumber: 2, pickupCode: wrong(countedCode) });
    for (const pin of ['0000', '1111', '2222', '3333', '4444']) await first.service.api.signInSteward({ pending: null, pin });
    vi.advanceTimersByTime(MIN);
    await first.service.close();

    const second = await start({ dataDir: first.dataDir, layout: STANDARD_LAYOUT, settings: { stewardPin: PIN } });
    expect(await second.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: lockedCode })).toEqual({ ok: true, value: { kind: 'locked-out', retryAfterSeconds: 240 } });
    expect(await second.service.api.openMyLocker({ kind: 'guest', lockerNumber: 2, pickupCode: wrong(countedCode, 2) })).toEqual({ ok: true, value: { kind: 'wrong-code', attemptsLeft: 3 } });
    expect(await second.service.api.signInSteward({ pending: null, pin: '2468' })).toEqual({ ok: true, value: { kind: 'locked-out', retryAfterSeconds: 14 * 60 } });
    expect(second.rows('SELECT scope, target, failures, lockouts, locked_until_ms FROM attempt_limits ORDER BY scope, target')).toEqual([
      { scope: 'pickup-code', target: 1, failures: 0, lockouts: 1, locked_until_ms: T0 + 5 * MIN },
      { scope: 'pickup-code', target: 2, failures: 2, lockouts: 0, locked_until_ms: null },
      { scope: 'steward-pin', target: 0, failures: 0, lockouts: 1, locked_until_ms: T0 + 15 * MIN },
    ]);
  });

  it('a steward clears one locker\'s code lockout (audited); the guest can then open it', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { stewardPin: PIN } });
    const code = (await guestClaim(s)).pickupCode ?? '';
    s.bus.closeDoor(1, 1);
    await fiveWrong(s, 1, code);
    expect(await s.service.api.stewardLockerAction({ session: await s.session(), lockerNumber: 1, action: 'clear-lockout', reason: 'guest showed ticket' })).toEqual({ ok: true, value: {} });
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: code })).toEqual({ ok: true, value: { kind: 'opened', sessionId: 1, lockerNumber: 1 } });
    expect(await s.service.api.stewardLockerAction({ session: await s.session(), lockerNumber: 2, action: 'clear-lockout', reason: 'checking' })).toEqual({ ok: true, value: {} });
    expect(s.rows('SELECT action, locker_number, reason, outcome FROM steward_audit ORDER BY id')).toEqual([
      { action: 'code-lockout', locker_number: 1, reason: '5 wrong pickup codes in a row', outcome: 'locked out for 300 s' },
      { action: 'clear-lockout', locker_number: 1, reason: 'guest showed ticket', outcome: 'done' },
      { action: 'clear-lockout', locker_number: 2, reason: 'checking', outcome: 'not locked out' },
    ]);
  });

  it('a new guest session on a locker starts with no wrong guesses from the last one', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { stewardPin: PIN } });
    const code = (await guestClaim(s)).pickupCode ?? '';
    s.bus.closeDoor(1, 1);
    for (let i = 1; i <= 3; i += 1) await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: wrong(code, i) });
    await s.service.api.stewardLockerAction({ session: await s.session(), lockerNumber: 1, action: 'end-session', reason: 'abandoned' });
    const next = (await guestClaim(s)).pickupCode ?? '';
    expect(await s.service.api.openMyLocker({ kind: 'guest', lockerNumber: 1, pickupCode: wrong(next) })).toEqual({ ok: true, value: { kind: 'wrong-code', attemptsLeft: 4 } });
  });
});
