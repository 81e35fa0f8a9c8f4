/**
 * A real station service and a real collector over HTTPS on 127.0.0.1 (a self-signed
 * certificate made with openssl here), PGlite in memory (or the test PostgreSQL server), time
 * on a hand-driven clock while sockets run on real time: every summary arrives exactly once; a
 * collector that is down for thirty days gets the whole backlog in order and without
 * duplicates when it returns; a station killed with SIGKILL mid-drain (in its own process)
 * loses and duplicates nothing; a station clock two hours off still gets through and reports the skew; nothing sent holds a card number.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../common/upstream-sync-status';
import type { BatchResponse } from '../../common/upstream-wire';
import { createStationService, type CreatedStationService } from '../../electron/service/station-service';
import { hashCardId } from '../../electron/service/station-key';
import { stationDatabasePath } from '../../electron/service/storage/database';
import { createManualClock, type ManualClock } from '../../electron/service/testing/manual-clock';
import type { SqlDatabase } from '../../upstream/db/sql';
import { openTestDatabase, startCollector } from '../../upstream/testing';
import { uniqueWorkers } from '../../upstream/unique-workers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** How long the collector is down in the backlog test: a month of a station's traffic. */
const DOWN_DAYS = 30;
/** 2026-03-02 08:58 in Beijing. */
const START = Date.UTC(2026, 2, 2, 0, 58);

let dir: string;
let db: SqlDatabase;
let tls: { key: Buffer; cert: Buffer };
let savedTz: string | undefined;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  savedTz = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
  // Real SQLite files, on a RAM disk where there is one: a month of 5-minute heartbeats is
  // 8,640 commits, each an fsync on a disk (durability on disk is tests/durability's job).
  dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'upstream-sync-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', join(dir, 'tls-key.pem'), '-out', join(dir, 'tls-cert.pem'),
  ], { stdio: 'ignore' });
  tls = { key: readFileSync(join(dir, 'tls-key.pem')), cert: readFileSync(join(dir, 'tls-cert.pem')) };
  db = await openTestDatabase();
}, 120_000);

afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

interface CollectorHooks {
  port?: number;
  now?: () => number;
  bodies?: Buffer[];
  /** Called with every 200 answer to a batch after it was stored and before it is sent. */
  beforeAnswer?: (answer: BatchResponse) => Promise<void>;
}

async function collectorFor(stationId: string, options: CollectorHooks = {}) {
  const collector = await startCollector(db, {
    https: tls,
    port: options.port,
    now: options.now,
    configure: (app) => {
      app.addHook('preHandler', async (request) => void options.bodies?.push(request.body as Buffer));
      app.addHook('onSend', async (request, reply, payload) => {
        if (options.beforeAnswer && request.url === '/v1/batches' && reply.statusCode === 200) {
          await options.beforeAnswer(JSON.parse(String(payload)) as BatchResponse);
        }
        return payload;
      });
    },
  });
  open.push(collector);
  const key = (await collector.store.stationKey(stationId)) ?? (await collector.store.addStation(stationId));
  return { collector, key };
}

const REPO = resolve(import.meta.dirname, '..', '..');

/** The station in its own process on `dataDir`, its clock held at `nowMs`: it sends its outbox and exits. */
function drainInChild(dataDir: string, nowMs: number): { child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/upstream-drain-child.ts', dataDir, String(nowMs)], {
    cwd: REPO,
    env: { ...process.env, TZ: 'Asia/Shanghai' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((done) => {
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr });
    });
  });
  return { child, exited };
}

const outboxKeys = (dataDir: string): string[] => {
  const raw = new Database(stationDatabasePath(dataDir), { readonly: true });
  try {
    return raw.prepare<[], { key: string }>('SELECT key FROM upstream_outbox ORDER BY id').all().map((r) => r.key);
  } finally {
    raw.close();
  }
};

const dataDirs = new Map<CreatedStationService, string>();
/** A mobile number and a valid resident ID-card number, as a worker might write them in a note. */
const PHONE = '13812345678';
const ID_CARD = '11010519491231002X';

