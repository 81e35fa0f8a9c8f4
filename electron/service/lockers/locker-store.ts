/**
 * SQLite storage for lockers (migration 0002): the layout rows with their fault flags,
 * sessions, locker events and the steward audit log. Every statement is prepared once;
 * writes outside `transaction` are single statements, each committed (fsynced) on return.
 */
import type { Database } from 'better-sqlite3';
import type { CableType } from '../../../common/lockers';
import type { LockerLayoutEntry } from './locker-layout';

export type SessionState = 'claimed' | 'charging' | 'retrieving' | 'ended';
export type EndReason = 'retrieved' | 'steward' | 'abandoned';
export type LockerEventKind =
  | 'opened'
  | 'open-failed'
  | 'door-opened'
  | 'door-closed'
  | 'door-left-open'
  | 'item-left-inside'
  | 'marked-faulty'
  | 'repaired'
  | 'bus-online'
  | 'bus-offline'
  | 'bus-degraded'
  | 'claim-released'
  | 'code-reshown';
export type StewardAuditAction = 'remote-open' | 'mark-faulty' | 'mark-repaired' | 'end-session' | 'pin-lockout' | 'code-lockout' | 'clear-lockout';

export interface LockerRecord {
  readonly number: number;
  readonly busId: string;
  readonly board: number;
  readonly lock: number;
  readonly cable: CableType;
  readonly enabled: boolean;
  readonly faulty: boolean;
  readonly faultReason: string | null;
  readonly faultySinceMs: number | null;
}

/** A session as stored. Times are epoch ms. */
export interface SessionRecord {
  readonly id: number;
  readonly lockerNumber: number;
  readonly holder: 'member' | 'guest';
  readonly cardId: number | null;
  readonly codeHash: string | null;
  readonly state: SessionState;
  readonly claimedMs: number;
  readonly startedMs: number | null;
  readonly dueMs: number;
  readonly retrieveOpenedMs: number | null;
  readonly endedMs: number | null;
  readonly endReason: EndReason | null;
}

interface LockerRow {
  number: number;
  bus_id: string;
  board: number;
  lock: number;
  cable: CableType;
  enabled: number;
  faulty: number;
  fault_reason: string | null;
  faulty_since: number | null;
}

interface SessionRow {
  id: number;
  locker_number: number;
  holder: 'member' | 'guest';
  card_id: number | null;
  code_hash: string | null;
  state: SessionState;
  claimed_ms: number;
  started_ms: number | null;
  due_ms: number;
  retrieve_opened_ms: number | null;
  ended_ms: number | null;
  end_reason: EndReason | null;
}

export interface NewSession {
  readonly lockerNumber: number;
  readonly holder: 'member' | 'guest';
  readonly cardId: number | null;
  readonly codeHash: string | null;
  readonly claimedMs: number;
  readonly dueMs: number;
}

export interface LockerEventRow {
  readonly kind: LockerEventKind;
  readonly lockerNumber?: number | null;
  readonly sessionId?: number | null;
  readonly busId?: string | null;
  readonly detail?: Record<string, unknown>;
}

export interface LockerStore {
  transaction<T>(fn: () => T): T;
  /** Makes the lockers table match the layout; fault flags of lockers that stay are kept. */
  syncLayout(entries: readonly LockerLayoutEntry[]): void;
  /** Lockers of the current layout, by number. */
  lockers(): LockerRecord[];
  liveSessions(): SessionRecord[];
  session(id: number): SessionRecord | undefined;
  liveSessionOfLocker(lockerNumber: number): SessionRecord | undefined;
  /** Oldest first. */
  liveSessionsOfCard(cardId: number): SessionRecord[];
  liveSessionByCodeHash(codeHash: string): SessionRecord | undefined;
  insertSession(session: NewSession): SessionRecord;
  startCharging(id: number, startedMs: number, dueMs: number): void;
  startRetrieving(id: number, atMs: number): void;
  /** Back to charging after a retrieve that left the phone inside; the due time stays. */
  resumeCharging(id: number): void;
  /** `chargedMs`: how long it charged on the monotonic clock (charging-clock.ts); null if it never charged. */
  endSession(id: number, atMs: number, reason: EndReason, chargedMs?: number | null): void;
  markFaulty(lockerNumber: number, reason: string, atMs: number): void;
  markRepaired(lockerNumber: number): void;
  insertEvent(event: LockerEventRow, atMs: number): number;
  insertAudit(action: StewardAuditAction, lockerNumber: number | null, reason: string, outcome: string, atMs: number): number;
}

