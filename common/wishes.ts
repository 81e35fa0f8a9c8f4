/**
 * The wish wall's section of the station contract (see `contract.ts`): workers post wishes,
 * thanks, suggestions and calls for help; the wall shows them masked and as plain text;
 * stewards moderate them.
 *
 * Who may post: only someone who just checked in. A card tap or a guest check-in hands the UI
 * a `wishPass` (opaque, bound to that visit, minutes-lived, void at the next tap); posting and
 * "me too" carry it. Rate limits count per card (members) or per visit (guests).
 *
 * Every text that leaves the service is masked (phone, ID-card and licence-plate numbers);
 * the unmasked text stays in the station's database.
 */
import * as z from 'zod/mini';
import { empty, method, noInput } from './contract-method';
import { withStewardSession } from './steward-session';

/** The four kinds of note, each with its own colour on the wall. */
export const wishCategorySchema = z.enum(['wish', 'thanks', 'suggestion', 'help']);
export type WishCategory = z.infer<typeof wishCategorySchema>;
export const WISH_CATEGORIES: readonly WishCategory[] = wishCategorySchema.options;

/** One-tap stickers; the renderer draws each as a picture, never as text from the service. */
export const wishStickerSchema = z.enum(['heart', 'thumbs-up', 'sun', 'tea', 'flower', 'strong']);
export type WishSticker = z.infer<typeof wishStickerSchema>;
export const WISH_STICKERS: readonly WishSticker[] = wishStickerSchema.options;

/** Proof of a check-in for posting: 32 lowercase hex characters (128 random bits). */
export const wishPassSchema = z.string().check(z.regex(/^[0-9a-f]{32}$/));

/**
 * Upper bound on a posted text in UTF-16 code units, whatever the station's maximum in
 * characters: larger arguments are refused by the hosts before the service reads them.
 */
export const WISH_TEXT_MAX_UNITS = 4000;

/** A reply or a hide reason from a steward: 1–200 characters. */
export const stewardNoteTextSchema = z.string().check(z.minLength(1), z.maxLength(200));

/** A note as the wall shows it. `text` is already masked. */
export const wishNoteSchema = z.object({
  id: z.int().check(z.positive()),
  category: wishCategorySchema,
  /** Masked; may be empty when the note is a sticker only. */
  text: z.string(),
  sticker: z.nullable(wishStickerSchema),
  pinned: z.boolean(),
  /** The union marked it as done (e.g. the sun sleeves arrived). */
  done: z.boolean(),
  /** "Me too" count. */
  meToo: z.int().check(z.nonnegative()),
  /** "The union replied": masked like the note; null when none. */
  reply: z.nullable(z.string()),
  /** Epoch ms. */
  createdAtMs: z.int(),
});
export type WishNote = z.infer<typeof wishNoteSchema>;

/** A note as the steward's moderation list shows it (still masked). */
export const moderatedWishSchema = z.extend(wishNoteSchema, {
  state: z.enum(['pending', 'approved', 'hidden']),
  /** Why it waits: it hit the word list, or the station posts only after approval. */
  heldFor: z.nullable(z.enum(['words', 'approval'])),
  /** The word-list entries it hit (normalised), for the steward to judge. */
  hits: z.array(z.string()),
  hiddenReason: z.nullable(z.string()),
  updatedAtMs: z.int(),
});
export type ModeratedWish = z.infer<typeof moderatedWishSchema>;

/** How a new note reaches the wall: at once (word-list hits still wait), or after a steward approves. */
export const wishModerationModeSchema = z.enum(['immediate', 'approval']);
export type WishModerationMode = z.infer<typeof wishModerationModeSchema>;

/** Why the service refused a text (nothing was stored). */
export const wishRefusalSchema = z.enum([
  /** No text and no sticker. */
  'empty',
  /** More characters than the station's maximum. */
  'too-long',
  /** Unpaired UTF-16 surrogates: not text. */
  'encoding',
  /** Control characters (other than line breaks). */
  'control',
  /** Right-to-left overrides, embeddings or isolates, which could make a note read differently than written. */
  'bidi',
]);
export type WishRefusal = z.infer<typeof wishRefusalSchema>;

