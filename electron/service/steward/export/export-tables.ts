/**
 * What the console's Export writes: one CSV per table, for a period. A table is one entry
 * here (id, header, rows for [fromMs, toMs)); other slices add theirs (stock history,
 * inspections) with one line in `EXPORT_TABLES`. Rows are pseudonymous: a worker is the
 * station's card number (`cards.id`), never a card id or its hash.
 */
import { inspectionsTable, stockHistoryTable } from '../records/records-export';
import { localTime, type ExportTable } from './export-table';

export { localTime, type ExportTable } from './export-table';

const visits: ExportTable = {
  id: 'visits',
  header: ['visit', 'arrived', 'left', 'kind', 'worker', 'category', 'source'],
  *rows(db, fromMs, toMs) {
    const rows = db
      .prepare<[number, number], { id: number; arrived_ms: number; left_ms: number | null; kind: string; card_id: number | null; category: string | null; source: string }>(
        `SELECT v.id, v.arrived_ms, v.left_ms, v.kind, v.card_id, c.category, v.source
         FROM visits v LEFT JOIN cards c ON c.id = v.card_id
         WHERE v.arrived_ms >= ? AND v.arrived_ms < ? ORDER BY v.arrived_ms, v.id`,
      )
      .iterate(fromMs, toMs);
    for (const r of rows) yield [r.id, localTime(r.arrived_ms), localTime(r.left_ms), r.kind, r.card_id, r.category, r.source];
  },
};

const lockerSessions: ExportTable = {
  id: 'locker-sessions',
  header: ['session', 'locker', 'holder', 'worker', 'claimed', 'started', 'due', 'ended', 'end reason'],
  *rows(db, fromMs, toMs) {
    const rows = db
      .prepare<[number, number], { id: number; locker_number: number; holder: string; card_id: number | null; claimed_ms: number; started_ms: number | null; due_ms: number; ended_ms: number | null; end_reason: string | null }>(
        `SELECT id, locker_number, holder, card_id, claimed_ms, started_ms, due_ms, ended_ms, end_reason
         FROM locker_sessions WHERE claimed_ms >= ? AND claimed_ms < ? ORDER BY claimed_ms, id`,
      )
      .iterate(fromMs, toMs);
    for (const r of rows) {
      yield [r.id, r.locker_number, r.holder, r.card_id, localTime(r.claimed_ms), localTime(r.started_ms), localTime(r.due_ms), localTime(r.ended_ms), r.end_reason];
    }
  },
};

const stewardActions: ExportTable = {
  id: 'steward-actions',
  header: ['when', 'steward', 'action', 'on', 'reason'],
  *rows(db, fromMs, toMs) {
    const rows = db
      .prepare<[number, number], { at_ms: number; steward_name: string | null; action: string; subject: string | null; reason: string | null }>(
        'SELECT at_ms, steward_name, action, subject, reason FROM steward_actions WHERE at_ms >= ? AND at_ms < ? ORDER BY id',
      )
      .iterate(fromMs, toMs);
    for (const r of rows) yield [localTime(r.at_ms), r.steward_name, r.action, r.subject, r.reason];
  },
};

export const EXPORT_TABLES: readonly ExportTable[] = [visits, lockerSessions, stewardActions, stockHistoryTable, inspectionsTable];
