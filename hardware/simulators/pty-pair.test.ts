import { existsSync, lstatSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialTransport } from '../transport/serial-transport';
import { openPtyPair, ptyUnavailableReason, SocatMissingError, type PtyPair } from './pty-pair';

const dirs: string[] = [];
const pairs: PtyPair[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pty-pair-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const pair of pairs.splice(0)) await pair.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openPtyPair', () => {
  it('makes two linked ttys that carry bytes both ways, and removes the links on close', async () => {
    const dir = tempDir();
    const pair = await openPtyPair({ hostLink: join(dir, 'host'), deviceLink: join(dir, 'device') });
    pairs.push(pair);
    const host = new SerialTransport({ path: pair.hostPath });
    const device = new SerialTransport({ path: pair.devicePath });
    await host.open();
    await device.open();
    const got: number[] = [];
    host.on('data', (chunk) => got.push(...chunk));
    await device.write(Uint8Array.from([0x02, 0x00, 0xff, 0x03]));
    const deadline = Date.now() + 2000;
    while (got.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(got).toEqual([0x02, 0x00, 0xff, 0x03]);
    await host.close();
    await device.close();
    await pair.close();
    expect(pair.exited).toBe(true);
    expect(existsSync(pair.hostPath)).toBe(false);
  });

  it('replaces a stale link left by a killed socat', async () => {
    const dir = tempDir();
    symlinkSync('/dev/pts/does-not-exist', join(dir, 'host'));
    const pair = await openPtyPair({ hostLink: join(dir, 'host'), deviceLink: join(dir, 'device') });
    pairs.push(pair);
    expect(lstatSync(pair.hostPath).isSymbolicLink()).toBe(true);
    expect(existsSync(pair.hostPath)).toBe(true);
  });

  it('says plainly when socat is missing', async () => {
    const dir = tempDir();
    await expect(openPtyPair({ hostLink: join(dir, 'h'), deviceLink: join(dir, 'd'), socatPath: join(dir, 'no-socat') }))
      .rejects.toThrow(/socat not found .*install it/);
    const error = await openPtyPair({ hostLink: join(dir, 'h'), deviceLink: join(dir, 'd'), socatPath: join(dir, 'no-socat') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SocatMissingError);
    expect(ptyUnavailableReason(error)).toBe('socat not found: sudo apt-get install -y socat');
    expect(ptyUnavailableReason(new Error('socat exited'))).toBe('socat exited');
  });

  it('reports socat failing to start the pair', async () => {
    const dir = tempDir();
    // A comma ends socat's link option, so "bogus" is an unknown option and socat exits.
    await expect(openPtyPair({ hostLink: join(dir, 'h,bogus'), deviceLink: join(dir, 'd') }))
      .rejects.toThrow(/socat exited before the pty pair was ready: .*bogus/);
  });
});
