import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HANDWRITING_LIMITS } from '../../../../common/handwriting';
import { createHandwritingService, type HandwritingService } from './handwriting-service';
import { toZinniaSexp } from './zinnia-process';

const services: HandwritingService[] = [];
const dirs: string[] = [];
function service(options: Parameters<typeof createHandwritingService>[0] = {}): HandwritingService {
  const created = createHandwritingService(options);
  services.push(created);
  return created;
}
afterEach(() => {
  for (const s of services.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A horizontal stroke across a 300×300 pad: 一. */
const ONE = { strokes: [[[40, 150], [100, 150], [160, 150], [260, 150]]], width: 300, height: 300 };
/** Two strokes crossing: 十. */
const TEN = { strokes: [[[40, 150], [260, 150]], [[150, 40], [150, 270]]], width: 300, height: 300 };

describe('handwriting through the real zinnia recogniser', () => {
  it('is available with the Debian packages installed', async () => {
    expect(await service().api.getHandwritingAvailability()).toEqual({ ok: true, value: { available: true } });
  });

  it('reads 一 and 十, most likely first, as many candidates as the limit', async () => {
    const hw = service();
    const one = await hw.api.recogniseHandwriting(ONE);
    if (!one.ok) throw new Error(one.message);
    expect(one.value.candidates[0]?.text).toBe('一');
    expect(one.value.candidates).toHaveLength(HANDWRITING_LIMITS.maxCandidates);
    const scores = one.value.candidates.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const ten = await hw.api.recogniseHandwriting(TEN);
    if (!ten.ok) throw new Error(ten.message);
    expect(ten.value.candidates[0]?.text).toBe('十');
  });

  it('answers requests sent together, each its own', async () => {
    const hw = service();
    const [a, b, c] = await Promise.all([hw.api.recogniseHandwriting(ONE), hw.api.recogniseHandwriting(TEN), hw.api.recogniseHandwriting(ONE)]);
    expect([a, b, c].map((r) => (r.ok ? r.value.candidates[0]?.text : r.code))).toEqual(['一', '十', '一']);
  });

  it.each([
    ['no strokes', { strokes: [], width: 300, height: 300 }],
    ['an empty stroke', { strokes: [[]], width: 300, height: 300 }],
    ['too many strokes', { strokes: Array.from({ length: HANDWRITING_LIMITS.maxStrokes + 1 }, () => [[1, 1]]), width: 300, height: 300 }],
    ['too many points in a stroke', { strokes: [Array.from({ length: HANDWRITING_LIMITS.maxPointsPerStroke + 1 }, () => [1, 1])], width: 300, height: 300 }],
    ['too many points in all', { strokes: Array.from({ length: 9 }, () => Array.from({ length: 1000 }, () => [1, 1])), width: 300, height: 300 }],
    ['a point outside the pad', { strokes: [[[10, 10], [301, 10]]], width: 300, height: 300 }],
    ['a negative point', { strokes: [[[-1, 10]]], width: 300, height: 300 }],
    ['NaN', { strokes: [[[Number.NaN, 10]]], width: 300, height: 300 }],
    ['a pad too large', { strokes: [[[1, 1]]], width: 100_000, height: 300 }],
    ['a fractional pad size', { strokes: [[[1, 1]]], width: 300.5, height: 300 }],
    ['text for a point', { strokes: [[['1) (bogus', 2]]], width: 300, height: 300 }],
    ['no object at all', 'strokes'],
  ])('refuses %s with invalid-argument', async (_, input) => {
    const result = await service().api.recogniseHandwriting(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('invalid-argument');
  });

  it('keeps working after the helper dies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zinnia-wrapper-'));
    dirs.push(dir);
    const pidFile = join(dir, 'pid');
    const wrapper = join(dir, 'zinnia');
    writeFileSync(wrapper, `#!/bin/sh\necho $$ > ${pidFile}\nexec zinnia "$@"\n`);
    chmodSync(wrapper, 0o755);
    const hw = service({ command: wrapper });
    const first = await hw.api.recogniseHandwriting(ONE);
    expect(first.ok).toBe(true);
    process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGKILL');
    // The next request may meet the dying helper (unavailable) or a fresh one; the one after works.
    await hw.api.recogniseHandwriting(ONE);
    const again = await hw.api.recogniseHandwriting(TEN);
    expect(again.ok && again.value.candidates[0]?.text).toBe('十');
  });
});

describe('handwriting where the recogniser is missing', () => {
  it('says the recogniser is missing and answers unavailable', async () => {
    const hw = service({ command: '/nonexistent/zinnia' });
    expect(await hw.api.getHandwritingAvailability()).toEqual({ ok: true, value: { available: false, reason: 'recogniser-missing' } });
    const result = await hw.api.recogniseHandwriting(ONE);
    expect(result).toMatchObject({ ok: false, code: 'unavailable' });
  });

  it('says the model is missing', async () => {
    const hw = service({ modelPath: '/nonexistent/model' });
    expect(await hw.api.getHandwritingAvailability()).toEqual({ ok: true, value: { available: false, reason: 'model-missing' } });
  });

  it('still validates first, so bad input gets the same answer everywhere', async () => {
    const result = await service({ command: '/nonexistent/zinnia' }).api.recogniseHandwriting({ strokes: [], width: 300, height: 300 });
    expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
  });
});

describe('toZinniaSexp', () => {
  it('writes integer coordinates only', () => {
    expect(toZinniaSexp([[[1.4, 2.6], [3, 4]], [[5, 6]]], 300, 200)).toBe('(character (width 300)(height 200)(strokes ((1 3)(3 4))((5 6))))');
  });
});
