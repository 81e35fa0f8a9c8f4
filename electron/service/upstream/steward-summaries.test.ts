/**
 * steward.daily over a real SQLite file: the day's steward_audit rows counted by action, no
 * reason text in the item, one item per closed day, and none at all without an audit table.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upstreamItemSchema } from '../../../common/upstream-wire';
import { MINUTE, useCheckInFixture } from '../testing/check-in-fixture';
import { createOutboxStore } from './outbox-store';
import { createProducers } from './producers';
import { createStewardSummaries } from './steward-summaries';
import { createSummaries } from './summaries';

const HOUR = 60 * MINUTE;
/** 2026-03-02 09:00 in Beijing. */
const NINE = Date.UTC(2026, 2, 2, 1, 0);
let savedTz: string | undefined;
beforeAll(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});
const fixture = useCheckInFixture();

describe('steward.daily', () => {
  it('counts the day\'s steward actions by name and sends no reason text', () => {
    const f = fixture({}, NINE);
    const audit = f.db.prepare('INSERT INTO steward_audit (at_ms, action, locker_number, reason, outcome) VALUES (?, ?, NULL, ?, ?)');
    audit.run(NINE, 'remote-open', 'worker 13800138000 lost the code', 'done');
    audit.run(NINE + HOUR, 'remote-open', 'again', 'jammed');
    audit.run(NINE + 2 * HOUR, 'clear-lockout', 'asked at the desk', 'done');
    audit.run(NINE + 16 * HOUR, 'remote-open', 'the next day', 'done');
    const outbox = createOutboxStore(f.db);
    const producers = createProducers({ stationId: 'st-1', outbox, summaries: createSummaries(f.db), stewardSummaries: createStewardSummaries(f.db) });
    producers.produceClosedPeriods(NINE + 40 * HOUR);
    const items = outbox.pending(100).map((e) => e.item).filter((i) => i.kind === 'steward.daily');
    expect(items.map((i) => [i.key, i.payload])).toEqual([
      ['st-1/steward.daily/2026-03-02+08:00', { period: expect.objectContaining({ label: '2026-03-02+08:00' }), total: 3, byAction: { 'clear-lockout': 1, 'remote-open': 2 } }],
      ['st-1/steward.daily/2026-03-03+08:00', { period: expect.objectContaining({ label: '2026-03-03+08:00' }), total: 1, byAction: { 'remote-open': 1 } }],
    ]);
    for (const item of items) expect(upstreamItemSchema.safeParse(item).success).toBe(true);
    expect(JSON.stringify(items)).not.toMatch(/13800138000|lost the code|jammed/);
    producers.produceClosedPeriods(NINE + 40 * HOUR);
    expect(outbox.pending(100).filter((e) => e.item.kind === 'steward.daily')).toHaveLength(2);
  });

  it('is not produced where the station has no steward audit table', () => {
    const db = new Database(':memory:');
    expect(createStewardSummaries(db)).toBeUndefined();
    db.close();
  });
});
