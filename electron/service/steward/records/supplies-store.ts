/**
 * The supplies catalogue and its stock history. Each stock record stores the stock after it
 * (a count sets it, a restock adds to it), so the current stock is one row away and the
 * consumption between two records is their difference. A low-stock alert opens when an
 * active item's stock falls to its threshold and clears when it rises above; each alert row
 * is ready for upstream as it stands (its id is the event id).
 */
import type { Database } from 'better-sqlite3';
import type { StockRecord, SupplyAlert, SupplyItem } from '../../../../common/supplies';
import type { z } from 'zod/mini';
import type { supplyItemFieldsSchema } from '../../../../common/supplies';

type ItemFields = z.infer<typeof supplyItemFieldsSchema>;

interface ItemRow {
  id: number;
  name_zh: string;
  name_en: string;
  unit_zh: string;
  unit_en: string;
  season: SupplyItem['season'];
  low_at: number;
  active: number;
  stock: number | null;
}

/** How a stock record moved the item's alert. */
export interface AlertChange {
  readonly alertOpened: boolean;
  readonly alertCleared: boolean;
}

export interface SuppliesStore {
  /** Active items, catalogue order. */
  list(): SupplyItem[];
  item(id: number): SupplyItem | undefined;
  openAlerts(): SupplyAlert[];
  /** Appends a count or restock and moves the alert. Caller holds the transaction. */
  record(input: { itemId: number; kind: 'count' | 'restock'; quantity: number; note: string | null; stewardId: number; atMs: number }): AlertChange;
  /** Inserts (`id` null) or updates an item and re-checks its alert; undefined for an unknown id. */
  save(id: number | null, fields: ItemFields, atMs: number): SupplyItem | undefined;
  /** Newest first, with the consumption each count reveals. */
  history(itemId: number, limit: number): StockRecord[];
}

export function createSuppliesStore(db: Database): SuppliesStore {
  const itemSql = `SELECT i.*, (SELECT s.stock_after FROM supply_stock s WHERE s.item_id = i.id ORDER BY s.id DESC LIMIT 1) AS stock FROM supply_items i`;
  const listActive = db.prepare<[], ItemRow>(`${itemSql} WHERE i.active = 1 ORDER BY i.id`);
  const byId = db.prepare<[number], ItemRow>(`${itemSql} WHERE i.id = ?`);
  const alerts = db.prepare<[], { id: number; item_id: number; opened_ms: number; stock: number; low_at: number }>(
    'SELECT * FROM supply_alerts WHERE cleared_ms IS NULL ORDER BY id',
  );
  const openAlert = db.prepare<[number], { id: number }>('SELECT id FROM supply_alerts WHERE item_id = ? AND cleared_ms IS NULL');
  const insertAlert = db.prepare<[number, number, number, number]>('INSERT INTO supply_alerts (item_id, opened_ms, stock, low_at) VALUES (?, ?, ?, ?)');
  const clearAlert = db.prepare<[number, number]>('UPDATE supply_alerts SET cleared_ms = ? WHERE id = ?');
  const insertStock = db.prepare<[number, number, string, number, number, number, string | null]>(
    'INSERT INTO supply_stock (item_id, at_ms, kind, quantity, stock_after, steward_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertItem = db.prepare<[string, string, string, string, string, number, number, number], { id: number }>(
    'INSERT INTO supply_items (name_zh, name_en, unit_zh, unit_en, season, low_at, active, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
  );
  const updateItem = db.prepare<[string, string, string, string, string, number, number, number]>(
    'UPDATE supply_items SET name_zh = ?, name_en = ?, unit_zh = ?, unit_en = ?, season = ?, low_at = ?, active = ? WHERE id = ?',
  );
  const history = db.prepare<[number, number], { id: number; item_id: number; at_ms: number; kind: 'count' | 'restock'; quantity: number; stock_after: number; note: string | null; prev: number | null }>(`
    SELECT * FROM (
      SELECT s.*, lag(s.stock_after) OVER (ORDER BY s.id) AS prev FROM supply_stock s WHERE s.item_id = ?
    ) ORDER BY id DESC LIMIT ?`);

  const get = (id: number) => {
    const row = byId.get(id);
    return row && toItem(row);
  };

  /** Opens or clears the item's alert to match its stock now. */
  const settleAlert = (itemId: number, atMs: number): AlertChange => {
    const item = get(itemId)!;
    const open = openAlert.get(itemId);
    if (item.low && item.active && !open) {
      insertAlert.run(itemId, atMs, item.stock!, item.lowAt);
      return { alertOpened: true, alertCleared: false };
    }
    if ((!item.low || !item.active) && open) {
      clearAlert.run(atMs, open.id);
      return { alertOpened: false, alertCleared: true };
    }
    return { alertOpened: false, alertCleared: false };
  };

  return {
    list: () => listActive.all().map(toItem),
    item: get,
    openAlerts: () => alerts.all().map((a) => ({ id: a.id, itemId: a.item_id, openedMs: a.opened_ms, stock: a.stock, lowAt: a.low_at })),
    record({ itemId, kind, quantity, note, stewardId, atMs }) {
      const before = get(itemId)!.stock ?? 0;
      insertStock.run(itemId, atMs, kind, quantity, kind === 'count' ? quantity : before + quantity, stewardId, note);
      return settleAlert(itemId, atMs);
    },
    save(id, f, atMs) {
      const values = [f.name['zh-CN'], f.name.en, f.unit['zh-CN'], f.unit.en, f.season, f.lowAt, f.active ? 1 : 0] as const;
      let itemId: number;
      if (id === null) itemId = insertItem.get(...values, atMs)!.id;
      else if (updateItem.run(...values, id).changes === 0) return undefined;
      else itemId = id;
      settleAlert(itemId, atMs);
      return get(itemId);
    },
    history: (itemId, limit) =>
      history.all(itemId, limit).map((r) => ({
        id: r.id,
        itemId: r.item_id,
        atMs: r.at_ms,
        kind: r.kind,
        quantity: r.quantity,
        stockAfter: r.stock_after,
        // Found more than expected (an unrecorded restock): nothing was consumed, not a negative amount.
        consumed: r.kind === 'count' && r.prev !== null ? Math.max(0, r.prev - r.quantity) : null,
        note: r.note,
      })),
  };
}

function toItem(row: ItemRow): SupplyItem {
  return {
    id: row.id,
    name: { 'zh-CN': row.name_zh, en: row.name_en },
    unit: { 'zh-CN': row.unit_zh, en: row.unit_en },
    season: row.season,
    lowAt: row.low_at,
    active: row.active === 1,
    stock: row.stock,
    low: row.stock !== null && row.stock <= row.low_at,
  };
}
