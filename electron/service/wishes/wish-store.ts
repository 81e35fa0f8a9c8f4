/**
 * SQLite storage for the wish wall (migration 0008). Rows leave as `WishRow`; only
 * `wish-views.ts` turns them into what crosses the boundary, and only masked columns go there.
 */
import type { Database } from 'better-sqlite3';
import type { WishCategory, WishModerationMode, WishSticker } from '../../../common/wishes';

export type WishState = 'pending' | 'approved' | 'hidden';

export interface WishRow {
  readonly id: number;
  readonly uid: string;
  readonly category: WishCategory;
  readonly masked: string;
  readonly sticker: WishSticker | null;
  readonly state: WishState;
  readonly heldFor: 'words' | 'approval' | null;
  readonly hits: readonly string[];
  readonly pinned: boolean;
  readonly done: boolean;
  readonly hiddenReason: string | null;
  readonly reply: string | null;
  readonly meToo: number;
  readonly createdMs: number;
  readonly updatedMs: number;
}

export interface NewWish {
  readonly uid: string;
  readonly category: WishCategory;
  readonly text: string;
  readonly masked: string;
  readonly sticker: WishSticker | null;
  readonly visitId: number;
  readonly cardId: number | null;
  readonly state: 'pending' | 'approved';
  readonly heldFor: 'words' | 'approval' | null;
  readonly hits: readonly string[];
  readonly atMs: number;
}

export type WishChange =
  | { readonly kind: 'approve' }
  | { readonly kind: 'pin'; readonly pinned: boolean }
  | { readonly kind: 'hide'; readonly reason: string }
  | { readonly kind: 'reply'; readonly masked: string }
  | { readonly kind: 'done'; readonly done: boolean };

export interface WishStore {
  transaction<T>(fn: () => T): T;
  insert(wish: NewWish): number;
  find(id: number): WishRow | null;
  /** The unmasked text of a note: for the station's own use (never sent or shown). */
  originalText(id: number): string | null;
  /** Approved notes, pinned first then newest; `offset` and `limit` in notes. */
  wall(offset: number, limit: number): WishRow[];
  countWall(): number;
  /** Notes for moderation: `held` (pending) or all, newest first. */
  moderation(filter: 'held' | 'all', offset: number, limit: number): WishRow[];
  countModeration(filter: 'held' | 'all'): number;
  /** The card's or the guest visit's notes since `fromMs` (held ones count too). */
  countByCard(cardId: number, fromMs: number): number;
  countByVisit(visitId: number): number;
  /** The card behind a visit; undefined when there is no such visit, null for a guest's. */
  cardOfVisit(visitId: number): number | null | undefined;
  /** Adds a vote; false when this voter already voted for this note. */
  addMeToo(id: number, voter: string, atMs: number): boolean;
  change(id: number, change: WishChange, atMs: number): void;
  moderationMode(): WishModerationMode | null;
  setModerationMode(mode: WishModerationMode): void;
}

interface RawRow {
  id: number; uid: string; category: WishCategory; masked: string; sticker: WishSticker | null; state: WishState;
  held_for: 'words' | 'approval' | null; hits: string; pinned: number; done: number; hidden_reason: string | null;
  reply: string | null; me_too: number; created_ms: number; updated_ms: number;
}

const COLUMNS = 'id, uid, category, masked, sticker, state, held_for, hits, pinned, done, hidden_reason, reply, me_too, created_ms, updated_ms';

function toRow(r: RawRow): WishRow {
  return {
    id: r.id, uid: r.uid, category: r.category, masked: r.masked, sticker: r.sticker, state: r.state, heldFor: r.held_for,
    hits: JSON.parse(r.hits) as string[], pinned: r.pinned === 1, done: r.done === 1, hiddenReason: r.hidden_reason,
    reply: r.reply, meToo: r.me_too, createdMs: r.created_ms, updatedMs: r.updated_ms,
  };
}

