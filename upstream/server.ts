/**
 * The collector's HTTP server (Fastify 5): `POST /v1/batches` verifies the signature, refuses
 * replays, stale timestamps, oversized and malformed bodies, unknown stations and unknown
 * schema versions, each with its own status and nothing stored, then stores the batch's
 * valid items and answers per item, the answer signed with the station's key. `GET /v1/stations/<id>/<kind>` serves the district's
 * configuration to that station (`pull-routes.ts`). `GET /healthz` answers 200 when the database does.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { MAX_CLOCK_SKEW_SECONDS } from '../common/upstream-signature';
import { signBatchAnswer } from '../electron/service/upstream/answer-signing';
import { MAX_BATCH_BYTES, SUPPORTED_SCHEMA_VERSIONS, UPSTREAM_SCHEMA_VERSION, type BatchResponse, type Refusal } from '../common/upstream-wire';
import { readBatch } from './batches';
import { registerDashboard } from './dashboard/routes';
import type { SqlClient } from './db/sql';
import { registerPullRoutes } from './pull-routes';
import type { CollectorStore } from './store';
import { verifyRequest } from './verify';

export interface CollectorOptions {
  readonly store: CollectorStore;
  /** Collector clock, epoch ms. Default `Date.now`. */
  readonly now?: () => number;
  /** How often old nonces are deleted, ms; 0 = never (tests). Default 60 000. */
  readonly pruneEveryMs?: number;
  /** TLS key and certificate (PEM); plain HTTP without. */
  readonly https?: { readonly key: Buffer; readonly cert: Buffer };
  /** Fastify request logging. Default off. */
  readonly logger?: boolean;
  /** With a database: the fleet dashboard at `/dashboard` (sign-in with a dashboard token). */
  readonly dashboard?: { readonly db: SqlClient };
}

export async function buildCollector(options: CollectorOptions): Promise<FastifyInstance> {
  const now = options.now ?? Date.now;
  const { store } = options;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: MAX_BATCH_BYTES, ...(options.https ? { https: options.https } : {}) });

  const refuse = (reply: FastifyReply, status: number, error: Refusal['error'], message: string) => {
    const body: Refusal = { error, message, serverTimeMs: now() };
    if (error === 'unsupported-schema-version') body.supportedSchemaVersions = [...SUPPORTED_SCHEMA_VERSIONS];
    return reply.code(status).send(body);
  };

  // The signature covers the raw bytes: keep them, and parse JSON only once they are verified.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.statusCode === 413) return refuse(reply, 413, 'too-large', `The body is over ${MAX_BATCH_BYTES} bytes.`);
    if (error.statusCode === 415) return refuse(reply, 415, 'malformed', 'The body must be application/json.');
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return refuse(reply, 400, 'malformed', error.message);
    app.log.error(error);
    return refuse(reply, 503, 'unavailable', 'The collector could not store the batch; try again later.');
  });

  app.get('/healthz', async () => {
    await store.stationKey('-');
    return { ok: true, schemaVersions: SUPPORTED_SCHEMA_VERSIONS };
  });

  app.post('/v1/batches', async (request, reply) => {
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const verified = await verifyRequest(
      { method: request.method, path: request.url.split('?')[0]!, headers: request.headers, body },
      (id) => store.stationKey(id),
      now(),
    );
    if (!verified.ok) return refuse(reply, verified.status, verified.error, verified.message);
    const stationId = verified.params.keyId;
    const batch = readBatch(body, stationId);
    if (!batch.ok) return refuse(reply, batch.status, batch.error, batch.message);

    const toStore = batch.entries.flatMap((e) => ('item' in e ? [e.item] : []));
    const stored = await store.storeBatch({
      stationId, nonce: verified.params.nonce, createdSeconds: verified.params.created, schemaVersion: batch.schemaVersion, items: toStore,
    });
    if (stored === 'replayed') return refuse(reply, 409, 'replayed-nonce', 'This request was already received (nonce seen); nothing was stored.');
    const answer: BatchResponse = {
      schemaVersion: UPSTREAM_SCHEMA_VERSION,
      serverTimeMs: now(),
      results: batch.entries.map((e) => {
        if (!('item' in e)) return { key: e.key, status: e.status, reason: e.reason };
        return stored.inserted.has(e.key) ? { key: e.key, status: 'accepted' as const } : { key: e.key, status: 'duplicate' as const, reason: 'already stored' };
      }),
    };
    // Signed back over the exact bytes sent, so the station deletes nothing on a forged answer.
    const text = JSON.stringify(answer);
    const params = { created: Math.floor(now() / 1000), keyId: stationId, nonce: verified.params.nonce };
    return reply.code(200).header('content-type', 'application/json; charset=utf-8').headers(signBatchAnswer({ key: verified.key, body: text, params })).send(text);
  });

  if (options.dashboard) await registerDashboard(app, { db: options.dashboard.db, now, https: options.https !== undefined });
  registerPullRoutes(app, store, now, refuse);

  const pruneEveryMs = options.pruneEveryMs ?? 60_000;
  if (pruneEveryMs > 0) {
    // A nonce only has to outlive the window in which its timestamp would still be accepted.
    const timer = setInterval(() => {
      store.pruneNonces(Math.floor(now() / 1000) - 2 * MAX_CLOCK_SKEW_SECONDS).catch((error: unknown) => app.log.error(error));
    }, pruneEveryMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
  return app;
}
