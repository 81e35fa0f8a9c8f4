/**
 * Results that cross the service/UI boundary. A thrown error loses everything but its
 * message when it crosses IPC or a socket, so every call answers with one of these instead.
 */

/** Machine-readable failure codes shared by every method of the contract. */
export const ERROR_CODES = [
  'invalid-argument',
  'unknown-method',
  'unreadable-card',
  'not-found',
  'unavailable',
  'forbidden',
  /** Too many requests of this kind in a short time (e.g. wedge reads); try again later. */
  'rate-limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err = { readonly ok: false; readonly code: ErrorCode; readonly message: string };
export type Result<T> = Ok<T> | Err;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err(code: ErrorCode, message: string): Err {
  return { ok: false, code, message };
}

/** For exhaustive switches: the compiler proves this is unreachable. */
export function missingCase(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
