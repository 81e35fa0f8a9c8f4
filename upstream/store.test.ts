/**
 * The collector's key cache on a real database: every key read in one query, a station added
 * elsewhere known at once, a key changed or a station removed elsewhere applied after KEY_CACHE_MS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from './db/sql';
import { createCollectorStore, KEY_CACHE_MS } from './store';
import { openTestDatabase } from './testing';

let db: SqlDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
}, 120_000);

afterAll(async () => {
  await db?.close();
});

/** The real database, recording the statements that reach it. */
function recording(inner: SqlDatabase) {
  const seen: string[] = [];
  return { seen, client: { ...inner, query: <R>(text: string, params?: readonly unknown[]) => (seen.push(text), inner.query<R>(text, params)) } };
}

describe('stationKey', () => {
  it('reads every key in one query, looks up only ids it does not hold, and rereads after KEY_CACHE_MS', async () => {
    const other = createCollectorStore(db);
    const keyA = await other.addStation('kc-a');
    const keyB = await other.addStation('kc-b');
    let nowMs = 1_000_000;
    const { seen, client } = recording(db);
    const store = createCollectorStore(client, () => nowMs);

    expect(await store.stationKey('kc-a')).toEqual(keyA);
    expect(await store.stationKey('kc-b')).toEqual(keyB);
    expect(seen).toEqual(['SELECT id, key FROM stations']);

    // Added by another process: found by its own lookup, then held.
    const keyC = await other.addStation('kc-c');
    expect(await store.stationKey('kc-c')).toEqual(keyC);
    expect(await store.stationKey('kc-c')).toEqual(keyC);
    expect(await store.stationKey('kc-none')).toBeUndefined();
    expect(seen.slice(1)).toEqual(['SELECT key FROM stations WHERE id = $1', 'SELECT key FROM stations WHERE id = $1']);

    // Changed and removed elsewhere: the old answers until the cache is due, then the new.
    await db.query("UPDATE stations SET key = decode(repeat('ab', 32), 'hex') WHERE id = 'kc-a'");
    await db.query("DELETE FROM stations WHERE id = 'kc-b'");
    nowMs += KEY_CACHE_MS - 1;
    expect(await store.stationKey('kc-a')).toEqual(keyA);
    expect(await store.stationKey('kc-b')).toEqual(keyB);
    nowMs += 1;
    expect(await store.stationKey('kc-a')).toEqual(Buffer.alloc(32, 0xab));
    expect(await store.stationKey('kc-b')).toBeUndefined();
    expect(seen.filter((q) => q === 'SELECT id, key FROM stations')).toHaveLength(2);
  });
});
