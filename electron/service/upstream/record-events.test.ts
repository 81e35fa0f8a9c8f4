/**
 * Record producers over a real station database: supply alerts, inspections and wall notes
 * written through the real steward-records and wish services come out as exactly these
 * items, once each (also after a restart of the producers), masked, and with nobody's
 * identity in them; supply levels close each local day.
 */
import { describe, expect, it } from 'vitest';
import { INSPECTION_ITEMS } from '../../../common/inspection';
import { err, type Result } from '../../../common/result';
import { createEventBus } from '../event-bus';
import { createStewardRecordsService } from '../steward/records/records-service';
import { TEST_STEWARD_SESSION as session } from '../testing/steward-access-double';
import { useTimeZone } from '../testing/time-zone';
import { useWishFixture } from '../testing/wish-fixture';
import { createOutboxStore } from './outbox-store';
import { createProducers } from './producers';
import { createRecordEvents } from './record-events';
import { createSummaries } from './summaries';
import { createSupplyLevels } from './supply-levels';

useTimeZone('Asia/Shanghai');
const MINUTE = 60_000;
/** 2026-03-02 09:00 in Beijing. */
const NINE = Date.UTC(2026, 2, 2, 1, 0);
const fixture = useWishFixture();

function setUp() {
  const f = fixture();
  f.clock.ms = NINE;
  const run = async <T>(fn: () => Result<T>): Promise<Result<T>> => {
    try {
      return fn();
    } catch (error) {
      return err('internal', String(error));
    }
  };
  const records = createStewardRecordsService({ db: f.db, access: f.steward, now: () => f.clock.ms, events: createEventBus(), run }).api;
  const outbox = createOutboxStore(f.db);
  const make = () =>
    createProducers({
      stationId: 'st-1', outbox, summaries: createSummaries(f.db),
      supplyLevels: createSupplyLevels(f.db), recordEvents: createRecordEvents(f.db, 'st-1', outbox),
    });
  const items = () => outbox.pending(100).map((e) => e.item);
  return { f, records, outbox, make, items };
}

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
};

const fields = { name: { 'zh-CN': '矿泉水', en: 'Water' }, unit: { 'zh-CN': '瓶', en: 'bottles' }, season: 'all' as const, lowAt: 5, active: true };

