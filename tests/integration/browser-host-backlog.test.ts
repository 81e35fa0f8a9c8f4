/**
 * A page that stops reading must not make the host's memory grow: a client whose TCP socket
 * is paused floods `getStationInfo`; the host stops reading its calls, then closes it, while
 * another page keeps getting answers. Real station service, real HTTP and WebSocket.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrowserHost, type BrowserHost } from '../../electron/hosts/browser/browser-host';
import { DEFAULT_BACKLOG_LIMITS } from '../../electron/hosts/browser/socket-session';
import { createStationService, type CreatedStationService } from '../../electron/service/station-service';

/** Bound on the flood: a host that never closes the client fails here instead of eating memory. */
const MAX_CALLS = 300_000;
const BATCH = 200;
const LIMITS = { ...DEFAULT_BACKLOG_LIMITS, behindMs: 1000 };

const dirs: string[] = [];
let host: BrowserHost | undefined;
let service: CreatedStationService | undefined;
afterEach(async () => {
  await host?.close();
  await service?.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'station-backlog-'));
  dirs.push(dir);
  return dir;
}

function openPage(h: BrowserHost): Promise<WebSocket> {
  return new Promise((resolveOpen, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${h.port}/api?token=${h.token}`, { origin: `http://127.0.0.1:${h.port}` });
    ws.once('open', () => resolveOpen(ws));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number): Promise<{ ok: boolean }> {
  return new Promise((resolveCall, reject) => {
    const timer = setTimeout(() => reject(new Error(`call ${id} not answered`)), 5000);
    const onMessage = (data: unknown) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: { ok: boolean } };
      if (message.id !== id) return;
      clearTimeout(timer);
      ws.off('message', onMessage);
      resolveCall(message.result ?? { ok: false });
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'call', id, method: 'getStationInfo' }));
  });
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('browser host: a page that does not read', () => {
  it('is paused, then closed within a bounded number of calls; buffered output stays bounded and other pages keep working', async () => {
    const staticDir = tempDir();
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Station</title>');
    service = await createStationService({ dataDir: tempDir(), onWarning: () => undefined });
    const h = (host = await startBrowserHost({ service, staticDir, port: 0, backlogLimits: LIMITS }));
    const other = await openPage(h);
    const flooder = await openPage(h);
    // Stop reading: everything the host sends it stays queued in the kernel, then in the host.
    flooder.pause();
    const heapBefore = process.memoryUsage().heapUsed;

    let sent = 0;
    let maxBuffered = 0;
    let maxHeap = heapBefore;
    let otherAnswered = 0;
    const started = performance.now();
    while (h.stats().pageSockets === 2 && sent < MAX_CALLS) {
      // A flooder too is limited by its own memory: it waits while its own output is queued.
      if (flooder.bufferedAmount < 1024 * 1024) {
        for (let i = 0; i < BATCH; i++) flooder.send(JSON.stringify({ type: 'call', id: sent++, method: 'getStationInfo' }));
      }
      if (sent % 20_000 < BATCH) {
        if ((await call(other, 1_000_000 + sent)).ok) otherAnswered++;
      }
      maxBuffered = Math.max(maxBuffered, h.stats().bufferedBytes);
      maxHeap = Math.max(maxHeap, process.memoryUsage().heapUsed);
      await tick();
    }
    const closedAfterMs = performance.now() - started;
    console.log(
      `flooder closed after ${sent} calls, ${Math.round(closedAfterMs)} ms; host buffered at most ${maxBuffered} bytes; ` +
        `heap ${(heapBefore / 2 ** 20).toFixed(1)} MB before, at most ${(maxHeap / 2 ** 20).toFixed(1)} MB during`,
    );

    expect(h.stats().pageSockets).toBe(1);
    expect(sent).toBeLessThan(MAX_CALLS);
    // One answer may land on top of the close limit before the check that closes the page.
    expect(maxBuffered).toBeLessThanOrEqual(LIMITS.closeBytes + 64 * 1024);
    expect(maxHeap - heapBefore).toBeLessThan(64 * 2 ** 20);
    expect(otherAnswered).toBeGreaterThan(0);
    expect(await call(other, 42)).toMatchObject({ ok: true });
    expect(h.stats().bufferedBytes).toBe(0);
    other.close();
    flooder.terminate();
  }, 30_000);
});
