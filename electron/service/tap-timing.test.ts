import { describe, expect, it } from 'vitest';
import { parseTapFaultLines, parseTapTimingLines, tapTimingFromEnv } from './tap-timing';

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

  it('prints each reader fault with its chunk times, read back exactly and apart from the taps', () => {
    const lines: string[] = [];
    const sink = tapTimingFromEnv({ STATION_TAP_TIMING: '1' }, (line) => lines.push(line));
    const fault = { deviceId: 'sim-reader', reason: 'truncated', chunks: [{ atMs: 1000.5, bytes: 7, deafMs: 0 }], atMs: 1101, deafMs: 0 };
    sink?.fault?.(fault);
    sink?.({ visitId: 1, decodedAtMs: 2000, committedAtMs: 2001, sentAtMs: 2002 });
    expect(lines[0]).toBe('tap-fault {"deviceId":"sim-reader","reason":"truncated","chunks":[{"atMs":1000.5,"bytes":7,"deafMs":0}],"atMs":1101,"deafMs":0}\n');
    expect(parseTapFaultLines(`${lines.join('')}tap-fault {"devi`)).toEqual([fault]);
    expect(parseTapTimingLines(lines.join(''))).toHaveLength(1);
  });
});