/** The uid of the station's first wall note (the wish id `wish.posted` carries). */
function wishUid(service: CreatedStationService): string {
  const raw = new Database(stationDatabasePath(dataDirs.get(service)!), { readonly: true });
  try {
    return raw.prepare<[], { uid: string }>('SELECT uid FROM wishes ORDER BY id LIMIT 1').get()!.uid;
  } finally {
    raw.close();
  }
}

async function station(stationId: string, url: string, key: Buffer, clock: ManualClock, fleetKey?: Buffer): Promise<CreatedStationService> {
  const dataDir = mkdtempSync(join(dir, `${stationId}-`));
  writeFileSync(join(dataDir, 'collector.key'), `${key.toString('base64url')}\n`, { mode: 0o600 });
  if (fleetKey) writeFileSync(join(dataDir, 'fleet.key'), `${fleetKey.toString('base64url')}\n`, { mode: 0o600 });
  writeFileSync(join(dataDir, 'station.json'), JSON.stringify({
    stationId,
    upstream: { collectorUrl: url, keyFile: 'collector.key', caFile: join(dir, 'tls-cert.pem'), ...(fleetKey ? { fleetKeyFile: 'fleet.key' } : {}) },
  }));
  const service = await createStationService({ dataDir, clock, now: () => clock.now(), onWarning: (w) => { throw new Error(w); } });
  open.push(service);
  dataDirs.set(service, dataDir);
  return service;
}

async function status(service: CreatedStationService): Promise<SyncStatus> {
  const answer = await service.api.getSyncStatus();
  if (!answer.ok) throw new Error(answer.message);
  return answer.value;
}

/**
 * Waits (bounded, real time) until the sender is not in the middle of a request. Draining a
 * month (48 batches) on a machine shared with other test runs can take tens of seconds.
 */
