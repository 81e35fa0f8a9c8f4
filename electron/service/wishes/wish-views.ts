/** Store rows → what crosses the boundary. Only masked text is ever read from a row. */
import type { ModeratedWish, WishNote } from '../../../common/wishes';
import type { WishRow } from './wish-store';

export function toWishNote(row: WishRow): WishNote {
  return {
    id: row.id,
    category: row.category,
    text: row.masked,
    sticker: row.sticker,
    pinned: row.pinned,
    done: row.done,
    meToo: row.meToo,
    reply: row.reply,
    createdAtMs: row.createdMs,
  };
}

export function toModeratedWish(row: WishRow): ModeratedWish {
  return {
    ...toWishNote(row),
    state: row.state,
    heldFor: row.heldFor,
    hits: [...row.hits],
    hiddenReason: row.hiddenReason,
    updatedAtMs: row.updatedMs,
  };
}
