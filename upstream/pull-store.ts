/**
 * The district's downloadable configuration on the collector: the notices, steward and word
 * documents (stored whole by `set-notices`, `set-stewards`, `set-words`) and the union's
 * replies to wishes (`addWishReply`, called by the dashboard's reply box). `servedDocument`
 * builds what one station downloads; its bytes decide the ETag, so the same configuration
 * always gives the same ETag.
 */
import { z } from 'zod';
import {
  MAX_WISH_REPLIES_SERVED,
  PULL_SCHEMA_VERSION,
  pulledCardSchema,
  pulledNoticesSchema,
  pulledStewardsSchema,
  pulledWishRepliesSchema,
  pulledWordsSchema,
  type PullDocument,
  type PullKind,
} from '../common/upstream-pull';
import { stationIdSchema } from '../common/upstream-wire';
import type { SqlClient } from './db/sql';

/** Entries without `stations` go to every station; with it, only to those listed. */
const stations = z.array(stationIdSchema).min(1).max(10_000).optional();
const noticeEntry = pulledNoticesSchema.shape.notices.element;
const stewardEntry = pulledStewardsSchema.shape.stewards.element;

/** What `set-notices FILE` stores: `{ "notices": [{ "id", "stations"?, "fields": {…} }] }`. */
export const storedNoticesSchema = z.strictObject({ notices: z.array(noticeEntry.extend({ stations })).max(5_000) });
/** What `set-stewards` stores (cards already pseudonyms; the CLI turns card numbers into them). */
export const storedStewardsSchema = z.strictObject({ stewards: z.array(stewardEntry.extend({ stations, card: pulledCardSchema })).max(50_000) });
/** What `set-words FILE` stores: `{ "blocked": […], "allowed": […] }` (as resources/wishes/word-list.json). */
export const storedWordsSchema = pulledWordsSchema.pick({ blocked: true, allowed: true }).strict();

export type StoredDocuments = {
  notices: z.infer<typeof storedNoticesSchema>;
  stewards: z.infer<typeof storedStewardsSchema>;
  words: z.infer<typeof storedWordsSchema>;
};
const storedSchemas = { notices: storedNoticesSchema, stewards: storedStewardsSchema, words: storedWordsSchema } as const;

/** A reply's longest text, characters (code points, as PostgreSQL's length() counts them). */
export const REPLY_MAX = 200;

export interface WishReplyInput {
  readonly stationId: string;
  /** The station's id of the wish (its uid, 32 hex characters), as the wish producer sent it. */
  readonly wishId: string;
  /** 1–200 characters; the station masks personal data again before showing it. */
  readonly text: string;
  /** Who replied (shown on the dashboard), 1–80 characters. */
  readonly author: string;
}

export interface WishReply extends WishReplyInput {
  readonly id: number;
  /** When it was stored, epoch ms. */
  readonly atMs: number;
}

export const wishReplyInputSchema = z.strictObject({
  stationId: stationIdSchema,
  wishId: z.string().regex(/^[0-9a-f]{32}$/, 'must be the wish id the station sent (32 hex characters)'),
  // Characters as PostgreSQL's length() counts them (code points), so emoji count once.
  text: z.string().trim().min(1).refine((t) => [...t].length <= REPLY_MAX, `must be at most ${REPLY_MAX} characters`),
  author: z.string().trim().min(1).max(80),
});

/** Replaces one kind's document; throws (storing nothing) when it does not fit its schema. */
export async function setPullDocument<K extends keyof StoredDocuments>(db: SqlClient, kind: K, document: unknown): Promise<StoredDocuments[K]> {
  const parsed = storedSchemas[kind].parse(document) as StoredDocuments[K];
  await db.query(
    `INSERT INTO pull_documents (kind, document) VALUES ($1, $2::jsonb)
     ON CONFLICT (kind) DO UPDATE SET document = excluded.document, updated_at = now()`,
    [kind, JSON.stringify(parsed)],
  );
  return parsed;
}

/**
 * Stores a reply to a station's wish; it goes down with that station's next pull. Throws on
 * an unknown station or invalid input (nothing stored).
 */
export async function addWishReply(db: SqlClient, input: WishReplyInput): Promise<WishReply> {
  const r = wishReplyInputSchema.parse(input);
  const [row] = await db.query<{ id: string; at_ms: string }>(
    `INSERT INTO wish_replies (station_id, wish_id, text, author) VALUES ($1, $2, $3, $4)
     RETURNING id::text, (extract(epoch FROM created_at) * 1000)::bigint::text AS at_ms`,
    [r.stationId, r.wishId, r.text, r.author],
  );
  return { ...r, id: Number(row!.id), atMs: Number(row!.at_ms) };
}

/** A station's replies, newest first (of one wish when `wishId` is given), at most `limit` (default 100). */
export async function listWishReplies(db: SqlClient, query: { stationId: string; wishId?: string; limit?: number }): Promise<WishReply[]> {
  const rows = await db.query<{ id: string; station_id: string; wish_id: string; text: string; author: string; at_ms: string }>(
    `SELECT id::text, station_id, wish_id, text, author, (extract(epoch FROM created_at) * 1000)::bigint::text AS at_ms
     FROM wish_replies WHERE station_id = $1 AND ($2::text IS NULL OR wish_id = $2) ORDER BY id DESC LIMIT $3`,
    [query.stationId, query.wishId ?? null, Math.min(Math.max(query.limit ?? 100, 1), 10_000)],
  );
  return rows.map((r) => ({ id: Number(r.id), stationId: r.station_id, wishId: r.wish_id, text: r.text, author: r.author, atMs: Number(r.at_ms) }));
}

const forStation = (id: string) => (entry: { stations?: readonly string[] }) => entry.stations === undefined || entry.stations.includes(id);

/**
 * The document `stationId` downloads for `kind`; null when the district never set that kind
 * (the station then keeps what it has: its shipped word list, its own notices). Replies are
 * always a list, empty or not.
 */
export async function servedDocument(db: SqlClient, stationId: string, kind: PullKind): Promise<PullDocument | null> {
  const v = PULL_SCHEMA_VERSION;
  if (kind === 'wish-replies') {
    const replies = await listWishReplies(db, { stationId, limit: MAX_WISH_REPLIES_SERVED });
    return pulledWishRepliesSchema.parse({
      schemaVersion: v, kind,
      replies: replies.reverse().map((r) => ({ id: r.id, wishId: r.wishId, text: r.text, author: r.author, atMs: r.atMs })),
    });
  }
  const [row] = await db.query<{ document: unknown }>('SELECT document FROM pull_documents WHERE kind = $1', [kind]);
  if (!row) return null;
  switch (kind) {
    case 'notices': {
      const stored = storedNoticesSchema.parse(row.document);
      return pulledNoticesSchema.parse({ schemaVersion: v, kind, notices: stored.notices.filter(forStation(stationId)).map(({ id, fields }) => ({ id, fields })) });
    }
    case 'stewards': {
      const stored = storedStewardsSchema.parse(row.document);
      return pulledStewardsSchema.parse({
        schemaVersion: v, kind,
        stewards: stored.stewards.filter(forStation(stationId)).map(({ id, name, role, card, pinHash }) => ({ id, name, role, card, pinHash })),
      });
    }
    case 'words': {
      const stored = storedWordsSchema.parse(row.document);
      return pulledWordsSchema.parse({ schemaVersion: v, kind, ...stored });
    }
  }
}
