/**
 * The district's configuration pulled down to a station: a real collector (Fastify on
 * 127.0.0.1, on an in-memory PGlite in the `unit` project and on the run's PostgreSQL server
 * in `collector-postgres`) and a real station service on SQLite files. For each kind: the
 * first download is applied, the next is a 304 that changes nothing, a changed document is
 * applied, and every bad download (500, body cut off, not JSON, schema failure) keeps the
 * configuration in force row for row, with its ETag, and says why in the sync status. Then
 * what the configuration does: a pulled steward signs in with card and PIN, a pulled word
 * holds a new wish, a reply shows under its wish on the wall; the steward list carries no
 * card number in any rendering.
 *
 * Faults are injected into the real collector's answers by an `onRequest` hook (a test
 * double for a broken network or collector, which cannot be had on demand otherwise).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../common/contract';
import type { PullKind } from '../../common/upstream-pull';
import type { PullStatus } from '../../common/upstream-sync-status';
import { normaliseCardText } from '../../hardware/card-id/normalise';
import { hashStewardPin } from '../../electron/service/steward/pin-hash';
import { CardReaderDouble } from '../../electron/service/testing/card-reader-double';
import { stationDatabasePath } from '../../electron/service/storage/database';
import { createManualClock } from '../../electron/service/testing/manual-clock';
import { pulledCardOf, stewardCardKey } from '../../electron/service/upstream/steward-card-pseudonym';
import type { SqlDatabase } from '../../upstream/db/sql';
import { addWishReply, setPullDocument } from '../../upstream/pull-store';
import { signAnswer } from '../../electron/service/upstream/answer-signing';
import { openTestDatabase, startCollector, type RunningCollector } from '../../upstream/testing';
import { expectProjectDatabase } from '../support/project-database';
import { startUpstreamStation, type UpstreamStation } from '../support/upstream-station';

const MINUTE = 60_000;
const START = Date.UTC(2026, 2, 2, 2, 0);
const FLEET_KEY = randomBytes(32);
const STEWARD_CARD = '0011223344';
const STEWARD_PIN = '246810';
const WORKER_CARD = '0040856634';
const LOCAL_CARD = '0099887766';

type Fault = '500' | 'truncated' | 'not-json' | 'schema' | 'unsigned' | 'forged' | 'replayed' | null;

let dir: string;
let db: SqlDatabase;
let collector: RunningCollector;
/**
 * The collector's clock: the newest station's test clock, so the two move together as in a
 * district (a station clock that jumps 5 minutes ahead of the collector would be 300 s off,
 * the skew limit, and each answer's signature would be refused as too far from its clock).
 */
let collectorNow: () => number = () => START;
/** The next download of each kind gets this fault. */
const faults = new Map<PullKind, Fault>();
/** Every body the collector served to a station. */
const served: string[] = [];
/** The first good answer of each kind (its headers and body), for the replay fault. */
const firstAnswers = new Map<PullKind, { headers: Record<string, string>; body: string }>();
const open: { close(): Promise<void> }[] = [];

