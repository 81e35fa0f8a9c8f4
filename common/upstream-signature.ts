/**
 * The request-signing profile both ends share, shaped like RFC 9421 (HTTP Message
 * Signatures) with RFC 9530's `Content-Digest`, so a library can take over later:
 *
 *     Content-Digest:  sha-256=:<base64 SHA-256 of the body>:
 *     Signature-Input: sig1=("@method" "@path" "content-digest");created=<unix s>;keyid="<station id>";nonce="<nonce>";alg="hmac-sha256"
 *     Signature:       sig1=:<base64 HMAC-SHA256(station key, signature base)>:
 *
 * The signature base covers the method, the path, the body digest, and (through
 * `@signature-params`) the station id, the timestamp and the nonce. Pure text handling
 * only: the hashing is done by each side with its own crypto.
 */

/** Accepted clock difference between a request's `created` and the collector, seconds. */
export const MAX_CLOCK_SKEW_SECONDS = 300;
/** Nonces: 16–64 base64url characters (the station sends 22, i.e. 16 random bytes). */
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export interface SignatureParams {
  /** Unix time in whole seconds. */
  readonly created: number;
  /** The station id. */
  readonly keyId: string;
  readonly nonce: string;
}

const COMPONENTS = '("@method" "@path" "content-digest")';
const INPUT_PATTERN =
  /^sig1=\("@method" "@path" "content-digest"\);created=(\d{1,12});keyid="([A-Za-z0-9_.-]{1,64})";nonce="([A-Za-z0-9_-]{16,64})";alg="hmac-sha256"$/;
const BASE64_ITEM = /^:([A-Za-z0-9+/]{43}=):$/;

/** The `@signature-params` value, which is also the `Signature-Input` member after `sig1=`. */
export function signatureParamsValue(params: SignatureParams): string {
  return `${COMPONENTS};created=${params.created};keyid="${params.keyId}";nonce="${params.nonce}";alg="hmac-sha256"`;
}

/** The exact text that is HMAC'd (RFC 9421 §2.5): one line per component, no trailing newline. */
export function signatureBase(method: string, path: string, contentDigest: string, params: SignatureParams): string {
  return [
    `"@method": ${method.toUpperCase()}`,
    `"@path": ${path}`,
    `"content-digest": ${contentDigest}`,
    `"@signature-params": ${signatureParamsValue(params)}`,
  ].join('\n');
}

/** `Content-Digest` value for a base64 SHA-256. */
export function contentDigestValue(sha256Base64: string): string {
  return `sha-256=:${sha256Base64}:`;
}

/** Parses `Signature-Input`; undefined unless it is exactly this profile. */
export function parseSignatureInput(header: string | undefined): SignatureParams | undefined {
  const match = header === undefined ? null : INPUT_PATTERN.exec(header.trim());
  if (!match) return undefined;
  return { created: Number(match[1]), keyId: match[2]!, nonce: match[3]! };
}

/** The base64 HMAC from `Signature: sig1=:…:`, or undefined. */
export function parseSignature(header: string | undefined): string | undefined {
  if (header === undefined || !header.trim().startsWith('sig1=')) return undefined;
  return BASE64_ITEM.exec(header.trim().slice('sig1='.length))?.[1];
}

/** The base64 SHA-256 from `Content-Digest: sha-256=:…:`, or undefined. */
export function parseContentDigest(header: string | undefined): string | undefined {
  if (header === undefined || !header.trim().startsWith('sha-256=')) return undefined;
  return BASE64_ITEM.exec(header.trim().slice('sha-256='.length))?.[1];
}

/**
 * Answers are signed back the same way, with the same station key: a pull's `200` over its
 * status, ETag and body digest, a pull's `304` over its status and ETag, and a batch's `200`
 * (its per-item results) over its status and body digest. `@signature-params` carries the
 * collector's `created`, the station id and the *request's* nonce, so an answer recorded from
 * one request does not verify for another; the component list differs per kind of answer, so
 * an answer of one kind never verifies as another.
 *
 *     Signature-Input: sig1=("@status" "etag" "content-digest");created=…;keyid="<station id>";nonce="<request nonce>";alg="hmac-sha256"
 */
export type SignedAnswerKind = 'pull-200' | 'pull-304' | 'batch-200';

/** The status, ETag and `Content-Digest` an answer's signature covers (each only where its kind has it). */
export interface AnswerComponents {
  readonly etag?: string;
  readonly contentDigest?: string;
}

const ANSWER_COMPONENTS: Record<SignedAnswerKind, readonly ('@status' | 'etag' | 'content-digest')[]> = {
  'pull-200': ['@status', 'etag', 'content-digest'],
  'pull-304': ['@status', 'etag'],
  'batch-200': ['@status', 'content-digest'],
};
const answerStatus = (kind: SignedAnswerKind) => (kind === 'pull-304' ? 304 : 200);
const componentList = (kind: SignedAnswerKind) => `(${ANSWER_COMPONENTS[kind].map((c) => `"${c}"`).join(' ')})`;
const ANSWER_INPUT_PATTERN = Object.fromEntries(
  (Object.keys(ANSWER_COMPONENTS) as SignedAnswerKind[]).map((kind) => [
    kind,
    new RegExp(`^sig1=${componentList(kind).replace(/[()@]/g, '\\$&')};created=(\\d{1,12});keyid="([A-Za-z0-9_.-]{1,64})";nonce="([A-Za-z0-9_-]{16,64})";alg="hmac-sha256"$`),
  ]),
) as Record<SignedAnswerKind, RegExp>;

/** The answer's `@signature-params` value (also its `Signature-Input` member after `sig1=`). */
export function answerSignatureParamsValue(kind: SignedAnswerKind, params: SignatureParams): string {
  return `${componentList(kind)};created=${params.created};keyid="${params.keyId}";nonce="${params.nonce}";alg="hmac-sha256"`;
}

/** The text HMAC'd for an answer of `kind`. */
export function answerSignatureBase(kind: SignedAnswerKind, components: AnswerComponents, params: SignatureParams): string {
  const line = { '@status': `"@status": ${answerStatus(kind)}`, etag: `"etag": ${components.etag ?? ''}`, 'content-digest': `"content-digest": ${components.contentDigest ?? ''}` };
  return [...ANSWER_COMPONENTS[kind].map((c) => line[c]), `"@signature-params": ${answerSignatureParamsValue(kind, params)}`].join('\n');
}

/** Parses an answer's `Signature-Input`; undefined unless it is exactly the profile for `kind`. */
export function parseAnswerSignatureInput(kind: SignedAnswerKind, header: string | undefined): SignatureParams | undefined {
  const match = header === undefined ? null : ANSWER_INPUT_PATTERN[kind].exec(header.trim());
  if (!match) return undefined;
  return { created: Number(match[1]), keyId: match[2]!, nonce: match[3]! };
}
