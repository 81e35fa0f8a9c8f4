/**
 * A wall note hidden by a steward after it went upstream leaves the fleet dashboard: a real
 * station service (SQLite files) and a real collector over HTTP on 127.0.0.1 (PGlite in the
 * `unit` project, the run's PostgreSQL server in `collector-postgres`). The hide and its
 * `wish.retracted` item commit together; the collector takes the note off the unread list
 * and the reply box, and a reply to it answers 410. A note hidden before it was sent never
 * leaves the station; a held note needs no retraction.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../electron/service/testing/manual-clock';
import { createDashboardAuth } from '../../upstream/dashboard/auth';
import { fleetView } from '../../upstream/dashboard/fleet-queries';
import { replyToWish } from '../../upstream/dashboard/wish-replies';
import type { SqlDatabase } from '../../upstream/db/sql';
import { openTestDatabase, startCollector, type RunningCollector } from '../../upstream/testing';
import { expectProjectDatabase } from '../support/project-database';
import { startUpstreamStation, type UpstreamStation } from '../support/upstream-station';

const MINUTE = 60_000;
/** 2026-03-02 10:01 in Beijing. */
const START = Date.UTC(2026, 2, 2, 2, 1);
const STEWARD_PIN = '2468';

let dir: string;
let db: SqlDatabase;
let collector: RunningCollector;
/** Every batch body the collector received. */
const bodies: string[] = [];
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'upstream-retraction-'));
  db = await openTestDatabase();
  collector = await startCollector(db, {
    dashboard: { db },
    configure: (app) => app.addHook('preHandler', async (request) => {
      if (request.method === 'POST' && request.url === '/v1/batches' && Buffer.isBuffer(request.body)) bodies.push(request.body.toString('utf8'));
    }),
  });
}, 120_000);

afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

