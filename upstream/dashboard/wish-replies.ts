/**
 * Replies typed on the dashboard, and the union's "read" mark on wall notes. A reply is kept
 * in `dashboard_wish_replies` with the signature the pull side's `addWishReply` has, so it
 * can be pointed there once replies travel down to the stations. Only a note that reached
 * the collector can be answered.
 */
import type { SqlClient } from '../db/sql';

/** A reply, characters (as the station's steward replies). */
export const REPLY_MAX = 200;

export interface WishReplyInput {
  readonly stationId: string;
  /** The note's uid, as `wish.posted` carried it. */
  readonly wishId: string;
  readonly text: string;
  /** Who wrote it (the dashboard token's name). */
  readonly author: string;
}

/** Stores a reply; `not-found` when no such note was received, `invalid` for an empty or long text. */
export async function addWishReply(db: SqlClient, input: WishReplyInput): Promise<'stored' | 'not-found' | 'invalid'> {
  const text = input.text.trim();
  if (text.length === 0 || [...text].length > REPLY_MAX) return 'invalid';
  if (!(await wishExists(db, input.stationId, input.wishId))) return 'not-found';
  await db.query('INSERT INTO dashboard_wish_replies (station_id, wish_id, text, author) VALUES ($1, $2, $3, $4)', [
    input.stationId, input.wishId, text, input.author,
  ]);
  return 'stored';
}

/** Marks a received note read (again is fine); `not-found` when there is no such note. */
export async function markWishRead(db: SqlClient, input: { stationId: string; wishId: string; by: string }): Promise<'stored' | 'not-found'> {
  if (!(await wishExists(db, input.stationId, input.wishId))) return 'not-found';
  await db.query('INSERT INTO wish_reads (station_id, wish_id, read_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [input.stationId, input.wishId, input.by]);
  return 'stored';
}

async function wishExists(db: SqlClient, stationId: string, wishId: string): Promise<boolean> {
  if (!/^[0-9a-f]{32}$/.test(wishId)) return false;
  const rows = await db.query('SELECT 1 FROM items WHERE key = $1', [`${stationId}/wish.posted/${wishId}`]);
  return rows.length === 1;
}
