import { describe, expect, it } from 'vitest';
import { initialSignIn, signInReducer, type SignInEvent, type SignInState } from './sign-in-state';

const run = (...events: SignInEvent[]): SignInState => events.reduce(signInReducer, initialSignIn);
const type = (digits: string): SignInEvent[] => [...digits].map((key) => ({ type: 'key', key: key as '0' }));
const PENDING = 'P'.repeat(32);
const STEWARD = { session: 'S'.repeat(32), name: '王芳', role: 'host' as const, idleSeconds: 120 };
const card: SignInEvent = { type: 'card', pending: PENDING, name: '王芳' };

describe('console sign-in', () => {
  it('opens on "tap your card", or on the setup code for a station with no steward', () => {
    expect(run({ type: 'opened', needsSetup: false, pinOnly: false })).toEqual({ stage: 'tap', pinOnly: false, tapAgain: false });
    expect(run({ type: 'opened', needsSetup: true, pinOnly: false })).toEqual({ stage: 'setup' });
    expect(run({ type: 'opened', needsSetup: true, pinOnly: false }, { type: 'set-up', steward: STEWARD })).toEqual({ stage: 'signed-in', steward: STEWARD });
  });

  it('a card → PIN → signed in; the PIN is sent once', () => {
    const typed = run({ type: 'opened', needsSetup: false, pinOnly: false }, card, ...type('123456789'));
    expect(typed).toEqual({ stage: 'pin', pinOnly: false, pending: PENDING, name: '王芳', digits: '12345678', problem: null, checking: false });
    const checking = signInReducer(typed, { type: 'submit' });
    expect(checking).toMatchObject({ checking: true });
    expect(signInReducer(checking, { type: 'submit' })).toBe(checking);
    expect(signInReducer(checking, { type: 'key', key: '1' })).toBe(checking);
    expect(signInReducer(checking, card)).toBe(checking);
    expect(signInReducer(checking, { type: 'answer', outcome: { kind: 'signed-in', steward: STEWARD } })).toEqual({ stage: 'signed-in', steward: STEWARD });
  });

  it('"PIN only" only where offered; wrong PINs, lockouts and failures clear the digits and say so', () => {
    expect(run({ type: 'opened', needsSetup: false, pinOnly: false }, { type: 'pin-only' })).toEqual({ stage: 'tap', pinOnly: false, tapAgain: false });
    const pin = run({ type: 'opened', needsSetup: false, pinOnly: true }, { type: 'pin-only' }, ...type('1111'), { type: 'submit' });
    expect(signInReducer(pin, { type: 'answer', outcome: { kind: 'wrong-pin', attemptsLeft: 3 } })).toMatchObject({ digits: '', checking: false, problem: { kind: 'wrong', attemptsLeft: 3 }, pending: null });
    expect(signInReducer(pin, { type: 'answer', outcome: { kind: 'locked-out', retryAfterSeconds: 900 } })).toMatchObject({ problem: { kind: 'locked-out', retryAfterSeconds: 900 } });
    expect(signInReducer(pin, { type: 'answer', outcome: 'failed' })).toMatchObject({ problem: { kind: 'failed' } });
    expect(signInReducer(pin, { type: 'answer', outcome: { kind: 'tap-again' } })).toEqual({ stage: 'tap', pinOnly: true, tapAgain: true });
  });

  it('short PINs are not sent; back returns to the card', () => {
    const short = run({ type: 'opened', needsSetup: false, pinOnly: false }, card, ...type('123'));
    expect(signInReducer(short, { type: 'submit' })).toBe(short);
    expect(signInReducer(short, { type: 'back' })).toEqual({ stage: 'tap', pinOnly: false, tapAgain: false });
  });
});
