import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialTransport } from '../transport/serial-transport';
import { waitUntil } from '../testing/wait-until';
import { openPtyPair, ptyUnavailableReason, SocatMissingError, type PtyPair } from './pty-pair';
import { isOurSocat } from './socat-process';

/** Alive and not a zombie (a container's init may be slow to reap). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function readAll(transport: SerialTransport, count: number): Promise<number[]> {
  const got: number[] = [];
  transport.on('data', (chunk) => got.push(...chunk));
  await waitUntil(() => got.length >= count, `${count} bytes`, 2000);
  return got;
}

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

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

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

  it('records socat\'s pid, and removes its links the moment it dies', async () => {
    const dir = tempDir();
    const pair = await openPtyPair({ hostLink: join(dir, 'host'), deviceLink: join(dir, 'device') });
    pairs.push(pair);
    expect(readFileSync(join(dir, 'host.pid'), 'utf8')).toBe(`${pair.pid}\n`);
    expect(isOurSocat(pair.pid!, join(dir, 'host'))).toBe(true);
    process.kill(pair.pid!, 'SIGKILL');
    await pair.whenExited;
    // socat itself leaves its links behind when killed; nothing may reopen them now.
    expect(existsSync(join(dir, 'host')) || lstatExists(join(dir, 'host'))).toBe(false);
    expect(lstatExists(join(dir, 'device'))).toBe(false);
    expect(existsSync(join(dir, 'host.pid'))).toBe(false);
  });

  it('kills a socat left behind by a killed station (after checking it is ours), but never a stranger', async () => {
    const dir = tempDir();
    const host = join(dir, 'host');
    // A socat that outlived its station: not our child, links in place, pid file left over.
    const orphan = spawn('socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${join(dir, 'device')}`], { stdio: 'ignore', detached: true });
    await waitUntil(() => existsSync(host), 'orphan links', 5000);
    writeFileSync(join(dir, 'host.pid'), `${orphan.pid}\n`);
    const orphanExited = new Promise((resolve) => orphan.once('exit', resolve));
    const pair = await openPtyPair({ hostLink: host, deviceLink: join(dir, 'device') });
    pairs.push(pair);
    expect(await orphanExited).not.toBeUndefined();
    expect(pair.pid).not.toBe(orphan.pid);

    // A pid file naming something else (the pid was reused) leaves that process alone.
    const stranger = spawn('sleep', ['30'], { stdio: 'ignore' });
    await pair.close();
    writeFileSync(join(dir, 'host.pid'), `${stranger.pid}\n`);
    const again = await openPtyPair({ hostLink: host, deviceLink: join(dir, 'device') });
    pairs.push(again);
    expect(running(stranger.pid!)).toBe(true);
    stranger.kill('SIGKILL');
  });

  it('does not adopt a dangling link that now points at another program\'s pty', async () => {
    const dir = tempDir();
    // Someone else's pty pair; our old host link now points at one of its ttys.
    const stranger = await openPtyPair({ hostLink: join(dir, 'stranger-a'), deviceLink: join(dir, 'stranger-b') });
    pairs.push(stranger);
    const strangerTty = readlinkSync(join(dir, 'stranger-a'));
    symlinkSync(strangerTty, join(dir, 'host'));
    const pair = await openPtyPair({ hostLink: join(dir, 'host'), deviceLink: join(dir, 'device') });
    pairs.push(pair);
    expect(readlinkSync(pair.hostPath)).not.toBe(strangerTty);
    const device = new SerialTransport({ path: pair.devicePath });
    const hostSide = new SerialTransport({ path: pair.hostPath });
    await device.open();
    await hostSide.open();
    const got = readAll(hostSide, 2);
    await device.write(Uint8Array.from([0x81, 0x01]));
    expect(await got).toEqual([0x81, 0x01]);
    await hostSide.close();
    await device.close();
  });

  it('runs socat so that it dies with the process that started it', async () => {
    const dir = tempDir();
    // A throwaway Node process opens a pair and is then killed without any chance to clean up.
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `
      const { openPtyPair } = await import(${JSON.stringify(join(import.meta.dirname, 'pty-pair.ts'))});
      const pair = await openPtyPair({ hostLink: ${JSON.stringify(join(dir, 'host'))}, deviceLink: ${JSON.stringify(join(dir, 'device'))} });
      console.log(pair.pid);
      setInterval(() => {}, 1000);
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
    expect(running(pid)).toBe(true);
    child.kill('SIGKILL');
    await waitUntil(() => !running(pid), 'socat gone after its parent was killed', 3000);
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
