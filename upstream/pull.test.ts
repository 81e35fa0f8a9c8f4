/**
 * The district's configuration served to stations over real HTTP on 127.0.0.1 (PGlite, or
 * the PostgreSQL server of the run): signed GETs, strong ETags and 304s, per-station
 * entries, wish replies from `addWishReply`, and every refused download.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProjectDatabase } from '../tests/support/project-database';
import { pullPath, type PullKind } from '../common/upstream-pull';
import type { SqlDatabase } from './db/sql';
import { answerRefusal } from '../electron/service/upstream/answer-signing';
import { addWishReply, listWishReplies, setPullDocument } from './pull-store';
import { openTestDatabase, signedGetHeaders, startCollector, type RunningCollector } from './testing';

let db: SqlDatabase;
let collector: RunningCollector;
let key: Buffer;
let otherKey: Buffer;
const WISH = 'a'.repeat(32);
const PIN_HASH = `scrypt$16384$8$1$${'0'.repeat(32)}$${'1'.repeat(64)}`;

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

async function get(kind: PullKind, options: { stationId?: string; signer?: string; signKey?: Buffer; etag?: string; headers?: Record<string, string> } = {}) {
  const path = pullPath(options.stationId ?? 'st-a', kind);
  const nonce = randomBytes(16).toString('base64url');
  const headers = { ...signedGetHeaders(options.signKey ?? key, options.signer ?? 'st-a', path, { nonce }), ...(options.etag ? { 'if-none-match': options.etag } : {}), ...options.headers };
  const res = await fetch(`${collector.url}${path}`, { headers });
  const text = await res.text();
  const answerHeaders = Object.fromEntries(res.headers.entries());
  /** Why st-a would refuse this answer (null: signed by the collector for this request), or, with `asNonce`, for another request. */
  const refusal = (asNonce = nonce) =>
    res.status === 200 || res.status === 304
      ? answerRefusal({ key, stationId: 'st-a', requestNonce: asNonce, status: res.status, headers: answerHeaders, nowMs: Date.now() })
      : 'not a 200 or 304';
  return { status: res.status, etag: res.headers.get('etag'), digest: res.headers.get('content-digest'), text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null, refusal, headers: answerHeaders };
}

const notice = (title: string) => ({
  kind: 'notice', title: { 'zh-CN': title, en: title }, body: { 'zh-CN': '', en: '' }, startMinute: 0, endMinute: 1440, days: 127, active: true,
});

