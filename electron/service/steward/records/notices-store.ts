/**
 * The notices table: what the attract screen shows and when.
 */
import type { Database } from 'better-sqlite3';
import type { Notice, NoticeFields } from '../../../../common/notices';

interface NoticeRow {
  id: number;
  kind: Notice['kind'];
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  start_minute: number;
  end_minute: number;
  days: number;
  active: number;
  updated_ms: number;
}

export interface NoticesStore {
  all(): Notice[];
  /** One notice; undefined for an unknown id. */
  get(id: number): Notice | undefined;
  /** Inserts (`id` null) or replaces; undefined for an unknown id. */
  save(id: number | null, fields: NoticeFields, atMs: number): Notice | undefined;
  /** False for an unknown id. */
  remove(id: number): boolean;
}

export function createNoticesStore(db: Database): NoticesStore {
  const all = db.prepare<[], NoticeRow>('SELECT * FROM notices ORDER BY id');
  const byId = db.prepare<[number], NoticeRow>('SELECT * FROM notices WHERE id = ?');
  const insert = db.prepare<unknown[], { id: number }>(`INSERT INTO notices
    (kind, title_zh, title_en, body_zh, body_en, start_minute, end_minute, days, active, updated_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`);
  const update = db.prepare<unknown[]>(`UPDATE notices SET kind = ?, title_zh = ?, title_en = ?, body_zh = ?, body_en = ?,
    start_minute = ?, end_minute = ?, days = ?, active = ?, updated_ms = ? WHERE id = ?`);
  const remove = db.prepare<[number]>('DELETE FROM notices WHERE id = ?');
  return {
    all: () => all.all().map(toNotice),
    get(id) {
      const row = byId.get(id);
      return row && toNotice(row);
    },
    save(id, f, atMs) {
      const values = [f.kind, f.title['zh-CN'], f.title.en, f.body['zh-CN'], f.body.en, f.startMinute, f.endMinute, f.days, f.active ? 1 : 0, atMs];
      let noticeId: number;
      if (id === null) noticeId = insert.get(...values)!.id;
      else if (update.run(...values, id).changes === 0) return undefined;
      else noticeId = id;
      return toNotice(byId.get(noticeId)!);
    },
    remove: (id) => remove.run(id).changes === 1,
  };
}

function toNotice(r: NoticeRow): Notice {
  return {
    id: r.id,
    kind: r.kind,
    title: { 'zh-CN': r.title_zh, en: r.title_en },
    body: { 'zh-CN': r.body_zh, en: r.body_en },
    startMinute: r.start_minute,
    endMinute: r.end_minute,
    days: r.days,
    active: r.active === 1,
    updatedMs: r.updated_ms,
  };
}
