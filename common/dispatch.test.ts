import { describe, expect, it } from 'vitest';
import type { StationApi } from './contract';
import { dispatchCall } from './dispatch';

// No method is reached: every call below fails validation first.
const unreachable = new Proxy({}, { get: () => () => Promise.reject(new Error('must not be called')) }) as StationApi;

describe('dispatchCall argument validation', () => {
  it('names the field and the rule that failed, in words', async () => {
    expect(await dispatchCall(unreachable, 'submitWedgeRead', { text: '' })).toEqual({
      ok: false,
      code: 'invalid-argument',
      message: 'submitWedgeRead: text Too small: expected string to have >=1 characters',
    });
    expect(await dispatchCall(unreachable, 'setWorkerCategory', { visitId: 1.5, category: null })).toEqual({
      ok: false,
      code: 'invalid-argument',
      message: 'setWorkerCategory: visitId Invalid input: expected int, received number',
    });
  });
});
