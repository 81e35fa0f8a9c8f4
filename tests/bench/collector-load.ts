/**
 * The collector bench's load generator, run as its own process (forked by
 * `collector-postgres.ts`, so its CPU is not the collector's): posts signed batches over
 * keep-alive HTTP (undici's pool), drains a real station outbox with the real sender, or sends the same rows
 * straight to PostgreSQL through node-postgres (the peer). One job per IPC message, answered
 * with its timing; requests are built and signed before the clock starts, so the figure is
 * what the collector (or the server) takes, not what making the load takes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Pool } from 'undici';
import type { UpstreamItem } from '../../common/upstream-wire';
import { openStationDatabase } from '../../electron/service/storage/database';
import { postJson } from '../../electron/service/upstream/http-post';
import { createOutboxStore } from '../../electron/service/upstream/outbox-store';
import { createSender } from '../../electron/service/upstream/sender';
import { signRequest } from '../../electron/service/upstream/signing';
import { systemClock } from '../../hardware/drivers/clock';
import { heartbeatItem, hourBatch, hourlyItem } from '../../upstream/test-items';
import { cpuSnapshot, cpuSpent, type CpuSnapshot, type CpuWatch } from './process-cpu';

/** What a job sends: `count` batches; batch `i` is station `i % stations` with `itemsPer` items. */
export interface LoadShape {
  /** `hour`: one hour's batch per station (13 items); `hourly`: `itemsPer` visits.hourly items. */
  readonly items: 'hour' | 'hourly';
  readonly count: number;
  readonly itemsPer: number;
  /** Stations `bench-0 … bench-(stations-1)`, in turn. */
  readonly stations: number;
  /** First hour number of the job's items: jobs of one run take ranges that do not overlap. */
  readonly offset: number;
  /** Batches in flight at once (HTTP connections, or PostgreSQL connections for the peer). */
  readonly concurrency: number;
}

export type LoadJob =
  | { readonly kind: 'keys'; readonly keys: Record<string, string> }
  | ({ readonly kind: 'post'; readonly targets: readonly string[]; readonly watch: CpuWatch } & LoadShape)
  | ({ readonly kind: 'peer'; readonly databaseUrl: string; readonly watch: CpuWatch } & LoadShape)
  | { readonly kind: 'drain'; readonly target: string; readonly stationId: string; readonly backlog: number };

/** Seconds from the first send to the last answer; `failed` counts answers other than 200 (or items not stored). */
export interface LoadResult {
  readonly seconds: number;
  readonly items: number;
  readonly failed: number;
  /** CPU the watched processes, this one and the machine spent over those seconds (post and peer jobs). */
  readonly cpu?: CpuSnapshot;
  readonly error?: string;
}

const keys = new Map<string, Buffer>();

function batchItems(shape: LoadShape, i: number): UpstreamItem[] {
  const stationId = `bench-${i % shape.stations}`;
  // Hours are numbered from the job's offset, so no two batches of a run share a key.
  if (shape.items === 'hour') return hourBatch(stationId, shape.offset + i);
  return Array.from({ length: shape.itemsPer }, (_, k) => hourlyItem(stationId, shape.offset + i * shape.itemsPer + k));
}

/** Runs `count` jobs with `concurrency` in flight; returns seconds, how many failed and the CPU spent meanwhile. */
async function inFlight(count: number, concurrency: number, watch: CpuWatch, job: (i: number) => Promise<boolean>): Promise<{ seconds: number; failed: number; cpu: CpuSnapshot }> {
  let next = 0;
  let failed = 0;
  const before = cpuSnapshot(watch);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) if (!(await job(next++))) failed += 1;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, failed, cpu: cpuSpent(before, cpuSnapshot(watch)) };
}