export function createWishStore(db: Database): WishStore {
  const insert = db.prepare(
    `INSERT INTO wishes (uid, category, text, masked, sticker, visit_id, card_id, state, held_for, hits, created_ms, updated_ms)
     VALUES (@uid, @category, @text, @masked, @sticker, @visitId, @cardId, @state, @heldFor, @hits, @atMs, @atMs)`,
  );
  const find = db.prepare<[number], RawRow>(`SELECT ${COLUMNS} FROM wishes WHERE id = ?`);
  const original = db.prepare<[number], { text: string }>('SELECT text FROM wishes WHERE id = ?');
  // INDEXED BY: without statistics the planner would take wishes_state and sort every
  // approved note for each page; the partial index already holds the wall's order.
  const wall = db.prepare<[number, number], RawRow>(
    `SELECT ${COLUMNS} FROM wishes INDEXED BY wishes_wall WHERE state = 'approved' ORDER BY pinned DESC, created_ms DESC, id DESC LIMIT ? OFFSET ?`,
  );
  const countWall = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM wishes WHERE state = 'approved'");
  const held = db.prepare<[number, number], RawRow>(
    `SELECT ${COLUMNS} FROM wishes WHERE state = 'pending' ORDER BY created_ms DESC, id DESC LIMIT ? OFFSET ?`,
  );
  const all = db.prepare<[number, number], RawRow>(
    `SELECT ${COLUMNS} FROM wishes ORDER BY (state = 'pending') DESC, created_ms DESC, id DESC LIMIT ? OFFSET ?`,
  );
  const countHeld = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM wishes WHERE state = 'pending'");
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM wishes');
  const byCard = db.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM wishes WHERE card_id = ? AND created_ms >= ?');
  const byVisit = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM wishes WHERE visit_id = ?');
  const visit = db.prepare<[number], { card_id: number | null }>('SELECT card_id FROM visits WHERE id = ?');
  const vote = db.prepare<[number, string, number]>('INSERT INTO wish_me_too (wish_id, voter, at_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const bump = db.prepare<[number, number]>('UPDATE wishes SET me_too = me_too + 1, updated_ms = ? WHERE id = ?');
  const approve = db.prepare<[number, number]>("UPDATE wishes SET state = 'approved', held_for = NULL, hidden_reason = NULL, updated_ms = ? WHERE id = ?");
  const pin = db.prepare<[number, number, number]>('UPDATE wishes SET pinned = ?, updated_ms = ? WHERE id = ?');
  const hide = db.prepare<[string, number, number]>("UPDATE wishes SET state = 'hidden', hidden_reason = ?, updated_ms = ? WHERE id = ?");
  const reply = db.prepare<[string, number, number]>('UPDATE wishes SET reply = ?, updated_ms = ? WHERE id = ?');
  const done = db.prepare<[number, number, number]>('UPDATE wishes SET done = ?, updated_ms = ? WHERE id = ?');
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM wish_settings WHERE key = ?');
  const setSetting = db.prepare<[string, string]>(
    'INSERT INTO wish_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  return {
    transaction: (fn) => db.transaction(fn).immediate(),
    insert: (w) => Number(insert.run({ ...w, hits: JSON.stringify(w.hits) }).lastInsertRowid),
    find: (id) => {
      const row = find.get(id);
      return row ? toRow(row) : null;
    },
    originalText: (id) => original.get(id)?.text ?? null,
    wall: (offset, limit) => wall.all(limit, offset).map(toRow),
    countWall: () => countWall.get()?.n ?? 0,
    moderation: (filter, offset, limit) => (filter === 'held' ? held : all).all(limit, offset).map(toRow),
    countModeration: (filter) => (filter === 'held' ? countHeld : countAll).get()?.n ?? 0,
    countByCard: (cardId, fromMs) => byCard.get(cardId, fromMs)?.n ?? 0,
    countByVisit: (visitId) => byVisit.get(visitId)?.n ?? 0,
    cardOfVisit: (visitId) => {
      const row = visit.get(visitId);
      return row ? row.card_id : undefined;
    },
    addMeToo: (id, voter, atMs) => {
      if (vote.run(id, voter, atMs).changes === 0) return false;
      bump.run(atMs, id);
      return true;
    },
    change: (id, c, atMs) => {
      switch (c.kind) {
        case 'approve': approve.run(atMs, id); break;
        case 'pin': pin.run(c.pinned ? 1 : 0, atMs, id); break;
        case 'hide': hide.run(c.reason, atMs, id); break;
        case 'reply': reply.run(c.masked, atMs, id); break;
        case 'done': done.run(c.done ? 1 : 0, atMs, id); break;
      }
    },
    moderationMode: () => {
      const value = getSetting.get('moderation')?.value;
      return value === 'immediate' || value === 'approval' ? value : null;
    },
    setModerationMode: (mode) => {
      setSetting.run('moderation', mode);
    },
  };
}
