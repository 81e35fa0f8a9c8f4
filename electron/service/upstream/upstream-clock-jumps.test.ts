/**
 * Upstream durations follow the monotonic clock: the heartbeat's uptime and the collector
 * clock-skew estimate are unmoved by a wall clock stepped -1 h, +1 h or +1 day (ManualClock's
 * jumpWall steps `now()` only). Real SQLite outbox, real HTTP to a scripted collector on
 * 127.0.0.1 (a test double of the collector's answers) that steps the wall clock mid-request.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSignatureInput } from '../../../common/upstream-signature';
import { waitUntil } from '../../../hardware/testing/wait-until';
import { openStationDatabase } from '../storage/database';
import { createManualClock, type ManualClock } from '../testing/manual-clock';
import { useTempDirs } from '../testing/temp-dirs';
import { signBatchAnswer } from './answer-signing';
import { createUpstreamService } from './upstream-service';

const temp = useTempDirs('upstream-clock-');
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const T0 = Date.UTC(2026, 2, 2, 9, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

interface WireItem {
  readonly key: string;
  readonly kind: string;
  readonly payload: { readonly uptimeSeconds?: number };
}

const KEY = Buffer.alloc(32, 7);

/** A collector double: answers every batch with all items accepted and `serverTimeMs`, signed as the collector does; may step the wall clock while "thinking". */
async function collector(clock: ManualClock, duringRequest: () => void, received: WireItem[]) {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const items = (JSON.parse(Buffer.concat(chunks).toString()) as { items: WireItem[] }).items;
      received.push(...items);
      // The collector's clock is right: the station's monotonic time since T0, plus T0.
      const serverTimeMs = T0 + clock.monotonicMs() - T0;
      duringRequest();
      const body = JSON.stringify({ schemaVersion: 1, serverTimeMs, results: items.map((i) => ({ key: i.key, status: 'accepted' })) });
      const params = { created: Math.floor(serverTimeMs / 1000), keyId: 'st-1', nonce: parseSignatureInput(String(req.headers['signature-input']))!.nonce };
      res.writeHead(200, { 'content-type': 'application/json', ...signBatchAnswer({ key: KEY, body, params }) }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function upstream(options: { duringRequest?: () => void } = {}) {
  const dataDir = temp.make();
  writeFileSync(join(dataDir, 'collector.key'), KEY.toString('base64url'));
  const db = openStationDatabase({ dataDir });
  cleanup.push(() => void db.close());
  const clock = createManualClock(T0);
  const received: WireItem[] = [];
  const url = await collector(clock, options.duringRequest ?? (() => undefined), received);
  const service = createUpstreamService({
    db, stationId: 'st-1', dataDir, clock, deviceStatus: () => [], onWarning: () => undefined,
    settings: { collectorUrl: url, keyFile: 'collector.key' },
  });
  cleanup.push(() => service.close());
  /** Uptimes of the heartbeats the collector was sent, in order. */
  const uptimes = () => received.filter((i) => i.kind === 'device.health').map((i) => i.payload.uptimeSeconds);
  return { service, clock, uptimes };
}

describe('upstream on the monotonic clock', () => {
  it.each([
    ['+1 day', 24 * HOUR],
    ['+1 h', HOUR],
    ['-1 h', -HOUR],
  ])('a wall clock stepped %s leaves the heartbeat uptime counting real seconds', async (_label, jump) => {
    const { clock, uptimes } = await upstream();
    await waitUntil(() => uptimes().length === 1, 'the first heartbeat sent');
    clock.advance(5 * MIN);
    await waitUntil(() => uptimes().length === 2, 'the second heartbeat sent');
    clock.jumpWall(jump);
    // The next slot timer runs 5 monotonic minutes later, whatever the wall clock says.
    clock.advance(5 * MIN);
    await waitUntil(() => uptimes().length === 3, 'the heartbeat after the step sent');
    expect(uptimes()).toEqual([0, 300, 600]);
  });

  it('the clock-skew estimate ignores a wall clock stepped +1 day during the request', async () => {
    let jumped = false;
    const clockBox: { clock?: ManualClock } = {};
    const { service, clock } = await upstream({
      duringRequest: () => {
        if (jumped) return;
        jumped = true;
        clockBox.clock?.jumpWall(24 * HOUR);
      },
    });
    clockBox.clock = clock;
    service.tick();
    await service.settled();
    // The wall clock was right when the request left and the server's clock is right: skew 0
    // (not half a day, as a wall-clock midpoint across the step would say).
    expect(jumped).toBe(true);
    expect(service.getSyncStatus().clockSkewMs).toBe(0);
  });
});
