import { describe, expect, it } from 'vitest';
import type { Screen } from './kiosk-state';
import { heldPasses, releasedPasses } from './held-passes';

const PASS = '0123456789abcdef0123456789abcdef';
const welcome = {
  name: 'welcome',
  member: { cardPass: PASS, locker: null },
} as unknown as Screen;

describe('held card passes', () => {
  it('finds a pass in the screen and in the screen it goes Back to', () => {
    const cable = { name: 'locker-cable', claimant: { kind: 'member', cardPass: PASS }, noneFree: null, back: welcome } as unknown as Screen;
    expect([...heldPasses(welcome)]).toEqual([PASS]);
    expect([...heldPasses(cable)]).toEqual([PASS]);
    expect(releasedPasses(welcome, cable)).toEqual([]);
    expect(releasedPasses(cable, welcome)).toEqual([]);
  });

  it('releases the pass when the kiosk goes home or to a stranger\'s screen', () => {
    const attract = { name: 'attract' } as Screen;
    expect(releasedPasses(welcome, attract)).toEqual([PASS]);
    const next = { name: 'welcome', member: { cardPass: 'f'.repeat(32), locker: null } } as unknown as Screen;
    expect(releasedPasses(welcome, next)).toEqual([PASS]);
    expect(releasedPasses(attract, welcome)).toEqual([]);
  });
});
