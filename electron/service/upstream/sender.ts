/**
 * Drains the outbox to the collector: batches of up to `batchSize` items, oldest first,
 * signed; items leave the outbox only when the collector's signed answer to that very request
 * says it stored them (an unsigned, forged or replayed answer deletes and parks nothing).
 * Failures back off exponentially with full jitter; the collector's clock in every answer
 * is used to sign with its time (a station clock that is hours off still gets through) and
 * is reported as skew.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../hardware/drivers/clock';
import { batchResponseSchema, MAX_ITEMS_PER_BATCH, refusalSchema, UPSTREAM_SCHEMA_VERSION, type Batch } from '../../../common/upstream-wire';
import { batchAnswerRefusal } from './answer-signing';
import type { PostJson } from './http-post';
import type { OutboxEntry, OutboxStore } from './outbox-store';
import { signRequest } from './signing';
import { isAllowedCollectorUrl } from './upstream-settings';

export const BATCH_PATH = '/v1/batches';

export interface SenderOptions {
  readonly outbox: OutboxStore;
  readonly collectorUrl: URL;
  readonly stationId: string;
  readonly key: Buffer;
  readonly ca?: Buffer;
  readonly clock: Clock;
  readonly post: PostJson;
  /** Items per request, 1–500. Default 200. */
  readonly batchSize?: number;
  /** First retry delay, ms, doubled per failure. Default 2 000. */
  readonly backoffBaseMs?: number;
  /** Longest retry delay, ms. Default 300 000 (5 min). */
  readonly backoffMaxMs?: number;
  /** Uniform [0, 1); default `Math.random`. Jitter: the delay is drawn from [cap/2, cap). */
  readonly random?: () => number;
  /** Per-request budget, ms. Default 30 000. */
  readonly timeoutMs?: number;
}

export type SenderState = 'idle' | 'sending' | 'backing-off' | 'stopped';

export interface SenderStatus {
  readonly state: SenderState;
  readonly lastSuccessAtMs: number | null;
  readonly lastError: { atMs: number; message: string } | null;
  readonly clockSkewMs: number | null;
  readonly nextAttemptAtMs: number | null;
}

export interface Sender {
  /** Starts a drain unless one is running or backing off (a backoff is not cut short). */
  kick(): void;
  status(): SenderStatus;
  /** Resolves once the sender is idle or waiting out a backoff. */
  settled(): Promise<void>;
  /** Stops after the request in flight (its answer is still applied). */
  close(): Promise<void>;
}

type Attempt = 'sent' | 'retry-now' | 'back-off';

