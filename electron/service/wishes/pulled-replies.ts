/**
 * The union's replies to this station's wishes, pulled from the collector (kind
 * `wish-replies`): each reply id is put on its note once, as the note's reply, held to the
 * same rules as a steward's reply (text guard, then masking). The latest reply shown wins,
 * whether it came from a steward here or from the district; a reply already applied is not
 * applied again when the list comes down unchanged, so it never overwrites a newer local one.
 */
import type { Database } from 'better-sqlite3';
import type { PulledWishReplies } from '../../../common/upstream-pull';
import { maskPersonalData } from './masking';
import { guardWishText } from './text-guard';

/** A reply's text on the wall, characters (as a steward's). */
const REPLY_MAX = 200;

export interface PulledReplies {
  /** Applies the replies not applied before; returns how many were shown (inside the caller's transaction). */
  apply(document: PulledWishReplies, atMs: number): number;
}

export function createPulledReplies(db: Database): PulledReplies {
  const seen = db.prepare<[number], { reply_id: number }>('SELECT reply_id FROM upstream_wish_replies WHERE reply_id = ?');
  const record = db.prepare<[number, string, number, number]>('INSERT INTO upstream_wish_replies (reply_id, wish_uid, shown, applied_ms) VALUES (?, ?, ?, ?)');
  const reply = db.prepare<[string, number, string]>('UPDATE wishes SET reply = ?, updated_ms = ? WHERE uid = ?');
  return {
    apply(document, atMs) {
      let shown = 0;
      for (const r of document.replies) {
        if (seen.get(r.id)) continue;
        const guarded = guardWishText(r.text, REPLY_MAX, false);
        // No such note here (or a text the wall would refuse): recorded, so it is not tried again.
        const changed = guarded.ok ? reply.run(maskPersonalData(guarded.text), atMs, r.wishId).changes : 0;
        record.run(r.id, r.wishId, changed > 0 ? 1 : 0, atMs);
        shown += changed;
      }
      return shown;
    },
  };
}
