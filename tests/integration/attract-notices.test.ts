/**
 * The attract screen's notices change by themselves when a window opens or closes, and at
 * once when a steward edits them: the page's watch against the real service and SQLite,
 * with fake timers for the clock of both.
 */
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StationClient } from '../../common/contract';
import { EVERY_DAY, type Notice, type NoticeFields } from '../../common/notices';
import type { Result } from '../../common/result';
import { createEventBus } from '../../electron/service/event-bus';
import { openStationDatabase } from '../../electron/service/storage/database';
import { createStewardRecordsService } from '../../electron/service/steward/records/records-service';
import { stewardAccessDouble, TEST_SESSION as session } from '../../electron/service/steward/records/testing-steward-access';
import { useTempDirs } from '../../electron/service/testing/temp-dirs';
import { MAX_WAIT_MS, watchCurrentNotices } from '../../renderer/notices/notice-watch';

const temp = useTempDirs('attract-notices-');
let db: Database.Database;
let savedTz: string | undefined;
beforeEach(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
  vi.useFakeTimers({ now: new Date(2026, 11, 1, 13, 59, 58).getTime() });
  db = openStationDatabase({ dataDir: temp.make() });
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const haircut: NoticeFields = {
  kind: 'event', title: { 'zh-CN': '免费理发', en: 'Free haircut' }, body: { 'zh-CN': '', en: '' },
  startMinute: 14 * 60, endMinute: 17 * 60, days: EVERY_DAY, active: true,
};

function station() {
  const events = createEventBus();
  const run = async <T>(fn: () => Result<T>) => fn();
  const { api } = createStewardRecordsService({ db, access: stewardAccessDouble(db), now: Date.now, events, run });
  const client = { getCurrentNotices: api.getCurrentNotices, on: events.on } as Pick<StationClient, 'getCurrentNotices' | 'on'>;
  const seen: string[][] = [];
  const titles = (list: readonly Notice[]) => list.map((n) => n.title.en);
  const stop = watchCurrentNotices({ client, now: Date.now, onChange: (list) => seen.push(titles(list)) });
  return { api, seen, stop };
}

describe('attract-screen notices', () => {
  it('a window opens at 14:00 and closes at 17:00 without anyone touching the screen', async () => {
    const { api, seen, stop } = station();
    await vi.advanceTimersByTimeAsync(0);
    // The first answer: nothing scheduled yet.
    expect(seen).toEqual([[]]);
    await api.saveNotice({ session, id: null, fields: haircut });
    await vi.advanceTimersByTimeAsync(0);
    // The edit is announced, the page asks again: still 13:59:58, not yet showing.
    expect(seen).toEqual([[], []]);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(seen).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen.at(-1)).toEqual(['Free haircut']);
    await vi.advanceTimersByTimeAsync(3 * 3_600_000 - 1);
    expect(seen.at(-1)).toEqual(['Free haircut']);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen.at(-1)).toEqual([]);
    stop();
    const asked = seen.length;
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(seen).toHaveLength(asked);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('with nothing scheduled it still looks again within MAX_WAIT_MS, and a notice for now shows at once', async () => {
    const { api, seen, stop } = station();
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    expect(seen).toEqual([[], []]);
    await api.saveNotice({ session, id: null, fields: { ...haircut, kind: 'notice', title: { 'zh-CN': '谨防电信诈骗', en: 'Beware of phone scams' }, startMinute: 0, endMinute: 1440 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.at(-1)).toEqual(['Beware of phone scams']);
    stop();
  });
});
