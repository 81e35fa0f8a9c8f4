import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { STANDARD_LAYOUT, T0, useLockerStations } from '../testing/locker-fixture';
import { useTempDirs } from '../testing/temp-dirs';
import { CADRE_CARD, HOST_CARD, HOST_PIN, stewardStation, writeStewards } from './steward-test-kit';

const start = useLockerStations();
const temp = useTempDirs('steward-');
const SEC = 1000;
const MIN = 60 * SEC;
const WORKER = '0040856634';

async function withStewards() {
  const dataDir = temp.make();
  writeStewards(dataDir);
  return stewardStation(start, { dataDir, layout: STANDARD_LAYOUT });
}

describe('steward list', () => {
  it('stewards.json is kept as keyed card hashes and scrypt PIN hashes, never the raw numbers', async () => {
    const { s } = await withStewards();
    const rows = s.rows<Record<string, unknown>>('SELECT id, name, role, card_hash, card_hash24, pin_hash, source, active FROM stewards ORDER BY id');
    expect(rows.map((r) => [r.id, r.name, r.role, r.source, r.active])).toEqual([
      [1, '王芳', 'host', 'file', 1],
      [2, 'Li Wei', 'cadre', 'file', 1],
    ]);
    for (const row of rows) {
      expect(row.card_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.pin_hash).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    }
    const everything = JSON.stringify(s.rows('SELECT * FROM stewards'));
    for (const secret of [HOST_CARD, CADRE_CARD, HOST_PIN, String(Number(HOST_CARD)), '8642']) expect(everything).not.toContain(secret);
    expect(s.warnings).toEqual([]);
  });

  it('bad entries are skipped with a warning naming them; a PIN in plain text is refused', async () => {
    const dataDir = temp.make();
    writeStewards(dataDir, [
      { name: 'Plain', role: 'host', card: HOST_CARD, pin: '1234' },
      { name: 'Nocard', role: 'host', card: 'hello world!', pinHash: 'scrypt$16384$8$1$' + '0'.repeat(32) + '$' + '0'.repeat(64) },
      { name: 'Badrole', role: 'boss', card: CADRE_CARD, pinHash: 'x' },
    ]);
    const { s } = await stewardStation(start, { dataDir, layout: STANDARD_LAYOUT });
    expect(s.warnings).toEqual([
      'stewards.json: steward 1 skipped: a PIN in plain text ("pin") is refused; give its scrypt hash as "pinHash" (npm run steward-pin-hash).',
      'stewards.json: steward 2 skipped: "card" is not a card number.',
      'stewards.json: steward 3 skipped: field "role" Invalid option: expected one of "host"|"cadre".',
    ]);
    expect(s.rows('SELECT * FROM stewards')).toEqual([]);
  });

  it('a steward dropped from the file is made inactive and can no longer sign in', async () => {
    const first = await withStewards();
    await first.s.service.close();
    writeStewards(first.s.dataDir, [{ name: 'Li Wei', role: 'cadre', card: CADRE_CARD, pinHash: 'scrypt$16384$8$1$' + '0'.repeat(32) + '$' + '0'.repeat(64) }]);
    const again = await stewardStation(start, { dataDir: first.s.dataDir, layout: STANDARD_LAYOUT });
    expect(again.s.rows('SELECT id, name, active FROM stewards ORDER BY id')).toEqual([
      { id: 1, name: '王芳', active: 0 },
      { id: 2, name: 'Li Wei', active: 1 },
    ]);
    await again.s.service.api.openStewardSignIn();
    await again.tapReader(HOST_CARD);
    expect(again.cards).toEqual([]);
    expect(again.s.rows("SELECT kind FROM visits")).toEqual([{ kind: 'member' }]);
  });
});