async function post(job: Extract<LoadJob, { kind: 'post' }>): Promise<LoadResult> {
  const created = Math.floor(Date.now() / 1000);
  const prepared = Array.from({ length: job.count }, (_, i) => {
    const items = batchItems(job, i);
    const stationId = `bench-${i % job.stations}`;
    const body = JSON.stringify({ schemaVersion: 1, stationId, sentAtMs: Date.now(), items });
    const key = keys.get(stationId);
    if (!key) throw new Error(`no key for ${stationId}`);
    const headers = { 'content-type': 'application/json', ...signRequest({ key, stationId, method: 'POST', path: '/v1/batches', body, createdSeconds: created }) };
    return { body: Buffer.from(body), headers, items: items.length };
  });
  // One undici pool per collector, each with the whole concurrency over keep-alive connections
  // (no pipelining: each connection carries one request at a time, as a station's does): every
  // process gets the same offered load, and the generator spends little of the shared cores.
  const pools = job.targets.map((t) => new Pool(t, { connections: job.concurrency, pipelining: 1 }));
  try {
    const send = async (i: number): Promise<boolean> => {
      const p = prepared[i]!;
      try {
        const res = await pools[i % pools.length]!.request({ path: '/v1/batches', method: 'POST', headers: p.headers, body: p.body });
        const text = await res.body.text();
        if (res.statusCode !== 200) return false;
        const answer = JSON.parse(text) as { results: { status: string }[] };
        return answer.results.length === p.items && answer.results.every((r) => r.status === 'accepted');
      } catch {
        return false;
      }
    };
    const { seconds, failed, cpu } = await inFlight(job.count, job.concurrency * pools.length, job.watch, send);
    return { seconds, failed, cpu, items: prepared.reduce((sum, p) => sum + p.items, 0) };
  } finally {
    await Promise.all(pools.map((pool) => pool.close()));
  }
}

/** The same rows as `post`, one bare multi-row INSERT per batch: no HTTP, signature, validation or nonce. */
async function peer(job: Extract<LoadJob, { kind: 'peer' }>): Promise<LoadResult> {
  const pool = new pg.Pool({ connectionString: job.databaseUrl, max: job.concurrency });
  try {
    await Promise.all(Array.from({ length: job.concurrency }, () => pool.query('SELECT 1')));
    const prepared = Array.from({ length: job.count }, (_, i) => {
      const rows = batchItems(job, i).map((item) => ({ key: `peer/${item.key}`, station_id: `bench-${i % job.stations}`, kind: item.kind, produced_ms: item.producedAtMs, payload: item.payload }));
      return { json: JSON.stringify(rows), items: rows.length };
    });
    const insert = async (i: number) => {
      const result = await pool.query(
        `INSERT INTO items (key, station_id, kind, schema_version, produced_at, payload)
         SELECT r.key, r.station_id, r.kind, 1, to_timestamp(r.produced_ms / 1000.0), r.payload
         FROM jsonb_to_recordset($1::jsonb) AS r(key text, station_id text, kind text, produced_ms bigint, payload jsonb)`,
        [prepared[i]!.json],
      );
      return result.rowCount === prepared[i]!.items;
    };
    const { seconds, failed, cpu } = await inFlight(job.count, job.concurrency, job.watch, insert);
    return { seconds, failed, cpu, items: prepared.reduce((sum, p) => sum + p.items, 0) };
  } finally {
    await pool.end();
  }
}

/** One station's outbox of `backlog` items (hourly summaries and heartbeats, a month's mix) drained by the station's sender. */
async function drain(job: Extract<LoadJob, { kind: 'drain' }>): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'collector-drain-'));
  const station = openStationDatabase({ dataDir: dir });
  try {
    const outbox = createOutboxStore(station);
    const hourly = Math.round(job.backlog / 13);
    outbox.transaction(() => {
      for (let n = 0; n < hourly; n++) outbox.enqueue(hourlyItem(job.stationId, 200_000 + n));
      for (let n = 0; n < job.backlog - hourly; n++) outbox.enqueue(heartbeatItem(job.stationId, 200_000 * 12 + n));
    });
    const key = keys.get(job.stationId);
    if (!key) throw new Error(`no key for ${job.stationId}`);
    const sender = createSender({ outbox, collectorUrl: new URL(job.target), stationId: job.stationId, key, clock: systemClock, post: postJson });
    const started = performance.now();
    sender.kick();
    await sender.settled();
    const seconds = (performance.now() - started) / 1000;
    const left = outbox.stats().pending;
    await sender.close();
    return { seconds, items: job.backlog - left, failed: left };
  } finally {
    station.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(job: LoadJob): Promise<LoadResult> {
  switch (job.kind) {
    case 'keys':
      for (const [id, key] of Object.entries(job.keys)) keys.set(id, Buffer.from(key, 'base64'));
      return { seconds: 0, items: 0, failed: 0 };
    case 'post':
      return post(job);
    case 'peer':
      return peer(job);
    case 'drain':
      return drain(job);
  }
}

if (process.send) {
  // Exits with the bench: a load generator left behind would skew everything after it.
  const parent = process.ppid;
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      process.exit(0);
    }
  }, 500).unref();
  process.on('message', (job: LoadJob) => {
    run(job).then(
      (result) => process.send!(result),
      (error: unknown) => process.send!({ seconds: 0, items: 0, failed: 0, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
