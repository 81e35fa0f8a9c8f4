/**
 * Unique-worker sketches over a real SQLite file: taps add fleet pseudonyms to the local
 * day's registers, the `workers.daily` producer sends them at the day's close, one card read
 * as a full UID or by a 24-bit reader counts once, and the pseudonym key changes with the
 * month. Compared with exact counts through the same estimator the collector uses.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTimeZone } from '../testing/time-zone';
import { decodeSketch, estimateDistinct, HLL_STANDARD_ERROR } from '../../../common/hyperloglog';
import { MINUTE, useCheckInFixture } from '../testing/check-in-fixture';
import { fleetPseudonym, periodPseudonymKey, pseudonymPeriod } from './fleet-pseudonym';
import { createOutboxStore } from './outbox-store';
import { createProducers } from './producers';
import { createSummaries } from './summaries';
import { createWorkerSketches } from './worker-sketches';

const HOUR = 60 * MINUTE;
/** 2026-03-31 09:00 in Beijing. */
const NINE = Date.UTC(2026, 2, 31, 1, 0);
const FLEET_KEY = createHmac('sha256', 'worker sketch tests').digest();
useTimeZone('Asia/Shanghai');
const fixture = useCheckInFixture();

describe('unique-worker sketches', () => {
  it('sends each closed day as workers.daily with the registers of the cards tapped that day', () => {
    const f = fixture({}, NINE);
    f.checkIn.tapCard({ kind: 'uid32', canonical: 'U00000000', low24: 'L000000' }, 'reader', 'door');
    const sketches = createWorkerSketches(f.db, FLEET_KEY);
    const outbox = createOutboxStore(f.db);
    const producers = createProducers({ stationId: 'st-1', outbox, summaries: createSummaries(f.db), workerSketches: sketches });
    for (let card = 0; card < 200; card++) sketches.noteWorker(`L${card.toString(16).toUpperCase().padStart(6, '0')}`, NINE + (card % 600) * MINUTE);
    // The same 50 cards again, later the same day: nothing changes.
    for (let card = 0; card < 50; card++) sketches.noteWorker(`L${card.toString(16).toUpperCase().padStart(6, '0')}`, NINE + 12 * HOUR);
    // 2026-04-01 00:30: another day and another pseudonym month.
    sketches.noteWorker('L000001', NINE + 15 * HOUR + 30 * MINUTE);

    producers.produceClosedPeriods(NINE + 16 * HOUR);
    const items = outbox.pending(50).map((e) => e.item).filter((i) => i.kind === 'workers.daily');
    expect(items.map((i) => i.key)).toEqual(['st-1/workers.daily/2026-03-31+08:00']);
    const payload = items[0]!.payload as { pseudonymPeriod: string; precision: number; registers: string };
    expect({ pseudonymPeriod: payload.pseudonymPeriod, precision: payload.precision }).toEqual({ pseudonymPeriod: '2026-03', precision: 12 });
    const estimate = estimateDistinct(decodeSketch(payload.registers)!);
    expect(Math.abs(estimate - 200) / 200).toBeLessThan(3 * HLL_STANDARD_ERROR);

    producers.produceClosedPeriods(NINE + 40 * HOUR);
    const april = outbox.pending(50).map((e) => e.item).find((i) => i.key === 'st-1/workers.daily/2026-04-01+08:00');
    expect(april?.payload).toMatchObject({ pseudonymPeriod: '2026-04' });
    expect(estimateDistinct(decodeSketch((april!.payload as { registers: string }).registers)!)).toBe(1);
    expect(f.rows<{ day_label: string }>('SELECT day_label FROM upstream_worker_sketches ORDER BY day_label').map((r) => r.day_label))
      .toEqual(['2026-03-31+08:00', '2026-04-01+08:00']);
  });

  it('gives one card one pseudonym per month at every station, and a new one the next month', () => {
    const march = periodPseudonymKey(FLEET_KEY, pseudonymPeriod(NINE));
    const april = periodPseudonymKey(FLEET_KEY, pseudonymPeriod(NINE + 24 * HOUR));
    expect([pseudonymPeriod(NINE), pseudonymPeriod(NINE + 24 * HOUR)]).toEqual(['2026-03', '2026-04']);
    expect(fleetPseudonym(march, 'L6F6C3A').equals(fleetPseudonym(periodPseudonymKey(FLEET_KEY, '2026-03'), 'L6F6C3A'))).toBe(true);
    expect(fleetPseudonym(march, 'L6F6C3A').equals(fleetPseudonym(april, 'L6F6C3A'))).toBe(false);
    expect(fleetPseudonym(march, 'L6F6C3A').equals(fleetPseudonym(march, 'L6F6C3B'))).toBe(false);
    expect(fleetPseudonym(march, 'L6F6C3A').equals(fleetPseudonym(periodPseudonymKey(Buffer.alloc(32, 1), '2026-03'), 'L6F6C3A'))).toBe(false);
  });
});
