import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/temp-dirs';
import { openRotatingFile } from './rotating-file';
import { openStationLog, scrub } from './station-log';

const temp = useTempDirs('station-log-');

describe('openRotatingFile', () => {
  it('rotates at maxBytes and keeps `files` files, so the logs never exceed maxBytes × files', () => {
    const dir = temp.make();
    const file = openRotatingFile({ dir, maxBytes: 1024, files: 3 });
    for (let i = 0; i < 100; i++) file.write(`${String(i).padStart(3, '0')} ${'x'.repeat(95)}\n`); // 100-byte lines
    file.close();
    expect(readdirSync(dir).sort()).toEqual(['station.log', 'station.log.1', 'station.log.2']);
    const sizes = readdirSync(dir).map((f) => statSync(join(dir, f)).size);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1024);
    // The newest lines are in station.log, the one before in .1; the oldest were dropped.
    expect(readFileSync(join(dir, 'station.log'), 'utf8').trim().split('\n').at(-1)?.slice(0, 3)).toBe('099');
    expect(readFileSync(join(dir, 'station.log.2'), 'utf8').startsWith('070')).toBe(true);
    expect(statSync(join(dir, 'station.log')).mode & 0o777).toBe(0o600);
  });

  it('refuses bad options with a TypeError', () => {
    expect(() => openRotatingFile({ dir: temp.make(), maxBytes: 10 })).toThrow(TypeError);
    expect(() => openRotatingFile({ dir: temp.make(), files: 0 })).toThrow(TypeError);
  });
});

describe('station log', () => {
  it('writes JSON lines with level, time, event fields and a scrubbed message', () => {
    const dataDir = temp.make();
    const { log, close } = openStationLog({ dataDir });
    log.warn({ event: 'warning', lockerNumber: 12 }, 'Locker bus wall could not start: card 0040856634 in frame 3a:9a:6f:02');
    close();
    const [line] = readFileSync(join(dataDir, 'logs', 'station.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(line).toMatchObject({ level: 40, event: 'warning', lockerNumber: 12, msg: 'Locker bus wall could not start: card [redacted] in frame [redacted]' });
    expect(typeof line?.time).toBe('number');
  });

  it('scrub keeps small numbers and words, removes card- and PIN-shaped runs', () => {
    expect(scrub('locker 12 opened after 300 s; 3 tries left')).toBe('locker 12 opened after 300 s; 3 tries left');
    expect(scrub('uid 3A9A6F02 / 026f9a3a / 02 6F 9A 3A / 02-6f-9a-3a / 111,27706 / pin 2468 / deadbeef')).toBe(
      'uid [redacted] / [redacted] / [redacted] / [redacted] / 111,[redacted] / pin [redacted] / [redacted]',
    );
  });
});
