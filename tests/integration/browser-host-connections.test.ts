/**
 * Idle TCP connections must not use up the browser host: a few hundred connections that
 * never send anything are closed within the idle timeout, the host's descriptors stay
 * bounded, and the station's page can still connect and call meanwhile. The host runs in
 * its own process over a real station service; descriptors are counted in /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DEFAULT_CONNECTION_LIMITS } from '../../electron/hosts/browser/connection-guard';

const REPO = resolve(import.meta.dirname, '..', '..');
const IDLE_CONNECTIONS = 300;

let child: ChildProcess | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child?.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function startHostChild(): Promise<{ pid: number; port: number; token: string }> {
  dataDir = mkdtempSync(join(tmpdir(), 'station-conn-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'tests/support/host-child.ts', dataDir], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let out = '';
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 20_000);
    proc.stderr?.setEncoding('utf8').on('data', (s: string) => (out += s));
    proc.stdout?.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      const match = /HOST (\d+) (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveStart({ pid: proc.pid ?? 0, port: Number(match[1]), token: match[2] ?? '' });
      }
    });
  });
}

const openDescriptors = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

function openIdle(port: number): Promise<{ socket: Socket; closed: Promise<number> }> {
  return new Promise((resolveOpen, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const closed = new Promise<number>((r) => socket.once('close', () => r(performance.now())));
    socket.on('error', () => undefined);
    socket.once('connect', () => resolveOpen({ socket, closed }));
    socket.once('error', reject);
  });
}

/** What the station page does: connect with its token and Origin, call, get the answer. */
function pageCall(port: number, token: string): Promise<unknown> {
  return new Promise((resolveCall, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`, { origin: `http://127.0.0.1:${port}` });
    const timer = setTimeout(() => reject(new Error('page call timed out')), 5000);
    ws.once('error', reject);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'call', id: 1, method: 'getStationInfo' })));
    ws.once('message', (data) => {
      clearTimeout(timer);
      ws.close();
      resolveCall(JSON.parse(String(data)));
    });
  });
}

describe.runIf(process.platform === 'linux')('browser host connection limits', () => {
  it(`closes ${IDLE_CONNECTIONS} idle connections within the idle timeout, keeps descriptors bounded, and the page still works`, async () => {
    const { pid, port, token } = await startHostChild();
    const before = openDescriptors(pid);
    const opened: Array<{ socket: Socket; closed: Promise<number> }> = [];
    for (let i = 0; i < IDLE_CONNECTIONS; i++) opened.push(await openIdle(port));
    const openedAt = performance.now();

    // While the flood is connected, the page connects and calls as usual.
    const answer = (await pageCall(port, token)) as { type: string; id: number; result: { ok: boolean } };
    expect(answer).toMatchObject({ type: 'result', id: 1, result: { ok: true } });

    const during = openDescriptors(pid);
    const closedAt = await Promise.all(opened.map((o) => o.closed));
    const lastClosedMs = Math.max(...closedAt) - openedAt;
    const after = openDescriptors(pid);
    console.log(`descriptors: ${before} before, ${during} with ${IDLE_CONNECTIONS} idle connections, ${after} after; last idle connection closed ${Math.round(lastClosedMs)} ms after the flood`);

    expect(during - before).toBeLessThanOrEqual(DEFAULT_CONNECTION_LIMITS.maxPending + 4);
    // Idle timeout plus the server's check interval and a loaded machine's slack.
    expect(lastClosedMs).toBeLessThan(DEFAULT_CONNECTION_LIMITS.idleMs + 3000);
    expect(after - before).toBeLessThanOrEqual(2);
    expect(await pageCall(port, token)).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
  }, 30_000);
});
