/**
 * The collector over real HTTP on 127.0.0.1 with an in-memory PGlite: per-item answers,
 * idempotent storage, and every refused request, each with its status and nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProjectDatabase } from '../tests/support/project-database';
import { MAX_CLOCK_SKEW_SECONDS } from '../common/upstream-signature';
import { batchAnswerRefusal } from '../electron/service/upstream/answer-signing';
import type { SqlDatabase } from './db/sql';
import { hourlyItem } from './test-items';
import { openTestDatabase, signedHeaders, startCollector, type RunningCollector } from './testing';

let db: SqlDatabase;
let collector: RunningCollector;
let key: Buffer;
let otherKey: Buffer;

beforeAll(async () => {
  db = await openTestDatabase();
  collector = await startCollector(db);
  key = await collector.store.addStation('st-a');
  otherKey = await collector.store.addStation('st-b');
}, 120_000);

afterAll(async () => {
  await collector?.close();
  await db?.close();
});

const batch = (items: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ schemaVersion: 1, stationId: 'st-a', sentAtMs: Date.now(), items, ...extra });

async function post(body: string | Buffer, headers: Record<string, string>) {
  const res = await fetch(`${collector.url}/v1/batches`, { method: 'POST', body, headers });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Everything a refused request must leave alone. */
async function snapshot() {
  return db.query(`SELECT (SELECT count(*) FROM items)::int AS items,
                          (SELECT count(*) FROM request_nonces)::int AS nonces,
                          (SELECT string_agg(key || '=' || payload::text, ',' ORDER BY seq) FROM items) AS content,
                          (SELECT string_agg(id || ':' || coalesce(last_seen_at::text, '-'), ',' ORDER BY id) FROM stations) AS seen`);
}