describe('sign-in', () => {
  it('card at the open sign-in screen → PIN → session; steward calls work; sign-in and actions are audited', async () => {
    const { s, cards, tapReader } = await withStewards();
    expect(await s.service.api.openStewardSignIn()).toEqual({ ok: true, value: { needsSetup: false, pinOnly: false } });
    await tapReader(HOST_CARD);
    expect(cards).toEqual([{ pending: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/), name: '王芳' }]);
    // The steward's tap is not a visit.
    expect(s.rows('SELECT * FROM visits')).toEqual([]);
    expect(s.seen.filter((e) => e.event === 'checkIn')).toEqual([]);
    const pending = cards[0]?.pending ?? null;
    const signed = await s.service.api.signInSteward({ pending, pin: HOST_PIN });
    expect(signed).toEqual({ ok: true, value: { kind: 'signed-in', steward: { session: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/), name: '王芳', role: 'host', idleSeconds: 120 } } });
    const session = signed.ok && signed.value.kind === 'signed-in' ? signed.value.steward.session : '';
    // The pending tap is spent.
    expect(await s.service.api.signInSteward({ pending, pin: HOST_PIN })).toEqual({ ok: true, value: { kind: 'tap-again' } });
    expect(await s.service.api.listLockers({ session })).toMatchObject({ ok: true });
    vi.advanceTimersByTime(5 * SEC);
    expect(await s.service.api.stewardLockerAction({ session, lockerNumber: 2, action: 'mark-faulty', reason: '门铰链坏了, "quoted"' })).toEqual({ ok: true, value: {} });
    vi.advanceTimersByTime(5 * SEC);
    expect(await s.service.api.signOutSteward({ session })).toEqual({ ok: true, value: {} });
    expect(await s.service.api.listLockers({ session })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(s.rows('SELECT at_ms, steward_id, steward_name, action, subject, reason FROM steward_actions ORDER BY id')).toEqual([
      { at_ms: T0, steward_id: 1, steward_name: '王芳', action: 'steward.sign-in', subject: null, reason: null },
      { at_ms: T0 + 5 * SEC, steward_id: 1, steward_name: '王芳', action: 'locker.mark-faulty', subject: 'locker 2', reason: '门铰链坏了, "quoted"' },
      { at_ms: T0 + 10 * SEC, steward_id: 1, steward_name: '王芳', action: 'steward.sign-out', subject: null, reason: 'signed out' },
    ]);
    expect(await s.service.api.listStewardAudit({ session, limit: 10 })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('a steward card tapped while the sign-in screen is closed is an ordinary check-in', async () => {
    const { s, cards, tapReader } = await withStewards();
    await tapReader(HOST_CARD);
    await s.service.api.openStewardSignIn();
    await s.service.api.closeStewardSignIn();
    await tapReader(CADRE_CARD);
    // The screen's window closes by itself after 2 minutes too.
    await s.service.api.openStewardSignIn();
    vi.advanceTimersByTime(2 * MIN + 1);
    await tapReader(WORKER);
    expect(cards).toEqual([]);
    expect(s.rows('SELECT kind FROM visits ORDER BY id')).toEqual([{ kind: 'member' }, { kind: 'member' }, { kind: 'member' }]);
  });

  it('5 wrong PINs → 15 minutes locked out (audited), even for the right PIN; it survives a restart', async () => {
    const first = await withStewards();
    await first.s.service.api.openStewardSignIn();
    await first.tapReader(HOST_CARD);
    const pending = first.cards[0]?.pending ?? null;
    const answers = [];
    for (const pin of ['0000', '1111', '2222', '3333', '4444']) answers.push(await first.s.service.api.signInSteward({ pending, pin }));
    expect(answers).toEqual([4, 3, 2, 1].map((attemptsLeft) => ({ ok: true, value: { kind: 'wrong-pin', attemptsLeft } })).concat([{ ok: true, value: { kind: 'locked-out', retryAfterSeconds: 900 } } as never]));
    expect(await first.s.service.api.signInSteward({ pending, pin: HOST_PIN })).toEqual({ ok: true, value: { kind: 'locked-out', retryAfterSeconds: 900 } });
    // Another steward is not locked out by them.
    expect(await first.signIn(CADRE_CARD, '8642')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    vi.advanceTimersByTime(MIN);
    await first.s.service.close();

    const second = await stewardStation(start, { dataDir: first.s.dataDir, layout: STANDARD_LAYOUT });
    await second.s.service.api.openStewardSignIn();
    await second.tapReader(HOST_CARD);
    const again = second.cards[0]?.pending ?? null;
    expect(await second.s.service.api.signInSteward({ pending: again, pin: HOST_PIN })).toEqual({ ok: true, value: { kind: 'locked-out', retryAfterSeconds: 14 * 60 } });
    vi.advanceTimersByTime(14 * MIN);
    // The tap waited too long for its PIN; a new tap, and the lockout is over.
    expect(await second.s.service.api.signInSteward({ pending: again, pin: HOST_PIN })).toEqual({ ok: true, value: { kind: 'tap-again' } });
    expect(await second.signIn(HOST_CARD, HOST_PIN)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(second.s.rows("SELECT at_ms, steward_name, action, reason FROM steward_actions WHERE action = 'steward.pin-lockout'")).toEqual([
      { at_ms: T0, steward_name: '王芳', action: 'steward.pin-lockout', reason: '5 wrong PINs in a row; locked for 900 s' },
    ]);
  });

  it('2 minutes without a steward call signs the session out (audited); each call restarts the clock', async () => {
    const { s, signIn } = await withStewards();
    const session = await signIn();
    vi.advanceTimersByTime(119 * SEC);
    expect(await s.service.api.listLockers({ session })).toMatchObject({ ok: true });
    vi.advanceTimersByTime(119 * SEC);
    expect(await s.service.api.listLockers({ session })).toMatchObject({ ok: true });
    vi.advanceTimersByTime(120 * SEC);
    expect(await s.service.api.listLockers({ session })).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'Not signed in (or signed out after 2 minutes without a touch): sign in again.',
    });
    expect(s.rows("SELECT at_ms, action, reason FROM steward_actions WHERE action = 'steward.sign-out'")).toEqual([
      { at_ms: T0 + 358 * SEC, action: 'steward.sign-out', reason: '120 s without a touch' },
    ]);
  });

  it('a worker card tapped during a session is that worker\'s check-in and ends the session; nothing steward is done', async () => {
    const { s, signIn, tapReader, cards } = await withStewards();
    const session = await signIn();
    await tapReader(WORKER);
    expect(s.seen.filter((e) => e.event === 'checkIn').map((e) => (e.payload as { outcome: { kind: string } }).outcome.kind)).toEqual(['welcome']);
    expect(s.rows('SELECT kind FROM visits')).toEqual([{ kind: 'member' }]);
    expect(cards).toHaveLength(1);
    expect(await s.service.api.listLockers({ session })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(s.rows('SELECT steward_name, action, reason FROM steward_actions ORDER BY id')).toEqual([
      { steward_name: '王芳', action: 'steward.sign-in', reason: null },
      { steward_name: '王芳', action: 'steward.sign-out', reason: 'a worker card was tapped' },
    ]);
  });

  it('a restart ends every session', async () => {
    const first = await withStewards();
    const session = await first.signIn();
    await first.s.service.close();
    const second = await stewardStation(start, { dataDir: first.s.dataDir, layout: STANDARD_LAYOUT });
    expect(await second.s.service.api.listLockers({ session })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('malformed sign-ins are invalid arguments and do not count', async () => {
    const { s } = await withStewards();
    for (const input of [{ pending: null, pin: '12' }, { pending: 'short', pin: '1234' }, { pin: '1234' }]) {
      expect(await s.service.api.signInSteward(input as never)).toMatchObject({ ok: false, code: 'invalid-argument' });
    }
    expect(s.rows('SELECT * FROM attempt_limits')).toEqual([]);
  });
});

describe('first steward and the old PIN settings', () => {
  it('a fresh station prints a setup code; it sets up a PIN-only first steward once and signs them in', async () => {
    const { s } = await stewardStation(start, { dataDir: temp.make(), layout: STANDARD_LAYOUT });
    const code = /Steward setup code: ([0-9]{8}) /.exec(s.notices.join('\n'))?.[1] ?? '';
    expect(code).toMatch(/^[0-9]{8}$/);
    expect(await s.service.api.openStewardSignIn()).toEqual({ ok: true, value: { needsSetup: true, pinOnly: false } });
    const wrong = code === '00000000' ? '11111111' : '00000000';
    expect(await s.service.api.setUpSteward({ setupCode: wrong, pin: '97531' })).toEqual({ ok: false, code: 'forbidden', message: 'Wrong setup code; 4 tries left.' });
    const done = await s.service.api.setUpSteward({ setupCode: code, pin: '97531' });
    expect(done).toMatchObject({ ok: true, value: { name: 'First steward', role: 'cadre', idleSeconds: 120 } });
    expect(await s.service.api.listLockers({ session: done.ok ? done.value.session : '' })).toMatchObject({ ok: true });
    expect(await s.service.api.setUpSteward({ setupCode: code, pin: '11111' })).toEqual({ ok: false, code: 'forbidden', message: 'This station already has a steward.' });
    expect(await s.service.api.openStewardSignIn()).toEqual({ ok: true, value: { needsSetup: false, pinOnly: true } });
    expect(s.rows('SELECT name, source, card_hash FROM stewards')).toEqual([{ name: 'First steward', source: 'setup', card_hash: null }]);
    await s.service.close();
    const again = await start({ dataDir: s.dataDir, layout: STANDARD_LAYOUT });
    expect(again.notices.join('\n')).not.toContain('setup code');
    expect(await again.session('97531')).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('station.json stewardPin is migrated once into a PIN-only steward, then refused with a warning', async () => {
    const first = await start({ layout: STANDARD_LAYOUT, settings: { stewardPin: '2468' } });
    expect(first.warnings).toEqual([
      'station.json: "stewardPin" was moved into the steward list as a scrypt hash (PIN-only sign-in, "Station PIN"); delete the setting from station.json — it is no longer read.',
    ]);
    expect(first.notices.join('\n')).not.toContain('setup code');
    expect(first.rows('SELECT name, role, source FROM stewards')).toEqual([{ name: 'Station PIN', role: 'cadre', source: 'legacy' }]);
    expect(JSON.stringify(first.rows('SELECT * FROM stewards'))).not.toContain('2468');
    await first.service.close();
    // A changed plaintext PIN is not applied: the setting is refused now.
    const second = await start({ dataDir: first.dataDir, layout: STANDARD_LAYOUT, settings: { stewardPin: '1357' } });
    expect(second.warnings).toEqual([
      'station.json: "stewardPin" is refused: a PIN in plain text is no longer read (it was migrated before). Delete it; stewards are listed in stewards.json.',
    ]);
    expect(await second.service.api.signInSteward({ pending: null, pin: '1357' })).toEqual({ ok: true, value: { kind: 'wrong-pin', attemptsLeft: 4 } });
    expect(await second.session('2468')).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('the PIN set on the kiosk (steward-pin file) becomes the first steward and the file goes', async () => {
    const dataDir = temp.make();
    const { hashStewardPin } = await import('./pin-hash');
    writeFileSync(join(dataDir, 'steward-pin'), `${hashStewardPin('97531')}\n`, { mode: 0o600 });
    const s = await start({ dataDir, layout: STANDARD_LAYOUT });
    expect(s.warnings).toEqual(['steward-pin: the steward PIN set on the kiosk was moved into the steward list ("First steward", PIN-only).']);
    expect(existsSync(join(dataDir, 'steward-pin'))).toBe(false);
    expect(s.notices.join('\n')).not.toContain('setup code');
    expect(await s.session('97531')).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
