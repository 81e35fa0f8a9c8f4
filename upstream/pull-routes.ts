/**
 * `GET /v1/stations/<id>/<kind>`: a station downloads the district's configuration. Signed
 * like a batch (the digest is of the empty body), by that station only; a nonce is used once.
 * The answer carries a strong `ETag` (the SHA-256 of its exact bytes) and `Content-Digest`;
 * `If-None-Match` with the current ETag is answered `304` without a body. Both answers are
 * signed back with the station's key over the status, ETag (and digest) and the request's
 * nonce (`electron/service/upstream/answer-signing.ts`), so the station can refuse a forged or
 * replayed one.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { signAnswer } from '../electron/service/upstream/answer-signing';
import { pullKindSchema } from '../common/upstream-pull';
import type { Refusal } from '../common/upstream-wire';
import { servedDocument } from './pull-store';
import type { CollectorStore } from './store';
import { verifyRequest } from './verify';

type Refuse = (reply: FastifyReply, status: number, error: Refusal['error'], message: string) => FastifyReply;

/** `"<base64url SHA-256>"`: strong, and the same for the same bytes on every collector process. */
export const etagOf = (body: Buffer | string) => `"${createHash('sha256').update(body).digest('base64url')}"`;

/** True when an `If-None-Match` value lists `etag` (or is `*`); weak comparison is not used (RFC 9110 §13.1.2). */
function matches(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (typeof ifNoneMatch !== 'string') return false;
  return ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*');
}

export function registerPullRoutes(app: FastifyInstance, store: CollectorStore, now: () => number, refuse: Refuse): void {
  app.get<{ Params: { stationId: string; kind: string } }>('/v1/stations/:stationId/:kind', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const verified = await verifyRequest({ method: 'GET', path, headers: request.headers, body: Buffer.alloc(0) }, (id) => store.stationKey(id), now());
    if (!verified.ok) return refuse(reply, verified.status, verified.error, verified.message);
    const stationId = verified.params.keyId;
    if (request.params.stationId !== stationId) {
      return refuse(reply, 401, 'bad-signature', `Signed by station "${stationId}": it may download only its own configuration.`);
    }
    const kind = pullKindSchema.safeParse(request.params.kind);
    if (!kind.success) return refuse(reply, 400, 'malformed', `No configuration "${request.params.kind}"; kinds: ${pullKindSchema.options.join(', ')}.`);
    if (!(await store.useNonce(stationId, verified.params.nonce, verified.params.created))) {
      return refuse(reply, 409, 'replayed-nonce', 'This request was already received (nonce seen).');
    }
    const document = await servedDocument(store.db, stationId, kind.data);
    if (document === null) return refuse(reply, 404, 'not-set', `The district has not set "${kind.data}"; keep what the station has.`);
    const body = Buffer.from(JSON.stringify(document), 'utf8');
    const etag = etagOf(body);
    const params = { created: Math.floor(now() / 1000), keyId: stationId, nonce: verified.params.nonce };
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).headers(signAnswer({ key: verified.key, status: 304, etag, params })).send();
    const digest = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
    return reply
      .code(200)
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-digest', digest)
      .headers(signAnswer({ key: verified.key, status: 200, etag, contentDigest: digest, params }))
      .send(body);
  });
}