describe('POST /v1/batches', () => {
  it('runs on the database its test project names: PGlite, or the PostgreSQL server started for the run', async () => {
    await expectProjectDatabase(db);
  });

  it('stores each item once and answers accepted, duplicate or rejected per item, in order', async () => {
    const items = [hourlyItem('st-a', 0), hourlyItem('st-a', 1)];
    const body = batch(items);
    const first = await post(body, signedHeaders(key, 'st-a', body));
    expect(first.status).toBe(200);
    expect(first.json.results).toEqual([
      { key: items[0]!.key, status: 'accepted' },
      { key: items[1]!.key, status: 'accepted' },
    ]);
    expect(first.json.serverTimeMs).toEqual(expect.any(Number));

    const bad = { ...hourlyItem('st-a', 3), payload: { ...hourlyItem('st-a', 3).payload, members: -1 } };
    const foreign = hourlyItem('st-b', 4);
    const again = batch([items[1], hourlyItem('st-a', 2), bad, foreign, hourlyItem('st-a', 2)]);
    const second = await post(again, signedHeaders(key, 'st-a', again));
    expect(second.status).toBe(200);
    expect(second.json.results).toEqual([
      { key: items[1]!.key, status: 'duplicate', reason: 'already stored' },
      { key: hourlyItem('st-a', 2).key, status: 'accepted' },
      { key: bad.key, status: 'rejected', reason: 'payload.members: Too small: expected number to be >=0' },
      { key: foreign.key, status: 'rejected', reason: 'key must start with "st-a/visits.hourly/"' },
      { key: hourlyItem('st-a', 2).key, status: 'duplicate', reason: 'repeated in this batch' },
    ]);
    const rows = await db.query<{ key: string; kind: string; members: number }>(
      "SELECT key, kind, (payload->>'members')::int AS members FROM items WHERE station_id = 'st-a' ORDER BY seq",
    );
    expect(rows).toEqual([0, 1, 2].map((n) => ({ key: hourlyItem('st-a', n).key, kind: 'visits.hourly', members: 1 })));
  });

  const refusals: [string, () => { body: string | Buffer; headers: Record<string, string> }, number, string][] = [
    ['unsigned', () => ({ body: batch([hourlyItem('st-a', 10)]), headers: { 'content-type': 'application/json' } }), 401, 'unsigned'],
    ['signed with another key', () => {
      const body = batch([hourlyItem('st-a', 10)]);
      return { body, headers: signedHeaders(otherKey, 'st-a', body) };
    }, 401, 'bad-signature'],
    ['signed for another path', () => {
      const body = batch([hourlyItem('st-a', 10)]);
      return { body, headers: signedHeaders(key, 'st-a', body, { path: '/v1/other' }) };
    }, 401, 'bad-signature'],
    ['body changed after signing', () => {
      const signed = batch([hourlyItem('st-a', 10)]);
      return { body: batch([hourlyItem('st-a', 10, 99)]), headers: signedHeaders(key, 'st-a', signed) };
    }, 400, 'digest-mismatch'],
    ['whose nonce was changed after signing (a replay dressed up as new)', () => {
      const body = batch([hourlyItem('st-a', 10)]);
      const headers = signedHeaders(key, 'st-a', body, { nonce: 'nonce-as-signed-0001' });
      return { body, headers: { ...headers, 'signature-input': headers['signature-input']!.replace('nonce-as-signed-0001', 'nonce-made-up-00002') } };
    }, 401, 'bad-signature'],
    ['whose timestamp was moved after signing', () => {
      const body = batch([hourlyItem('st-a', 10)]);
      const created = Math.floor(Date.now() / 1000);
      const headers = signedHeaders(key, 'st-a', body, { createdSeconds: created });
      return { body, headers: { ...headers, 'signature-input': headers['signature-input']!.replace(`created=${created}`, `created=${created - 1}`) } };
    }, 401, 'bad-signature'],
    ['signed by one registered station in the name of another', () => {
      const body = batch([hourlyItem('st-b', 10)], { stationId: 'st-b' });
      return { body, headers: signedHeaders(key, 'st-b', body) };
    }, 401, 'bad-signature'],
    ['with a signature of another algorithm', () => {
      const body = batch([hourlyItem('st-a', 10)]);
      const headers = signedHeaders(key, 'st-a', body);
      return { body, headers: { ...headers, 'signature-input': headers['signature-input']!.replace('alg="hmac-sha256"', 'alg="ed25519"') } };
    }, 401, 'unsigned'],
    ['unknown station', () => {
      const body = batch([hourlyItem('st-ghost', 10)], { stationId: 'st-ghost' });
      return { body, headers: signedHeaders(key, 'st-ghost', body) };
    }, 401, 'unknown-station'],
    ['timestamp too old', () => {
      const body = batch([hourlyItem('st-a', 10)]);
      return { body, headers: signedHeaders(key, 'st-a', body, { createdSeconds: Math.floor(Date.now() / 1000) - MAX_CLOCK_SKEW_SECONDS - 5 }) };
    }, 401, 'stale-timestamp'],
    ['timestamp in the future', () => {
      const body = batch([hourlyItem('st-a', 10)]);
      return { body, headers: signedHeaders(key, 'st-a', body, { createdSeconds: Math.floor(Date.now() / 1000) + MAX_CLOCK_SKEW_SECONDS + 5 }) };
    }, 401, 'stale-timestamp'],
    ['body over 1 MiB', () => {
      const body = batch([hourlyItem('st-a', 10)], { padding: 'x'.repeat(1024 * 1024) });
      return { body, headers: signedHeaders(key, 'st-a', body) };
    }, 413, 'too-large'],
    ['more than 500 items', () => {
      const body = batch(Array.from({ length: 501 }, (_, n) => hourlyItem('st-a', 100 + n)));
      return { body, headers: signedHeaders(key, 'st-a', body) };
    }, 413, 'too-large'],
    ['not JSON', () => ({ body: '{"schemaVersion":1,', headers: signedHeaders(key, 'st-a', '{"schemaVersion":1,') }), 400, 'malformed'],
    ['no items', () => {
      const body = batch([]);
      return { body, headers: signedHeaders(key, 'st-a', body) };
    }, 400, 'malformed'],
    ['batch names another station than the signer', () => {
      const body = batch([hourlyItem('st-b', 10)], { stationId: 'st-b' });
      return { body, headers: signedHeaders(key, 'st-a', body) };
    }, 400, 'malformed'],
    ['a newer schema version, with items that would be valid', () => {
      const body = batch([hourlyItem('st-a', 10)], { schemaVersion: 2 });
      return { body, headers: signedHeaders(key, 'st-a', body) };
    }, 422, 'unsupported-schema-version'],
    ['not application/json', () => {
      const body = batch([hourlyItem('st-a', 10)]);
      return { body, headers: { ...signedHeaders(key, 'st-a', body), 'content-type': 'text/plain' } };
    }, 415, 'malformed'],
  ];

  it.each(refusals)('refuses a request %s and changes nothing', async (_name, make, status, error) => {
    const before = await snapshot();
    const { body, headers } = make();
    const answer = await post(body, headers);
    expect({ status: answer.status, error: answer.json.error }).toEqual({ status, error });
    expect(answer.json.message).toEqual(expect.any(String));
    expect(answer.json.serverTimeMs).toEqual(expect.any(Number));
    if (error === 'unsupported-schema-version') expect(answer.json.supportedSchemaVersions).toEqual([1]);
    expect(await snapshot()).toEqual(before);
  });

  it("signs its answer over the exact body with the station's key and the request's nonce", async () => {
    const body = batch([hourlyItem('st-a', 30)]);
    const nonce = 'answer-nonce-0123456789';
    const res = await fetch(`${collector.url}/v1/batches`, { method: 'POST', body, headers: signedHeaders(key, 'st-a', body, { nonce }) });
    const text = await res.text();
    const headers = Object.fromEntries(res.headers);
    expect(res.status).toBe(200);
    expect(headers['signature-input']).toMatch(/^sig1=\("@status" "content-digest"\);created=\d+;keyid="st-a";nonce="answer-nonce-0123456789";alg="hmac-sha256"$/);
    const check = { key, stationId: 'st-a', requestNonce: nonce, headers, body: text, nowMs: Date.now() };
    expect(batchAnswerRefusal(check)).toBeNull();
    expect(JSON.parse(text).results).toEqual([{ key: hourlyItem('st-a', 30).key, status: 'accepted' }]);
    expect(batchAnswerRefusal({ ...check, key: otherKey })).toMatch(/does not match/);
    expect(batchAnswerRefusal({ ...check, stationId: 'st-b' })).toMatch(/signed for station "st-a"/);
    expect(batchAnswerRefusal({ ...check, requestNonce: 'another-nonce-0123456' })).toMatch(/a replay/);
    expect(batchAnswerRefusal({ ...check, body: text.replace('accepted', 'duplicate') })).toMatch(/does not match its Content-Digest/);
    expect(batchAnswerRefusal({ ...check, nowMs: Date.now() + 3_600_000 })).toMatch(/signed 360\d s from/);
    // A request the collector took at its 300 s limit gets an answer the station takes, a round trip later.
    expect(batchAnswerRefusal({ ...check, nowMs: Date.now() + 330_000 })).toBeNull();
    expect(batchAnswerRefusal({ ...check, nowMs: Date.now() - 330_000 })).toBeNull();
    expect(batchAnswerRefusal({ ...check, nowMs: Date.now() + 420_000 })).toMatch(/signed 4[12]\d s from this station's clock \(limit 360 s\)/);
  });

  it('refuses a replayed request with 409 and stores nothing from it', async () => {
    const body = batch([hourlyItem('st-a', 20)]);
    const headers = signedHeaders(key, 'st-a', body);
    expect((await post(body, headers)).status).toBe(200);
    const before = await snapshot();
    const replay = await post(body, headers);
    expect({ status: replay.status, error: replay.json.error }).toEqual({ status: 409, error: 'replayed-nonce' });
    expect(await snapshot()).toEqual(before);
  });

  it('registers a station id once: a second registration fails and keeps the first key', async () => {
    await expect(collector.store.addStation('st-a')).rejects.toThrow(/duplicate key/);
    expect(await collector.store.stationKey('st-a')).toEqual(key);
  });

  it('prunes nonces older than the window it was given', async () => {
    const body = batch([hourlyItem('st-a', 21)]);
    const old = Math.floor(Date.now() / 1000) - 100;
    expect((await post(body, signedHeaders(key, 'st-a', body, { createdSeconds: old, nonce: 'old-nonce-0123456789' }))).status).toBe(200);
    expect(await collector.store.pruneNonces(old + 1)).toBeGreaterThanOrEqual(1);
    expect(await db.query("SELECT nonce FROM request_nonces WHERE nonce = 'old-nonce-0123456789'")).toEqual([]);
  });
});