export function createLockerStore(db: Database): LockerStore {
  const retireAll = db.prepare('UPDATE lockers SET in_layout = 0');
  const upsert = db.prepare<[number, string, number, number, CableType, number]>(`
    INSERT INTO lockers (number, bus_id, board, lock, cable, enabled, in_layout) VALUES (?, ?, ?, ?, ?, ?, 1)
    ON CONFLICT (number) DO UPDATE SET
      bus_id = excluded.bus_id, board = excluded.board, lock = excluded.lock,
      cable = excluded.cable, enabled = excluded.enabled, in_layout = 1`);
  const lockers = db.prepare<[], LockerRow>('SELECT * FROM lockers WHERE in_layout = 1 ORDER BY number');
  const live = db.prepare<[], SessionRow>("SELECT * FROM locker_sessions WHERE state <> 'ended' ORDER BY id");
  const byId = db.prepare<[number], SessionRow>('SELECT * FROM locker_sessions WHERE id = ?');
  const liveOfLocker = db.prepare<[number], SessionRow>("SELECT * FROM locker_sessions WHERE locker_number = ? AND state <> 'ended'");
  const liveOfCard = db.prepare<[number], SessionRow>("SELECT * FROM locker_sessions WHERE card_id = ? AND state <> 'ended' ORDER BY id");
  const liveByCode = db.prepare<[string], SessionRow>("SELECT * FROM locker_sessions WHERE code_hash = ? AND state <> 'ended'");
  const insertSession = db.prepare<[number, string, number | null, string | null, number, number], SessionRow>(`
    INSERT INTO locker_sessions (locker_number, holder, card_id, code_hash, state, claimed_ms, due_ms)
    VALUES (?, ?, ?, ?, 'claimed', ?, ?) RETURNING *`);
  const startCharging = db.prepare<[number, number, number]>(
    "UPDATE locker_sessions SET state = 'charging', started_ms = ?, due_ms = ? WHERE id = ? AND state = 'claimed'",
  );
  const startRetrieving = db.prepare<[number, number]>(
    "UPDATE locker_sessions SET state = 'retrieving', retrieve_opened_ms = ? WHERE id = ? AND state = 'charging'",
  );
  const resume = db.prepare<[number]>("UPDATE locker_sessions SET state = 'charging' WHERE id = ? AND state = 'retrieving'");
  const end = db.prepare<[number, EndReason, number | null, number]>(
    "UPDATE locker_sessions SET state = 'ended', ended_ms = ?, end_reason = ?, charged_ms = ? WHERE id = ? AND state <> 'ended'",
  );
  const faulty = db.prepare<[string, number, number]>('UPDATE lockers SET faulty = 1, fault_reason = ?, faulty_since = ? WHERE number = ?');
  const repaired = db.prepare<[number]>('UPDATE lockers SET faulty = 0, fault_reason = NULL, faulty_since = NULL WHERE number = ?');
  const event = db.prepare<[number, LockerEventKind, number | null, number | null, string | null, string]>(
    'INSERT INTO locker_events (at_ms, kind, locker_number, session_id, bus_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const audit = db.prepare<[number, StewardAuditAction, number | null, string, string]>(
    'INSERT INTO steward_audit (at_ms, action, locker_number, reason, outcome) VALUES (?, ?, ?, ?, ?)',
  );

  const transaction = <T>(fn: () => T): T => db.transaction(fn).immediate();
  return {
    transaction,
    syncLayout(entries) {
      transaction(() => {
        retireAll.run();
        for (const e of entries) upsert.run(e.number, e.bus, e.board, e.lock, e.cable, e.enabled ? 1 : 0);
      });
    },
    lockers: () => lockers.all().map(toLocker),
    liveSessions: () => live.all().map(toSession),
    session: (id) => maybe(byId.get(id)),
    liveSessionOfLocker: (n) => maybe(liveOfLocker.get(n)),
    liveSessionsOfCard: (cardId) => liveOfCard.all(cardId).map(toSession),
    liveSessionByCodeHash: (hash) => maybe(liveByCode.get(hash)),
    insertSession(s) {
      const row = insertSession.get(s.lockerNumber, s.holder, s.cardId, s.codeHash, s.claimedMs, s.dueMs);
      if (!row) throw new Error(`No row returned for the session of locker ${s.lockerNumber}`);
      return toSession(row);
    },
    startCharging: (id, startedMs, dueMs) => expectChange(startCharging.run(startedMs, dueMs, id).changes, id, 'start charging'),
    startRetrieving: (id, atMs) => expectChange(startRetrieving.run(atMs, id).changes, id, 'start retrieving'),
    resumeCharging: (id) => expectChange(resume.run(id).changes, id, 'resume charging'),
    endSession: (id, atMs, reason, chargedMs = null) => expectChange(end.run(atMs, reason, chargedMs, id).changes, id, 'end'),
    markFaulty: (n, reason, atMs) => {
      faulty.run(reason.slice(0, 500), atMs, n);
    },
    markRepaired: (n) => {
      repaired.run(n);
    },
    insertEvent: (e, atMs) =>
      Number(
        event.run(atMs, e.kind, e.lockerNumber ?? null, e.sessionId ?? null, e.busId ?? null, JSON.stringify(e.detail ?? {})).lastInsertRowid,
      ),
    insertAudit: (action, n, reason, outcome, atMs) => Number(audit.run(atMs, action, n, reason, outcome.slice(0, 200)).lastInsertRowid),
  };
}

function toLocker(row: LockerRow): LockerRecord {
  return {
    number: row.number,
    busId: row.bus_id,
    board: row.board,
    lock: row.lock,
    cable: row.cable,
    enabled: row.enabled === 1,
    faulty: row.faulty === 1,
    faultReason: row.fault_reason,
    faultySinceMs: row.faulty_since,
  };
}

function toSession(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    lockerNumber: row.locker_number,
    holder: row.holder,
    cardId: row.card_id,
    codeHash: row.code_hash,
    state: row.state,
    claimedMs: row.claimed_ms,
    startedMs: row.started_ms,
    dueMs: row.due_ms,
    retrieveOpenedMs: row.retrieve_opened_ms,
    endedMs: row.ended_ms,
    endReason: row.end_reason,
  };
}

function maybe(row: SessionRow | undefined): SessionRecord | undefined {
  return row === undefined ? undefined : toSession(row);
}

/** A state change that touched no row means the session moved on meanwhile: a logic error. */
function expectChange(changes: number, id: number, what: string): void {
  if (changes !== 1) throw new Error(`Locker session ${id}: could not ${what} (state changed meanwhile)`);
}