afterAll(async () => {
  await collector?.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Station extends UpstreamStation {
  readonly id: string;
}

/** A station on a new data folder (its key registered), or restarted on `dataDir`; it sends to `url` (default: the collector). */
async function station(id: string, options: { url?: string; dataDir?: string; clock?: ManualClock } = {}): Promise<Station> {
  const dataDir = options.dataDir ?? mkdtempSync(join(dir, `${id}-`));
  if (options.dataDir) for (const thing of open.splice(0).reverse()) await thing.close();
  const s = await startUpstreamStation({
    stationId: id, dataDir, collectorUrl: options.url ?? collector.url, key: options.dataDir ? undefined : await collector.store.addStation(id),
    config: { stewardPin: STEWARD_PIN }, clock: options.clock ?? createManualClock(START),
  });
  open.push(s.service);
  return { ...s, id };
}

async function waitFor(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('not within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function post(s: Station, text: string): Promise<{ id: number; uid: string }> {
  const tap = await s.service.api.submitWedgeRead({ text: '0040856634' });
  const pass = tap.ok && 'wishPass' in tap.value ? (tap.value.wishPass ?? '') : '';
  const posted = await s.service.api.postWish({ pass, category: 'wish', text, sticker: null });
  if (!posted.ok) throw new Error(posted.message);
  expect(posted.value.kind).toBe('posted');
  const [row] = s.rows<{ id: number; uid: string }>('SELECT id, uid FROM wishes ORDER BY id DESC LIMIT 1');
  return row!;
}

async function hide(s: Station, id: number) {
  await s.service.api.openStewardSignIn();
  const signedIn = await s.service.api.signInSteward({ pending: null, pin: STEWARD_PIN });
  const session = signedIn.ok && signedIn.value.kind === 'signed-in' ? signedIn.value.steward.session : '';
  const hidden = await s.service.api.moderateWish({ session, id, action: { kind: 'hide', reason: '含广告' } });
  expect(hidden).toMatchObject({ ok: true, value: { state: 'hidden' } });
}

/** Moves the station clock to the next 5-minute slot and waits (bounded) until its outbox is empty. */
async function sync(s: Station): Promise<void> {
  s.clock.advance(5 * MINUTE - (s.clock.now() % (5 * MINUTE)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await s.service.api.getSyncStatus();
    if (status.ok && status.value.state !== 'sending' && status.value.queueLength === 0 && status.value.lastSuccessAtMs === s.clock.now()) return;
    if (Date.now() > deadline) throw new Error(`not synced within 60 s: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const outboxKeys = (s: Station, kind: string) => s.rows<{ key: string }>(`SELECT key FROM upstream_outbox WHERE kind = '${kind}' ORDER BY id`).map((r) => r.key);
const collectorKeys = async (stationId: string, kind: string) =>
  (await db.query<{ key: string }>('SELECT key FROM items WHERE station_id = $1 AND kind = $2 ORDER BY seq', [stationId, kind])).map((r) => r.key);
const unreadOf = async (stationId: string) => (await fleetView(db, START)).unreadWishes.filter((w) => w.stationId === stationId).map((w) => w.wishId);

describe('a note hidden after it was sent', () => {
  it('runs on the database its test project names', async () => {
    await expectProjectDatabase(db);
  });

  it('is retracted in the hide\'s transaction, leaves the dashboard\'s unread list and reply box, and a reply to it answers 410', async () => {
    const s = await station('st-ret');
    const kept = await post(s, '希望多些热水');
    const gone = await post(s, '这张便条写错了');
    await sync(s);
    expect(await collectorKeys(s.id, 'wish.posted')).toEqual([`st-ret/wish.posted/${kept.uid}`, `st-ret/wish.posted/${gone.uid}`]);
    expect(await unreadOf(s.id)).toEqual([gone.uid, kept.uid]);

    const hiddenAt = s.clock.now();
    await hide(s, gone.id);
    // Committed with the hide, before any upstream run.
    expect(outboxKeys(s, 'wish.retracted')).toEqual([`st-ret/wish.retracted/${gone.uid}`]);
    expect(s.rows("SELECT kind, event FROM upstream_events WHERE kind = 'wish.retracted'")).toEqual([{ kind: 'wish.retracted', event: gone.uid }]);
    await sync(s);
    const [retracted] = await db.query<{ payload: unknown }>('SELECT payload FROM items WHERE key = $1', [`st-ret/wish.retracted/${gone.uid}`]);
    expect(retracted?.payload).toEqual({ wishId: gone.uid, retractedAtMs: hiddenAt });
    expect(await unreadOf(s.id)).toEqual([kept.uid]);

    // The page no longer offers it a reply box; a reply typed before it went answers 410, storing nothing.
    const token = await createDashboardAuth(db).createToken('区工会 李明');
    const signIn = await fetch(`${collector.url}/dashboard/sign-in`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ token }) });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const page = await (await fetch(`${collector.url}/dashboard`, { headers: { cookie } })).text();
    expect(page).toContain(`data-wish="${kept.uid}"`);
    expect(page).not.toContain(`data-wish="${gone.uid}"`);
    expect(page).not.toContain('这张便条写错了');
    const csrf = /name="csrf" value="([A-Za-z0-9_-]+)"/.exec(page)![1]!;
    const reply = await fetch(`${collector.url}/dashboard/wishes/reply`, {
      method: 'POST', redirect: 'manual', headers: { cookie }, body: new URLSearchParams({ csrf, stationId: s.id, wishId: gone.uid, text: '已处理' }),
    });
    expect(reply.status).toBe(410);
    expect(await reply.text()).toMatch(/withdrawn at its station/);
    expect(await replyToWish(db, { stationId: s.id, wishId: gone.uid, text: '已处理', author: 'x' })).toBe('retracted');
    expect(await db.query('SELECT wish_id FROM wish_replies WHERE station_id = $1', [s.id])).toEqual([]);
    // The other note can still be answered.
    expect(await replyToWish(db, { stationId: s.id, wishId: kept.uid, text: '下周装热水器', author: 'x' })).toBe('stored');

    // Hiding it again changes nothing upstream.
    await hide(s, gone.id);
    expect(s.rows("SELECT count(*) AS n FROM upstream_events WHERE kind = 'wish.retracted'")).toEqual([{ n: 1 }]);
    expect(outboxKeys(s, 'wish.retracted')).toEqual([]);
  }, 120_000);

  it('a note hidden before its item was sent never leaves: the waiting item is dropped and only the retraction goes', async () => {
    // The collector out of reach: the 5-minute run writes the note's item, and it waits.
    const down = await startCollector(db);
    const deadUrl = down.url;
    await down.close();
    const first = await station('st-early', { url: deadUrl });
    const note = await post(first, '写错了 13812345678');
    first.clock.advance(5 * MINUTE - (first.clock.now() % (5 * MINUTE)));
    await waitFor(() => outboxKeys(first, 'wish.posted').length === 1 && first.rows("SELECT 1 FROM upstream_events WHERE kind = 'wish.posted'").length === 1);
    expect(outboxKeys(first, 'wish.posted')).toEqual([`st-early/wish.posted/${note.uid}`]);
    await hide(first, note.id);
    expect(outboxKeys(first, 'wish.posted')).toEqual([]);
    expect(outboxKeys(first, 'wish.retracted')).toEqual([`st-early/wish.retracted/${note.uid}`]);

    // Back in reach (the same data folder, restarted): only the retraction arrives.
    const again = await station('st-early', { dataDir: first.dataDir, clock: first.clock });
    await sync(again);
    expect(await collectorKeys('st-early', 'wish.posted')).toEqual([]);
    expect(await collectorKeys('st-early', 'wish.retracted')).toEqual([`st-early/wish.retracted/${note.uid}`]);
    expect(await unreadOf('st-early')).toEqual([]);
    const sent = bodies.filter((b) => b.includes('"stationId":"st-early"')).join('\n');
    expect(sent).toContain(`st-early/wish.retracted/${note.uid}`);
    expect(sent).not.toContain('写错了');
  }, 120_000);

  it('a note hidden before the upstream run wrote its item needs no retraction, and nothing of it is sent', async () => {
    const s = await station('st-quick');
    const note = await post(s, '马上就删');
    await hide(s, note.id);
    await sync(s);
    expect(s.rows("SELECT kind FROM upstream_events WHERE kind LIKE 'wish.%'")).toEqual([]);
    expect(await collectorKeys('st-quick', 'wish.posted')).toEqual([]);
    expect(await collectorKeys('st-quick', 'wish.retracted')).toEqual([]);
    expect(bodies.filter((b) => b.includes('"stationId":"st-quick"')).join('\n')).not.toContain(note.uid);
  }, 120_000);
});