describe('GET /v1/stations/<id>/<kind>', () => {
  it('runs on the database its test project names: PGlite, or the PostgreSQL server started for the run', async () => {
    await expectProjectDatabase(db);
  });

  it('serves wish replies added with addWishReply, with a strong ETag, 304 on If-None-Match, and a new ETag after a new reply', async () => {
    const empty = await get('wish-replies');
    expect(empty).toMatchObject({ status: 200, json: { schemaVersion: 1, kind: 'wish-replies', replies: [] } });
    expect(empty.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);

    const reply = await addWishReply(db, { stationId: 'st-a', wishId: WISH, text: '  遮阳袖套下周到  ', author: '朝阳区总工会' });
    expect(reply).toMatchObject({ stationId: 'st-a', wishId: WISH, text: '遮阳袖套下周到', author: '朝阳区总工会' });
    const first = await get('wish-replies');
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ schemaVersion: 1, kind: 'wish-replies', replies: [{ id: reply.id, wishId: WISH, text: '遮阳袖套下周到', author: '朝阳区总工会', atMs: reply.atMs }] });
    expect(first.etag).not.toBe(empty.etag);
    expect(first.digest).toMatch(/^sha-256=:[A-Za-z0-9+/]{43}=:$/);

    const again = await get('wish-replies', { etag: first.etag! });
    expect({ status: again.status, etag: again.etag, text: again.text }).toEqual({ status: 304, etag: first.etag, text: '' });

    // Both answers are signed back for their own request only; a changed ETag or digest breaks the signature.
    expect(first.headers['signature-input']).toMatch(/^sig1=\("@status" "etag" "content-digest"\);created=\d+;keyid="st-a";nonce="[A-Za-z0-9_-]{22}";alg="hmac-sha256"$/);
    expect(again.headers['signature-input']).toMatch(/^sig1=\("@status" "etag"\);created=\d+;keyid="st-a";nonce="[A-Za-z0-9_-]{22}";alg="hmac-sha256"$/);
    expect([first.refusal(), again.refusal()]).toEqual([null, null]);
    expect(first.refusal('x'.repeat(22))).toMatch(/another request/);
    const tampered = { key, stationId: 'st-a', status: 200 as const, nowMs: Date.now(), requestNonce: /nonce="([^"]+)"/.exec(first.headers['signature-input']!)![1]! };
    expect(answerRefusal({ ...tampered, headers: first.headers })).toBeNull();
    expect(answerRefusal({ ...tampered, headers: { ...first.headers, etag: empty.etag! } })).toMatch(/does not match/);
    expect(answerRefusal({ ...tampered, headers: { ...first.headers, 'content-digest': empty.digest! } })).toMatch(/does not match/);
    expect(answerRefusal({ ...tampered, key: otherKey, headers: first.headers })).toMatch(/does not match/);
    expect(answerRefusal({ ...tampered, headers: first.headers, nowMs: Date.now() + 3_600_000 })).toMatch(/signed 360\d s from/);

    // Another station's replies are not in st-a's list.
    await addWishReply(db, { stationId: 'st-b', wishId: WISH, text: '收到', author: 'x' });
    expect((await get('wish-replies', { etag: first.etag! })).status).toBe(304);
    expect((await listWishReplies(db, { stationId: 'st-a' })).map((r) => r.id)).toEqual([reply.id]);
  });

  it('addWishReply refuses a bad wish id, an empty text, and an unknown station, storing nothing', async () => {
    const before = await listWishReplies(db, { stationId: 'st-a' });
    await expect(addWishReply(db, { stationId: 'st-a', wishId: '42', text: 'x', author: 'y' })).rejects.toThrow(/wish id/);
    await expect(addWishReply(db, { stationId: 'st-a', wishId: WISH, text: '   ', author: 'y' })).rejects.toThrow();
    await expect(addWishReply(db, { stationId: 'nobody', wishId: WISH, text: 'x', author: 'y' })).rejects.toThrow();
    expect(await listWishReplies(db, { stationId: 'st-a' })).toEqual(before);
  });

  it('a kind the district never set answers 404 not-set; set, each station gets the fleet-wide entries and its own', async () => {
    expect(await get('notices')).toMatchObject({ status: 404, json: { error: 'not-set' } });
    await setPullDocument(db, 'notices', {
      notices: [{ id: 'legal-aid', fields: notice('12351') }, { id: 'haircut-a', stations: ['st-a'], fields: notice('理发') }],
    });
    const a = await get('notices');
    expect(a.json).toEqual({ schemaVersion: 1, kind: 'notices', notices: [{ id: 'legal-aid', fields: notice('12351') }, { id: 'haircut-a', fields: notice('理发') }] });
    const b = await get('notices', { stationId: 'st-b', signer: 'st-b', signKey: otherKey });
    expect((b.json!.notices as { id: string }[]).map((n) => n.id)).toEqual(['legal-aid']);
    expect(b.etag).not.toBe(a.etag);
  });

  it('refuses an invalid document at set time and keeps the one before', async () => {
    const before = await get('notices');
    await expect(setPullDocument(db, 'notices', { notices: [{ id: 'x', fields: { ...notice('t'), endMinute: 0 } }] })).rejects.toThrow();
    await expect(setPullDocument(db, 'stewards', { stewards: [{ id: 's', name: 'n', role: 'host', card: '0040332858', pinHash: PIN_HASH }] })).rejects.toThrow();
    const after = await get('notices', { etag: before.etag! });
    expect(after.status).toBe(304);
    expect((await get('stewards')).status).toBe(404);
  });

  it('refuses unsigned, forged, replayed, another station\'s and unknown-kind downloads', async () => {
    const path = pullPath('st-a', 'wish-replies');
    expect((await fetch(`${collector.url}${path}`)).status).toBe(401);
    const unsigned = await fetch(`${collector.url}${path}`);
    expect(((await unsigned.json()) as { error: string }).error).toBe('unsigned');
    expect(await get('wish-replies', { signKey: otherKey })).toMatchObject({ status: 401, json: { error: 'bad-signature' } });
    expect(await get('wish-replies', { signer: 'st-b', signKey: otherKey })).toMatchObject({ status: 401, json: { error: 'bad-signature' } });
    // Signed for one kind, sent for another: the path is signed.
    const forged = await fetch(`${collector.url}${pullPath('st-a', 'notices')}`, { headers: signedGetHeaders(key, 'st-a', path) });
    expect(forged.status).toBe(401);
    const headers = signedGetHeaders(key, 'st-a', path);
    expect((await fetch(`${collector.url}${path}`, { headers })).status).toBe(200);
    const replay = await fetch(`${collector.url}${path}`, { headers });
    expect({ status: replay.status, error: ((await replay.json()) as { error: string }).error }).toEqual({ status: 409, error: 'replayed-nonce' });
    const stale = signedGetHeaders(key, 'st-a', path, { createdSeconds: Math.floor(Date.now() / 1000) - 3600 });
    expect((await fetch(`${collector.url}${path}`, { headers: stale })).status).toBe(401);
    const unknownPath = '/v1/stations/st-a/passwords';
    const unknown = await fetch(`${collector.url}${unknownPath}`, { headers: signedGetHeaders(key, 'st-a', unknownPath) });
    expect({ status: unknown.status, error: ((await unknown.json()) as { error: string }).error }).toEqual({ status: 400, error: 'malformed' });
  });
});
