import { describe, expect, it } from 'vitest';
import { resolveIcon } from './icons';

describe('resolveIcon', () => {
  it('knows its own names and aliases, and never leaves an offer without an icon', () => {
    expect(resolveIcon('haircut')).toBe('haircut');
    expect(resolveIcon('hot-water')).toBe('water');
    expect(resolveIcon('no-such-icon')).toBe('star');
    expect(resolveIcon('__proto__')).toBe('star');
    expect(resolveIcon('constructor')).toBe('star');
  });
});
