/**
 * Pulls the district's configuration down from the collector: each kind (notices, stewards,
 * word list, wish replies) with a signed `GET /v1/stations/<id>/<kind>` every
 * `intervalMs`, sending the stored ETag as `If-None-Match`. A download is applied only whole:
 * the answer (200 or 304) must be signed by the collector with this station's key for this
 * request's nonce (`answer-signing.ts`), the body must arrive complete, match its `Content-Digest`, parse as JSON and pass its
 * schema; then the kind's applier and the new ETag are written in one transaction. Anything
 * else (an unsigned, forged or replayed answer, a 500, a cut-off body, bad JSON, a schema failure, an applier that throws) changes
 * nothing, keeps the old ETag, and is the kind's `lastError`; it is retried with exponential
 * backoff and jitter. A station clock the collector calls stale is corrected from its answer,
 * as the sender does.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../hardware/drivers/clock';
import {
  MAX_PULL_BYTES,
  PULL_KINDS,
  PULL_SCHEMA_VERSION,
  pullDocumentSchemas,
  pullPath,
  type PullDocuments,
  type PullKind,
} from '../../../common/upstream-pull';
import type { PullStatus } from '../../../common/upstream-sync-status';
import { parseContentDigest } from '../../../common/upstream-signature';
import { refusalSchema } from '../../../common/upstream-wire';
import { answerRefusal } from './answer-signing';
import type { GetBytes } from './http-get';
import { createPullStore } from './pull-store';
import { signRequest } from './signing';

/** What a kind's download changes on the station. */
export interface PullApplier<K extends PullKind> {
  /** Writes the document; runs inside the transaction that stores its ETag (throw to refuse it). */
  apply(document: PullDocuments[K], atMs: number): void;
  /** After the commit, and once at start with the stored document: e.g. reload a filter, tell the screen. */
  use?(document: PullDocuments[K]): void;
}
export type PullAppliers = { readonly [K in PullKind]?: PullApplier<K> };

export interface PullerOptions {
  readonly db: Database;
  readonly collectorUrl: URL;
  readonly stationId: string;
  readonly key: Buffer;
  readonly ca?: Buffer;
  readonly clock: Clock;
  readonly get: GetBytes;
  readonly appliers: PullAppliers;
  /** Kinds not pulled, with why (e.g. no fleet key for the stewards' cards): shown as their error. */
  readonly disabled?: { readonly [K in PullKind]?: string };
  /** Collector clock minus station clock, ms (the sender's skew), for signing. Default 0. */
  readonly offsetMs?: () => number;
  /** Between successful pulls, ms. Default 300 000 (5 min). */
  readonly intervalMs?: number;
  /** First retry after a failure, ms, doubled per failure. Default 30 000. */
  readonly backoffBaseMs?: number;
  /** Longest retry delay, ms. Default 1 800 000 (30 min). */
  readonly backoffMaxMs?: number;
  /** Uniform [0, 1); default `Math.random`. The delay is drawn from [cap/2, cap). */
  readonly random?: () => number;
  /** Per-request budget, ms. Default 30 000. */
  readonly timeoutMs?: number;
  readonly onWarning?: (message: string) => void;
}

