/**
 * HyperLogLog against exact counts: single sketches from 1 to 20,000 distinct elements, and
 * station sketches with overlapping workers merged into a district count. Elements are fixed
 * HMAC pseudonyms, so every run sees the same numbers; the bound is three standard errors.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addHash,
  decodeSketch,
  emptySketch,
  encodeSketch,
  estimateDistinct,
  HLL_ENCODED_LENGTH,
  HLL_STANDARD_ERROR,
  mergeInto,
} from './hyperloglog';

const KEY = Buffer.from('hyperloglog test fleet key, not a real one');
const pseudonym = (n: number) => createHmac('sha256', KEY).update(`card-${n}`).digest();
const BOUND = 3 * HLL_STANDARD_ERROR;

describe('HyperLogLog sketch', () => {
  it('states its error: 1.04/√4096 ≈ 1.6 %', () => {
    expect(HLL_STANDARD_ERROR).toBeCloseTo(0.01625, 5);
  });

  it.each([1, 10, 100, 1_000, 5_000, 20_000])('estimates %i distinct workers within three standard errors', (n) => {
    const sketch = emptySketch();
    for (let i = 0; i < n; i++) addHash(sketch, pseudonym(i));
    // Adding the same workers again changes nothing.
    const before = encodeSketch(sketch);
    for (let i = 0; i < Math.min(n, 1_000); i++) addHash(sketch, pseudonym(i));
    expect(encodeSketch(sketch)).toBe(before);
    const estimate = estimateDistinct(sketch);
    if (n <= 100) expect(Math.abs(estimate - n)).toBeLessThanOrEqual(1);
    else expect(Math.abs(estimate - n) / n).toBeLessThan(BOUND);
  });

  it('merges station sketches into the district count: a worker seen at several stations counts once', () => {
    // 12 stations, 3,000 visitors each, drawn from a district of 15,000 workers: much overlap.
    const district = emptySketch();
    const exact = new Set<number>();
    let visits = 0;
    for (let station = 0; station < 12; station++) {
      const sketch = emptySketch();
      for (let v = 0; v < 3_000; v++) {
        const worker = (station * 7_919 + v * 104_729) % 15_000;
        exact.add(worker);
        addHash(sketch, pseudonym(worker));
        visits += 1;
      }
      mergeInto(district, decodeSketch(encodeSketch(sketch))!);
    }
    expect(visits).toBe(36_000);
    const estimate = estimateDistinct(district);
    expect(Math.abs(estimate - exact.size) / exact.size).toBeLessThan(BOUND);
    // Summing the stations' own counts would count shared workers again and again.
    expect(estimate).toBeLessThan(visits * 0.5);
  });

  it('encodes as fixed-length base64 and refuses text that is not a sketch', () => {
    const sketch = emptySketch();
    for (let i = 0; i < 500; i++) addHash(sketch, pseudonym(i));
    const text = encodeSketch(sketch);
    expect(text).toHaveLength(HLL_ENCODED_LENGTH);
    expect(text).toBe(Buffer.from(sketch).toString('base64'));
    expect(decodeSketch(text)).toEqual(sketch);
    expect(decodeSketch(text.slice(1))).toBeUndefined();
    expect(decodeSketch(`*${text.slice(1)}`)).toBeUndefined();
    // A register of 54 or more cannot come from a 52-bit rank.
    expect(decodeSketch(Buffer.from(new Uint8Array(4096).fill(54)).toString('base64'))).toBeUndefined();
    expect(() => addHash(sketch, new Uint8Array(7))).toThrow(RangeError);
  });
});
