/**
 * Signing and checking the collector's answers to pulls (profile in
 * `common/upstream-signature.ts`): the collector signs each 200 and 304 with the station's
 * key and the request's nonce; the station applies nothing from an answer that does not
 * verify, so a forged, unsigned or replayed answer changes no configuration and no ETag.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  MAX_CLOCK_SKEW_SECONDS,
  answerSignatureBase,
  answerSignatureParamsValue,
  parseAnswerSignatureInput,
  parseSignature,
  type SignatureParams,
  type SignedAnswerStatus,
} from '../../../common/upstream-signature';

export interface AnswerToSign {
  readonly key: Buffer;
  readonly status: SignedAnswerStatus;
  readonly etag: string;
  /** The `Content-Digest` value sent with a 200. */
  readonly contentDigest?: string;
  /** The request's `keyid` (station id) and nonce, and the collector's time (unix s) as `created`. */
  readonly params: SignatureParams;
}

/** The `signature-input` and `signature` headers of a pull answer. */
export function signAnswer(answer: AnswerToSign): Record<'signature-input' | 'signature', string> {
  const base = answerSignatureBase(answer.status, answer.etag, answer.contentDigest, answer.params);
  const mac = createHmac('sha256', answer.key).update(base, 'utf8').digest('base64');
  return { 'signature-input': `sig1=${answerSignatureParamsValue(answer.status, answer.params)}`, signature: `sig1=:${mac}:` };
}

export interface AnswerToCheck {
  readonly key: Buffer;
  readonly stationId: string;
  /** The nonce this station signed its request with. */
  readonly requestNonce: string;
  readonly status: SignedAnswerStatus;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The station's best idea of the collector's clock, epoch ms. */
  readonly nowMs: number;
}

const header = (headers: AnswerToCheck['headers'], name: string) => {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** Null when the answer is the collector's, to this request; otherwise why not (for the sync status). */
export function answerRefusal(answer: AnswerToCheck): string | null {
  const params = parseAnswerSignatureInput(answer.status, header(answer.headers, 'signature-input'));
  const signature = parseSignature(header(answer.headers, 'signature'));
  if (!params || !signature) return 'the answer is not signed by the collector';
  if (params.keyId !== answer.stationId) return `the answer is signed for station "${params.keyId}"`;
  if (params.nonce !== answer.requestNonce) return "the answer is signed for another request (not this request's nonce): a replay";
  const skew = params.created - answer.nowMs / 1000;
  if (Math.abs(skew) > MAX_CLOCK_SKEW_SECONDS) return `the answer was signed ${Math.round(Math.abs(skew))} s from this station's clock (limit ${MAX_CLOCK_SKEW_SECONDS} s)`;
  const expected = createHmac('sha256', answer.key)
    .update(answerSignatureBase(answer.status, header(answer.headers, 'etag') ?? '', header(answer.headers, 'content-digest'), params), 'utf8')
    .digest();
  const given = Buffer.from(signature, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "the answer's signature does not match it and this station's key (forged or changed on the way)";
  return null;
}
