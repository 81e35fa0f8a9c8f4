import { readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../service/testing/temp-dirs';
import { SCREEN_LAUNCH_FILE_NAME, writeScreenLaunchFile } from './screen-launch';
import { loadScreenToken, SCREEN_TOKEN_FILE_NAME } from './screen-token';
import { readSavedPort, SAVED_PORT_FILE_NAME, startOnStablePort } from './stable-port';

const dirs = useTempDirs('screen-token-');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

describe('screen token', () => {
  it('is kept across service restarts within one boot, in an owner-only file', () => {
    const dir = dirs.make();
    const first = loadScreenToken(dir, { bootId: 'boot-1' });
    expect(first).toMatch(TOKEN);
    expect(loadScreenToken(dir, { bootId: 'boot-1' })).toBe(first);
    expect(statSync(join(dir, SCREEN_TOKEN_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('is renewed on another machine boot and on demand', () => {
    const dir = dirs.make();
    const first = loadScreenToken(dir, { bootId: 'boot-1' });
    const second = loadScreenToken(dir, { bootId: 'boot-2' });
    expect(second).toMatch(TOKEN);
    expect(second).not.toBe(first);
    const third = loadScreenToken(dir, { bootId: 'boot-2', renew: true });
    expect(third).not.toBe(second);
    expect(loadScreenToken(dir, { bootId: 'boot-2' })).toBe(third);
  });

  it('replaces a malformed file and makes a readable one owner-only again', () => {
    const dir = dirs.make();
    const file = join(dir, SCREEN_TOKEN_FILE_NAME);
    writeFileSync(file, '{"token":"short","bootId":"b"}');
    const token = loadScreenToken(dir, { bootId: 'b' });
    expect(token).toMatch(TOKEN);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ token, bootId: 'b' });
    chmodSync(file, 0o644);
    expect(loadScreenToken(dir, { bootId: 'b' })).toBe(token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reads the Linux boot id by default', () => {
    const dir = dirs.make();
    const token = loadScreenToken(dir);
    const saved = JSON.parse(readFileSync(join(dir, SCREEN_TOKEN_FILE_NAME), 'utf8')) as { bootId: string };
    expect(saved.bootId).toBe(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
    expect(loadScreenToken(dir)).toBe(token);
  });
});

describe('screen launch file', () => {
  it('is owner-only and sends the browser on to the screen URL', () => {
    const dir = dirs.make();
    const url = `http://127.0.0.1:4567/#token=${'a'.repeat(43)}`;
    const href = writeScreenLaunchFile(dir, url);
    const file = join(dir, SCREEN_LAUNCH_FILE_NAME);
    expect(href).toBe(`file://${file}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(`<meta http-equiv="refresh" content="0;url=${url}">`);
  });

  it.each(['http://evil.example/#token=a', 'http://127.0.0.1:1/#token="><script>', 'javascript:alert(1)'])('refuses %s', (url) => {
    expect(() => writeScreenLaunchFile(dirs.make(), url)).toThrow(TypeError);
  });
});

/** A real listener on 127.0.0.1, standing in for the host. */
function listen(port: number): Promise<{ port: number; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

describe('stable port', () => {
  it('saves the first free port and reuses it on the next start', async () => {
    const dir = dirs.make();
    const first = await startOnStablePort(dir, 0, listen);
    expect(readSavedPort(dir)).toBe(first.port);
    expect(statSync(join(dir, SAVED_PORT_FILE_NAME)).mode & 0o777).toBe(0o600);
    await first.close();
    const second = await startOnStablePort(dir, undefined, listen);
    expect(second.port).toBe(first.port);
    await second.close();
  });

  it('moves to a free port (and saves it) when the saved one is taken', async () => {
    const dir = dirs.make();
    const first = await startOnStablePort(dir, 0, listen);
    const second = await startOnStablePort(dir, 0, listen);
    expect(second.port).not.toBe(first.port);
    expect(readSavedPort(dir)).toBe(second.port);
    await Promise.all([first.close(), second.close()]);
  });

  it('uses a fixed port as given and leaves the saved one alone', async () => {
    const dir = dirs.make();
    const probe = await listen(0);
    const fixed = probe.port;
    await probe.close();
    const started = await startOnStablePort(dir, fixed, listen);
    expect(started.port).toBe(fixed);
    expect(readSavedPort(dir)).toBeNull();
    await started.close();
  });
});