export const wishPageSchema = z.object({
  notes: z.array(wishNoteSchema),
  /** Zero-based page shown. */
  page: z.int().check(z.nonnegative()),
  pageCount: z.int().check(z.nonnegative()),
  total: z.int().check(z.nonnegative()),
  /** The station's maximum note length, characters (grapheme clusters), for the composer's counter. */
  maxLength: z.int().check(z.positive()),
});
export type WishPage = z.infer<typeof wishPageSchema>;

export const postWishInputSchema = z.object({
  pass: wishPassSchema,
  category: wishCategorySchema,
  text: z.string().check(z.maxLength(WISH_TEXT_MAX_UNITS, `is longer than ${WISH_TEXT_MAX_UNITS} UTF-16 units`)),
  sticker: z.nullable(wishStickerSchema),
});

/** What posting did. Only `posted` and `held` stored the note. */
export const postWishOutcomeSchema = z.discriminatedUnion('kind', [
  /** On the wall now. */
  z.object({ kind: z.literal('posted'), note: wishNoteSchema }),
  /** Stored; a steward reads it first (the writer is told so, kindly). */
  z.object({ kind: z.literal('held'), id: z.int().check(z.positive()), heldFor: z.enum(['words', 'approval']) }),
  z.object({ kind: z.literal('refused'), reason: wishRefusalSchema, maxLength: z.int().check(z.positive()) }),
  /** This card (or guest visit) has posted its share for today. */
  z.object({ kind: z.literal('limited'), limit: z.int().check(z.positive()) }),
  /** The pass is unknown or expired: check in again. */
  z.object({ kind: z.literal('no-pass') }),
]);
export type PostWishOutcome = z.infer<typeof postWishOutcomeSchema>;

export const meTooOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('counted'), meToo: z.int().check(z.nonnegative()) }),
  /** This card (or guest visit) already said "me too" to this note. */
  z.object({ kind: z.literal('already'), meToo: z.int().check(z.nonnegative()) }),
  z.object({ kind: z.literal('no-pass') }),
  /** No such note on the wall. */
  z.object({ kind: z.literal('not-found') }),
]);
export type MeTooOutcome = z.infer<typeof meTooOutcomeSchema>;

export const wishModerationActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('approve') }),
  z.object({ kind: z.literal('pin'), pinned: z.boolean() }),
  z.object({ kind: z.literal('hide'), reason: stewardNoteTextSchema }),
  z.object({ kind: z.literal('reply'), text: stewardNoteTextSchema }),
  z.object({ kind: z.literal('done'), done: z.boolean() }),
]);
export type WishModerationAction = z.infer<typeof wishModerationActionSchema>;

/** Notes per wall page, at most. */
export const WISH_PAGE_SIZE_MAX = 24;

/** Wish-wall methods. */
export const wishMethods = {
  /** One page of the wall: approved notes, pinned first, then newest. */
  listWishes: method(
    z.object({ page: z.int().check(z.nonnegative()), pageSize: z.int().check(z.gte(1), z.lte(WISH_PAGE_SIZE_MAX)) }),
    wishPageSchema,
  ),
  /** For the attract screen: pinned and newest approved notes (at most 8). */
  getWishRotation: method(noInput, z.array(wishNoteSchema)),
  /** Posts a note under a fresh wish pass. */
  postWish: method(postWishInputSchema, postWishOutcomeSchema),
  /** "Me too" (+1), once per card or guest visit. */
  meTooWish: method(z.object({ pass: wishPassSchema, id: z.int().check(z.positive()) }), meTooOutcomeSchema),
  /** Steward: notes by state, newest first (held ones first when `held` is asked for). */
  listWishesForModeration: method(
    withStewardSession({ filter: z.enum(['held', 'all']), page: z.int().check(z.nonnegative()) }),
    z.object({ notes: z.array(moderatedWishSchema), pageCount: z.int().check(z.nonnegative()), mode: wishModerationModeSchema }),
  ),
  /** Steward: approve, pin, hide with a reason, reply or mark done; audited in the same transaction. */
  moderateWish: method(withStewardSession({ id: z.int().check(z.positive()), action: wishModerationActionSchema }), moderatedWishSchema),
  /** Steward: post at once, or only after approval. Audited. */
  setWishModerationMode: method(withStewardSession({ mode: wishModerationModeSchema }), empty),
} as const;
