/**
 * The steward records' tables in the console's CSV export (see `export/export-tables.ts`):
 * stock history, one row per count or restock, and inspections, one row per item checked.
 * Both name the steward as they are on the steward list; no worker appears in either.
 */
import { INSPECTION_ITEMS } from '../../../../common/inspection';
import { localTime, type ExportTable } from '../export/export-table';

export const stockHistoryTable: ExportTable = {
  id: 'stock-history',
  header: ['record', 'when', 'item', 'item (English)', 'kind', 'quantity', 'stock after', 'unit', 'steward', 'note'],
  *rows(db, fromMs, toMs) {
    const rows = db
      .prepare<[number, number], { id: number; at_ms: number; name_zh: string; name_en: string; kind: string; quantity: number; stock_after: number; unit_zh: string; steward: string | null; note: string | null }>(
        `SELECT k.id, k.at_ms, i.name_zh, i.name_en, k.kind, k.quantity, k.stock_after, i.unit_zh, s.name AS steward, k.note
         FROM supply_stock k JOIN supply_items i ON i.id = k.item_id LEFT JOIN stewards s ON s.id = k.steward_id
         WHERE k.at_ms >= ? AND k.at_ms < ? ORDER BY k.at_ms, k.id`,
      )
      .iterate(fromMs, toMs);
    for (const r of rows) yield [r.id, localTime(r.at_ms), r.name_zh, r.name_en, r.kind, r.quantity, r.stock_after, r.unit_zh, r.steward, r.note];
  },
};

/** Items in the order the console shows them (the table's key orders them by name). */
const ITEM_ORDER = new Map<string, number>(INSPECTION_ITEMS.map((item, i) => [item, i]));

export const inspectionsTable: ExportTable = {
  id: 'inspections',
  header: ['inspection', 'when', 'steward', 'item', 'result', 'note'],
  *rows(db, fromMs, toMs) {
    const inspections = db
      .prepare<[number, number], { id: number; at_ms: number; steward_name: string }>(
        'SELECT id, at_ms, steward_name FROM inspections WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms, id',
      )
      .all(fromMs, toMs);
    const results = db.prepare<[number], { item: string; passed: number; note: string | null }>('SELECT item, passed, note FROM inspection_results WHERE inspection_id = ?');
    for (const i of inspections) {
      const items = results.all(i.id).sort((a, b) => (ITEM_ORDER.get(a.item) ?? Infinity) - (ITEM_ORDER.get(b.item) ?? Infinity));
      for (const r of items) yield [i.id, localTime(i.at_ms), i.steward_name, r.item, r.passed === 1 ? 'pass' : 'fail', r.note];
    }
  },
};
