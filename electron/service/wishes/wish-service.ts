/**
 * The wish wall's service: posting under a wish pass (rate-limited, guarded, filtered,
 * masked), the wall and its "me too" votes, and steward moderation through the injected
 * `StewardAccess` (each action audited in its own transaction). Every method checks its
 * argument against the contract again, since in-process callers skip the hosts.
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod/mini';
import { err, ok, type Result } from '../../../common/result';
import {
  wishMethods,
  type MeTooOutcome,
  type ModeratedWish,
  type PostWishOutcome,
  type WishModerationAction,
  type WishModerationMode,
  type WishNote,
  type WishPage,
} from '../../../common/wishes';
import { createCardPasses } from '../lockers/card-passes';
import { localDayBounds } from '../local-day';
import type { StewardAccess } from '../steward/steward-access';
import type { Database } from 'better-sqlite3';
import { maskPersonalData } from './masking';
import { guardWishText } from './text-guard';
import { createWishStore, type WishChange } from './wish-store';
import type { WishSettings } from './wish-settings';
import { toModeratedWish, toWishNote } from './wish-views';
import { createWordFilter, shippedWordList, type WordFilter } from './word-filter';

/** Notes on the attract screen's rotation, at most. */
export const ROTATION_SIZE = 8;
/** Notes per page of the moderation list. */
export const MODERATION_PAGE_SIZE = 20;
/** A steward's reply or hide reason, characters (the contract allows 200 UTF-16 units). */
const STEWARD_TEXT_MAX = 200;

type Methods = typeof wishMethods;
type In<M extends keyof Methods> = z.output<Methods[M]['input']>;

export interface WishServiceDeps {
  readonly db: Database;
  readonly settings: WishSettings;
  readonly stewardAccess: StewardAccess;
  /** Epoch ms. */
  readonly now: () => number;
  /** Default: the shipped word list. */
  readonly filter?: WordFilter;
  /**
   * Called inside the hide's transaction with the note's uid and the time, when a steward
   * hides a note that was not hidden yet (upstream's retraction); a throw undoes the hide.
   */
  readonly onHidden?: (uid: string, atMs: number) => void;
}

export interface WishService {
  /** A fresh wish pass for this visit (member or guest), valid `passMinutes`. */
  issuePass(visitId: number): string;
  /** Another card was tapped: whoever held the passes has left the screen. */
  revokePasses(): void;
  list(arg: unknown): Result<WishPage>;
  rotation(): Result<WishNote[]>;
  post(arg: unknown): Result<PostWishOutcome>;
  meToo(arg: unknown): Result<MeTooOutcome>;
  listForModeration(arg: unknown): Result<{ notes: ModeratedWish[]; pageCount: number; mode: WishModerationMode }>;
  moderate(arg: unknown): Result<ModeratedWish>;
  setModerationMode(arg: unknown): Result<Record<string, never>>;
}

