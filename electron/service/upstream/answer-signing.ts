/**
 * Signing and checking the collector's answers (profile in `common/upstream-signature.ts`):
 * the collector signs each pull 200 and 304, and each batch 200 (its per-item results), with
 * the station's key and the request's nonce; the station uses nothing from an answer that
 * does not verify, so a forged, unsigned or replayed answer changes no configuration and no
 * ETag, and deletes or parks no outbox item.
 */
import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import {
  MAX_CLOCK_SKEW_SECONDS,
  answerSignatureBase,
  answerSignatureParamsValue,
  contentDigestValue,
  parseAnswerSignatureInput,
  parseSignature,
  type AnswerComponents,
  type SignatureParams,
  type SignedAnswerKind,
} from '../../../common/upstream-signature';

type SignatureHeaders = Record<'signature-input' | 'signature', string>;

/**
 * Seconds an answer may be signed from the station's estimate of the collector's clock: the
 * collector's own limit on requests plus a minute for the round trip. With the same limit on
 * both sides, a station clock stepped about 300 s ahead sends requests the collector accepts
 * (just inside) and gets answers it refuses (just outside, the round trip later), so it would
 * resend the same items for ever without learning the collector's clock from an answer.
 * Freshness itself rests on the nonce: each answer is bound to the request it answers.
 */
export const ANSWER_CLOCK_LIMIT_SECONDS = MAX_CLOCK_SKEW_SECONDS + 60;

function sign(kind: SignedAnswerKind, key: Buffer, components: AnswerComponents, params: SignatureParams): SignatureHeaders {
  const mac = createHmac('sha256', key).update(answerSignatureBase(kind, components, params), 'utf8').digest('base64');
  return { 'signature-input': `sig1=${answerSignatureParamsValue(kind, params)}`, signature: `sig1=:${mac}:` };
}

export interface AnswerToSign {
  readonly key: Buffer;
  readonly status: 200 | 304;
  readonly etag: string;
  /** The `Content-Digest` value sent with a 200. */
  readonly contentDigest?: string;
  /** The request's `keyid` (station id) and nonce, and the collector's time (unix s) as `created`. */
  readonly params: SignatureParams;
}

/** The `signature-input` and `signature` headers of a pull answer. */
export function signAnswer(answer: AnswerToSign): SignatureHeaders {
  return sign(answer.status === 304 ? 'pull-304' : 'pull-200', answer.key, { etag: answer.etag, contentDigest: answer.contentDigest }, answer.params);
}

/** The `content-digest`, `signature-input` and `signature` headers of a batch answer with this exact body. */
export function signBatchAnswer(answer: { readonly key: Buffer; readonly body: string | Buffer; readonly params: SignatureParams }): SignatureHeaders & { 'content-digest': string } {
  const contentDigest = contentDigestValue(hash('sha256', answer.body, 'base64'));
  return { 'content-digest': contentDigest, ...sign('batch-200', answer.key, { contentDigest }, answer.params) };
}

export interface AnswerToCheck {
  readonly key: Buffer;
  readonly stationId: string;
  /** The nonce this station signed its request with. */
  readonly requestNonce: string;
  readonly status: 200 | 304;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The station's best idea of the collector's clock, epoch ms. */
  readonly nowMs: number;
}

const header = (headers: AnswerToCheck['headers'], name: string) => {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** Null when the headers sign an answer of `kind` from the collector to this request; otherwise why not. */
function refusal(kind: SignedAnswerKind, answer: Omit<AnswerToCheck, 'status'>, components: AnswerComponents): string | null {
  const params = parseAnswerSignatureInput(kind, header(answer.headers, 'signature-input'));
  const signature = parseSignature(header(answer.headers, 'signature'));
  if (!params || !signature) return 'the answer is not signed by the collector';
  if (params.keyId !== answer.stationId) return `the answer is signed for station "${params.keyId}"`;
  if (params.nonce !== answer.requestNonce) return "the answer is signed for another request (not this request's nonce): a replay";
  const skew = params.created - answer.nowMs / 1000;
  if (Math.abs(skew) > ANSWER_CLOCK_LIMIT_SECONDS) return `the answer was signed ${Math.round(Math.abs(skew))} s from this station's clock (limit ${ANSWER_CLOCK_LIMIT_SECONDS} s)`;
  const expected = createHmac('sha256', answer.key).update(answerSignatureBase(kind, components, params), 'utf8').digest();
  const given = Buffer.from(signature, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "the answer's signature does not match it and this station's key (forged or changed on the way)";
  return null;
}

/** Null when the pull answer is the collector's, to this request; otherwise why not (for the sync status). */
export function answerRefusal(answer: AnswerToCheck): string | null {
  return refusal(answer.status === 304 ? 'pull-304' : 'pull-200', answer, { etag: header(answer.headers, 'etag') ?? '', contentDigest: header(answer.headers, 'content-digest') });
}

/**
 * Null when a batch 200 is the collector's answer to this request and `body` is exactly what it
 * signed (its `Content-Digest`); otherwise why not. Only then may the station act on its results.
 */
export function batchAnswerRefusal(answer: Omit<AnswerToCheck, 'status'> & { readonly body: string | Buffer }): string | null {
  const contentDigest = header(answer.headers, 'content-digest');
  const why = refusal('batch-200', answer, { contentDigest });
  if (why !== null) return why;
  // The signature covers the digest header; the digest must also be this body's.
  if (contentDigest !== contentDigestValue(hash('sha256', answer.body, 'base64'))) return 'the answer body does not match its Content-Digest (cut off or changed on the way)';
  return null;
}
