/**
 * The dashboard's reply box and the union's "read" mark on wall notes. A reply is stored by
 * the pull side's `addWishReply`, so it goes down with the station's next pull and shows
 * under the note on that station's wall. Only a note that reached the collector can be
 * answered.
 */
import type { SqlClient } from '../db/sql';
import { addWishReply, wishReplyInputSchema, type WishReplyInput } from '../pull-store';

/**
 * Stores a reply for the station's next pull; `not-found` when no such note was received,
 * `retracted` when its station has since hidden it (`wish.retracted`), `invalid` for an
 * empty or long text (nothing stored in any of these).
 */
export async function replyToWish(db: SqlClient, input: WishReplyInput): Promise<'stored' | 'not-found' | 'retracted' | 'invalid'> {
  if (!(await wishExists(db, input.stationId, input.wishId))) return 'not-found';
  if (await wishRetracted(db, input.stationId, input.wishId)) return 'retracted';
  const parsed = wishReplyInputSchema.safeParse(input);
  if (!parsed.success) return 'invalid';
  await addWishReply(db, parsed.data);
  return 'stored';
}

/** Marks a received note read (again is fine); `not-found` when there is no such note. */
export async function markWishRead(db: SqlClient, input: { stationId: string; wishId: string; by: string }): Promise<'stored' | 'not-found'> {
  if (!(await wishExists(db, input.stationId, input.wishId))) return 'not-found';
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO wish_reads (station_id, wish_id, read_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [input.stationId, input.wishId, input.by]);
    await tx.query('DELETE FROM unread_wishes WHERE station_id = $1 AND wish_id = $2', [input.stationId, input.wishId]);
  });
  return 'stored';
}

async function wishExists(db: SqlClient, stationId: string, wishId: string): Promise<boolean> {
  if (!/^[0-9a-f]{32}$/.test(wishId)) return false;
  const rows = await db.query('SELECT 1 FROM items WHERE key = $1', [`${stationId}/wish.posted/${wishId}`]);
  return rows.length === 1;
}

async function wishRetracted(db: SqlClient, stationId: string, wishId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM items WHERE key = $1', [`${stationId}/wish.retracted/${wishId}`]);
  return rows.length === 1;
}
