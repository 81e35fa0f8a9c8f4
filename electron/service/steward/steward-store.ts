/**
 * SQLite storage for the steward slice (migration 0006): the steward list and the audit log.
 * Every statement is prepared once; each write is one committed statement unless the caller
 * wraps it in a transaction.
 */
import type { Database } from 'better-sqlite3';
import type { AuditRow } from '../../../common/steward';
import type { StewardRole } from '../../../common/steward-session';

export type StewardSource = 'file' | 'setup' | 'legacy' | 'upstream';

/** One steward as stored. Card and PIN only as hashes. */
export interface StewardRecord {
  readonly id: number;
  readonly name: string;
  readonly role: StewardRole;
  /** Keyed hash of the card's canonical id; null for a PIN-only steward. */
  readonly cardHash: string | null;
  /** Keyed hash of the card's low 24 bits, for readers that give only those. */
  readonly cardHash24: string | null;
  readonly pinHash: string;
  readonly source: StewardSource;
  readonly active: boolean;
}

export type NewSteward = Omit<StewardRecord, 'id' | 'active'>;

export interface NewAuditRow {
  readonly atMs: number;
  readonly stewardId: number | null;
  readonly stewardName: string | null;
  readonly action: string;
  readonly subject: string | null;
  readonly reason: string | null;
}

export interface StewardStore {
  transaction<T>(fn: () => T): T;
  /** Active stewards, by id. */
  active(): StewardRecord[];
  /** Every steward ever listed, active or not. */
  all(): StewardRecord[];
  byId(id: number): StewardRecord | undefined;
  insert(steward: NewSteward, atMs: number): StewardRecord;
  update(id: number, steward: NewSteward): void;
  setActive(id: number, active: boolean): void;
  insertAudit(row: NewAuditRow): number;
  /** Newest first; only rows with an id below `beforeId` when given. */
  audit(limit: number, beforeId?: number): AuditRow[];
}

interface StewardRow {
  id: number;
  name: string;
  role: StewardRole;
  card_hash: string | null;
  card_hash24: string | null;
  pin_hash: string;
  source: StewardSource;
  active: number;
}

interface AuditDbRow {
  id: number;
  at_ms: number;
  steward_name: string | null;
  action: string;
  subject: string | null;
  reason: string | null;
}

const toRecord = (r: StewardRow): StewardRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  cardHash: r.card_hash,
  cardHash24: r.card_hash24,
  pinHash: r.pin_hash,
  source: r.source,
  active: r.active === 1,
});

export function createStewardStore(db: Database): StewardStore {
  const active = db.prepare<[], StewardRow>('SELECT * FROM stewards WHERE active = 1 ORDER BY id');
  const all = db.prepare<[], StewardRow>('SELECT * FROM stewards ORDER BY id');
  const byId = db.prepare<[number], StewardRow>('SELECT * FROM stewards WHERE id = ?');
  const nextId = db.prepare<[], { id: number }>('SELECT coalesce(max(id), 0) + 1 AS id FROM stewards');
  const insert = db.prepare<[number, string, StewardRole, string | null, string | null, string, StewardSource, number], StewardRow>(`
    INSERT INTO stewards (id, name, role, card_hash, card_hash24, pin_hash, source, active, added_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING *`);
  const update = db.prepare<[string, StewardRole, string | null, string | null, string, StewardSource, number]>(`
    UPDATE stewards SET name = ?, role = ?, card_hash = ?, card_hash24 = ?, pin_hash = ?, source = ?, active = 1 WHERE id = ?`);
  const setActive = db.prepare<[number, number]>('UPDATE stewards SET active = ? WHERE id = ?');
  const insertAudit = db.prepare<[number, number | null, string | null, string, string | null, string | null]>(
    'INSERT INTO steward_actions (at_ms, steward_id, steward_name, action, subject, reason) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const newest = db.prepare<[number], AuditDbRow>('SELECT id, at_ms, steward_name, action, subject, reason FROM steward_actions ORDER BY id DESC LIMIT ?');
  const before = db.prepare<[number, number], AuditDbRow>(
    'SELECT id, at_ms, steward_name, action, subject, reason FROM steward_actions WHERE id < ? ORDER BY id DESC LIMIT ?',
  );

  return {
    transaction: (fn) => db.transaction(fn)(),
    active: () => active.all().map(toRecord),
    all: () => all.all().map(toRecord),
    byId(id) {
      const row = byId.get(id);
      return row ? toRecord(row) : undefined;
    },
    insert(s, atMs) {
      const id = nextId.get()?.id ?? 1;
      const row = insert.get(id, s.name, s.role, s.cardHash, s.cardHash24, s.pinHash, s.source, atMs);
      if (!row) throw new Error('stewards: insert returned no row');
      return toRecord(row);
    },
    update: (id, s) => void update.run(s.name, s.role, s.cardHash, s.cardHash24, s.pinHash, s.source, id),
    setActive: (id, on) => void setActive.run(on ? 1 : 0, id),
    insertAudit: (r) => Number(insertAudit.run(r.atMs, r.stewardId, r.stewardName, r.action, r.subject, r.reason).lastInsertRowid),
    audit(limit, beforeId) {
      const rows = beforeId === undefined ? newest.all(limit) : before.all(beforeId, limit);
      return rows.map((r) => ({ id: r.id, atMs: r.at_ms, stewardName: r.steward_name, action: r.action, subject: r.subject, reason: r.reason }));
    },
  };
}
