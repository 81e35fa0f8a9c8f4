/**
 * Group commit on a real database (PGlite in `unit`, the PostgreSQL server in
 * `collector-postgres`): batches written at the same time share statements, and each still
 * gets the answer it would have got alone, with every row stored once and in arrival order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchWriter, type BatchToWrite } from './batch-writer';
import type { SqlClient, SqlDatabase } from './db/sql';
import { hourlyItem } from './test-items';
import { openTestDatabase } from './testing';

let db: SqlDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
  for (const id of ['gc-a', 'gc-b', 'gc-c']) await db.query("INSERT INTO stations (id, key) VALUES ($1, decode(repeat('00', 32), 'hex'))", [id]);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

/** The real database, counting the statements that reach it. */
function counting(inner: SqlClient): SqlClient & { statements: number } {
  const counted = {
    statements: 0,
    query: <R>(text: string, params?: readonly unknown[]) => {
      counted.statements += 1;
      return inner.query<R>(text, params);
    },
    exec: (text: string) => inner.exec(text),
    transaction: <T>(fn: (tx: SqlClient) => Promise<T>) => inner.transaction(fn),
  };
  return counted;
}

const created = Math.floor(Date.now() / 1000);
const batch = (stationId: string, nonce: string, hours: number[]): BatchToWrite => ({
  stationId, nonce, createdSeconds: created, schemaVersion: 1, items: hours.map((h) => hourlyItem(stationId, h)),
});
const keys = (stationId: string, hours: number[]) => hours.map((h) => hourlyItem(stationId, h).key);

describe('createBatchWriter', () => {
  it('writes batches that arrive together in one statement, each answered as if alone', async () => {
    const client = counting(db);
    const writer = createBatchWriter(client, { statementsInFlight: 1, lastSeenStepSeconds: 10 });
    expect(await writer.write(batch('gc-a', 'nonce-before-00000001', [0]))).toEqual({ inserted: new Set(keys('gc-a', [0])) });
    expect(client.statements).toBe(1);

    const answers = await Promise.all([
      writer.write(batch('gc-a', 'nonce-first-000000001', [1])), // alone: goes out at once
      writer.write(batch('gc-a', 'nonce-second-00000001', [0, 2, 3])), // hour 0 already stored
      writer.write(batch('gc-b', 'nonce-third-000000001', [0, 1])),
      writer.write(batch('gc-a', 'nonce-second-00000001', [0, 2, 3])), // the same request again in the group
      writer.write(batch('gc-a', 'nonce-before-00000001', [4])), // a nonce seen before
      writer.write(batch('gc-c', 'nonce-fourth-00000001', [7])),
      writer.write(batch('gc-a', 'nonce-fifth-000000001', [3, 5])), // hour 3 is the second batch's
    ]);
    expect(answers).toEqual([
      { inserted: new Set(keys('gc-a', [1])) },
      { inserted: new Set(keys('gc-a', [2, 3])) },
      { inserted: new Set(keys('gc-b', [0, 1])) },
      'replayed',
      'replayed',
      { inserted: new Set(keys('gc-c', [7])) },
      { inserted: new Set(keys('gc-a', [5])) },
    ]);
    // The first went alone; the six that waited for it shared one statement.
    expect(client.statements).toBe(3);

    const rows = await db.query<{ key: string }>("SELECT key FROM items WHERE station_id IN ('gc-a', 'gc-b', 'gc-c') ORDER BY seq");
    expect(rows.map((r) => r.key)).toEqual([...keys('gc-a', [0, 1, 2, 3]), ...keys('gc-b', [0, 1]), ...keys('gc-c', [7]), ...keys('gc-a', [5])]);
    const nonces = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM request_nonces WHERE station_id IN ('gc-a', 'gc-b', 'gc-c')");
    expect(nonces).toEqual([{ n: 6 }]);
  });

  it('cuts a group at its item limit without splitting a batch', async () => {
    const client = counting(db);
    const writer = createBatchWriter(client, { statementsInFlight: 1, maxItemsPerStatement: 3, lastSeenStepSeconds: 10 });
    const answers = await Promise.all([
      writer.write(batch('gc-b', 'nonce-cut-0000000001', [10])),
      writer.write(batch('gc-b', 'nonce-cut-0000000002', [11, 12])),
      writer.write(batch('gc-b', 'nonce-cut-0000000003', [13])),
      writer.write(batch('gc-b', 'nonce-cut-0000000004', [14, 15, 16, 17])), // over the limit alone: still one statement
    ]);
    expect(answers).toEqual([10, [11, 12], 13, [14, 15, 16, 17]].map((h) => ({ inserted: new Set(keys('gc-b', [h].flat())) })));
    // [10] alone; then [11, 12] + [13] (3 items); then [14…17].
    expect(client.statements).toBe(3);
  });

  it('moves a station\'s last-seen time at most once per step', async () => {
    let clock = Date.now();
    const writer = createBatchWriter(db, { lastSeenStepSeconds: 10, now: () => clock });
    const seen = async () => (await db.query<{ at: string | null }>("SELECT last_seen_at::text AS at FROM stations WHERE id = 'gc-c'"))[0]?.at;
    await db.query("UPDATE stations SET last_seen_at = NULL WHERE id = 'gc-c'");
    await writer.write(batch('gc-c', 'nonce-seen-000000001', [20]));
    const first = await seen();
    expect(first).toEqual(expect.any(String));
    await writer.write(batch('gc-c', 'nonce-seen-000000002', [21]));
    expect(await seen()).toBe(first);
    await db.query("UPDATE stations SET last_seen_at = now() - interval '11 seconds' WHERE id = 'gc-c'");
    const stale = await seen();
    // Within the step by this process's clock it does not even ask the database.
    await writer.write(batch('gc-c', 'nonce-seen-000000003', [22]));
    expect(await seen()).toBe(stale);
    clock += 11_000;
    await writer.write(batch('gc-c', 'nonce-seen-000000004', [23]));
    expect(await seen()).not.toBe(stale);
    const [moved] = await db.query<{ fresh: boolean }>("SELECT last_seen_at > now() - interval '5 seconds' AS fresh FROM stations WHERE id = 'gc-c'");
    expect(moved).toEqual({ fresh: true });
  });

  it('with two processes on one station, the row moves once per step in all, and the second process moves it when the step has passed', async () => {
    const one = createBatchWriter(db, { lastSeenStepSeconds: 10 });
    const two = createBatchWriter(db, { lastSeenStepSeconds: 10 });
    const seen = async () => (await db.query<{ at: string | null }>("SELECT last_seen_at::text AS at FROM stations WHERE id = 'gc-b'"))[0]?.at;
    await db.query("UPDATE stations SET last_seen_at = NULL WHERE id = 'gc-b'");
    await one.write(batch('gc-b', 'nonce-two-0000000001', [30]));
    const first = await seen();
    expect(first).toEqual(expect.any(String));
    // The other process has never moved it, asks, and the database says it was moved within the step.
    expect(await two.write(batch('gc-b', 'nonce-two-0000000002', [31]))).toEqual({ inserted: new Set(keys('gc-b', [31])) });
    expect(await seen()).toBe(first);
    await db.query("UPDATE stations SET last_seen_at = now() - interval '11 seconds' WHERE id = 'gc-b'");
    const stale = await seen();
    // Not moved by the first within its step, so the second asks again and moves it.
    await two.write(batch('gc-b', 'nonce-two-0000000003', [32]));
    expect(await seen()).not.toBe(stale);
  });
});
