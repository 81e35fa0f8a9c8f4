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
 * Pull answers are signed back the same way, with the same station key: a `200` over its
 * status, ETag and body digest, a `304` over its status and ETag. `@signature-params` carries
 * the collector's `created`, the station id and the *request's* nonce, so an answer recorded
 * from one request does not verify for another.
 *
 *     Signature-Input: sig1=("@status" "etag" "content-digest");created=…;keyid="<station id>";nonce="<request nonce>";alg="hmac-sha256"
 */
export type SignedAnswerStatus = 200 | 304;

const ANSWER_COMPONENTS: Record<SignedAnswerStatus, string> = { 200: '("@status" "etag" "content-digest")', 304: '("@status" "etag")' };
const ANSWER_INPUT_PATTERN: Record<SignedAnswerStatus, RegExp> = {
  200: /^sig1=\("@status" "etag" "content-digest"\);created=(\d{1,12});keyid="([A-Za-z0-9_.-]{1,64})";nonce="([A-Za-z0-9_-]{16,64})";alg="hmac-sha256"$/,
  304: /^sig1=\("@status" "etag"\);created=(\d{1,12});keyid="([A-Za-z0-9_.-]{1,64})";nonce="([A-Za-z0-9_-]{16,64})";alg="hmac-sha256"$/,
};

/** The answer's `@signature-params` value (also its `Signature-Input` member after `sig1=`). */
export function answerSignatureParamsValue(status: SignedAnswerStatus, params: SignatureParams): string {
  return `${ANSWER_COMPONENTS[status]};created=${params.created};keyid="${params.keyId}";nonce="${params.nonce}";alg="hmac-sha256"`;
}

/** The text HMAC'd for an answer; `contentDigest` only for a 200. */
export function answerSignatureBase(status: SignedAnswerStatus, etag: string, contentDigest: string | undefined, params: SignatureParams): string {
  return [
    `"@status": ${status}`,
    `"etag": ${etag}`,
    ...(status === 200 ? [`"content-digest": ${contentDigest ?? ''}`] : []),
    `"@signature-params": ${answerSignatureParamsValue(status, params)}`,
  ].join('\n');
}

/** Parses an answer's `Signature-Input`; undefined unless it is exactly the profile for `status`. */
export function parseAnswerSignatureInput(status: SignedAnswerStatus, header: string | undefined): SignatureParams | undefined {
  const match = header === undefined ? null : ANSWER_INPUT_PATTERN[status].exec(header.trim());
  if (!match) return undefined;
  return { created: Number(match[1]), keyId: match[2]!, nonce: match[3]! };
}
