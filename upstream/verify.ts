/**
 * Checks a request's signature headers (profile in `common/upstream-signature.ts`) against
 * the station's key. Reads nothing but the headers and the raw body; stores nothing.
 */
import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import {
  MAX_CLOCK_SKEW_SECONDS,
  parseContentDigest,
  parseSignature,
  parseSignatureInput,
  signatureBase,
  type SignatureParams,
} from '../common/upstream-signature';
import type { Refusal } from '../common/upstream-wire';

export interface SignedRequest {
  readonly method: string;
  /** Path without the query. */
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

export type Verification =
  | { readonly ok: true; readonly params: SignatureParams; /** The station's key, to sign the answer with. */ readonly key: Buffer }
  | { readonly ok: false; readonly status: 400 | 401; readonly error: Refusal['error']; readonly message: string };

const header = (h: SignedRequest['headers'], name: string) => {
  const value = h[name];
  return Array.isArray(value) ? undefined : value;
};

/** Verifies in this order: headers present → station known → HMAC → timestamp window → body digest. */
export async function verifyRequest(
  request: SignedRequest,
  stationKey: (stationId: string) => Promise<Buffer | undefined>,
  nowMs: number,
): Promise<Verification> {
  const params = parseSignatureInput(header(request.headers, 'signature-input'));
  const signature = parseSignature(header(request.headers, 'signature'));
  const digestHeader = header(request.headers, 'content-digest');
  const digest = parseContentDigest(digestHeader);
  if (!params || !signature || !digest) {
    return { ok: false, status: 401, error: 'unsigned', message: 'Content-Digest, Signature-Input and Signature (sig1, hmac-sha256) are required.' };
  }
  const key = await stationKey(params.keyId);
  if (!key) return { ok: false, status: 401, error: 'unknown-station', message: `No station "${params.keyId}" is registered here.` };
  const expected = createHmac('sha256', key).update(signatureBase(request.method, request.path, digestHeader!.trim(), params), 'utf8').digest();
  const given = Buffer.from(signature, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 401, error: 'bad-signature', message: 'The signature does not match this request and the station key.' };
  }
  const skew = params.created - nowMs / 1000;
  if (Math.abs(skew) > MAX_CLOCK_SKEW_SECONDS) {
    return {
      ok: false, status: 401, error: 'stale-timestamp',
      message: `Signed at ${params.created}, ${Math.round(Math.abs(skew))} s ${skew < 0 ? 'behind' : 'ahead of'} the collector; the limit is ${MAX_CLOCK_SKEW_SECONDS} s.`,
    };
  }
  // One-shot: no hash object per request.
  const actual = hash('sha256', request.body, 'buffer');
  if (!timingSafeEqual(actual, Buffer.from(digest, 'base64'))) {
    return { ok: false, status: 400, error: 'digest-mismatch', message: 'The body does not match its Content-Digest.' };
  }
  return { ok: true, params, key };
}