const card = (text: string) => normaliseCardText(text)!;
const notice = (title: string) => ({
  kind: 'notice' as const, title: { 'zh-CN': title, en: title }, body: { 'zh-CN': '正文', en: 'Body' }, startMinute: 0, endMinute: 1440, days: 127, active: true,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'upstream-pull-'));
  db = await openTestDatabase();
  collector = await startCollector(db, {
    now: () => collectorNow(),
    configure: (app) => {
      app.addHook('onSend', async (request, reply, payload) => {
        if (request.method === 'GET' && reply.statusCode === 200 && typeof payload !== 'object') served.push(String(payload));
        if (request.method === 'GET' && reply.statusCode === 200 && Buffer.isBuffer(payload)) {
          served.push(payload.toString('utf8'));
          const kind = request.url.split('/').at(-1) as PullKind;
          const h = reply.getHeaders();
          const pick = (name: string) => String(h[name]);
          if (!firstAnswers.has(kind)) firstAnswers.set(kind, { body: payload.toString('utf8'), headers: Object.fromEntries(['etag', 'content-digest', 'signature-input', 'signature'].map((n) => [n, pick(n)])) });
        }
        return payload;
      });
      app.addHook('onRequest', async (request, reply) => {
        const kind = request.url.split('/').at(-1) as PullKind;
        const fault = faults.get(kind) ?? null;
        if (fault === null || request.method !== 'GET') return;
        faults.delete(kind);
        // Signed as the collector signs (the station's key, this request's nonce) unless the fault is the signature.
        const send = (text: string, signWith: Buffer | null) => {
          const body = Buffer.from(text);
          const etag = `"bad-${kind}"`;
          const contentDigest = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
          // The request's own time and nonce: this double answers before the collector would correct a station clock.
          const [, created, nonce] = /created=(\d+);.*nonce="([^"]+)"/.exec(String(request.headers['signature-input']))!;
          const signature = signWith ? signAnswer({ key: signWith, status: 200, etag, contentDigest, params: { created: Number(created), keyId: 'st-pull', nonce: nonce! } }) : {};
          return reply.code(200).headers({ etag, 'content-type': 'application/json', 'content-digest': contentDigest, ...signature }).send(body);
        };
        const key = (await collector.store.stationKey('st-pull'))!;
        if (fault === '500') return reply.code(500).send({ error: 'unavailable', message: 'database down', serverTimeMs: collectorNow() });
        if (fault === 'not-json') return send('{"schemaVersion":1,"kind":', key);
        if (fault === 'schema') return send(JSON.stringify(schemaFailure(kind)), key);
        // A good document (the first version, not the one in force), without a signature or signed with another key.
        if (fault === 'unsigned') return send(firstAnswers.get(kind)!.body, null);
        if (fault === 'forged') return send(firstAnswers.get(kind)!.body, randomBytes(32));
        // The collector's own signed answer to an earlier request, sent again.
        if (fault === 'replayed') {
          const old = firstAnswers.get(kind)!;
          return reply.code(200).headers({ ...old.headers, 'content-type': 'application/json' }).send(Buffer.from(old.body));
        }
        // Cut off: the headers promise 4 KiB, 20 bytes arrive, the connection closes.
        reply.hijack();
        reply.raw.writeHead(200, { etag: `"bad-${kind}"`, 'content-type': 'application/json', 'content-length': '4096' });
        reply.raw.write('{"schemaVersion":1,"k');
        setTimeout(() => reply.raw.destroy(), 20);
        return reply;
      });
    },
  });
  await collector.store.addStation('st-pull');
}, 120_000);

afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
  faults.clear();
});

