/**
 * The steward console's session as it crosses the service/UI boundary. A steward signs in
 * once (steward card, then PIN); the service answers with an opaque session token that every
 * steward-only method then carries instead of the PIN. The token is random, lives only in the
 * service's memory and the console's React state, and dies after 2 minutes without a steward
 * call, at sign-out, or when the service restarts.
 */
import * as z from 'zod/mini';

/** Seconds without a steward call after which a session is signed out. */
export const STEWARD_IDLE_SECONDS = 120;

/** An opaque session token: 32 base64url characters (24 random bytes). */
export const stewardSessionSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{32}$/));
export type StewardSession = z.infer<typeof stewardSessionSchema>;

/** What a steward may do: a host (the shop that hosts the station) or a union cadre. */
export const stewardRoleSchema = z.enum(['host', 'cadre']);
export type StewardRole = z.infer<typeof stewardRoleSchema>;

/** The argument shape of a steward-only method: the session plus the method's own fields. */
export function withStewardSession<S extends Record<string, z.ZodMiniType>>(shape: S) {
  return z.object({ session: stewardSessionSchema, ...shape });
}