export function createSender(options: SenderOptions): Sender {
  if (!isAllowedCollectorUrl(options.collectorUrl)) {
    throw new TypeError(`collector ${options.collectorUrl.origin}: plain http:// is allowed only to loopback`);
  }
  const { outbox, clock } = options;
  const url = new URL(BATCH_PATH, options.collectorUrl);
  const baseMs = options.backoffBaseMs ?? 2000;
  const maxMs = options.backoffMaxMs ?? 300_000;
  const random = options.random ?? Math.random;
  let batchSize = Math.min(MAX_ITEMS_PER_BATCH, Math.max(1, options.batchSize ?? 200));

  let state: SenderState = 'idle';
  let lastSuccessAtMs: number | null = null;
  let lastError: SenderStatus['lastError'] = null;
  let skewMs: number | null = null;
  let nextAttemptAtMs: number | null = null;
  let failures = 0;
  // One immediate retry per run of failures for a corrected clock; after that, back off.
  let skewRetried = false;
  let running: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let timer: unknown;
  const waiters: (() => void)[] = [];

  const setState = (next: SenderState) => {
    state = next;
    if (next !== 'sending') for (const w of waiters.splice(0)) w();
  };
  const fail = (message: string) => {
    lastError = { atMs: clock.now(), message: message.slice(0, 500) };
  };

  const attempt = async (entries: OutboxEntry[]): Promise<Attempt> => {
    const batch: Batch = { schemaVersion: UPSTREAM_SCHEMA_VERSION, stationId: options.stationId, sentAtMs: clock.now(), items: entries.map((e) => e.item) };
    const body = JSON.stringify(batch);
    const createdSeconds = Math.floor((clock.now() + (skewMs ?? 0)) / 1000);
    const nonce = randomBytes(16).toString('base64url');
    const headers = signRequest({ key: options.key, stationId: options.stationId, method: 'POST', path: BATCH_PATH, body, createdSeconds, nonce });
    const startedMs = clock.now();
    const startedMono = clock.monotonicMs();
    let answer;
    try {
      answer = await options.post(url, body, { headers, ca: options.ca, timeoutMs: options.timeoutMs ?? 30_000, maxResponseBytes: 1024 * 1024 });
    } catch (error) {
      fail(`${url.origin} unreachable: ${error instanceof Error ? error.message : String(error)}`);
      return 'back-off';
    }
    if (answer.status === 200) {
      // Checked against the collector's clock as estimated before this answer (a forged one must not
      // move it), carried on the monotonic clock from the send, so a wall clock stepped meanwhile does not refuse it.
      const nowMs = startedMs + (clock.monotonicMs() - startedMono) + (skewMs ?? 0);
      const refused = batchAnswerRefusal({ key: options.key, stationId: options.stationId, requestNonce: nonce, headers: answer.headers, body: answer.body, nowMs });
      if (refused !== null) {
        fail(`${url.origin} answered 200 but ${refused}; nothing was deleted`);
        return 'back-off';
      }
    }
    const json = parseJson(answer.body);
    const previousSkew = skewMs;
    const serverTime = (json as { serverTimeMs?: unknown } | undefined)?.serverTimeMs;
    // The collector read its clock about half-way through the round trip, measured on the
    // monotonic clock: a wall clock stepped during the request must not skew the estimate.
    if (typeof serverTime === 'number') skewMs = Math.round(serverTime - (startedMs + (clock.monotonicMs() - startedMono) / 2));

    if (answer.status === 200) {
      const parsed = batchResponseSchema.safeParse(json);
      if (!parsed.success) {
        fail(`${url.origin} answered 200 with a body that is not a batch answer`);
        return 'back-off';
      }
      const byKey = new Map(parsed.data.results.map((r) => [r.key, r]));
      const stored: string[] = [];
      let rejected = 0;
      for (const entry of entries) {
        const result = byKey.get(entry.key);
        if (result?.status === 'accepted' || result?.status === 'duplicate') stored.push(entry.key);
        else if (result?.status === 'rejected') {
          outbox.reject(entry.key, result.reason ?? 'rejected');
          rejected += 1;
        }
      }
      outbox.remove(stored);
      lastSuccessAtMs = clock.now();
      // An answer about none of the items would have us resend the same batch at once, forever.
      if (stored.length + rejected === 0) {
        fail(`${url.origin} answered 200 but about none of the ${entries.length} items sent`);
        return 'back-off';
      }
      return 'sent';
    }
    const refusal = refusalSchema.safeParse(json);
    const code = refusal.success ? refusal.data.error : 'unknown';
    fail(`${url.origin} refused the batch: HTTP ${answer.status} ${code}${refusal.success ? ` (${refusal.data.message})` : ''}`);
    // A clock that was too far off is corrected from the refusal itself: try again at once.
    if (code === 'stale-timestamp' && skewMs !== previousSkew && !skewRetried) {
      skewRetried = true;
      return 'retry-now';
    }
    if (code === 'too-large' && batchSize > 1) {
      batchSize = Math.max(1, Math.floor(batchSize / 2));
      return 'retry-now';
    }
    return 'back-off';
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = clock.setTimeout(resolve, ms);
    });

  const drain = async () => {
    while (state !== 'stopped') {
      const entries = outbox.pending(batchSize);
      if (entries.length === 0) return setState('idle');
      setState('sending');
      const outcome = await attempt(entries);
      if (outcome === 'sent') {
        failures = 0;
        skewRetried = false;
      }
      if (outcome !== 'back-off') continue;
      if ((state as SenderState) === 'stopped') return;
      const cap = Math.min(maxMs, baseMs * 2 ** Math.min(failures, 30));
      failures += 1;
      const delay = Math.round(cap / 2 + (random() * cap) / 2);
      nextAttemptAtMs = clock.now() + delay;
      setState('backing-off');
      await sleep(delay);
      nextAttemptAtMs = null;
    }
  };

  return {
    kick() {
      if (running || state === 'stopped') return;
      running = drain()
        .catch((error: unknown) => {
          // A storage failure: report it, and let the next kick try again.
          fail(`outbox: ${error instanceof Error ? error.message : String(error)}`);
          if (state !== 'stopped') setState('idle');
        })
        .finally(() => {
          running = undefined;
        });
    },
    status: () => ({ state, lastSuccessAtMs, lastError, clockSkewMs: skewMs, nextAttemptAtMs }),
    settled: () => (state === 'sending' ? new Promise((resolve) => waiters.push(resolve)) : Promise.resolve()),
    async close() {
      setState('stopped');
      clock.clearTimeout(timer);
      wake?.();
      await running;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
