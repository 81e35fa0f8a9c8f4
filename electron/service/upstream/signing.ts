/**
 * Signs a batch request with the station's collector key (profile in
 * `common/upstream-signature.ts`).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { contentDigestValue, signatureBase, signatureParamsValue } from '../../../common/upstream-signature';

export interface SignInput {
  readonly key: Buffer;
  readonly stationId: string;
  readonly method: string;
  readonly path: string;
  readonly body: string | Buffer;
  /** Unix seconds to sign as `created`. */
  readonly createdSeconds: number;
  /** Default 16 random bytes, base64url. */
  readonly nonce?: string;
}

/** The three signature headers (lower-case names). */
export function signRequest(input: SignInput): Record<'content-digest' | 'signature-input' | 'signature', string> {
  const digest = contentDigestValue(createHash('sha256').update(input.body).digest('base64'));
  const params = { created: input.createdSeconds, keyId: input.stationId, nonce: input.nonce ?? randomBytes(16).toString('base64url') };
  const mac = createHmac('sha256', input.key).update(signatureBase(input.method, input.path, digest, params), 'utf8').digest('base64');
  return { 'content-digest': digest, 'signature-input': `sig1=${signatureParamsValue(params)}`, signature: `sig1=:${mac}:` };
}
