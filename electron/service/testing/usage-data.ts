/**
 * Generated station history for usage tests and the dashboard benchmark: visits (members and
 * guests), cards with categories, locker sessions, join-interest taps and stock records,
 * written straight into a real station database. Deterministic for a seed.
 */
import type { Database } from 'better-sqlite3';

export interface UsageDataOptions {
  /** First and last (exclusive) true time of the history, epoch ms. */
  readonly fromMs: number;
  readonly toMs: number;
  readonly visits: number;
  readonly cards: number;
  readonly lockerSessions: number;
  readonly joinTaps: number;
  readonly stockRecords?: number;
  readonly seed?: number;
  /**
   * The station clock was set back by `backMs` at true time `atMs`: rows after it are recorded
   * `backMs` early, so their times repeat an interval already recorded (out of row order).
   */
  readonly clockJump?: { readonly atMs: number; readonly backMs: number };
  /** Extra visits at exactly these recorded times (day boundaries). */
  readonly visitsAt?: readonly number[];
}

const CATEGORIES = ['food-delivery', 'courier', 'ride-hailing', 'sanitation', 'other', null] as const;

/** A small seeded PRNG (mulberry32): uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateUsageData(db: Database, o: UsageDataOptions): void {
  const random = seededRandom(o.seed ?? 1);
  const span = o.toMs - o.fromMs;
  const recorded = (t: number) => (o.clockJump && t >= o.clockJump.atMs ? t - o.clockJump.backMs : t);
  const pick = (n: number) => Math.floor(random() * n);
  const times = (n: number) => Array.from({ length: n }, () => o.fromMs + pick(span)).sort((a, b) => a - b).map(recorded);

  db.transaction(() => {
    const card = db.prepare('INSERT INTO cards (hash32, category, category_chosen, first_seen_ms) VALUES (?, ?, ?, ?)');
    for (let i = 0; i < o.cards; i++) {
      const category = CATEGORIES[pick(CATEGORIES.length)]!;
      card.run(`h${i}`, category, category === null && random() < 0.5 ? 0 : 1, o.fromMs);
    }
    const visit = db.prepare("INSERT INTO visits (card_id, kind, arrived_ms, last_tap_ms, source, device_id) VALUES (?, ?, ?, ?, 'reader', 'door')");
    const addVisit = (at: number) => {
      if (random() < 0.8) visit.run(1 + pick(o.cards), 'member', at, at);
      else visit.run(null, 'guest', at, at);
    };
    for (const at of times(o.visits)) addVisit(at);
    for (const at of o.visitsAt ?? []) addVisit(at);

    const locker = db.prepare("INSERT OR IGNORE INTO lockers (number, bus_id, board, lock, cable) VALUES (?, 'wall-a', 1, ?, 'usb-c')");
    for (let n = 1; n <= 12; n++) locker.run(n, n);
    const session = db.prepare(`INSERT INTO locker_sessions
      (locker_number, holder, card_id, code_hash, state, claimed_ms, started_ms, due_ms, ended_ms, end_reason)
      VALUES (?, ?, ?, ?, 'ended', ?, ?, ?, ?, ?)`);
    for (const at of times(o.lockerSessions)) {
      const member = random() < 0.7;
      const started = random() < 0.9 ? at + 30_000 : null;
      const ended = (started ?? at) + pick(3 * 3_600_000);
      session.run(1 + pick(12), member ? 'member' : 'guest', member ? 1 + pick(o.cards) : null, member ? null : 'c'.repeat(64),
        at, started, at + 4 * 3_600_000, ended, started === null ? 'abandoned' : 'retrieved');
    }
    const event = db.prepare("INSERT INTO events (kind, detail, at_ms) VALUES (?, '{}', ?)");
    for (const at of times(o.joinTaps)) event.run(random() < 0.75 ? 'join-interest' : 'category-skipped', at);

    const items = db.prepare<[], { id: number }>('SELECT id FROM supply_items').all();
    const stock = db.prepare("INSERT INTO supply_stock (item_id, at_ms, kind, quantity, stock_after, steward_id) VALUES (?, ?, ?, ?, ?, 1)");
    const level = new Map<number, number>();
    for (const at of times(o.stockRecords ?? 0)) {
      const item = items[pick(items.length)]!.id;
      if (random() < 0.5) {
        const q = pick(40);
        level.set(item, q);
        stock.run(item, at, 'count', q, q);
      } else {
        const q = 1 + pick(40);
        const after = (level.get(item) ?? 0) + q;
        level.set(item, after);
        stock.run(item, at, 'restock', q, after);
      }
    }
  })();
}
