/**
 * Supply levels for `supplies.daily`: every active catalogue item's stock as it stood at the
 * end of a local day (its last count or restock before then), so a day written late, after
 * the station was off over midnight, still reports that day's shelf.
 */
import type { Database } from 'better-sqlite3';
import type { Period } from '../../../common/upstream-wire';
import { supplyItemRef, type SupplyItemRow } from './record-events';

export interface SupplyLevel {
  readonly itemId: number;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly unit: { readonly 'zh-CN': string; readonly en: string };
  /** Null before the item's first count or restock. */
  readonly stock: number | null;
  readonly lowAt: number;
  /** Stock known and at or below `lowAt`. */
  readonly low: boolean;
}

export interface SupplyLevels {
  /** Epoch ms of the first stock record, or null: where `supplies.daily` starts. */
  firstRecordMs(): number | null;
  /** Active items created before the period's end, with their stock at its end; at most 200. */
  at(period: Period): SupplyLevel[];
}

export function createSupplyLevels(db: Database): SupplyLevels {
  const first = db.prepare<[], { at: number | null }>('SELECT min(at_ms) AS at FROM supply_stock');
  const levels = db.prepare<[number, number], SupplyItemRow & { low_at: number; stock: number | null }>(`
    SELECT i.id AS item_id, i.name_zh, i.name_en, i.unit_zh, i.unit_en, i.low_at,
           (SELECT s.stock_after FROM supply_stock s WHERE s.item_id = i.id AND s.at_ms < ? ORDER BY s.id DESC LIMIT 1) AS stock
    FROM supply_items i WHERE i.active = 1 AND i.created_ms < ? ORDER BY i.id LIMIT 200`);
  return {
    firstRecordMs: () => first.get()?.at ?? null,
    at: (period) =>
      levels.all(period.endMs, period.endMs).map((r) => ({
        ...supplyItemRef(r), stock: r.stock, lowAt: r.low_at, low: r.stock !== null && r.stock <= r.low_at,
      })),
  };
}
