import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSPECTION_ITEMS } from '../../../../common/inspection';
import { EVERY_DAY, type NoticeFields } from '../../../../common/notices';
import { err, type Result } from '../../../../common/result';
import { createEventBus } from '../../event-bus';
import { openStationDatabase } from '../../storage/database';
import { useTempDirs } from '../../testing/temp-dirs';
import { createStewardRecordsService } from './records-service';
import { stewardAccessDouble, TEST_SESSION as session } from './testing-steward-access';

const temp = useTempDirs('station-records-');
let savedTz: string | undefined;
let db: Database.Database;
beforeEach(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
  db = openStationDatabase({ dataDir: temp.make() });
});
afterEach(() => {
  db.close();
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

function setup(nowMs = new Date(2026, 11, 1, 14, 30).getTime()) {
  const access = stewardAccessDouble(db);
  const events = createEventBus();
  let now = nowMs;
  const run = async <T>(fn: () => Result<T>): Promise<Result<T>> => {
    try {
      return fn();
    } catch (error) {
      return err('internal', String(error));
    }
  };
  const { api } = createStewardRecordsService({ db, access, now: () => now, events, run });
  return { api, access, events, setNow: (ms: number) => (now = ms) };
}

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
};

describe('steward sections: session and arguments', () => {
  it('refuses without a signed-in session and names the bad field', async () => {
    const { api, access } = setup();
    expect(await api.listSupplies({ session: 'X'.repeat(32) })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await api.getUsage({ session, range: 'year' as never })).toMatchObject({ ok: false, code: 'invalid-argument', message: expect.stringContaining('range') });
    access.signOut();
    expect(await api.getUsage({ session, range: 'today' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(access.audits()).toEqual([]);
  });
});

describe('supplies', () => {
  it('starts with the stations’ catalogue, zh-CN and English', async () => {
    const { api } = setup();
    const { items, alerts } = value(await api.listSupplies({ session }));
    expect(items.map((i) => i.name['zh-CN'])).toEqual([
      '饮用水', '纸杯', '方便面', '小零食', '急救用品', '针线包', '女性用品', '打气筒', '充电线', '雨伞', '口罩', '暖宝宝', '防暑降温用品', '冰袖',
    ]);
    expect(items.find((i) => i.name.en === 'Heat patches')).toMatchObject({ season: 'winter', stock: null, low: false });
    expect(items.filter((i) => i.season === 'summer').map((i) => i.name.en)).toEqual(['Cooling items', 'Sun sleeves']);
    expect(alerts).toEqual([]);
  });

  it('counts and restocks: stock, consumption, a low-stock alert that opens and clears, each audited', async () => {
    const { api, access, setNow } = setup(1_000_000);
    const water = 1; // 饮用水, low at 12
    expect(value(await api.recordStock({ session, itemId: water, kind: 'count', quantity: 30, note: null }))).toMatchObject({ item: { stock: 30, low: false }, alertOpened: false });
    setNow(2_000_000);
    expect(value(await api.recordStock({ session, itemId: water, kind: 'count', quantity: 3, note: '周末用得多' }))).toMatchObject({ item: { stock: 3, low: true }, alertOpened: true, alertCleared: false });
    expect(value(await api.listSupplies({ session })).alerts).toEqual([{ id: 1, itemId: water, openedMs: 2_000_000, stock: 3, lowAt: 12 }]);
    setNow(3_000_000);
    expect(value(await api.recordStock({ session, itemId: water, kind: 'restock', quantity: 24, note: null }))).toMatchObject({ item: { stock: 27, low: false }, alertOpened: false, alertCleared: true });
    expect(value(await api.listSupplies({ session })).alerts).toEqual([]);
    setNow(4_000_000);
    await api.recordStock({ session, itemId: water, kind: 'count', quantity: 29, note: null });
    expect(value(await api.supplyHistory({ session, itemId: water }))).toEqual([
      { id: 4, itemId: water, atMs: 4_000_000, kind: 'count', quantity: 29, stockAfter: 29, consumed: 0, note: null },
      { id: 3, itemId: water, atMs: 3_000_000, kind: 'restock', quantity: 24, stockAfter: 27, consumed: null, note: null },
      { id: 2, itemId: water, atMs: 2_000_000, kind: 'count', quantity: 3, stockAfter: 3, consumed: 27, note: '周末用得多' },
      { id: 1, itemId: water, atMs: 1_000_000, kind: 'count', quantity: 30, stockAfter: 30, consumed: null, note: null },
    ]);
    expect(db.prepare('SELECT opened_ms, cleared_ms FROM supply_alerts').all()).toEqual([{ opened_ms: 2_000_000, cleared_ms: 3_000_000 }]);
    expect(access.audits().map((a) => `${a.action} ${a.subject}`)).toEqual([
      'supplies.count supply 1', 'supplies.count supply 1', 'supplies.restock supply 1', 'supplies.count supply 1',
    ]);
  });

  it('a failed audit leaves no stock record; an unknown item or an empty restock is refused', async () => {
    const { api, access } = setup();
    access.failNextAudit = true;
    expect(await api.recordStock({ session, itemId: 1, kind: 'count', quantity: 3, note: null })).toMatchObject({ ok: false, code: 'internal' });
    expect(db.prepare('SELECT count(*) AS n FROM supply_stock').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM supply_alerts').get()).toEqual({ n: 0 });
    expect(await api.recordStock({ session, itemId: 99, kind: 'count', quantity: 3, note: null })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await api.recordStock({ session, itemId: 1, kind: 'restock', quantity: 0, note: null })).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(access.audits()).toEqual([]);
  });

  it('stewards add and edit items; raising a threshold over the stock opens the alert, retiring the item clears it', async () => {
    const { api, access } = setup();
    const fields = { name: { 'zh-CN': '雨衣', en: 'Raincoats' }, unit: { 'zh-CN': '件', en: 'coats' }, season: 'all', lowAt: 2, active: true } as const;
    const added = value(await api.saveSupplyItem({ session, id: null, fields }));
    expect(added).toMatchObject({ id: 15, name: fields.name, stock: null, low: false });
    await api.recordStock({ session, itemId: 15, kind: 'restock', quantity: 5, note: null });
    expect(value(await api.saveSupplyItem({ session, id: 15, fields: { ...fields, lowAt: 5 } }))).toMatchObject({ stock: 5, low: true });
    expect(value(await api.listSupplies({ session })).alerts.map((a) => a.itemId)).toEqual([15]);
    await api.saveSupplyItem({ session, id: 15, fields: { ...fields, lowAt: 5, active: false } });
    const after = value(await api.listSupplies({ session }));
    expect(after.alerts).toEqual([]);
    expect(after.items.some((i) => i.id === 15)).toBe(false);
    expect(await api.saveSupplyItem({ session, id: 99, fields })).toMatchObject({ ok: false, code: 'not-found' });
    expect(access.audits().map((a) => a.action)).toEqual(['supplies.add-item', 'supplies.restock', 'supplies.edit-item', 'supplies.edit-item']);
  });
});

describe('inspection', () => {
  const all = (failing: Record<string, string> = {}) =>
    INSPECTION_ITEMS.map((item) => ({ item, passed: !(item in failing), note: failing[item] ?? null }));

  it('records every item with time and steward, newest first, in checklist order', async () => {
    const { api, access, setNow } = setup(5_000);
    const first = value(await api.recordInspection({ session, results: all() }));
    expect(first).toMatchObject({ id: 1, atMs: 5_000, stewardName: '王芳', failed: 0 });
    setNow(9_000);
    await api.recordInspection({ session, results: all({ microwave: '不加热', 'first-aid-kit': '缺创可贴' }).reverse() });
    const history = value(await api.listInspections({ session }));
    expect(history.map((i) => [i.id, i.atMs, i.failed])).toEqual([[2, 9_000, 2], [1, 5_000, 0]]);
    expect(history[0]!.results.map((r) => r.item)).toEqual([...INSPECTION_ITEMS]);
    expect(history[0]!.results.filter((r) => !r.passed)).toEqual([
      { item: 'microwave', passed: false, note: '不加热' },
      { item: 'first-aid-kit', passed: false, note: '缺创可贴' },
    ]);
    expect(access.audits().map((a) => `${a.action} ${a.subject}`)).toEqual(['inspection.record inspection 1', 'inspection.record inspection 2']);
  });

  it('a note at its limit in characters is kept whole, though emoji make it far longer in UTF-16 units; one more is refused', async () => {
    const { api } = setup();
    const note = '👨‍👩‍👧‍👦'.repeat(100) + '断电'.repeat(50) + 'e\u0301'.repeat(100); // 300 characters, 1400 units
    expect(note.length).toBe(1_400);
    const saved = value(await api.recordInspection({ session, results: all({ microwave: note }) }));
    expect(saved.results.find((r) => r.item === 'microwave')?.note).toBe(note);
    expect(value(await api.listInspections({ session }))[0]!.results.find((r) => r.item === 'microwave')?.note).toBe(note);
    expect(await api.recordInspection({ session, results: all({ microwave: `${note}🇨🇳` }) })).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(db.prepare('SELECT count(*) AS n FROM inspections').get()).toEqual({ n: 1 });
  });

  it('refuses a checklist with an item missing or twice', async () => {
    const { api } = setup();
    expect(await api.recordInspection({ session, results: all().slice(1) })).toMatchObject({ ok: false, code: 'invalid-argument' });
    const twice = all();
    twice[0] = { ...twice[1]! };
    expect(await api.recordInspection({ session, results: twice })).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(db.prepare('SELECT count(*) AS n FROM inspections').get()).toEqual({ n: 0 });
  });
});

describe('notices', () => {
  const haircut: NoticeFields = {
    kind: 'event',
    title: { 'zh-CN': '免费理发', en: 'Free haircut' },
    body: { 'zh-CN': '14:00–17:00', en: '2 pm to 5 pm' },
    startMinute: 14 * 60,
    endMinute: 17 * 60,
    days: EVERY_DAY,
    active: true,
  };

  it('the attract screen reads what is current without a session, and when it changes; edits are audited and announced', async () => {
    const at1430 = new Date(2026, 11, 1, 14, 30).getTime();
    const { api, access, events, setNow } = setup(at1430);
    expect(value(await api.getCurrentNotices())).toEqual({ notices: [], nextChangeMs: null });
    let announced = 0;
    events.on('noticesChanged', () => (announced += 1));
    const saved = value(await api.saveNotice({ session, id: null, fields: haircut }));
    const hotline = value(await api.saveNotice({ session, id: null, fields: { ...haircut, kind: 'notice', title: { 'zh-CN': '法律援助热线 12351', en: 'Legal aid hotline 12351' }, startMinute: 0, endMinute: 1440 } }));
    await Promise.resolve();
    expect(announced).toBe(2);
    expect(value(await api.getCurrentNotices())).toEqual({ notices: [hotline, saved], nextChangeMs: new Date(2026, 11, 1, 17, 0).getTime() });
    setNow(new Date(2026, 11, 1, 17, 0).getTime());
    expect(value(await api.getCurrentNotices())).toEqual({ notices: [hotline], nextChangeMs: new Date(2026, 11, 2, 0, 0).getTime() });
    await api.deleteNotice({ session, id: hotline.id });
    expect(await api.deleteNotice({ session, id: hotline.id })).toMatchObject({ ok: false, code: 'not-found' });
    expect(value(await api.listNotices({ session })).map((n) => n.id)).toEqual([saved.id]);
    expect(access.audits().map((a) => `${a.action} ${a.subject}`)).toEqual(['notice.add notice 1', 'notice.add notice 2', 'notice.delete notice 2']);
    expect(await api.saveNotice({ session, id: null, fields: { ...haircut, startMinute: 900, endMinute: 800 } })).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('an edit of an existing notice needs a reason and is audited with it; switching it off or on alone is not an edit', async () => {
    const { api, access, setNow } = setup(1_000);
    const saved = value(await api.saveNotice({ session, id: null, fields: haircut }));
    const later = { ...haircut, title: { 'zh-CN': '免费理发（改到周六）', en: 'Free haircut (now Saturday)' }, days: 0b100_0000 };
    setNow(2_000);
    expect(await api.saveNotice({ session, id: saved.id, fields: later })).toMatchObject({ ok: false, code: 'invalid-argument', message: expect.stringContaining('reason') });
    expect(await api.saveNotice({ session, id: saved.id, fields: later, reason: '   ' })).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(value(await api.listNotices({ session }))).toEqual([{ ...haircut, id: saved.id, updatedMs: 1_000 }]);
    const edited = value(await api.saveNotice({ session, id: saved.id, fields: later, reason: 'The time or the details changed' }));
    expect(edited).toEqual({ ...later, id: saved.id, updatedMs: 2_000 });
    expect(value(await api.saveNotice({ session, id: saved.id, fields: { ...later, active: false } }))).toMatchObject({ active: false });
    expect(await api.saveNotice({ session, id: 99, fields: later, reason: 'x' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(access.audits().map((a) => [a.action, a.subject, a.reason])).toEqual([
      ['notice.add', `notice ${saved.id}`, null],
      ['notice.edit', `notice ${saved.id}`, 'The time or the details changed'],
      ['notice.off', `notice ${saved.id}`, null],
    ]);
  });

  it('every text at its limit in characters (emoji, CJK, combining marks) is saved whole; one more is refused', async () => {
    const { api } = setup();
    const fields: NoticeFields = {
      ...haircut,
      title: { 'zh-CN': '🧑‍🔧'.repeat(30) + '理发'.repeat(15), en: 'e\u0301'.repeat(99) + '🏴󠁧󠁢󠁳󠁣󠁴󠁿' },
      body: { 'zh-CN': '👨‍👩‍👧‍👦'.repeat(300), en: '🇨🇳'.repeat(500) },
    };
    expect([fields.title['zh-CN'].length, fields.title.en.length, fields.body['zh-CN'].length, fields.body.en.length]).toEqual([180, 212, 3_300, 2_000]);
    const saved = value(await api.saveNotice({ session, id: null, fields }));
    expect(value(await api.listNotices({ session })).find((n) => n.id === saved.id)).toMatchObject({ title: fields.title, body: fields.body });
    for (const over of [
      { ...fields, title: { ...fields.title, 'zh-CN': `${fields.title['zh-CN']}线` } },
      { ...fields, body: { ...fields.body, en: `${fields.body.en}e\u0301` } },
    ]) {
      expect(await api.saveNotice({ session, id: null, fields: over })).toMatchObject({ ok: false, code: 'invalid-argument' });
    }
    expect(value(await api.listNotices({ session })).length).toBe(1);
  });
});
