/**
 * Inspections: one row per inspection (time, steward as signed in, how many items failed)
 * and one per item with its pass or fail and note.
 */
import type { Database } from 'better-sqlite3';
import { INSPECTION_ITEMS, type Inspection, type InspectionItem, type InspectionResult } from '../../../../common/inspection';

export interface InspectionStore {
  /** Caller holds the transaction and has checked that every item is there once. */
  insert(input: { atMs: number; stewardId: number; stewardName: string; results: readonly InspectionResult[] }): Inspection;
  /** Newest first. */
  list(limit: number): Inspection[];
}

const ORDER = new Map<string, number>(INSPECTION_ITEMS.map((item, i) => [item, i]));

export function createInspectionStore(db: Database): InspectionStore {
  const insertInspection = db.prepare<[number, number, string, number], { id: number }>(
    'INSERT INTO inspections (at_ms, steward_id, steward_name, failed) VALUES (?, ?, ?, ?) RETURNING id',
  );
  const insertResult = db.prepare<[number, string, number, string | null]>('INSERT INTO inspection_results (inspection_id, item, passed, note) VALUES (?, ?, ?, ?)');
  const latest = db.prepare<[number], { id: number; at_ms: number; steward_name: string; failed: number }>(
    'SELECT id, at_ms, steward_name, failed FROM inspections ORDER BY at_ms DESC, id DESC LIMIT ?',
  );
  const results = db.prepare<[number], { item: InspectionItem; passed: number; note: string | null }>(
    'SELECT item, passed, note FROM inspection_results WHERE inspection_id = ?',
  );
  const toInspection = (row: { id: number; at_ms: number; steward_name: string; failed: number }): Inspection => ({
    id: row.id,
    atMs: row.at_ms,
    stewardName: row.steward_name,
    failed: row.failed,
    results: results
      .all(row.id)
      .map((r) => ({ item: r.item, passed: r.passed === 1, note: r.note }))
      .sort((a, b) => ORDER.get(a.item)! - ORDER.get(b.item)!),
  });
  return {
    insert({ atMs, stewardId, stewardName, results: items }) {
      const failed = items.filter((r) => !r.passed).length;
      const id = insertInspection.get(atMs, stewardId, stewardName, failed)!.id;
      for (const r of items) insertResult.run(id, r.item, r.passed ? 1 : 0, r.note);
      return toInspection({ id, at_ms: atMs, steward_name: stewardName, failed });
    },
    list: (limit) => latest.all(limit).map(toInspection),
  };
}
