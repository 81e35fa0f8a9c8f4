import { describe, expect, it } from 'vitest';
import { createAttemptLimiter } from './attempt-limiter';
import { createStewardGuard, hashStewardPin, NOT_SET_UP, verifyStewardPin, type StewardGuardOptions } from './steward-guard';
import { memoryStewardPinStore } from './steward-pin-store';

function guardWith(overrides: Partial<StewardGuardOptions> = {}) {
  let nowMs = 1_000_000;
  const codes: string[] = [];
  const events: string[] = [];
  const store = memoryStewardPinStore();
  const guard = createStewardGuard({
    configuredPin: null,
    store,
    limiter: createAttemptLimiter({ now: () => nowMs, attempts: 3, lockoutMs: 60_000 }),
    onLockout: () => events.push('lockout'),
    onSetupCode: (code) => codes.push(code),
    onSetUp: () => events.push('set-up'),
    ...overrides,
  });
  return { guard, codes, events, store, advance: (ms: number) => (nowMs += ms) };
}

describe('steward PIN hashing', () => {
  it('stores scrypt with a fresh salt and verifies only the same PIN', () => {
    const a = hashStewardPin('2468');
    const b = hashStewardPin('2468');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('2468');
    expect(verifyStewardPin('2468', a)).toBe(true);
    expect(verifyStewardPin('2469', a)).toBe(false);
    for (const broken of ['', 'plain:2468', 'scrypt$0$8$1$00$00', 'scrypt$16384$8$1$zz$zz', 'scrypt$16384$8$1']) {
      expect(verifyStewardPin('2468', broken), broken).toBe(false);
    }
  });
});

describe('first steward setup', () => {
  it('a station with no PIN prints an 8-digit setup code and refuses PINs without a lockout', () => {
    const { guard, codes, events } = guardWith();
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatch(/^[0-9]{8}$/);
    expect(guard.needsSetup()).toBe(true);
    // Ten refusals, none counted: a PIN that does not exist can never lock anybody out.
    for (let i = 0; i < 10; i += 1) expect(guard.check('1234')).toEqual({ ok: false, code: 'forbidden', message: NOT_SET_UP });
    expect(events).toEqual([]);
  });

  it('the setup code sets the PIN once, stored as a hash; then the PIN works and the code is spent', () => {
    const { guard, codes, events, store } = guardWith();
    const code = codes[0] ?? '';
    expect(guard.setUp(code, '97531')).toBeNull();
    expect(events).toEqual(['set-up']);
    expect(guard.needsSetup()).toBe(false);
    const stored = store.load() ?? '';
    expect(verifyStewardPin('97531', stored)).toBe(true);
    expect(stored).not.toContain('97531');
    expect(guard.check('97531')).toBeNull();
    expect(guard.check('97531')).toBeNull();
    expect(guard.check('11111')).toMatchObject({ code: 'forbidden', message: 'Wrong PIN; 2 tries left.' });
    expect(guard.setUp(code, '22222')).toEqual({ ok: false, code: 'forbidden', message: 'This station already has a steward PIN.' });
  });

  it('wrong setup codes count towards the lockout, during which even the right code is refused', () => {
    const { guard, codes, events, advance } = guardWith();
    const code = codes[0] ?? '';
    const wrong = code === '00000000' ? '11111111' : '00000000';
    expect(guard.setUp(wrong, '2468')).toMatchObject({ message: 'Wrong setup code; 2 tries left.' });
    expect(guard.setUp(wrong, '2468')).toMatchObject({ message: 'Wrong setup code; 1 tries left.' });
    expect(guard.setUp(wrong, '2468')).toMatchObject({ message: 'Too many wrong PINs; try again in 60 s.' });
    expect(events).toEqual(['lockout']);
    expect(guard.setUp(code, '2468')).toMatchObject({ code: 'forbidden', message: 'Too many wrong PINs; try again in 60 s.' });
    expect(guard.needsSetup()).toBe(true);
    advance(60_000);
    expect(guard.setUp(code, '2468')).toBeNull();
  });

  it('a stored hash or a station.json PIN means no setup code at all', () => {
    const stored = guardWith({ store: memoryStewardPinStore(hashStewardPin('8642')) });
    expect(stored.codes).toEqual([]);
    expect(stored.guard.needsSetup()).toBe(false);
    expect(stored.guard.check('8642')).toBeNull();
    const configured = guardWith({ configuredPin: '1357' });
    expect(configured.codes).toEqual([]);
    expect(configured.guard.check('1357')).toBeNull();
    expect(configured.guard.check('8642')).toMatchObject({ code: 'forbidden' });
  });
});