export interface Puller {
  status(): PullStatus[];
  /** Pulls every enabled kind now (also runs on its own schedule). */
  pullNow(): void;
  /** Resolves when no download is in flight. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

interface KindState {
  lastPullAtMs: number | null;
  lastChangeAtMs: number | null;
  lastError: { atMs: number; message: string } | null;
  failures: number;
  nextAtMs: number;
}

class BadDownload extends Error {}

export function createPuller(options: PullerOptions): Puller {
  const { clock, db } = options;
  const store = createPullStore(db);
  const intervalMs = options.intervalMs ?? 300_000;
  const baseMs = options.backoffBaseMs ?? 30_000;
  const maxMs = options.backoffMaxMs ?? 1_800_000;
  const random = options.random ?? Math.random;
  const enabled = PULL_KINDS.filter((k) => options.appliers[k] !== undefined && options.disabled?.[k] === undefined);
  const states = new Map<PullKind, KindState>(
    PULL_KINDS.map((k) => [k, { lastPullAtMs: null, lastChangeAtMs: store.get(k)?.appliedMs ?? null, lastError: null, failures: 0, nextAtMs: clock.now() }]),
  );
  let running: Promise<void> | undefined;
  let timer: unknown;
  let closed = false;
  // Collector clock minus ours, learned from a stale-timestamp refusal (the sender's skew until then).
  let learnedOffsetMs: number | null = null;

  const applier = <K extends PullKind>(kind: K) => options.appliers[kind] as PullApplier<K> | undefined;
  // The configuration from the last good download is in force from the start.
  for (const kind of enabled) {
    const stored = store.get(kind);
    if (!stored) continue;
    const parsed = pullDocumentSchemas[kind].safeParse(JSON.parse(stored.document));
    if (parsed.success) applier(kind)?.use?.(parsed.data as never);
    else options.onWarning?.(`Stored ${kind} configuration no longer fits its schema; waiting for a new download.`);
  }

  /** One download of `kind`: 'changed', 'unchanged', or throws why nothing was applied. */
  const pullOne = async <K extends PullKind>(kind: K, retried = false): Promise<'changed' | 'unchanged' | 'not-set'> => {
    const path = pullPath(options.stationId, kind);
    const stored = store.get(kind);
    const collectorNowMs = () => clock.now() + (learnedOffsetMs ?? options.offsetMs?.() ?? 0);
    const createdSeconds = Math.floor(collectorNowMs() / 1000);
    const nonce = randomBytes(16).toString('base64url');
    const headers: Record<string, string> = {
      ...signRequest({ key: options.key, stationId: options.stationId, method: 'GET', path, body: '', createdSeconds, nonce }),
      accept: 'application/json',
      ...(stored ? { 'if-none-match': stored.etag } : {}),
    };
    const answer = await options.get(new URL(path, options.collectorUrl), {
      headers, ca: options.ca, timeoutMs: options.timeoutMs ?? 30_000, maxResponseBytes: MAX_PULL_BYTES,
    });
    if (answer.status === 304 || answer.status === 200) {
      // Nothing of an answer that is not the collector's, to this very request, is used: not even its 304.
      const refused = answerRefusal({ key: options.key, stationId: options.stationId, requestNonce: nonce, status: answer.status, headers: answer.headers, nowMs: collectorNowMs() });
      if (refused !== null) throw new BadDownload(refused);
    }
    if (answer.status === 304) return 'unchanged';
    if (answer.status !== 200) {
      const refusal = refusalSchema.safeParse(safeJson(answer.body));
      if (answer.status === 404 && refusal.success && refusal.data.error === 'not-set') return 'not-set';
      if (answer.status === 401 && refusal.success && refusal.data.error === 'stale-timestamp' && !retried) {
        // Our clock is off: sign with the collector's from now on, and try once more at once.
        learnedOffsetMs = refusal.data.serverTimeMs - clock.now();
        return pullOne(kind, true);
      }
      throw new BadDownload(`collector answered ${answer.status}${refusal.success ? ` ${refusal.data.error}: ${refusal.data.message}` : ''}`);
    }
    const etag = typeof answer.headers.etag === 'string' ? answer.headers.etag : '';
    if (!/^"[^"]{1,190}"$/.test(etag)) throw new BadDownload('the answer has no strong ETag');
    const digest = parseContentDigest(typeof answer.headers['content-digest'] === 'string' ? answer.headers['content-digest'] : undefined);
    if (digest !== createHash('sha256').update(answer.body).digest('base64')) throw new BadDownload('the body does not match its Content-Digest (cut off or changed on the way)');
    const json = safeJson(answer.body);
    if (json === undefined) throw new BadDownload('the body is not JSON');
    const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (version !== PULL_SCHEMA_VERSION) throw new BadDownload(`schema version ${String(version)} is not one this station applies (${PULL_SCHEMA_VERSION})`);
    const parsed = pullDocumentSchemas[kind].safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BadDownload(`the ${kind} document fails its schema at ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'}`);
    }
    const document = parsed.data as PullDocuments[K];
    const atMs = clock.now();
    db.transaction(() => {
      applier(kind)?.apply(document, atMs);
      store.put(kind, etag, JSON.stringify(document), atMs);
    }).immediate();
    applier(kind)?.use?.(document);
    return 'changed';
  };

  const runDue = async () => {
    for (const kind of enabled) {
      if (closed) return;
      const state = states.get(kind)!;
      if (state.nextAtMs > clock.now()) continue;
      try {
        const outcome = await pullOne(kind);
        const now = clock.now();
        state.lastPullAtMs = now;
        if (outcome === 'changed') state.lastChangeAtMs = now;
        state.lastError = null;
        state.failures = 0;
        state.nextAtMs = now + intervalMs;
      } catch (error) {
        const now = clock.now();
        state.failures += 1;
        const cap = Math.min(maxMs, baseMs * 2 ** (state.failures - 1));
        const message = error instanceof BadDownload ? `not applied: ${error.message}` : `download failed: ${error instanceof Error ? error.message : String(error)}`;
        state.lastError = { atMs: now, message: `${kind} ${message}; the configuration in force is kept`.slice(0, 500) };
        state.nextAtMs = now + Math.round(cap / 2 + random() * (cap / 2));
      }
    }
  };

  const schedule = () => {
    clock.clearTimeout(timer);
    if (closed || enabled.length === 0) return;
    const next = Math.min(...enabled.map((k) => states.get(k)!.nextAtMs));
    timer = clock.setTimeout(() => start(), Math.max(0, next - clock.now()));
  };

  const start = () => {
    if (closed || running) return;
    running = runDue().finally(() => {
      running = undefined;
      schedule();
    });
  };

  start();

  return {
    status: () =>
      PULL_KINDS.map((kind) => {
        const s = states.get(kind)!;
        const disabled = options.disabled?.[kind];
        return {
          kind,
          etag: store.get(kind)?.etag ?? null,
          lastPullAtMs: s.lastPullAtMs,
          lastChangeAtMs: s.lastChangeAtMs,
          lastError: disabled !== undefined ? { atMs: 0, message: disabled.slice(0, 500) } : s.lastError,
          nextPullAtMs: enabled.includes(kind) ? s.nextAtMs : null,
        };
      }),
    pullNow() {
      for (const kind of enabled) states.get(kind)!.nextAtMs = clock.now();
      // While a round runs, the schedule after it finds these due at once.
      start();
    },
    async settled() {
      while (running) await running;
    },
    async close() {
      closed = true;
      clock.clearTimeout(timer);
      while (running) await running;
    },
  };
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
