/**
 * The district's notices and events, pulled from the collector (kind `notices`): kept in the
 * notices table beside the station's own, marked with their district id (`upstream_id`), so
 * the attract screen shows both. A download replaces every pulled notice (added, changed,
 * removed) and never touches one the station's stewards wrote.
 */
import type { Database } from 'better-sqlite3';
import type { PulledNotices } from '../../../../common/upstream-pull';

export interface PulledNoticesStore {
  /** Makes the pulled notices exactly the document's (inside the caller's transaction). */
  apply(document: PulledNotices, atMs: number): void;
}

export function createPulledNotices(db: Database): PulledNoticesStore {
  const ids = db.prepare<[], { upstream_id: string }>('SELECT upstream_id FROM notices WHERE upstream_id IS NOT NULL');
  const remove = db.prepare<[string]>('DELETE FROM notices WHERE upstream_id = ?');
  const upsert = db.prepare<unknown[]>(`INSERT INTO notices
    (kind, title_zh, title_en, body_zh, body_en, start_minute, end_minute, days, active, updated_ms, upstream_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (upstream_id) WHERE upstream_id IS NOT NULL DO UPDATE SET
      kind = excluded.kind, title_zh = excluded.title_zh, title_en = excluded.title_en, body_zh = excluded.body_zh,
      body_en = excluded.body_en, start_minute = excluded.start_minute, end_minute = excluded.end_minute,
      days = excluded.days, active = excluded.active, updated_ms = excluded.updated_ms`);
  return {
    apply(document, atMs) {
      const wanted = new Set(document.notices.map((n) => n.id));
      for (const { upstream_id } of ids.all()) if (!wanted.has(upstream_id)) remove.run(upstream_id);
      for (const { id, fields: f } of document.notices) {
        upsert.run(f.kind, f.title['zh-CN'], f.title.en, f.body['zh-CN'], f.body.en, f.startMinute, f.endMinute, f.days, f.active ? 1 : 0, atMs, id);
      }
    },
  };
}
