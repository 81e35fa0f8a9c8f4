import { describe, expect, it } from 'vitest';
import { swipeDirection } from './swipe';

const at = (x: number, y: number, t: number) => ({ x, y, t });

describe('swipeDirection', () => {
  it.each([
    ['a flick left', at(300, 200, 0), at(200, 210, 150), 'next'],
    ['a flick right', at(200, 200, 0), at(300, 190, 150), 'prev'],
    ['too short', at(200, 200, 0), at(159 + 82, 200, 100), null],
    ['more down than sideways', at(200, 200, 0), at(120, 300, 100), null],
    ['too slow', at(300, 200, 0), at(100, 200, 801), null],
    ['a tap', at(200, 200, 0), at(200, 200, 80), null],
  ])('%s', (_name, start, end, expected) => {
    expect(swipeDirection(start, end)).toBe(expected);
  });
});
