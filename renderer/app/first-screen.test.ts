import { describe, expect, it } from 'vitest';
import { createFirstScreenSignal } from './first-screen';

describe('first screen signal', () => {
  it('holds work until the first screen is shown, then runs it once, in order', () => {
    const signal = createFirstScreenSignal();
    const ran: string[] = [];
    signal.whenShown(() => ran.push('screens'));
    signal.whenShown(() => ran.push('languages'));
    expect(ran).toEqual([]);
    signal.shown();
    expect(ran).toEqual(['screens', 'languages']);
    signal.shown();
    expect(ran).toEqual(['screens', 'languages']);
  });

  it('runs work asked for after the first screen at once', () => {
    const signal = createFirstScreenSignal();
    signal.shown();
    const ran: string[] = [];
    signal.whenShown(() => ran.push('late'));
    expect(ran).toEqual(['late']);
  });
});
