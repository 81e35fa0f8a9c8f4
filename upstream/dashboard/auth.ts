/**
 * Dashboard sign-in: long random access tokens (made by `npm run collector --
 * dashboard-token NAME`, printed once, stored as SHA-256), exchanged for a session cookie. A
 * session carries its own CSRF token, which every form posts back. Sessions live in the
 * database, so every collector process on it honours them.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SqlClient } from '../db/sql';

/** How long a dashboard session lasts after sign-in, ms. */
export const SESSION_MS = 12 * 3_600_000;

export interface DashboardSession {
  /** The token holder's name (a reply's author). */
  readonly name: string;
  readonly csrf: string;
}

export interface DashboardAuth {
  /** Makes a token for `name`; the only time the token exists outside its holder's hands. */
  createToken(name: string): Promise<string>;
  /** A valid, unrevoked token → a new session's cookie value and CSRF token; else undefined. */
  signIn(token: string): Promise<{ cookie: string; csrf: string } | undefined>;
  /** The live session behind a cookie value, or undefined (unknown, expired, token revoked). */
  session(cookie: string | undefined): Promise<DashboardSession | undefined>;
  signOut(cookie: string): Promise<void>;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
const fresh = () => randomBytes(32).toString('base64url');

/** Constant-time comparison of a posted CSRF token with the session's. */
export function csrfMatches(session: DashboardSession, posted: unknown): boolean {
  if (typeof posted !== 'string') return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(posted);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createDashboardAuth(db: SqlClient, now: () => number = Date.now): DashboardAuth {
  return {
    async createToken(name) {
      const token = fresh();
      await db.query('INSERT INTO dashboard_tokens (name, token_hash) VALUES ($1, $2)', [name, sha256(token)]);
      return token;
    },
    async signIn(token) {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
      const [row] = await db.query<{ id: string }>('SELECT id FROM dashboard_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [sha256(token)]);
      if (!row) return undefined;
      const cookie = fresh();
      const csrf = fresh();
      await db.query('DELETE FROM dashboard_sessions WHERE expires_at < to_timestamp($1 / 1000.0)', [now()]);
      await db.query('INSERT INTO dashboard_sessions (id_hash, token_id, csrf, expires_at) VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))', [
        sha256(cookie), row.id, csrf, now() + SESSION_MS,
      ]);
      return { cookie, csrf };
    },
    async session(cookie) {
      if (!cookie || !/^[A-Za-z0-9_-]{20,100}$/.test(cookie)) return undefined;
      const [row] = await db.query<{ name: string; csrf: string }>(
        `SELECT t.name, s.csrf FROM dashboard_sessions s JOIN dashboard_tokens t ON t.id = s.token_id
         WHERE s.id_hash = $1 AND s.expires_at > to_timestamp($2 / 1000.0) AND t.revoked_at IS NULL`,
        [sha256(cookie), now()],
      );
      return row ? { name: row.name, csrf: row.csrf } : undefined;
    },
    async signOut(cookie) {
      await db.query('DELETE FROM dashboard_sessions WHERE id_hash = $1', [sha256(cookie)]);
    },
  };
}
