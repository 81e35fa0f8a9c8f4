import { describe, expect, it } from 'vitest';
import type { CodeKey } from '../app/locker-flow';
import { initialStewardSetup, setupToSend, stewardSetupReducer, type StewardSetupEvent, type StewardSetupState } from './steward-setup';

const type = (state: StewardSetupState, digits: string): StewardSetupState =>
  [...digits].reduce((s, d) => stewardSetupReducer(s, { type: 'key', key: d as CodeKey }), state);
const run = (state: StewardSetupState, ...events: StewardSetupEvent[]) => events.reduce(stewardSetupReducer, state);
const submit: StewardSetupEvent = { type: 'submit' };

describe('first steward setup steps', () => {
  it('code (8 digits) → PIN → same PIN again → sends both once', () => {
    let s = type(initialStewardSetup, '1234567');
    expect(run(s, submit)).toBe(s);
    s = run(type(s, '89'), submit);
    // The ninth digit was refused: a code is exactly 8.
    expect(s).toMatchObject({ step: 'pin', code: '12345678', digits: '' });
    s = run(type(s, '246'), submit);
    expect(s.step).toBe('pin');
    s = run(type(s, '8'), submit);
    expect(s).toMatchObject({ step: 'confirm', pin: '2468', digits: '' });
    expect(setupToSend(s)).toBeNull();
    s = run(type(s, '2468'), submit);
    expect(s.sending).toBe(true);
    expect(setupToSend(s)).toEqual({ setupCode: '12345678', pin: '2468' });
    expect(type(s, '1')).toBe(s);
    expect(run(s, submit)).toBe(s);
  });

  it('two different PINs go back to choosing one; a refused code starts over at the code', () => {
    let s = run(type(run(type(run(type(initialStewardSetup, '12345678'), submit), '2468'), submit), '2469'), submit);
    expect(s).toMatchObject({ step: 'pin', pin: '', digits: '', problem: 'mismatch', sending: false });
    s = run(type(run(type(s, '1357'), submit), '1357'), submit);
    expect(s.sending).toBe(true);
    expect(run(s, { type: 'answer', outcome: 'refused' })).toEqual({ ...initialStewardSetup, problem: 'wrong-code' });
    expect(run(s, { type: 'answer', outcome: 'failed' })).toMatchObject({ step: 'confirm', sending: false, problem: 'failed', code: '12345678', pin: '1357' });
  });
});
