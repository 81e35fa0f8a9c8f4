/**
 * Notices, events and today's services for the attract screen (anti-fraud, the legal-aid
 * hotline 12351, a free haircut 14:00–17:00…), each shown in a daily time window on chosen
 * weekdays. Stewards edit them; the attract screen reads what is current without a session.
 */
import * as z from 'zod/mini';
import { characters } from './character-limit';
import { empty, method, noInput } from './contract-method';
import { withStewardSession } from './steward-session';

export const noticeKindSchema = z.enum(['notice', 'event', 'service']);
export type NoticeKind = z.infer<typeof noticeKindSchema>;

/** All seven days: bit d is local weekday d (0 = Sunday, as `Date.getDay()`). */
export const EVERY_DAY = 0b111_1111;

/** Each text's limit in characters (grapheme clusters, as the composer counts). */
export const NOTICE_TEXT_LIMITS = {
  title: { 'zh-CN': 60, en: 100 },
  body: { 'zh-CN': 300, en: 500 },
} as const;

export const noticeFieldsSchema = z
  .object({
    kind: noticeKindSchema,
    title: z.object({ 'zh-CN': characters(NOTICE_TEXT_LIMITS.title['zh-CN'], 1), en: characters(NOTICE_TEXT_LIMITS.title.en, 1) }),
    body: z.object({ 'zh-CN': characters(NOTICE_TEXT_LIMITS.body['zh-CN']), en: characters(NOTICE_TEXT_LIMITS.body.en) }),
    /** Minutes after local midnight the window opens (inclusive), 0–1439. */
    startMinute: z.int().check(z.gte(0), z.lte(1439)),
    /** Minutes after local midnight it closes (exclusive), 1–1440 and after the start. */
    endMinute: z.int().check(z.gte(1), z.lte(1440)),
    /** Weekday bit mask, 1–127 (see EVERY_DAY). */
    days: z.int().check(z.gte(1), z.lte(EVERY_DAY)),
    active: z.boolean(),
  })
  .check(z.refine((n) => n.startMinute < n.endMinute, { message: 'endMinute must be after startMinute', path: ['endMinute'] }));
export type NoticeFields = z.infer<typeof noticeFieldsSchema>;

export const noticeSchema = z.extend(noticeFieldsSchema, { id: z.int().check(z.positive()), updatedMs: z.int() });
export type Notice = z.infer<typeof noticeSchema>;

export const currentNoticesSchema = z.object({
  /** Active notices whose window contains now: notices first, then events, then services. */
  notices: z.array(noticeSchema),
  /** When this list next changes by the clock (a window opens or closes), epoch ms; null if never. */
  nextChangeMs: z.nullable(z.int()),
});
export type CurrentNotices = z.infer<typeof currentNoticesSchema>;

const id = z.int().check(z.positive());

export const noticeMethods = {
  /** For the attract screen; needs no session. */
  getCurrentNotices: method(noInput, currentNoticesSchema),
  /** Every notice, active or not, for the editor. */
  listNotices: method(withStewardSession({}), z.array(noticeSchema)),
  /** Adds (`id` null) or replaces a notice; audited. The attract screen hears `noticesChanged`. */
  saveNotice: method(
    withStewardSession({
      id: z.nullable(id),
      fields: noticeFieldsSchema,
      /** Why, in the steward's words; required to change an existing notice's texts, window or days (kept in the audit log). */
      reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    }),
    noticeSchema,
  ),
  /** Deletes a notice; audited. */
  deleteNotice: method(withStewardSession({ id }), empty),
} as const;

export const noticeEvents = {
  /** A steward changed the notices: fetch `getCurrentNotices` again. */
  noticesChanged: z.object({}),
} as const;
