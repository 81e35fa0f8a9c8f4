import { describe, expect, it } from 'vitest';
import { parseTapTimingLines, tapTimingFromEnv } from './tap-timing';

describe('tap timing (benchmarks only)', () => {
  it('is off unless STATION_TAP_TIMING=1', () => {
    expect(tapTimingFromEnv({})).toBeNull();
    expect(tapTimingFromEnv({ STATION_TAP_TIMING: 'yes' })).toBeNull();
  });

  it('prints one line per tap that the bench reads back exactly, skipping other output and cut lines', () => {
    const lines: string[] = [];
    const sink = tapTimingFromEnv({ STATION_TAP_TIMING: '1' }, (line) => lines.push(line));
    sink?.({ visitId: 7, decodedAtMs: 1000.25, committedAtMs: 1001.5, sentAtMs: 1001.75 });
    sink?.({ visitId: null, decodedAtMs: 2000, committedAtMs: 2001, sentAtMs: 2002 });
    expect(lines).toEqual([
      'tap-timing {"visitId":7,"decodedAtMs":1000.25,"committedAtMs":1001.5,"sentAtMs":1001.75}\n',
      'tap-timing {"visitId":null,"decodedAtMs":2000,"committedAtMs":2001,"sentAtMs":2002}\n',
    ]);
    const output = `Station ready at http://127.0.0.1:1/\n${lines.join('')}tap-timing {"visitId":9,"decod`;
    expect(parseTapTimingLines(output)).toEqual([
      { visitId: 7, decodedAtMs: 1000.25, committedAtMs: 1001.5, sentAtMs: 1001.75 },
      { visitId: null, decodedAtMs: 2000, committedAtMs: 2001, sentAtMs: 2002 },
    ]);
  });
});
