/**
 * steward.daily over a real SQLite file: the day's steward_actions rows counted by action
 * (a name the wire cannot carry as `other`), no name, subject or reason in the item, one item
 * per closed day, the older steward_audit where that is all there is (or for the days before
 * the console), and none without either. The station's own locker actions: steward-locker-daily.test.ts.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTimeZone } from '../testing/time-zone';
import { upstreamItemSchema } from '../../../common/upstream-wire';
import { MINUTE, useCheckInFixture } from '../testing/check-in-fixture';
import { createOutboxStore } from './outbox-store';
import { createProducers } from './producers';
import { createStewardSummaries } from './steward-summaries';
import { createSummaries } from './summaries';

const HOUR = 60 * MINUTE;
/** 2026-03-02 09:00 in Beijing. */
const NINE = Date.UTC(2026, 2, 2, 1, 0);
useTimeZone('Asia/Shanghai');
const fixture = useCheckInFixture();

describe('steward.daily', () => {
  it('counts the day\'s steward actions by name and sends no reason text', () => {
    const f = fixture({}, NINE);
    const audit = f.db.prepare("INSERT INTO steward_actions (at_ms, steward_name, action, subject, reason) VALUES (?, 'Wang Fang', ?, ?, ?)");
    audit.run(NINE, 'remote-open', 'locker 7', 'worker 13800138000 lost the code');
    audit.run(NINE + HOUR, 'remote-open', 'locker 7', 'again, jammed');
    audit.run(NINE + 2 * HOUR, 'clear-lockout', 'pickup code', 'asked at the desk');
    audit.run(NINE + 3 * HOUR, 'Import Stewards!', null, null);
    audit.run(NINE + 16 * HOUR, 'remote-open', 'locker 2', 'the next day');
    const outbox = createOutboxStore(f.db);
    const producers = createProducers({ stationId: 'st-1', outbox, summaries: createSummaries(f.db), stewardSummaries: createStewardSummaries(f.db) });
    producers.produceClosedPeriods(NINE + 40 * HOUR);
    const items = outbox.pending(100).map((e) => e.item).filter((i) => i.kind === 'steward.daily');
    expect(items.map((i) => [i.key, i.payload])).toEqual([
      ['st-1/steward.daily/2026-03-02+08:00', { period: expect.objectContaining({ label: '2026-03-02+08:00' }), total: 4, byAction: { 'clear-lockout': 1, other: 1, 'remote-open': 2 } }],
      ['st-1/steward.daily/2026-03-03+08:00', { period: expect.objectContaining({ label: '2026-03-03+08:00' }), total: 1, byAction: { 'remote-open': 1 } }],
    ]);
    for (const item of items) expect(upstreamItemSchema.safeParse(item).success).toBe(true);
    expect(JSON.stringify(items)).not.toMatch(/13800138000|lost the code|jammed|Wang|locker 7|Import/);
    producers.produceClosedPeriods(NINE + 40 * HOUR);
    expect(outbox.pending(100).filter((e) => e.item.kind === 'steward.daily')).toHaveLength(2);
  });

  it('reads the lockers\' steward_audit where there is no steward_actions, and is not produced without either', () => {
    const db = new Database(':memory:');
    expect(createStewardSummaries(db)).toBeUndefined();
    db.exec("CREATE TABLE steward_audit (at_ms INTEGER, action TEXT); INSERT INTO steward_audit VALUES (10, 'mark-faulty'), (20, 'mark-faulty'), (30, 'code-lockout')");
    expect(createStewardSummaries(db)?.actions({ startMs: 0, endMs: 100, label: '1970-01-01+08:00' })).toEqual({ 'locker.mark-faulty': 2 });
    db.close();
  });

  it('counts the lockers\' steward_audit of the days before the console\'s first row, under the console\'s names, and none twice after', () => {
    const f = fixture({}, NINE);
    const locker = f.db.prepare("INSERT INTO steward_audit (at_ms, action, locker_number, reason, outcome) VALUES (?, ?, NULL, 'r', 'done')");
    locker.run(NINE - 30 * HOUR, 'remote-open'); // the day before: only the lockers' log has it
    locker.run(NINE - 29 * HOUR, 'pin-lockout');
    locker.run(NINE - 28 * HOUR, 'code-lockout'); // a worker's wrong codes: no steward did this
    f.db.prepare("INSERT INTO steward_actions (at_ms, steward_name, action, subject, reason) VALUES (?, 'Li', 'locker.mark-faulty', 'locker 2', 'r')").run(NINE);
    locker.run(NINE, 'mark-faulty'); // the same act, in both logs since the console
    const summaries = createStewardSummaries(f.db)!;
    expect(summaries.firstActionMs()).toBe(NINE - 30 * HOUR);
    const day = (startMs: number) => ({ startMs, endMs: startMs + 24 * HOUR, label: 'd' });
    expect(summaries.actions(day(NINE - 33 * HOUR))).toEqual({ 'locker.remote-open': 1, 'steward.pin-lockout': 1 });
    expect(summaries.actions(day(NINE - 9 * HOUR))).toEqual({ 'locker.mark-faulty': 1 });
  });
});
