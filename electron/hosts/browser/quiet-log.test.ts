import { describe, expect, it } from 'vitest';
import { createQuietLog } from './quiet-log';

describe('quiet log', () => {
  it('writes the first line of a kind, counts repeats within the interval, and sums them up next time', () => {
    let t = 1_000;
    const lines: string[] = [];
    const log = createQuietLog((l) => lines.push(l), () => t, 10_000);
    for (let i = 0; i < 500; i++) log('Refused a socket without the screen token');
    log('Refused a socket from Origin https://evil.example');
    t += 10_000;
    log('Refused a socket without the screen token');
    t += 10_000;
    log('Refused a socket without the screen token');
    expect(lines).toEqual([
      'Refused a socket without the screen token',
      'Refused a socket from Origin https://evil.example',
      'Refused a socket without the screen token (and 499 more like it before)',
      'Refused a socket without the screen token',
    ]);
  });

  it('text that varies without end shares one budget once 50 kinds are known', () => {
    const lines: string[] = [];
    const log = createQuietLog((l) => lines.push(l), () => 0, 10_000);
    for (let i = 0; i < 1000; i++) log(`Refused a socket from Origin http://x${i}.example`);
    expect(lines).toHaveLength(51);
    expect(lines[50]).toBe('Refused a socket from Origin http://x50.example');
  });

  it('a clock set back does not silence it', () => {
    let t = 50_000;
    const lines: string[] = [];
    const log = createQuietLog((l) => lines.push(l), () => t, 10_000);
    log('x');
    t -= 20_000;
    log('x');
    expect(lines).toEqual(['x', 'x']);
  });
});
