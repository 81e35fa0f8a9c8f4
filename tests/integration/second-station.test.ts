/**
 * Two stations on one data dir would both write station.db; the second one must refuse to
 * start, say why in one line, and leave the first one running. Real processes, started the
 * way `npm start -- --headless` starts them.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startStation } from '../support/station-process';

const REPO = resolve(import.meta.dirname, '..', '..');

describe('a second station on the same data dir', () => {
  it('refuses to start with a clear message; the first keeps serving', async () => {
    const first = await startStation();
    try {
      const second = spawn(process.execPath, ['--import', 'tsx', 'electron/start.ts', '--headless', '--port', '0', '--data-dir', first.dataDir], {
        cwd: REPO, env: { ...process.env, STATION_DATA_DIR: first.dataDir }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      second.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
      second.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));
      const timer = setTimeout(() => second.kill('SIGKILL'), 20_000);
      const code = await new Promise<number | null>((r) => second.once('exit', (c) => r(c)));
      clearTimeout(timer);
      expect(code).toBe(1);
      expect(output).toContain(
        `Station failed to start: Another station process is already running on ${first.dataDir} (it holds station.lock). Stop that one first, or give this one its own data directory (--data-dir or STATION_DATA_DIR).`,
      );
      expect(output).not.toContain('Station ready at');
      // Still listening: the socket path answers (426: it wants a WebSocket upgrade).
      expect((await fetch(`${first.url}api`)).status).toBe(426);
    } finally {
      await first.stop();
    }
  }, 60_000);
});
