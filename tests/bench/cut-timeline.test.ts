import { describe, expect, it } from 'vitest';
import { cutTimeline } from './cut-timeline';

/** 14 bytes written one byte time apart from t = 1000, with an optional pause before byte `at`. */
function writes(pauseBefore?: { at: number; ms: number }): number[] {
  const out: number[] = [];
  let t = 1000;
  for (let i = 0; i < 14; i++) {
    t += 1.04 + (pauseBefore && pauseBefore.at === i ? pauseBefore.ms : 0);
    out.push(t);
  }
  return out;
}

const sevenChunks = (deafMs = 0) => Array.from({ length: 7 }, (_, i) => ({ atMs: 1001.5 + i * 1.04, bytes: 1, deafMs }));

describe('where a cut frame lost its gap', () => {
  it('blames the bench when its own writes paused', () => {
    const byteAt = writes({ at: 7, ms: 130 });
    const t = cutTimeline(1000, byteAt, { deviceId: 'sim-reader', reason: 'truncated', chunks: sevenChunks(), atMs: 1108.8, deafMs: 0 });
    expect(t.cause).toBe('writer');
    expect(t.writerGapMs).toBeCloseTo(131.04, 5);
    expect(t.bytesRead).toBe(7);
  });

  it('says the bytes sat past the write when the bench wrote them in time and the station heard no stall', () => {
    const byteAt = writes();
    const t = cutTimeline(1000, byteAt, { deviceId: 'sim-reader', reason: 'truncated', chunks: sevenChunks(), atMs: 1108.8, deafMs: 0 });
    expect(t.cause).toBe('after-write');
    expect(t.unreadForMs).toBeCloseTo(1108.8 - (1000 + 8 * 1.04), 5);
    expect(t.text).toBe(
      'bench wrote bytes at +1.0 +2.1 +3.1 +4.2 +5.2 +6.2 +7.3 +8.3 +9.4 +10.4 +11.4 +12.5 +13.5 +14.6 ms; ' +
        'station read +1.5 (1 B) +2.5 (1 B) +3.6 (1 B) +4.6 (1 B) +5.7 (1 B) +6.7 (1 B) +7.7 (1 B), ' +
        'cut the frame at +108.8 after 7 B with 0.0 ms counted deaf; byte 8 had been written 100.5 ms before',
    );
  });

  it('counts the deaf time the station credited while the frame waited', () => {
    const t = cutTimeline(1000, writes(), { deviceId: 'sim-reader', reason: 'truncated', chunks: sevenChunks(0), atMs: 1208.8, deafMs: 100 });
    expect(t.cause).toBe('after-write');
    expect(t.deafMs).toBe(100);
  });

  it('does not blame a writer pause shorter than the reader allows', () => {
    const t = cutTimeline(1000, writes({ at: 7, ms: 50 }), { deviceId: 'sim-reader', reason: 'truncated', chunks: sevenChunks(), atMs: 1170, deafMs: 0 });
    expect(t.cause).toBe('after-write');
  });

  it('says so when the station printed no timing', () => {
    expect(cutTimeline(1000, writes(), undefined)).toMatchObject({ cause: 'unknown', bytesRead: 0, unreadForMs: null });
  });
});