afterAll(async () => {
  await collector?.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function schemaFailure(kind: PullKind): unknown {
  switch (kind) {
    case 'notices': return { schemaVersion: 1, kind, notices: [{ id: 'n', fields: { ...notice('x'), endMinute: 0 } }] };
    case 'stewards': return { schemaVersion: 1, kind, stewards: [{ id: 's', name: 'x', role: 'host', card: { hash: STEWARD_CARD, hash24: null }, pinHash: STEWARD_PIN }] };
    case 'words': return { schemaVersion: 1, kind, blocked: 'everything', allowed: [] };
    case 'wish-replies': return { schemaVersion: 1, kind, replies: [{ id: 1, wishId: 'not-a-uid', text: 'x', author: 'y', atMs: 0 }] };
  }
}

interface PullStation extends UpstreamStation {
  readonly reader: CardReaderDouble;
}

async function station(options: { fleetKey?: boolean; localStewards?: unknown[] } = {}): Promise<PullStation> {
  const dataDir = mkdtempSync(join(dir, 'st-'));
  if (options.localStewards) writeFileSync(join(dataDir, 'stewards.json'), JSON.stringify({ stewards: options.localStewards }));
  const clock = createManualClock(START);
  collectorNow = () => clock.now();
  const reader = new CardReaderDouble('door');
  const s = await startUpstreamStation({
    stationId: 'st-pull', dataDir, collectorUrl: collector.url, key: (await collector.store.stationKey('st-pull'))!,
    fleetKey: options.fleetKey === false ? undefined : FLEET_KEY, clock, readers: [reader],
  });
  open.push(s.service);
  return { ...s, reader };
}

async function pulls(s: PullStation): Promise<PullStatus[]> {
  const answer = await s.service.api.getSyncStatus();
  if (!answer.ok) throw new Error(answer.message);
  return answer.value.pulls;
}

/** Waits (bounded, real time) until no pulled kind is due at the station clock's now: every download due has its outcome. */
async function pulled(s: PullStation): Promise<Map<PullKind, PullStatus>> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const all = await pulls(s);
    if (all.every((p) => p.nextPullAtMs === null || p.nextPullAtMs > s.clock.now())) return new Map(all.map((p) => [p.kind, p]));
    if (Date.now() > deadline) throw new Error(`no pull outcome within 30 s: ${JSON.stringify(all)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Moves the station clock to each next scheduled pull until `done` holds (at most 20 rounds). */
async function pullUntil(s: PullStation, done: (status: Map<PullKind, PullStatus>) => boolean): Promise<Map<PullKind, PullStatus>> {
  for (let round = 0; round < 20; round += 1) {
    const due = Math.min(...(await pulls(s)).flatMap((p) => (p.nextPullAtMs === null ? [] : [p.nextPullAtMs])));
    s.clock.advance(Math.max(0, due - s.clock.now()));
    const status = await pulled(s);
    if (done(status)) return status;
  }
  throw new Error('not done after 20 pull rounds');
}

/** The next scheduled round of pulls (the 5-minute one while nothing fails). */
const nextPull = (s: PullStation) => pullUntil(s, () => true);

/** Everything a kind's download may change on the station, as rows. */
function snapshot(s: PullStation, kind: PullKind) {
  const state = s.rows(`SELECT etag, document FROM upstream_pulls WHERE kind = '${kind}'`);
  switch (kind) {
    case 'notices': return { state, rows: s.rows('SELECT * FROM notices ORDER BY id') };
    case 'stewards': return { state, rows: s.rows('SELECT * FROM stewards ORDER BY id') };
    case 'words': return { state, rows: [] };
    case 'wish-replies': return { state, rows: [s.rows('SELECT id, uid, reply FROM wishes ORDER BY id'), s.rows('SELECT * FROM upstream_wish_replies ORDER BY reply_id')] };
  }
}

async function postWish(s: PullStation, text: string) {
  const deadline = Date.now() + 10_000;
  let pass: string | undefined;
  const seen: EventPayload<'checkIn'>[] = [];
  const off = s.service.events.on('checkIn', (e) => seen.push(e));
  s.reader.tap(card(WORKER_CARD));
  while (!pass) {
    const outcome = seen.at(-1)?.outcome as { wishPass?: string } | undefined;
    pass = outcome?.wishPass;
    if (Date.now() > deadline) throw new Error('no check-in outcome');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  off();
  const posted = await s.service.api.postWish({ pass, category: 'wish', text, sticker: null });
  if (!posted.ok) throw new Error(posted.message);
  return posted.value;
}

const stewardsFile = (name: string) => ({
  stewards: [{ id: 'wang', name, role: 'host' as const, card: pulledCardOf(card(STEWARD_CARD), stewardCardKey(FLEET_KEY)), pinHash: hashStewardPin(STEWARD_PIN) }],
});

const CONFIGS: Record<Exclude<PullKind, 'wish-replies'>, [unknown, unknown]> = {
  notices: [{ notices: [{ id: 'legal-aid', fields: notice('法律援助 12351') }] }, { notices: [{ id: 'haircut', fields: notice('免费理发') }] }],
  stewards: [stewardsFile('王芳'), stewardsFile('王芳（站长）')],
  words: [{ blocked: ['刷单'], allowed: [] }, { blocked: ['刷单', '代考'], allowed: ['兼职'] }],
};

describe('pulling the district configuration down', () => {
  it('runs on the database its test project names: PGlite, or the PostgreSQL server started for the run', async () => {
    await expectProjectDatabase(db);
  });

  it('each kind: applied on the first download, unchanged on a 304, a changed document applied, every bad download keeps the old one and its ETag', async () => {
    for (const [kind, [first]] of Object.entries(CONFIGS)) await setPullDocument(db, kind as keyof typeof CONFIGS, first);
    const s = await station();
    let status = await pulled(s);
    for (const kind of ['notices', 'stewards', 'words', 'wish-replies'] as const) {
      expect(status.get(kind), kind).toMatchObject({ lastPullAtMs: START, lastChangeAtMs: START, lastError: null, nextPullAtMs: START + 5 * MINUTE });
      expect(status.get(kind)!.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    }
    expect(s.rows('SELECT upstream_id, title_zh FROM notices')).toEqual([{ upstream_id: 'legal-aid', title_zh: '法律援助 12351' }]);
    expect(s.rows("SELECT name, role, source, active FROM stewards")).toEqual([{ name: '王芳', role: 'host', source: 'upstream', active: 1 }]);
    expect(JSON.parse(s.rows<{ document: string }>("SELECT document FROM upstream_pulls WHERE kind = 'words'")[0]!.document)).toMatchObject({ blocked: ['刷单'] });

    // 5 minutes on: 304s, nothing rewritten.
    const before = Object.fromEntries(Object.keys(CONFIGS).map((k) => [k, snapshot(s, k as PullKind)]));
    status = await nextPull(s);
    for (const kind of Object.keys(CONFIGS) as PullKind[]) {
      expect(status.get(kind), kind).toMatchObject({ lastPullAtMs: START + 5 * MINUTE, lastChangeAtMs: START, lastError: null });
      expect(snapshot(s, kind), kind).toEqual(before[kind]);
    }

    // Changed on the collector: applied at the next pull.
    for (const [kind, [, second]] of Object.entries(CONFIGS)) await setPullDocument(db, kind as keyof typeof CONFIGS, second);
    status = await nextPull(s);
    for (const kind of Object.keys(CONFIGS) as PullKind[]) expect(status.get(kind), kind).toMatchObject({ lastChangeAtMs: START + 10 * MINUTE, lastError: null });
    expect(s.rows('SELECT upstream_id, title_zh FROM notices')).toEqual([{ upstream_id: 'haircut', title_zh: '免费理发' }]);
    expect(s.rows('SELECT name, active FROM stewards')).toEqual([{ name: '王芳（站长）', active: 1 }]);

    // Bad downloads of a third version: nothing of it is applied, whatever went wrong.
    for (const [kind, [first]] of Object.entries(CONFIGS)) await setPullDocument(db, kind as keyof typeof CONFIGS, first);
    const errors: Record<string, RegExp> = {
      '500': /not applied: collector answered 500/,
      truncated: /download failed: the answer from .* was cut off/,
      'not-json': /not applied: the body is not JSON/,
      schema: /not applied: the \S+ document fails its schema/,
      unsigned: /not applied: the answer is not signed by the collector/,
      forged: /not applied: the answer's signature does not match it and this station's key/,
      replayed: /not applied: the answer is signed for another request \(not this request's nonce\): a replay/,
    };
    for (const fault of ['500', 'truncated', 'not-json', 'schema', 'unsigned', 'forged', 'replayed'] as const) {
      const kept = Object.fromEntries(Object.keys(CONFIGS).map((k) => [k, snapshot(s, k as PullKind)]));
      const etags = (await pulls(s)).map((p) => [p.kind, p.etag]);
      for (const kind of [...Object.keys(CONFIGS), 'wish-replies'] as PullKind[]) faults.set(kind, fault);
      status = await pullUntil(s, () => faults.size === 0);
      for (const kind of Object.keys(CONFIGS) as PullKind[]) {
        expect(status.get(kind)!.lastError?.message, `${kind} ${fault}`).toMatch(errors[fault]!);
        expect(status.get(kind)!.lastError?.message).toMatch(/the configuration in force is kept$/);
        expect(snapshot(s, kind), `${kind} ${fault}`).toEqual(kept[kind]);
      }
      expect((await pulls(s)).map((p) => [p.kind, p.etag])).toEqual(etags);
      expect(s.rows('SELECT name FROM stewards')).toEqual([{ name: '王芳（站长）' }]);
    }
    // And the next good download applies it.
    status = await pullUntil(s, (m) => [...m.values()].every((p) => p.lastError === null));
    for (const kind of Object.keys(CONFIGS) as PullKind[]) expect(status.get(kind)!.lastError, kind).toBeNull();
    expect(s.rows('SELECT upstream_id FROM notices')).toEqual([{ upstream_id: 'legal-aid' }]);
  }, 120_000);

  it('failures back off exponentially with jitter (station clock), then return to every 5 minutes', async () => {
    await setPullDocument(db, 'words', CONFIGS.words[0]);
    const s = await station();
    await pulled(s);
    const gaps: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      faults.set('words', '500');
      const words = (await pullUntil(s, () => !faults.has('words'))).get('words')!;
      expect(words.lastError?.message).toMatch(/collector answered 500/);
      gaps.push(words.nextPullAtMs! - words.lastError!.atMs);
    }
    // 30 s doubling, each drawn from [cap/2, cap).
    const caps = [30_000, 60_000, 120_000, 240_000];
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(caps[i]! / 2);
      expect(gap).toBeLessThan(caps[i]!);
    });
    const words = (await pullUntil(s, (m) => m.get('words')!.lastError === null)).get('words')!;
    expect(words.nextPullAtMs! - words.lastPullAtMs!).toBe(5 * MINUTE);
  }, 60_000);

  it('a pulled steward signs in with the card and PIN; the list sent holds no card number in any rendering; local stewards keep working', async () => {
    await setPullDocument(db, 'stewards', CONFIGS.stewards[0]);
    served.length = 0;
    const s = await station({ localStewards: [{ name: 'Li Wei', role: 'cadre', card: LOCAL_CARD, pinHash: hashStewardPin('8642') }] });
    await pulled(s);
    expect(s.rows('SELECT name, source, active FROM stewards ORDER BY id')).toEqual([
      { name: 'Li Wei', source: 'file', active: 1 },
      { name: '王芳', source: 'upstream', active: 1 },
    ]);
    const cards: EventPayload<'stewardCard'>[] = [];
    s.service.events.on('stewardCard', (e) => cards.push(e));
    const signIn = async (text: string, pin: string) => {
      await s.service.api.openStewardSignIn();
      const seen = cards.length;
      s.reader.tap(card(text));
      const deadline = Date.now() + 10_000;
      while (cards.length === seen && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      return s.service.api.signInSteward({ pending: cards.at(-1)!.pending, pin });
    };
    expect(await signIn(STEWARD_CARD, STEWARD_PIN)).toMatchObject({ ok: true, value: { kind: 'signed-in', steward: { name: '王芳', role: 'host' } } });
    expect(await signIn(LOCAL_CARD, '8642')).toMatchObject({ ok: true, value: { kind: 'signed-in', steward: { name: 'Li Wei', role: 'cadre' } } });
    expect(cards.map((c) => c.name)).toEqual(['王芳', 'Li Wei']);

    const sent = served.join('\n').toLowerCase();
    expect(sent).toContain('"stewards"');
    const uid = Number(STEWARD_CARD);
    const hex = uid.toString(16).padStart(8, '0');
    const renderings = [STEWARD_CARD, String(uid), hex, hex.match(/../g)!.reverse().join(''), hex.slice(2), String(uid & 0xffffff), `${(uid >>> 16) & 0xff},${uid & 0xffff}`, STEWARD_PIN];
    for (const r of renderings) expect(sent.includes(r.toLowerCase()), `${r} was sent`).toBe(false);
  }, 60_000);

  it('without a fleet key the steward list is not pulled, and the status says why', async () => {
    await setPullDocument(db, 'stewards', CONFIGS.stewards[0]);
    const s = await station({ fleetKey: false });
    const status = await pulled(s);
    expect(status.get('stewards')).toMatchObject({ nextPullAtMs: null, lastError: { message: expect.stringContaining('no fleetKeyFile') } });
    expect(s.rows('SELECT * FROM stewards')).toEqual([]);
    expect(status.get('words')!.lastError).toBeNull();
  }, 60_000);

  it('a pulled word holds a new wish at once; a reply added on the collector shows under the wish on the wall', async () => {
    await setPullDocument(db, 'words', { blocked: ['代考'], allowed: [] });
    const s = await station();
    await pulled(s);
    expect(await postWish(s, '找人代考驾照')).toMatchObject({ kind: 'held', heldFor: 'words' });
    const posted = await postWish(s, '希望多放几把雨伞 电话13812345678');
    expect(posted.kind).toBe('posted');
    const [wish] = s.rows<{ uid: string; id: number }>("SELECT id, uid FROM wishes WHERE state = 'approved'");

    await addWishReply(db, { stationId: 'st-pull', wishId: wish!.uid, text: '雨伞已送到，有事打 13900001111', author: '朝阳区总工会' });
    await nextPull(s);
    const wall = await s.service.api.listWishes({ page: 0, pageSize: 10 });
    expect(wall.ok && wall.value.notes.map((n) => [n.id, n.reply])).toEqual([[wish!.id, '雨伞已送到，有事打 139****1111']]);
    // Applied once: a steward's later reply here is not overwritten by the same list coming down again.
    const raw = new Database(stationDatabasePath(s.dataDir));
    raw.prepare('UPDATE wishes SET reply = ? WHERE id = ?').run('站长已回复', wish!.id);
    raw.close();
    await addWishReply(db, { stationId: 'st-pull', wishId: 'f'.repeat(32), text: '别的站', author: 'x' });
    await nextPull(s);
    expect(s.rows('SELECT reply FROM wishes WHERE id = ' + wish!.id)).toEqual([{ reply: '站长已回复' }]);
    expect(s.rows('SELECT wish_uid, shown FROM upstream_wish_replies ORDER BY reply_id').map((r) => r.shown)).toEqual([1, 0]);
  }, 60_000);
});
