/**
 * Event producers for what the steward console and the wish wall record: low-stock alerts
 * opening and clearing, inspections, and notes reaching the wall (posted, or approved later).
 * Each run (every 5-minute slot) writes the facts that have no item yet, each with its row in
 * `upstream_events` (migration 0011) in the same transaction, so a fact is enqueued exactly
 * once across restarts, and the slices that record them need no upstream code.
 * Free text goes through the wall's masking; no steward, card or visit leaves.
 */
import type { Database } from 'better-sqlite3';
import { INSPECTION_ITEMS, type InspectionItem } from '../../../common/inspection';
import type { UpstreamItem } from '../../../common/upstream-wire';
import type { WishCategory, WishSticker } from '../../../common/wishes';
import { maskPersonalData } from '../wishes/masking';
import type { OutboxStore } from './outbox-store';

/** Facts per kind per run: a long-offline station catches up over a few runs, each short. */
const EVENTS_PER_RUN = 200;

/** Inspection items in the console's order. */
const ORDER = new Map<string, number>(INSPECTION_ITEMS.map((item, i) => [item, i]));

type EventKind = 'supply.alert' | 'inspection.result' | 'wish.posted';

interface EventSource {
  readonly kind: EventKind;
  /** Facts without an item yet, oldest first, at most `limit`: each its event id and item. */
  readonly due: (limit: number) => { event: string; item: (key: string, producedAtMs: number) => UpstreamItem }[];
}

export interface RecordEvents {
  /** Writes the items of facts not yet written; returns how many were added to the outbox. */
  produce(nowMs: number): number;
}

interface ItemRow { item_id: number; name_zh: string; name_en: string; unit_zh: string; unit_en: string }

const itemRef = (r: ItemRow) => ({
  itemId: r.item_id,
  name: { 'zh-CN': maskPersonalData(r.name_zh), en: maskPersonalData(r.name_en) },
  unit: { 'zh-CN': maskPersonalData(r.unit_zh), en: maskPersonalData(r.unit_en) },
});

const notWritten = (kind: EventKind, event: string) =>
  `NOT EXISTS (SELECT 1 FROM upstream_events e WHERE e.kind = '${kind}' AND e.event = ${event})`;

export { itemRef as supplyItemRef, type ItemRow as SupplyItemRow };

export function createRecordEvents(db: Database, stationId: string, outbox: OutboxStore): RecordEvents {
  const item = 'i.id AS item_id, i.name_zh, i.name_en, i.unit_zh, i.unit_en, i.low_at';
  const opened = db.prepare<[number], ItemRow & { id: number; at: number; stock: number; low_at: number }>(`
    SELECT a.id, a.opened_ms AS at, a.stock, ${item} FROM supply_alerts a JOIN supply_items i ON i.id = a.item_id
    WHERE ${notWritten('supply.alert', "a.id || '.opened'")} ORDER BY a.id LIMIT ?`);
  const cleared = db.prepare<[number], ItemRow & { id: number; at: number; stock: number | null; low_at: number }>(`
    SELECT a.id, a.cleared_ms AS at, a.low_at,
           (SELECT s.stock_after FROM supply_stock s WHERE s.item_id = i.id ORDER BY s.id DESC LIMIT 1) AS stock, ${item.replace(', i.low_at', '')}
    FROM supply_alerts a JOIN supply_items i ON i.id = a.item_id
    WHERE a.cleared_ms IS NOT NULL AND ${notWritten('supply.alert', "a.id || '.cleared'")} ORDER BY a.cleared_ms, a.id LIMIT ?`);
  const inspections = db.prepare<[number], { id: number; at_ms: number; failed: number }>(`
    SELECT id, at_ms, failed FROM inspections i WHERE ${notWritten('inspection.result', 'CAST(i.id AS TEXT)')} ORDER BY id LIMIT ?`);
  const results = db.prepare<[number], { item: InspectionItem; passed: number; note: string | null }>(
    'SELECT item, passed, note FROM inspection_results WHERE inspection_id = ?',
  );
  const wishes = db.prepare<[number], { uid: string; category: WishCategory; masked: string; sticker: WishSticker | null; created_ms: number }>(`
    SELECT uid, category, masked, sticker, created_ms FROM wishes w
    WHERE w.state = 'approved' AND ${notWritten('wish.posted', 'w.uid')} ORDER BY w.id LIMIT ?`);
  const written = db.prepare<[string, string]>('INSERT INTO upstream_events (kind, event) VALUES (?, ?) ON CONFLICT DO NOTHING');

  const sources: EventSource[] = [
    {
      kind: 'supply.alert',
      due: (limit) => [
        // Openings before clearings, so an alert opened and cleared within one slot goes up in that order.
        ...opened.all(limit).map((r) => ({
          event: `${r.id}.opened`,
          item: (key: string, producedAtMs: number): UpstreamItem => ({
            key, kind: 'supply.alert', producedAtMs,
            payload: { alertId: r.id, change: 'opened', atMs: r.at, item: itemRef(r), stock: r.stock, lowAt: r.low_at },
          }),
        })),
        ...cleared.all(limit).map((r) => ({
          event: `${r.id}.cleared`,
          item: (key: string, producedAtMs: number): UpstreamItem => ({
            key, kind: 'supply.alert', producedAtMs,
            payload: { alertId: r.id, change: 'cleared', atMs: r.at, item: itemRef(r), stock: r.stock, lowAt: r.low_at },
          }),
        })),
      ],
    },
    {
      kind: 'inspection.result',
      due: (limit) =>
        inspections.all(limit).map((r) => ({
          event: String(r.id),
          item: (key: string, producedAtMs: number): UpstreamItem => ({
            key, kind: 'inspection.result', producedAtMs,
            payload: {
              inspectionId: r.id, atMs: r.at_ms, failed: r.failed,
              results: results.all(r.id).sort((a, b) => ORDER.get(a.item)! - ORDER.get(b.item)!).map((x) => ({
                item: x.item, passed: x.passed === 1, note: x.note === null ? null : maskPersonalData(x.note).slice(0, 200),
              })),
            },
          }),
        })),
    },
    {
      kind: 'wish.posted',
      due: (limit) =>
        wishes.all(limit).map((r) => ({
          event: r.uid,
          item: (key: string, producedAtMs: number): UpstreamItem => ({
            key, kind: 'wish.posted', producedAtMs,
            payload: { wishId: r.uid, category: r.category, text: r.masked, sticker: r.sticker, postedAtMs: r.created_ms },
          }),
        })),
    },
  ];

  return {
    produce: (nowMs) =>
      outbox.transaction(() => {
        let added = 0;
        for (const source of sources) {
          for (const fact of source.due(EVENTS_PER_RUN)) {
            if (outbox.enqueue(fact.item(`${stationId}/${source.kind}/${fact.event}`, nowMs))) added += 1;
            written.run(source.kind, fact.event);
          }
        }
        return added;
      }),
  };
}