async function settle(service: CreatedStationService): Promise<SyncStatus> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const s = await status(service);
    if (s.state !== 'sending') return s;
    if (Date.now() > deadline) throw new Error('the sender did not settle within 90 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Moves the station clock on to `untilMs`, stopping at every 5-minute slot boundary (where
 * the station's tick runs) and letting the sender finish before time moves again: a real
 * clock never jumps while a request is in flight. (A larger `stepMs` is fine while the
 * collector is down: nothing is in flight for long then.)
 */
async function drive(service: CreatedStationService, clock: ManualClock, untilMs: number, stepMs = 5 * MINUTE): Promise<SyncStatus> {
  let s = await settle(service);
  while (clock.now() < untilMs) {
    const boundary = clock.now() - (clock.now() % stepMs) + stepMs;
    clock.advance(Math.min(untilMs, boundary) - clock.now());
    s = await settle(service);
  }
  return s;
}

const collectorKeys = async (stationId: string) =>
  (await db.query<{ key: string }>('SELECT key FROM items WHERE station_id = $1 ORDER BY seq', [stationId])).map((r) => r.key);

function heartbeatKeys(stationId: string, fromMs: number, toMs: number): string[] {
  const keys: string[] = [];
  for (let slot = fromMs - (fromMs % (5 * MINUTE)); slot <= toMs; slot += 5 * MINUTE) keys.push(`${stationId}/device.health/${slot}`);
  return keys;
}

describe('station → collector over HTTPS', () => {
  it('every summary arrives exactly once, and no request body holds the card in any rendering', async () => {
    const bodies: Buffer[] = [];
    // Both clocks on the hand-driven one here: no skew (the last test covers that).
    const clock = createManualClock(START);
    const { collector, key } = await collectorFor('st-once', { bodies, now: () => clock.now() });
    const service = await station('st-once', collector.url, key, clock, randomBytes(32));
    const tap = await service.api.submitWedgeRead({ text: '0040856634' });
    expect(tap).toMatchObject({ ok: true, value: { kind: 'welcome', visitId: 1 } });
    expect(await service.api.setWorkerCategory({ visitId: 1, category: 'courier' })).toEqual({ ok: true, value: {} });
    // A note on the wall with a phone and an ID-card number: only its masked text may leave.
    const wishPass = tap.ok && 'wishPass' in tap.value ? (tap.value.wishPass ?? '') : '';
    const posted = await service.api.postWish({ pass: wishPass, category: 'help', text: `请回电 ${PHONE}，身份证 ${ID_CARD}`, sticker: null });
    expect(posted).toMatchObject({ ok: true, value: { kind: 'posted' } });
    await service.api.guestCheckIn();
    await drive(service, clock, START + 3 * HOUR);
    await service.api.submitWedgeRead({ text: '00A1B2C3D4' });

    // To 01:00 the next day, an hour at a time.
    const end = START + 16 * HOUR + 2 * MINUTE;
    const final = await drive(service, clock, end);
    expect(final).toMatchObject({ state: 'idle', queueLength: 0, oldestItemAtMs: null, rejectedItems: 0, lastError: null, lastSuccessAtMs: end });

    // 08:00 on the 2nd (the first visit's hour) to 00:00 on the 3rd: 17 closed hours.
    const hours = Array.from({ length: 17 }, (_, i) => 8 + i).map((h) => `st-once/visits.hourly/2026-03-0${h >= 24 ? 3 : 2}T${String(h % 24).padStart(2, '0')}+08:00`);
    const expected = [
      ...hours, 'st-once/visits.daily/2026-03-02+08:00', 'st-once/lockers.daily/2026-03-02+08:00', 'st-once/workers.daily/2026-03-02+08:00',
      'st-once/steward.daily/2026-03-02+08:00', 'st-once/supplies.daily/2026-03-02+08:00', `st-once/wish.posted/${wishUid(service)}`,
      ...heartbeatKeys('st-once', START, end),
    ];
    const stored = await collectorKeys('st-once');
    expect([...stored].sort()).toEqual([...expected].sort());
    expect(new Set(stored).size).toBe(stored.length);
    const [daily] = await db.query<{ payload: Record<string, unknown> }>("SELECT payload FROM items WHERE key = 'st-once/visits.daily/2026-03-02+08:00'");
    expect(daily?.payload).toMatchObject({ members: 2, guests: 1, uniqueMembers: 2, newMembers: 2, byCategory: { courier: 1, unanswered: 1 } });
    expect((await uniqueWorkers(db, { pseudonymPeriod: '2026-03', stationIds: ['st-once'] })).estimate).toBe(2);

    const sent = Buffer.concat(bodies).toString('utf8').toLowerCase();
    const stationKey = readFileSync(join(stationDataDir(service), 'station.key'));
    for (const [value, hex, w26] of [[0x026f6c3a, '026f6c3a', '111,27706'], [0xa1b2c3d4, 'a1b2c3d4', '41394,50132']] as const) {
      const reversed = hex.match(/../g)!.reverse().join('');
      const renderings = [String(value), String(value).padStart(10, '0'), hex, reversed, `u${hex}`, `l${hex.slice(2)}`, hex.slice(2), w26,
        hashCardId(stationKey, `U${hex.toUpperCase()}`), hashCardId(stationKey, `L${hex.slice(2).toUpperCase()}`)];
      for (const rendering of renderings) expect(sent.includes(rendering.toLowerCase()), `${rendering} was sent`).toBe(false);
    }
    for (const number of [PHONE, ID_CARD, ID_CARD.slice(0, 17)]) expect(sent.includes(number.toLowerCase()), `${number} was sent`).toBe(false);
    expect(sent).toContain('138****5678');
    expect(bodies.length).toBeGreaterThan(10);
  }, 60_000);

  it(`a collector down for ${DOWN_DAYS} days gets the whole backlog, in order, once, when it returns`, async () => {
    const first = await collectorFor('st-down');
    const port = Number(new URL(first.collector.url).port);
    await first.collector.close();
    const clock = createManualClock(START);
    const service = await station('st-down', first.collector.url, first.key, clock);
    await service.api.guestCheckIn();

    // A day at a time: the producers catch up every hour and 5-minute slot of it at once.
    const during = await drive(service, clock, START + DOWN_DAYS * DAY, DAY);
    expect(during).toMatchObject({ state: 'backing-off', lastSuccessAtMs: null, oldestItemAtMs: START });
    expect(during.lastError?.message).toContain('ECONNREFUSED');
    expect(during.nextAttemptAtMs! - clock.now()).toBeLessThanOrEqual(300_000);
    const queued = outboxKeys(stationDataDir(service));
    expect(during.queueLength).toBe(queued.length);
    // Hourly and daily visits, daily lockers, steward actions and supply levels, a heartbeat
    // every 5 minutes (and the first one).
    expect(queued.length).toBe(DOWN_DAYS * (24 + 1 + 1 + 1 + 1 + 24 * 12) + 1);

    const back = await collectorFor('st-down', { port, now: () => clock.now() });
    expect(back.key.equals(first.key)).toBe(true);
    const after = await drive(service, clock, START + DOWN_DAYS * DAY + 10 * MINUTE);
    expect(after).toMatchObject({ state: 'idle', queueLength: 0, lastError: expect.anything() });
    const stored = await collectorKeys('st-down');
    // In the order the station wrote them; then the heartbeats made while it drained.
    expect(stored.slice(0, queued.length)).toEqual(queued);
    expect(stored.slice(queued.length)).toEqual([
      'st-down/visits.hourly/2026-04-01T08+08:00',
      ...heartbeatKeys('st-down', START + DOWN_DAYS * DAY + 2 * MINUTE, START + DOWN_DAYS * DAY + 10 * MINUTE),
    ]);
  }, 120_000);

  it('a station killed with SIGKILL while the collector stores a batch resends it once: nothing lost, nothing stored twice', async () => {
    const first = await collectorFor('st-kill');
    const port = Number(new URL(first.collector.url).port);
    await first.collector.close();
    const clock = createManualClock(START);
    const service = await station('st-kill', first.collector.url, first.key, clock);
    await service.api.guestCheckIn();
    await drive(service, clock, START + 4 * DAY, DAY);
    const dataDir = stationDataDir(service);
    await service.close();
    const queued = outboxKeys(dataDir);
    // Several batches of 200 before and after the one cut off.
    expect(queued.length).toBe(4 * (24 + 1 + 1 + 1 + 1 + 24 * 12) + 1);

    const answers: BatchResponse[] = [];
    let run: ReturnType<typeof drainInChild> | undefined;
    await collectorFor('st-kill', {
      port,
      now: () => clock.now(),
      // The third batch is in the database; its answer never reaches the station.
      beforeAnswer: async (answer) => {
        answers.push(answer);
        if (answers.length === 3 && run) {
          run.child.kill('SIGKILL');
          await run.exited;
        }
      },
    });
    run = drainInChild(dataDir, clock.now());
    const killed = await run.exited;
    expect({ signal: killed.signal, stderr: killed.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
    expect(answers).toHaveLength(3);
    const cutOff = answers[2]!.results.map((r) => r.key);
    expect(outboxKeys(dataDir).slice(0, cutOff.length)).toEqual(cutOff);

    run = undefined;
    const rest = drainInChild(dataDir, clock.now());
    const done = await rest.exited;
    expect({ code: done.code, stderr: done.stderr }).toEqual({ code: 0, stderr: '' });
    expect(done.stdout).toMatch(/^DRAINED \{"state":"idle"[^\n]*"queueLength":0,"oldestItemAtMs":null,"rejectedItems":0/m);

    expect(await collectorKeys('st-kill')).toEqual(queued);
    expect(outboxKeys(dataDir)).toEqual([]);
    const statuses = answers.flatMap((a) => a.results.map((r) => r.status));
    // The cut-off batch was sent again once and answered duplicate; everything else once, accepted.
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(cutOff.length);
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(queued.length);
    expect(answers[3]!.results).toEqual(cutOff.map((key) => ({ key, status: 'duplicate', reason: 'already stored' })));
  }, 120_000);

  it('a station clock two hours slow is corrected from the collector\'s answer and reported as skew', async () => {
    const realStart = Date.now();
    const clock = createManualClock(realStart - 2 * HOUR);
    const { collector, key } = await collectorFor('st-skew', { now: () => Date.now() });
    const service = await station('st-skew', collector.url, key, clock);
    const s = await settle(service);
    expect(s).toMatchObject({ state: 'idle', queueLength: 0 });
    expect(Math.abs(s.clockSkewMs! - 2 * HOUR)).toBeLessThan(60_000);
    expect(s.lastError?.message).toContain('stale-timestamp');
    expect(await collectorKeys('st-skew')).toEqual(heartbeatKeys('st-skew', clock.now(), clock.now()));
  });
});

function stationDataDir(service: CreatedStationService): string {
  return dataDirs.get(service)!;
}
