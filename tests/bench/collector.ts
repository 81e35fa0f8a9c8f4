/**
 * `npx tsx tests/bench/collector.ts [--requests N] [--batches N] [--memory]`: the collector on
 * PGlite (a temp data folder, or in memory with --memory), the load from this same process
 * over keep-alive HTTP on 127.0.0.1. Prints signed requests/s (one item each), items/s
 * (500-item batches), one station's 30-day backlog drained by the real sender from a real
 * SQLite outbox, each beside the same rows inserted into the same database with no HTTP,
 * signature or validation (the floor, with as many statements in flight), as a ratio. Not a test: nothing passes or fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UpstreamItem } from '../../common/upstream-wire';
import { openStationDatabase } from '../../electron/service/storage/database';
import { createOutboxStore } from '../../electron/service/upstream/outbox-store';
import { createSender } from '../../electron/service/upstream/sender';
import { postJson } from '../../electron/service/upstream/http-post';
import { systemClock } from '../../hardware/drivers/clock';
import { openSqlDatabase } from '../../upstream/db/sql';
import { migrate } from '../../upstream/db/migrate';
import { hourlyItem } from '../../upstream/test-items';
import { openTestDatabase, signedHeaders, startCollector } from '../../upstream/testing';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
const REQUESTS = arg('requests', 2000);
const BATCHES = arg('batches', 40);
const CONCURRENCY = 16;
const STATIONS = 50;

const dir = mkdtempSync(join(tmpdir(), 'collector-bench-'));
// COLLECTOR_TEST_DATABASE_URL=postgres://… runs it against a fresh database on that server.
const db = process.env.COLLECTOR_TEST_DATABASE_URL
  ? await openTestDatabase()
  : await openSqlDatabase({ dataDir: process.argv.includes('--memory') ? undefined : join(dir, 'pg') });
await migrate(db);
const collector = await startCollector(db);
const keys = new Map<string, Buffer>();
for (let s = 0; s < STATIONS; s++) keys.set(`bench-${s}`, await collector.store.addStation(`bench-${s}`));
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const url = new URL('/v1/batches', collector.url);

function post(stationId: string, items: UpstreamItem[]): Promise<number> {
  const body = JSON.stringify({ schemaVersion: 1, stationId, sentAtMs: Date.now(), items });
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: signedHeaders(keys.get(stationId)!, stationId, body) }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `count` jobs with `CONCURRENCY` in flight; returns seconds taken. */
async function timed(count: number, job: (i: number) => Promise<number>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) {
      const status = await job(next++);
      if (status !== 200) throw new Error(`HTTP ${status}`);
    }
  }));
  return (performance.now() - started) / 1000;
}

/** The floor: the same kind of rows straight into the same database, one INSERT per 500. */
async function bareInsert(prefix: string, count: number): Promise<number> {
  const started = performance.now();
  for (let done = 0; done < count; done += 500) {
    const rows = Array.from({ length: Math.min(500, count - done) }, (_, i) => {
      const item = hourlyItem('bench-0', 1_000_000 + done + i);
      return { key: `${prefix}/${item.key}`, kind: item.kind, produced_ms: item.producedAtMs, payload: item.payload };
    });
    await db.query(
      `INSERT INTO items (key, station_id, kind, schema_version, produced_at, payload)
       SELECT r.key, 'bench-0', r.kind, 1, to_timestamp(r.produced_ms / 1000.0), r.payload
       FROM jsonb_to_recordset($1::jsonb) AS r(key text, kind text, produced_ms bigint, payload jsonb)`,
      [JSON.stringify(rows)],
    );
  }
  return (performance.now() - started) / 1000;
}

const line = (label: string, value: number, floor: number, unit: string) =>
  `${label.padEnd(46)} ${value.toFixed(0).padStart(8)} ${unit}   bare insert ${floor.toFixed(0).padStart(8)} ${unit}   ratio ${(value / floor).toFixed(2)}×`;

try {
  const reqSeconds = await timed(REQUESTS, (i) => post(`bench-${i % STATIONS}`, [hourlyItem(`bench-${i % STATIONS}`, i)]));
  // Floors run with the same number of statements in flight as the requests.
  const singleCount = Math.min(REQUESTS, 1000);
  const singleFloor = singleCount / (await timed(singleCount, async (i) => (await bareInsert(`single-${i}`, 1), 200)));
  const batchSeconds = await timed(BATCHES, (i) => post(`bench-${i % STATIONS}`, Array.from({ length: 500 }, (_, n) => hourlyItem(`bench-${i % STATIONS}`, 100_000 + i * 500 + n))));
  const bulkFloor = (BATCHES * 500) / (await timed(BATCHES, async (i) => (await bareInsert(`bulk-${i}`, 500), 200)));

  // One station, 30 days offline: 720 hourly + 30 + 30 daily-ish items + 8 640 heartbeats ≈ 9 420 items.
  const station = openStationDatabase({ dataDir: join(dir, 'station') });
  const outbox = createOutboxStore(station);
  const backlog = 30 * 24 + 60 + 30 * 288;
  outbox.transaction(() => {
    for (let n = 0; n < backlog; n++) outbox.enqueue(hourlyItem('bench-1', 500_000 + n));
  });
  const sender = createSender({ outbox, collectorUrl: new URL(collector.url), stationId: 'bench-1', key: keys.get('bench-1')!, clock: systemClock, post: postJson, batchSize: 500 });
  const drainStart = performance.now();
  sender.kick();
  await sender.settled();
  const drainSeconds = (performance.now() - drainStart) / 1000;
  const left = outbox.stats().pending;
  await sender.close();
  station.close();

  console.log(`Collector on ${db.kind} (${db.location}), load from this process, ${CONCURRENCY} connections, ${STATIONS} stations`);
  console.log(line(`signed requests (1 item each), ${REQUESTS}`, REQUESTS / reqSeconds, singleFloor, 'req/s'));
  console.log(line(`items in 500-item batches, ${BATCHES * 500}`, (BATCHES * 500) / batchSeconds, bulkFloor, 'items/s'));
  console.log(`${`30-day backlog of one station (${backlog} items)`.padEnd(46)} ${drainSeconds.toFixed(2).padStart(8)} s      target 10 s   ratio ${(drainSeconds / 10).toFixed(2)}×   left ${left}`);
  console.log('Targets (issue 12, against a real PostgreSQL server): ≥ 2000 req/s, ≥ 20000 items/s per process.');
} finally {
  agent.destroy();
  await collector.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
