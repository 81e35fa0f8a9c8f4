/**
 * SQLite implementation of {@link CheckInRepository}, with every statement prepared once.
 */
import type { Database } from 'better-sqlite3';
import { workerCategorySchema } from '../../../common/domain';
import type { CardRecord, CheckInRepository, VisitKind, VisitRecord, VisitSource } from '../check-in-repository';

interface CardRow {
  id: number;
  hash32: string | null;
  hash24: string | null;
  category: string | null;
  category_chosen: number;
  first_seen_ms: number;
  visit_count: number;
}

interface VisitRow {
  id: number;
  card_id: number | null;
  kind: VisitKind;
  arrived_ms: number;
  last_tap_ms: number;
  left_ms: number | null;
  source: VisitSource;
  device_id: string;
}

function toCard(row: CardRow): CardRecord {
  // The column's CHECK constraint holds the same list; parse rather than cast anyway.
  const category = row.category === null ? null : workerCategorySchema.parse(row.category);
  return {
    id: row.id,
    hash32: row.hash32,
    hash24: row.hash24,
    category,
    categoryChosen: row.category_chosen === 1,
    firstSeenMs: row.first_seen_ms,
    visitCount: row.visit_count,
  };
}

function toVisit(row: VisitRow): VisitRecord {
  return {
    id: row.id,
    cardId: row.card_id,
    kind: row.kind,
    arrivedMs: row.arrived_ms,
    lastTapMs: row.last_tap_ms,
    leftMs: row.left_ms,
    source: row.source,
    deviceId: row.device_id,
  };
}

export function createCheckInStore(db: Database): CheckInRepository {
  const cardById = db.prepare<[number], CardRow>('SELECT * FROM cards WHERE id = ?');
  const cardByHash32 = db.prepare<[string], CardRow>('SELECT * FROM cards WHERE hash32 = ?');
  // Several cards can share their low 24 bits; the one seen arriving last is the likelier.
  const cardByHash24 = db.prepare<[string, number], CardRow>(`
    SELECT c.* FROM cards c
    WHERE c.hash24 = ? AND (? = 0 OR c.hash32 IS NULL)
    ORDER BY (SELECT max(v.id) FROM visits v WHERE v.card_id = c.id) DESC NULLS LAST, c.id DESC
    LIMIT 1`);
  const insertCard = db.prepare<[string | null, string | null, number], CardRow>(
    'INSERT INTO cards (hash32, hash24, first_seen_ms) VALUES (?, ?, ?) RETURNING *',
  );
  const setHash32 = db.prepare<[string, number]>('UPDATE cards SET hash32 = ? WHERE id = ?');
  const incrementCount = db.prepare<[number], { visit_count: number }>(
    'UPDATE cards SET visit_count = visit_count + 1 WHERE id = ? RETURNING visit_count',
  );
  const answerCategory = db.prepare<[string | null, number]>(
    'UPDATE cards SET category = coalesce(?, category), category_chosen = 1 WHERE id = ?',
  );
  const visitById = db.prepare<[number], VisitRow>('SELECT * FROM visits WHERE id = ?');
  const latestVisit = db.prepare<[number], VisitRow>('SELECT * FROM visits WHERE card_id = ? ORDER BY id DESC LIMIT 1');
  const insertVisit = db.prepare<[number | null, VisitKind, number, number, number | null, VisitSource, string]>(
    'INSERT INTO visits (card_id, kind, arrived_ms, last_tap_ms, left_ms, source, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const updateTaps = db.prepare<[number, number | null, number]>('UPDATE visits SET last_tap_ms = ?, left_ms = ? WHERE id = ?');
  const countVisits = db.prepare<[VisitKind, number, number], { n: number }>(
    'SELECT count(*) AS n FROM visits WHERE kind = ? AND arrived_ms >= ? AND arrived_ms < ?',
  );
  const insertEvent = db.prepare<[string, string, number]>('INSERT INTO events (kind, detail, at_ms) VALUES (?, ?, ?)');

  return {
    transaction: (fn) => db.transaction(fn).immediate(),
    findCard: (id) => maybe(cardById.get(id), toCard),
    findCardByHash32: (hash32) => maybe(cardByHash32.get(hash32), toCard),
    findCardByHash24: (hash24, withoutHash32Only) => maybe(cardByHash24.get(hash24, withoutHash32Only ? 1 : 0), toCard),
    insertCard: (card) => toCard(expectRow(insertCard.get(card.hash32, card.hash24, card.firstSeenMs), 'card insert')),
    setCardHash32: (cardId, hash32) => {
      setHash32.run(hash32, cardId);
    },
    incrementVisitCount: (cardId) => expectRow(incrementCount.get(cardId), `card ${cardId}`).visit_count,
    answerCategory: (cardId, category) => {
      answerCategory.run(category, cardId);
    },
    findVisit: (id) => maybe(visitById.get(id), toVisit),
    latestVisitOfCard: (cardId) => maybe(latestVisit.get(cardId), toVisit),
    insertVisit: (v) =>
      Number(insertVisit.run(v.cardId, v.kind, v.arrivedMs, v.lastTapMs, v.leftMs, v.source, v.deviceId).lastInsertRowid),
    updateVisitTaps: (visitId, lastTapMs, leftMs) => {
      updateTaps.run(lastTapMs, leftMs, visitId);
    },
    countVisits: (kind, fromMs, toMs) => expectRow(countVisits.get(kind, fromMs, toMs), 'count').n,
    insertEvent: (kind, detail, atMs) => Number(insertEvent.run(kind, JSON.stringify(detail), atMs).lastInsertRowid),
  };
}

function maybe<R, T>(row: R | undefined, map: (row: R) => T): T | undefined {
  return row === undefined ? undefined : map(row);
}

function expectRow<R>(row: R | undefined, what: string): R {
  if (row === undefined) throw new Error(`No row returned for ${what}`);
  return row;
}