describe('record producers', () => {
  it('a low-stock alert goes up when it opens and when it clears, once each, with the item and stock', async () => {
    const { f, records, make, items } = setUp();
    const item = ok(await records.saveSupplyItem({ session, id: null, fields }));
    ok(await records.recordStock({ session, itemId: item.id, kind: 'count', quantity: 3, note: null }));
    const alertId = ok(await records.listSupplies({ session })).alerts[0]!.id;
    const producers = make();
    producers.produceClosedPeriods(NINE + 5 * MINUTE);
    f.clock.ms = NINE + 7 * MINUTE;
    ok(await records.recordStock({ session, itemId: item.id, kind: 'restock', quantity: 10, note: null }));
    producers.produceClosedPeriods(NINE + 10 * MINUTE);
    make().produceClosedPeriods(NINE + 15 * MINUTE);

    const ref = { itemId: item.id, name: fields.name, unit: fields.unit };
    expect(items().filter((i) => i.kind === 'supply.alert')).toEqual([
      {
        key: `st-1/supply.alert/${alertId}.opened`, kind: 'supply.alert', producedAtMs: NINE + 5 * MINUTE,
        payload: { alertId, change: 'opened', atMs: NINE, item: ref, stock: 3, lowAt: 5 },
      },
      {
        key: `st-1/supply.alert/${alertId}.cleared`, kind: 'supply.alert', producedAtMs: NINE + 10 * MINUTE,
        payload: { alertId, change: 'cleared', atMs: NINE + 7 * MINUTE, item: ref, stock: 13, lowAt: 5 },
      },
    ]);
  });

  it('supplies.daily reports each active item as its stock stood at the local day\'s close', async () => {
    const { f, records, make, items } = setUp();
    const item = ok(await records.saveSupplyItem({ session, id: null, fields }));
    ok(await records.recordStock({ session, itemId: item.id, kind: 'count', quantity: 8, note: null }));
    f.clock.ms = NINE + 16 * 60 * MINUTE; // 01:00 the next day: after the close
    ok(await records.recordStock({ session, itemId: item.id, kind: 'count', quantity: 2, note: null }));
    make().produceClosedPeriods(f.clock.ms);
    const daily = items().filter((i) => i.kind === 'supplies.daily');
    expect(daily.map((i) => i.key)).toEqual(['st-1/supplies.daily/2026-03-02+08:00']);
    const payload = daily[0]!.payload as { items: unknown[] };
    expect(payload.items).toContainEqual({ itemId: item.id, name: fields.name, unit: fields.unit, stock: 8, lowAt: 5, low: false });
  });

  it('an inspection goes up once with each item and its note masked, never who inspected', async () => {
    const { records, make, items } = setUp();
    const results = INSPECTION_ITEMS.map((i) => ({ item: i, passed: i !== 'microwave', note: i === 'microwave' ? '坏了，请联系13812345678' : null }));
    const inspection = ok(await records.recordInspection({ session, results }));
    make().produceClosedPeriods(NINE + 5 * MINUTE);
    make().produceClosedPeriods(NINE + 10 * MINUTE);
    const sent = items().filter((i) => i.kind === 'inspection.result');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({
      key: `st-1/inspection.result/${inspection.id}`, kind: 'inspection.result', producedAtMs: NINE + 5 * MINUTE,
      payload: {
        inspectionId: inspection.id, atMs: NINE, failed: 1,
        results: INSPECTION_ITEMS.map((i) => ({ item: i, passed: i !== 'microwave', note: i === 'microwave' ? '坏了，请联系138****5678' : null })),
      },
    });
    expect(JSON.stringify(sent)).not.toContain('Wang Li');
  });

  it('a note goes up masked when it reaches the wall (at once, or when approved), never while held or hidden', async () => {
    const { f, make, items } = setUp();
    f.post(f.tap(1), '<script>alert(1)</script> 电话13812345678', 'help');
    f.clock.ms += MINUTE;
    ok(f.wishes.setModerationMode({ session, mode: 'approval' }));
    const held = f.post(f.tap(2), '谢谢', 'wish');
    expect(held.kind).toBe('held');
    make().produceClosedPeriods(NINE + 5 * MINUTE);
    const uid = (id: number) => f.db.prepare<[number], { uid: string }>('SELECT uid FROM wishes WHERE id = ?').get(id)!.uid;
    expect(items().filter((i) => i.kind === 'wish.posted')).toEqual([
      {
        key: `st-1/wish.posted/${uid(1)}`, kind: 'wish.posted', producedAtMs: NINE + 5 * MINUTE,
        payload: { wishId: uid(1), category: 'help', text: '<script>alert(1)</script> 电话138****5678', sticker: null, postedAtMs: NINE },
      },
    ]);
    if (held.kind !== 'held') throw new Error(held.kind);
    ok(f.wishes.moderate({ session, id: held.id, action: { kind: 'approve' } }));
    make().produceClosedPeriods(NINE + 10 * MINUTE);
    make().produceClosedPeriods(NINE + 15 * MINUTE);
    expect(items().filter((i) => i.kind === 'wish.posted').map((i) => i.key)).toEqual([`st-1/wish.posted/${uid(1)}`, `st-1/wish.posted/${uid(2)}`]);
    const all = JSON.stringify(items());
    expect(all).not.toContain('13812345678');
    expect(all).not.toMatch(/visit|card/i);
  });

  it('an item the collector stored (removed from the outbox) is not written again', async () => {
    const { records, outbox, make } = setUp();
    ok(await records.recordInspection({ session, results: INSPECTION_ITEMS.map((i) => ({ item: i, passed: true, note: null })) }));
    make().produceClosedPeriods(NINE + 5 * MINUTE);
    outbox.remove(outbox.pending(100).map((e) => e.key));
    expect(make().produceClosedPeriods(NINE + 10 * MINUTE)).toBe(0);
    expect(outbox.stats().pending).toBe(0);
  });
});
