/**
 * The steward console's supplies section: the catalogue (seeded with what stations stock,
 * editable), stock counts and restocks, consumption derived from them, low-stock alerts.
 */
import * as z from 'zod/mini';
import { localizedTextSchema } from './domain';
import { method } from './contract-method';
import { withStewardSession } from './steward-session';

const id = z.int().check(z.positive());
const quantity = z.int().check(z.gte(0), z.lte(100_000));

export const supplySeasonSchema = z.enum(['all', 'winter', 'summer']);

/** What a steward edits about an item. Names 1–40 (zh) / 1–60 (en) characters, units 1–10 / 1–20. */
export const supplyItemFieldsSchema = z.object({
  name: z.object({ 'zh-CN': z.string().check(z.minLength(1), z.maxLength(40)), en: z.string().check(z.minLength(1), z.maxLength(60)) }),
  unit: z.object({ 'zh-CN': z.string().check(z.minLength(1), z.maxLength(10)), en: z.string().check(z.minLength(1), z.maxLength(20)) }),
  season: supplySeasonSchema,
  /** Low when the stock is at or below this. */
  lowAt: quantity,
  /** Inactive items stay in the history but leave the list and raise no alerts. */
  active: z.boolean(),
});

export const supplyItemSchema = z.object({
  id,
  name: localizedTextSchema,
  unit: localizedTextSchema,
  season: supplySeasonSchema,
  lowAt: quantity,
  active: z.boolean(),
  /** Units on the shelf as last counted plus restocks since; null before the first count or restock. */
  stock: z.nullable(z.int().check(z.nonnegative())),
  /** Stock known and at or below `lowAt`. */
  low: z.boolean(),
});
export type SupplyItem = z.infer<typeof supplyItemSchema>;

/** An open low-stock alert (it clears when a restock or count lifts the stock above the threshold). */
export const supplyAlertSchema = z.object({ id, itemId: id, openedMs: z.int(), stock: z.int(), lowAt: z.int() });
export type SupplyAlert = z.infer<typeof supplyAlertSchema>;

export const suppliesSchema = z.object({ items: z.array(supplyItemSchema), alerts: z.array(supplyAlertSchema) });

/** One stock record. `consumed`, for a count, is what went since the record before it (null for the first; 0 when more was found than expected). */
export const stockRecordSchema = z.object({
  id,
  itemId: id,
  atMs: z.int(),
  kind: z.enum(['count', 'restock']),
  quantity,
  stockAfter: z.int().check(z.nonnegative()),
  consumed: z.nullable(z.int().check(z.nonnegative())),
  note: z.nullable(z.string()),
});
export type StockRecord = z.infer<typeof stockRecordSchema>;

const note = z.nullable(z.string().check(z.maxLength(200)));

export const supplyMethods = {
  /** Active items with their stock, and the open alerts. */
  listSupplies: method(withStewardSession({}), suppliesSchema),
  /** A count (`quantity` on the shelf) or a restock (`quantity` added, at least 1); audited. */
  recordStock: method(
    withStewardSession({ itemId: id, kind: z.enum(['count', 'restock']), quantity, note }),
    z.object({ item: supplyItemSchema, alertOpened: z.boolean(), alertCleared: z.boolean() }),
  ),
  /** Adds an item (`id` null) or edits one; audited. */
  saveSupplyItem: method(withStewardSession({ id: z.nullable(id), fields: supplyItemFieldsSchema }), supplyItemSchema),
  /** An item's stock records, newest first (at most `limit`, default 50). */
  supplyHistory: method(
    withStewardSession({ itemId: id, limit: z.optional(z.int().check(z.gte(1), z.lte(500))) }),
    z.array(stockRecordSchema),
  ),
} as const;
