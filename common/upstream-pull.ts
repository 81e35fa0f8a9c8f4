/**
 * The collector → station direction, version 1: the district's configuration each station
 * downloads with a signed `GET /v1/stations/<id>/<kind>` (ETag, 304 on `If-None-Match`).
 * Both ends validate with these schemas; `upstream/schema/pull-*.v1.json` is generated from
 * them and `upstream/README.md` explains each field. A station applies a document only whole:
 * one that fails here changes nothing on the station.
 */
import * as z from 'zod';
import { noticeFieldsSchema } from './notices';

/** The version this build serves and the only one its station applies. */
export const PULL_SCHEMA_VERSION = 1;
/** Largest document a station downloads, bytes: a bigger answer is refused as a bad download. */
export const MAX_PULL_BYTES = 2 * 1024 * 1024;
/** Replies served per station, newest first: older ones were applied long ago. */
export const MAX_WISH_REPLIES_SERVED = 500;

export const PULL_KINDS = ['notices', 'stewards', 'words', 'wish-replies'] as const;
export const pullKindSchema = z.enum(PULL_KINDS);
export type PullKind = z.infer<typeof pullKindSchema>;

/** A district-side id of an entry (notice or steward): letters, digits, `_ . -`. */
const entryIdSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);

/**
 * A card as the district knows it: never the number, only fleet pseudonyms the station can
 * recompute from a tap. `HMAC-SHA256(K, canonical card id)`, base64url, where K =
 * `HMAC-SHA256(fleet key, "rest-station/steward-card/v1")` (the fleet key is on every station
 * and with the district's administrator, never on the collector). `hash24` is the pseudonym of
 * the card's low 24 bits, for readers that give only those (null for a token card).
 */
export const cardPseudonymSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
export const pulledCardSchema = z.strictObject({ hash: cardPseudonymSchema, hash24: cardPseudonymSchema.nullable() });

/** The district's notices and events for the attract screen (fleet-wide and this station's). */
export const pulledNoticesSchema = z.strictObject({
  schemaVersion: z.literal(PULL_SCHEMA_VERSION),
  kind: z.literal('notices'),
  notices: z.array(z.strictObject({ id: entryIdSchema, fields: noticeFieldsSchema })).max(200),
});
export type PulledNotices = z.infer<typeof pulledNoticesSchema>;

/** The district's stewards for this station. PINs only as the station's scrypt format. */
export const pulledStewardsSchema = z.strictObject({
  schemaVersion: z.literal(PULL_SCHEMA_VERSION),
  kind: z.literal('stewards'),
  stewards: z
    .array(
      z.strictObject({
        id: entryIdSchema,
        name: z.string().trim().min(1).max(80),
        role: z.enum(['host', 'cadre']),
        card: pulledCardSchema,
        /** `scrypt$N$r$p$salt$hash` (hex), as `npm run steward-pin-hash` prints. */
        pinHash: z.string().regex(/^scrypt\$[0-9]+\$[0-9]+\$[0-9]+\$[0-9a-f]{32}\$[0-9a-f]{64}$/),
      }),
    )
    .max(900),
});
export type PulledStewards = z.infer<typeof pulledStewardsSchema>;

/** The sensitive-word list (replaces the shipped one): what is held, and what never is. */
export const pulledWordsSchema = z.strictObject({
  schemaVersion: z.literal(PULL_SCHEMA_VERSION),
  kind: z.literal('words'),
  blocked: z.array(z.string().min(1).max(60)).max(20_000),
  allowed: z.array(z.string().min(1).max(60)).max(20_000),
});
export type PulledWords = z.infer<typeof pulledWordsSchema>;

/** The union's replies to this station's wishes, newest {@link MAX_WISH_REPLIES_SERVED}. */
export const pulledWishRepliesSchema = z.strictObject({
  schemaVersion: z.literal(PULL_SCHEMA_VERSION),
  kind: z.literal('wish-replies'),
  replies: z
    .array(
      z.strictObject({
        /** The collector's id of the reply: a station applies each id once. */
        id: z.number().int().positive(),
        /** The station's own id of the wish (its `uid`, as the wish producer sends it). */
        wishId: z.string().regex(/^[0-9a-f]{32}$/),
        /** 1–200 characters (code points; up to 800 UTF-16 units, so emoji fit). */
        text: z.string().min(1).max(800),
        author: z.string().min(1).max(80),
        atMs: z.number().int().min(0),
      }),
    )
    .max(MAX_WISH_REPLIES_SERVED),
});
export type PulledWishReplies = z.infer<typeof pulledWishRepliesSchema>;

export const pullDocumentSchemas = {
  notices: pulledNoticesSchema,
  stewards: pulledStewardsSchema,
  words: pulledWordsSchema,
  'wish-replies': pulledWishRepliesSchema,
} as const;
export interface PullDocuments {
  notices: PulledNotices;
  stewards: PulledStewards;
  words: PulledWords;
  'wish-replies': PulledWishReplies;
}
export type PullDocument = PullDocuments[PullKind];

/** `/v1/stations/<id>/<kind>`. */
export const pullPath = (stationId: string, kind: PullKind) => `/v1/stations/${stationId}/${kind}`;
