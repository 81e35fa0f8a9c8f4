/**
 * Unique workers across a district: three stations post signed `workers.daily` sketches over
 * real HTTP; the collector's merge of a month, a day range and one station is checked
 * against the exact distinct counts (within three standard errors), and a sketch with an
 * impossible register is rejected at the door.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHash, emptySketch, encodeSketch, HLL_STANDARD_ERROR } from '../common/hyperloglog';
import type { UpstreamItem } from '../common/upstream-wire';
import type { SqlDatabase } from './db/sql';
import { openTestDatabase, signedHeaders, startCollector, type RunningCollector } from './testing';
import { uniqueWorkers } from './unique-workers';

const FLEET_MONTH_KEY = createHmac('sha256', 'test fleet key').update('rest-station/fleet-pseudonym/v1/2026-03').digest();
const pseudonym = (worker: number) => createHmac('sha256', FLEET_MONTH_KEY).update(`U${worker.toString(16).toUpperCase().padStart(8, '0')}`).digest();
const DAY_MS = 86_400_000;
/** 2026-03-01 00:00 in UTC+8. */
const MARCH_1 = Date.UTC(2026, 1, 28, 16);

let db: SqlDatabase;
let collector: RunningCollector;
const keys = new Map<string, Buffer>();

beforeAll(async () => {
  db = await openTestDatabase();
  collector = await startCollector(db);
  for (const id of ['hll-a', 'hll-b', 'hll-c']) keys.set(id, await collector.store.addStation(id));
}, 120_000);

afterAll(async () => {
  await collector?.close();
  await db?.close();
});

/** Workers of station `s` on day `d` (0-based in March): overlapping ranges, so many visit more than one station and day. */
const workersOn = (s: number, d: number) => Array.from({ length: 600 }, (_, i) => (s * 400 + d * 120 + i) % 3_600);

function workersItem(stationId: string, day: number, workers: readonly number[]): UpstreamItem {
  const sketch = emptySketch();
  for (const w of workers) addHash(sketch, pseudonym(w));
  const label = `2026-03-${String(day + 1).padStart(2, '0')}+08:00`;
  const startMs = MARCH_1 + day * DAY_MS;
  return {
    key: `${stationId}/workers.daily/${label}`,
    kind: 'workers.daily',
    producedAtMs: startMs + DAY_MS,
    payload: { period: { startMs, endMs: startMs + DAY_MS, label }, pseudonymPeriod: '2026-03', precision: 12, registers: encodeSketch(sketch) },
  };
}

async function post(stationId: string, items: unknown[]) {
  const body = JSON.stringify({ schemaVersion: 1, stationId, sentAtMs: Date.now(), items });
  const res = await fetch(`${collector.url}/v1/batches`, { method: 'POST', body, headers: signedHeaders(keys.get(stationId)!, stationId, body) });
  return (await res.json()) as { results: { key: string; status: string; reason?: string }[] };
}

const within = (estimate: number, exact: number) => expect(Math.abs(estimate - exact) / exact).toBeLessThan(3 * HLL_STANDARD_ERROR);

describe('district unique workers from merged sketches', () => {
  it('merges station-day sketches of a month into distinct workers, counting a worker seen at three stations once', async () => {
    const exact = { month: new Set<number>(), firstWeek: new Set<number>(), stationB: new Set<number>() };
    let visits = 0;
    for (const [s, id] of ['hll-a', 'hll-b', 'hll-c'].entries()) {
      const items = Array.from({ length: 10 }, (_, d) => {
        const workers = workersOn(s, d);
        for (const w of workers) {
          exact.month.add(w);
          if (d < 7) exact.firstWeek.add(w);
          if (id === 'hll-b') exact.stationB.add(w);
        }
        visits += workers.length;
        return workersItem(id, d, workers);
      });
      const answer = await post(id, items);
      expect(answer.results.map((r) => r.status)).toEqual(Array(10).fill('accepted'));
    }
    const month = await uniqueWorkers(db, { pseudonymPeriod: '2026-03' });
    expect({ sketches: month.sketches, stations: month.stations }).toEqual({ sketches: 30, stations: 3 });
    within(month.estimate, exact.month.size);
    expect(month.estimate).toBeLessThan(visits / 4);

    const firstWeek = await uniqueWorkers(db, { pseudonymPeriod: '2026-03', fromDay: '2026-03-01', toDay: '2026-03-07' });
    expect(firstWeek.sketches).toBe(21);
    within(firstWeek.estimate, exact.firstWeek.size);

    const stationB = await uniqueWorkers(db, { pseudonymPeriod: '2026-03', stationIds: ['hll-b'] });
    expect(stationB.sketches).toBe(10);
    within(stationB.estimate, exact.stationB.size);

    expect(await uniqueWorkers(db, { pseudonymPeriod: '2026-04' })).toEqual({ estimate: 0, standardError: HLL_STANDARD_ERROR, sketches: 0, stations: 0 });
  });

  it('rejects a sketch with a register no pseudonym can produce, and stores nothing of it', async () => {
    const bad = workersItem('hll-a', 20, [1, 2, 3]);
    const registers = Buffer.from(new Uint8Array(4096).fill(60)).toString('base64');
    const answer = await post('hll-a', [{ ...bad, payload: { ...bad.payload, registers } }]);
    expect(answer.results).toEqual([{ key: bad.key, status: 'rejected', reason: 'payload.registers: not a sketch: a register above 53' }]);
    expect(await db.query('SELECT key FROM items WHERE key = $1', [bad.key])).toEqual([]);
  });
});
