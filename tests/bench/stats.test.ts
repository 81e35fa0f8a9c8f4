import { describe, expect, it } from 'vitest';
import { percentile, reportLine, spread, stageDurations, stageSpreads, wireTimeMs } from './stats';

describe('bench statistics', () => {
  it('percentile is the nearest-rank value, whatever the input order', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(spread([3, 1, 2])).toEqual({ n: 3, p50: 2, p95: 3 });
  });

  it('stage durations are differences of consecutive marks, named by the later mark', () => {
    expect(stageDurations({ wire: 10, decoded: 12.5, painted: 40 }, ['wire', 'decoded', 'painted'])).toEqual({ decoded: 2.5, painted: 27.5 });
  });

  it('a sample with a missing mark is dropped, not guessed', () => {
    expect(stageDurations({ a: 1, b: null, c: 3 }, ['a', 'b', 'c'])).toBeNull();
    expect(stageDurations({ a: 1, b: Number.NaN, c: 3 }, ['a', 'b', 'c'])).toBeNull();
  });

  it('per-stage spreads take each stage over every sample', () => {
    const samples = [{ x: 1, y: 10 }, { x: 3, y: 30 }, { x: 2, y: 20 }];
    expect(stageSpreads(samples, ['x', 'y'])).toEqual({ x: { n: 3, p50: 2, p95: 3 }, y: { n: 3, p50: 20, p95: 30 } });
  });

  it('wire time is 10 bits a byte at the baud rate; report lines carry the ratio', () => {
    expect(wireTimeMs(14, 9600)).toBeCloseTo(14.583, 3);
    expect(reportLine('x', 47, 31.25, 'floor')).toMatch(/47\.0 ms\s+floor 31\.3 ms\s+ratio 1\.50×$/);
  });
});