export function createWishService(deps: WishServiceDeps): WishService {
  const { settings, stewardAccess, now } = deps;
  const store = createWishStore(deps.db);
  const filter = deps.filter ?? createWordFilter(shippedWordList());
  const passes = createCardPasses({ now, lifetimeMs: settings.passMinutes * 60_000 });
  const mode = (): WishModerationMode => store.moderationMode() ?? settings.moderation;

  const parse = <M extends keyof Methods>(name: M, arg: unknown): Result<In<M>> => {
    const parsed = wishMethods[name].input.safeParse(arg);
    if (parsed.success) return ok(parsed.data as In<M>);
    const issue = parsed.error.issues[0];
    return err('invalid-argument', `${name}: ${issue ? `${issue.path.join('.') || 'argument'} ${issue.message}` : 'invalid argument'}`);
  };

  /** The poster behind a pass: the visit, and its card (null for a guest). */
  const poster = (pass: string): { visitId: number; cardId: number | null } | null => {
    const visitId = passes.resolve(pass);
    if (visitId === null) return null;
    const cardId = store.cardOfVisit(visitId);
    return cardId === undefined ? null : { visitId, cardId };
  };

  const post = (input: In<'postWish'>): PostWishOutcome => {
    const who = poster(input.pass);
    if (!who) return { kind: 'no-pass' };
    const atMs = now();
    if (who.cardId !== null) {
      if (store.countByCard(who.cardId, localDayBounds(atMs).startMs) >= settings.perCardPerDay) return { kind: 'limited', limit: settings.perCardPerDay };
    } else if (store.countByVisit(who.visitId) >= settings.perGuestVisit) {
      return { kind: 'limited', limit: settings.perGuestVisit };
    }
    const guarded = guardWishText(input.text, settings.maxLength, input.sticker !== null);
    if (!guarded.ok) return { kind: 'refused', reason: guarded.reason, maxLength: settings.maxLength };
    const hits = filter.hits(guarded.text);
    const heldFor = hits.length > 0 ? 'words' : mode() === 'approval' ? 'approval' : null;
    const id = store.insert({
      uid: randomBytes(16).toString('hex'),
      category: input.category,
      text: guarded.text,
      masked: maskPersonalData(guarded.text),
      sticker: input.sticker,
      visitId: who.visitId,
      cardId: who.cardId,
      state: heldFor === null ? 'approved' : 'pending',
      heldFor,
      hits,
      atMs,
    });
    const row = store.find(id);
    if (heldFor !== null || !row) return { kind: 'held', id, heldFor: heldFor ?? 'approval' };
    return { kind: 'posted', note: toWishNote(row) };
  };

  const meToo = (input: In<'meTooWish'>): MeTooOutcome => {
    const who = poster(input.pass);
    if (!who) return { kind: 'no-pass' };
    const row = store.find(input.id);
    if (!row || row.state !== 'approved') return { kind: 'not-found' };
    const voter = who.cardId !== null ? `card:${who.cardId}` : `visit:${who.visitId}`;
    const counted = store.addMeToo(row.id, voter, now());
    return { kind: counted ? 'counted' : 'already', meToo: row.meToo + (counted ? 1 : 0) };
  };

  const moderate = (input: In<'moderateWish'>): Result<ModeratedWish> => {
    const steward = stewardAccess.authorise(input.session);
    if (!steward.ok) return steward;
    const written = input.action.kind === 'reply' ? input.action.text : input.action.kind === 'hide' ? input.action.reason : null;
    // The steward's words are shown on the wall (replies) or kept in the audit: held to the same rules as a note.
    const guarded = written === null ? null : guardWishText(written, STEWARD_TEXT_MAX, false);
    if (guarded && !guarded.ok) return err('invalid-argument', `moderateWish: the text was refused (${guarded.reason}).`);
    return store.transaction(() => {
      const before = store.find(input.id);
      if (!before) return err('not-found', `No wish ${input.id}.`);
      const atMs = now();
      store.change(input.id, toChange(input.action, guarded?.text ?? ''), atMs);
      if (input.action.kind === 'hide' && before.state !== 'hidden') deps.onHidden?.(before.uid, atMs);
      stewardAccess.audit({ steward: steward.value, action: `wish.${input.action.kind}`, subject: `wish ${input.id}`, reason: auditReason(input.action) });
      const row = store.find(input.id);
      return row ? ok(toModeratedWish(row)) : err('not-found', `No wish ${input.id}.`);
    });
  };

  return {
    issuePass: (visitId) => passes.issue(visitId),
    revokePasses: () => passes.revokeAll(),
    list(arg) {
      const input = parse('listWishes', arg);
      if (!input.ok) return input;
      const total = store.countWall();
      const { page, pageSize } = input.value;
      return ok({
        notes: store.wall(page * pageSize, pageSize).map(toWishNote),
        page,
        pageCount: Math.ceil(total / pageSize),
        total,
        maxLength: settings.maxLength,
      });
    },
    rotation: () => ok(store.wall(0, ROTATION_SIZE).map(toWishNote)),
    post(arg) {
      const input = parse('postWish', arg);
      if (!input.ok) return input;
      return ok(store.transaction(() => post(input.value)));
    },
    meToo(arg) {
      const input = parse('meTooWish', arg);
      if (!input.ok) return input;
      return ok(store.transaction(() => meToo(input.value)));
    },
    listForModeration(arg) {
      const input = parse('listWishesForModeration', arg);
      if (!input.ok) return input;
      const steward = stewardAccess.authorise(input.value.session);
      if (!steward.ok) return steward;
      const { filter: which, page } = input.value;
      const notes = store.moderation(which, page * MODERATION_PAGE_SIZE, MODERATION_PAGE_SIZE).map(toModeratedWish);
      return ok({ notes, pageCount: Math.ceil(store.countModeration(which) / MODERATION_PAGE_SIZE), mode: mode() });
    },
    moderate(arg) {
      const input = parse('moderateWish', arg);
      return input.ok ? moderate(input.value) : input;
    },
    setModerationMode(arg) {
      const input = parse('setWishModerationMode', arg);
      if (!input.ok) return input;
      const steward = stewardAccess.authorise(input.value.session);
      if (!steward.ok) return steward;
      store.transaction(() => {
        store.setModerationMode(input.value.mode);
        stewardAccess.audit({ steward: steward.value, action: 'wish.mode', subject: null, reason: input.value.mode });
      });
      return ok({});
    },
  };
}

function toChange(action: WishModerationAction, cleanText: string): WishChange {
  switch (action.kind) {
    case 'reply':
      // A steward's reply is shown on the wall too: masked like any note.
      return { kind: 'reply', masked: maskPersonalData(cleanText) };
    case 'hide':
      return { kind: 'hide', reason: cleanText };
    default:
      return action;
  }
}

function auditReason(action: WishModerationAction): string | null {
  switch (action.kind) {
    case 'hide':
      return action.reason;
    case 'reply':
      return action.text;
    default:
      return null;
  }
}
