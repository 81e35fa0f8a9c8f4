/**
 * Wire payloads (version 1) for what the steward console and the wish wall record: supply
 * levels and low-stock alerts, inspection results, and wish notes. Full zod like
 * `upstream-wire.ts`, which joins them into `upstreamItemSchema`. Free text travels only
 * masked (phone, ID-card and plate numbers starred on the station); no card, worker or
 * steward identity has a field here.
 */
import * as z from 'zod';
import { INSPECTION_ITEMS } from './inspection';
import { WISH_CATEGORIES, WISH_STICKERS } from './wishes';

const count = z.number().int().min(0).max(100_000_000);
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);
const localId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** A catalogue item as the station's steward named it (both languages, masked). */
const supplyItemRef = z.strictObject({
  itemId: localId,
  name: z.strictObject({ 'zh-CN': z.string().max(40), en: z.string().max(60) }),
  unit: z.strictObject({ 'zh-CN': z.string().max(10), en: z.string().max(20) }),
});

/**
 * A low-stock alert opened (stock fell to the threshold) or cleared (lifted above it).
 * One item per alert and change: key `<station>/supply.alert/<alertId>.<change>`.
 */
export const supplyAlertSchema = z.strictObject({
  alertId: localId,
  change: z.enum(['opened', 'cleared']),
  /** When the alert opened or cleared, epoch ms (station clock). */
  atMs: epochMs,
  item: supplyItemRef,
  /** Stock when the alert opened (for `cleared`, the stock the item has now, or null if unknown). */
  stock: count.nullable(),
  lowAt: count,
});

/** Every active item's stock at the local day's close (null before its first count). */
export const suppliesDailySchema = z.strictObject({
  period: z.strictObject({ startMs: epochMs, endMs: epochMs, label: z.string().regex(/^\d{4}-\d{2}-\d{2}[+-]\d{2}:\d{2}$/) }),
  items: z
    .array(supplyItemRef.extend({ stock: count.nullable(), lowAt: count, low: z.boolean() }))
    .max(200),
});

/** One inspection: each item's pass or fail and its note (masked). Never who inspected. */
export const inspectionResultSchema = z.strictObject({
  inspectionId: localId,
  atMs: epochMs,
  failed: count,
  results: z
    .array(z.strictObject({ item: z.enum(INSPECTION_ITEMS), passed: z.boolean(), note: z.string().max(200).nullable() }))
    .max(INSPECTION_ITEMS.length),
});

/**
 * A note that reached the station's wall (posted, or approved by a steward): its masked
 * text and category, and the station's wish id (the note's `uid`, 32 hex characters), which a
 * reply names on its way back down. Never the card, visit or worker behind it.
 */
export const wishPostedSchema = z.strictObject({
  wishId: z.string().regex(/^[0-9a-f]{32}$/),
  category: z.enum(WISH_CATEGORIES as [string, ...string[]]),
  /** Masked; empty for a sticker-only note. */
  text: z.string().max(4000),
  sticker: z.enum(WISH_STICKERS as [string, ...string[]]).nullable(),
  /** When it was posted, epoch ms (station clock). */
  postedAtMs: epochMs,
});

/**
 * A note a steward hid after it was sent (`wish.posted`): the collector takes it off the
 * dashboard's unread list and refuses replies to it. Key `<station>/wish.retracted/<wishId>`.
 */
export const wishRetractedSchema = z.strictObject({
  wishId: z.string().regex(/^[0-9a-f]{32}$/),
  /** When it was hidden, epoch ms (station clock). */
  retractedAtMs: epochMs,
});
