/**
 * Console sections drawn to HTML: the usage totals a report gives, in both languages, and
 * each section's first frame (before its data arrives) with the test ids e2e tests use.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StationClient } from '../../../common/contract';
import { ok } from '../../../common/result';
import type { UsageReport } from '../../../common/usage';
import { createConsolePrefetch, PREFETCH_MAX_AGE_MS } from '../console-prefetch';
import { createHtmlRenderer, type RenderToHtml } from '../../screens/render-to-html';
import { CountedSince } from './DevicesSection';
import { UpstreamPulls } from './UpstreamPulls';
import { FolderChoice, TableChoices } from './ExportSection';
import { InspectionSection } from './InspectionSection';
import { NoticeForm } from './NoticeForm';
import { stepMinute } from './NoticePickers';
import { NoticesSection } from './NoticesSection';
import { SuppliesSection } from './SuppliesSection';
import { UsageSection, UsageView } from './UsageSection';

let html: RenderToHtml;
beforeAll(async () => {
  html = await createHtmlRenderer();
});

const report: UsageReport = {
  range: '7d', startMs: 0, endMs: 7 * 86_400_000,
  byHour: Array.from({ length: 24 }, (_, h) => ({ members: h === 12 ? 5 : 0, guests: h === 12 ? 2 : 0 })),
  byDay: [{ startMs: 0, date: '2026-11-25', members: 3, guests: 1 }, { startMs: 86_400_000, date: '2026-11-26', members: 2, guests: 1 }],
  members: 5, guests: 2, uniqueWorkers: 4,
  categories: { 'food-delivery': 2, courier: 1, 'ride-hailing': 0, sanitation: 0, other: 0, unanswered: 1 },
  charging: { sessions: 3, ended: 2, averageMinutes: 41 }, joinInterest: 6, wishPosts: 0,
};
const noop = (): void => undefined;
const total = (markup: string, id: string) => new RegExp(`data-testid="usage-${id}"><dt>[^<]*</dt><dd>([^<]*)</dd>`).exec(markup)?.[1];

describe('usage section', () => {
  it('shows the report’s totals, by day and by category, and the chart box', () => {
    const markup = html(<UsageView range="7d" onRange={noop} report={report} failed={false} />);
    expect(total(markup, 'visits')).toBe('7');
    expect(total(markup, 'members')).toBe('5');
    expect(total(markup, 'guests')).toBe('2');
    expect(total(markup, 'unique')).toBe('4');
    expect(total(markup, 'charging')).toBe('3');
    expect(total(markup, 'average')).toBe('41');
    expect(total(markup, 'join')).toBe('6');
    expect(total(markup, 'category-food-delivery')).toBe('2');
    expect(total(markup, 'category-unanswered')).toBe('1');
    expect(markup).toContain('<th>2026-11-26</th><td>3</td>');
    expect(markup).toContain('data-testid="usage-chart"');
    expect(markup).toContain('aria-selected="true" class="console-tab" data-testid="usage-range-7d"');
    expect(html(<UsageView range="7d" onRange={noop} report={report} failed={false} />, 'zh-CN')).toContain('<dt>到访职工</dt><dd>4</dd>');
  });

  it('says so when the report could not be read, and draws no totals', () => {
    const markup = html(<UsageView range="today" onRange={noop} report={null} failed />);
    expect(markup).toContain('Could not load; try again');
    expect(markup).not.toContain('usage-visits');
  });
});

describe('usage section, report asked for before it mounted', () => {
  const session = 'S'.repeat(32);
  const checked = <T,>(result: T): T => result;
  /** A client that answers getUsage with `report` and records each call. */
  function station() {
    const calls: unknown[] = [];
    const client = { getUsage: async (arg: unknown) => (calls.push(arg), ok({ ...report, range: 'today' })) } as unknown as StationClient;
    return { client, calls };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('draws an answer that has arrived in its first frame, and takes it: it is not handed out again', async () => {
    const { client, calls } = station();
    const prefetch = createConsolePrefetch(client, session, () => 0);
    prefetch.usage.start('today');
    await settle();
    const markup = html(<UsageSection client={client} session={session} checked={checked} prefetch={prefetch} />);
    expect(total(markup, 'visits')).toBe('7');
    expect(total(markup, 'unique')).toBe('4');
    expect(calls).toEqual([{ session, range: 'today' }]);
    expect(prefetch.usage.take('today')).toBeNull();
  });

  it('an answer older than the prefetch age is not drawn (the section asks afresh)', async () => {
    const { client } = station();
    let nowMs = 0;
    const prefetch = createConsolePrefetch(client, session, () => nowMs);
    prefetch.usage.start('today');
    await settle();
    nowMs = PREFETCH_MAX_AGE_MS + 1;
    const markup = html(<UsageSection client={client} session={session} checked={checked} prefetch={prefetch} />);
    expect(markup).toContain('data-testid="section-usage"');
    expect(markup).not.toContain('usage-visits');
  });

  it('after sign-out (the console clears its prefetch) nothing asked before is drawn', async () => {
    const { client } = station();
    const prefetch = createConsolePrefetch(client, session, () => 0);
    prefetch.usage.start('today');
    await settle();
    prefetch.clear();
    expect(html(<UsageSection client={client} session={session} checked={checked} prefetch={prefetch} />)).not.toContain('usage-visits');
  });
});

describe('other sections, first frame', () => {
  const client = {} as StationClient;
  const session = 'S'.repeat(32);
  const checked = <T,>(result: T): T => result;
  const prefetch = createConsolePrefetch(client, session);
  it('inspection lists the seven haves and the daily checks, all passing to start with', () => {
    const markup = html(<InspectionSection client={client} session={session} checked={checked} prefetch={prefetch} />, 'zh-CN');
    for (const item of ['有场地', '有标识', '有设施', '有宣传', '有服务', '有制度', '有成效', '饮水机正常', '药箱齐全']) expect(markup).toContain(item);
    expect(markup.match(/aria-pressed="true"/g)).toHaveLength(11);
    expect(markup).toContain('data-testid="inspection-save"');
    // A note per item, written on the on-screen keyboard: no native field anywhere.
    expect(markup.match(/data-testid="inspection-note-[a-z-]+"/g)).toHaveLength(11);
    expect(markup).toContain('写备注');
    expect(markup).not.toMatch(/<(input|textarea|select)\b/);
  });
  it('supplies and notices open on their lists with the add button', () => {
    expect(html(<SuppliesSection client={client} session={session} checked={checked} prefetch={prefetch} />)).toContain('data-testid="section-supplies"');
    expect(html(<NoticesSection client={client} session={session} checked={checked} prefetch={prefetch} />)).toContain('data-testid="notice-add"');
  });
});

describe('notice form', () => {
  const tag = (markup: string, id: string) => new RegExp(`<[^>]*data-testid="${id}"[^>]*>`).exec(markup)?.[0] ?? '';
  const fields = {
    kind: 'event', title: { 'zh-CN': '义剪', en: 'Free haircut' }, body: { 'zh-CN': '', en: '' }, startMinute: 14 * 60, endMinute: 1440, days: 0b0111110, active: true,
  } as const;
  it('has no native field: texts open the on-screen keyboard, the window and days are buttons', () => {
    const markup = html(<NoticeForm initial={fields} handwriting={{} as StationClient} onSave={noop} onCancel={noop} />, 'zh-CN');
    expect(markup).not.toMatch(/<(input|textarea|select)\b|contenteditable/);
    expect(markup).toMatch(/data-testid="notice-title-zh"[^>]*>.*?义剪/);
    expect(markup).toMatch(/data-testid="notice-body-en"[^>]*>.*?点此书写/);
    expect(markup).toMatch(/data-testid="notice-start-value"[^>]*>14:00</);
    expect(markup).toMatch(/data-testid="notice-end-value"[^>]*>24:00</);
    // Monday to Friday on, the weekend off; the end is at midnight, so it cannot go later.
    const days = [...markup.matchAll(/data-testid="notice-day-(\d)"[^>]*aria-pressed="(true|false)"/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(days).toEqual(['1:true', '2:true', '3:true', '4:true', '5:true', '6:false', '0:false']);
    expect(tag(markup, 'notice-kind-event')).toContain('aria-pressed="true"');
    expect(tag(markup, 'notice-end-hour-up')).toContain('disabled=""');
    expect(tag(markup, 'notice-end-hour-down')).not.toContain('disabled');
    expect(tag(markup, 'notice-save')).not.toContain('disabled');
    expect(markup).not.toContain('data-testid="text-composer"');
  });
  it('names the notice being edited in the language on screen', () => {
    const form = (locale: 'zh-CN' | 'en') => html(<NoticeForm initial={fields} editing handwriting={{} as StationClient} onSave={noop} onCancel={noop} />, locale);
    expect(form('en')).toMatch(/data-testid="notice-editing"[^>]*>Editing: (<!-- -->)?Free haircut</);
    expect(form('zh-CN')).toMatch(/data-testid="notice-editing"[^>]*>正在修改：(<!-- -->)?义剪</);
  });
  it('cannot be saved with an end not after the start, and says why', () => {
    const markup = html(<NoticeForm initial={{ ...fields, endMinute: 14 * 60 }} handwriting={{} as StationClient} onSave={noop} onCancel={noop} />, 'en');
    expect(markup).toContain('The end must be later than the start');
    expect(tag(markup, 'notice-save')).toContain('disabled=""');
  });
  it('steps hours and quarter hours within the day, never wrapping past midnight', () => {
    expect(stepMinute(14 * 60, 60, 0, 1425)).toBe(15 * 60);
    expect(stepMinute(23 * 60 + 30, 60, 0, 1425)).toBe(1425);
    expect(stepMinute(30, -60, 0, 1425)).toBe(0);
    expect(stepMinute(1440, -60, 15, 1440)).toBe(23 * 60);
    expect(stepMinute(14 * 60, 15, 0, 1425)).toBe(14 * 60 + 15);
    expect(stepMinute(14 * 60, -15, 0, 1425)).toBe(13 * 60 + 45);
    // A stored minute off the grid steps onto it, either way.
    expect(stepMinute(14 * 60 + 7, 15, 0, 1425)).toBe(14 * 60 + 15);
    expect(stepMinute(14 * 60 + 7, -15, 0, 1425)).toBe(14 * 60);
    expect(stepMinute(15, -15, 15, 1440)).toBe(15);
  });
});

describe('export section', () => {
  const ids = ['visits', 'locker-sessions', 'steward-actions', 'stock-history', 'inspections', 'future-table'];
  const names = (markup: string) => [...markup.matchAll(/data-testid="export-table-[^"]+"[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);
  it('names every table in the steward\'s language, not by its id; an unnamed one keeps its id', () => {
    const markup = html(<TableChoices tables={ids} chosen={new Set(ids)} onToggle={noop} />);
    expect(names(markup)).toEqual(['Visits (pseudonymous)', 'Locker sessions', 'Steward actions (audit)', 'Stock counts and restocks', 'Inspections', 'future-table']);
    expect(names(html(<TableChoices tables={ids} chosen={new Set()} onToggle={noop} />, 'zh-CN'))).toEqual(['到站记录（匿名）', '充电柜使用记录', '管理员操作记录', '物资盘点与补货', '巡检记录', 'future-table']);
  });
});

describe('devices section', () => {
  it('says since when the error and reopen counts run, always with the date (they are kept across restarts)', () => {
    const start = new Date(2026, 10, 30, 14, 2).getTime();
    expect(html(<CountedSince sinceMs={start} />)).toContain(`Errors and reopens counted since ${new Date(start).toLocaleDateString('en')} 14:02`);
    expect(html(<CountedSince sinceMs={start} />, 'zh-CN')).toContain(`故障与重连次数自 ${new Date(start).toLocaleDateString('zh-CN')} 14:02 起累计`);
  });
});

describe('upstream pulls on the devices section', () => {
  const now = new Date(2026, 11, 1, 15, 0).getTime();
  const ETAG = '"sha256-9f2c0c1d5e"';
  const pulls = [
    { kind: 'notices' as const, etag: ETAG, lastPullAtMs: now - 120_000, lastChangeAtMs: now - 3 * 3_600_000, lastError: null, nextPullAtMs: now + 180_000 },
    { kind: 'stewards' as const, etag: null, lastPullAtMs: null, lastChangeAtMs: null, lastError: { atMs: now - 60_000, message: 'HTTP 500' }, nextPullAtMs: now + 30_000 },
    { kind: 'words' as const, etag: ETAG, lastPullAtMs: now - 86_400_000, lastChangeAtMs: now - 2 * 86_400_000, lastError: null, nextPullAtMs: null },
  ];
  const cells = (markup: string, kind: string) =>
    ['in-force', 'last', 'problem', 'next'].map((c) => new RegExp(`data-testid="pull-${c}-${kind}">([^<]*)<`).exec(markup)?.[1]?.replace(/<!-- -->/g, ''));

  it('per kind: the version in use and its age, last check, last problem, next check, in plain words; never the ETag', () => {
    const markup = html(<UpstreamPulls pulls={pulls} nowMs={now} />);
    expect(markup).not.toContain('sha256');
    expect(markup).toContain('Notices and events');
    expect(cells(markup, 'notices')).toEqual(['since 12:00 (3 hours ago)', '14:58 (2 minutes ago)', 'none', '15:03 (in 3 minutes)']);
    expect(cells(markup, 'stewards')).toEqual(['none received yet', 'not yet', '14:59 (1 minute ago): HTTP 500 (the version in use was kept)', '15:00 (in 30 seconds)']);
    const twoDaysAgo = new Date(now - 2 * 86_400_000).toLocaleDateString('en');
    expect(cells(markup, 'words')?.[0]).toBe(`since ${twoDaysAgo} 15:00 (2 days ago)`);
    expect(cells(markup, 'words')?.[3]).toBe('not checked');
  });

  it('in Chinese; and nothing at all without a collector', () => {
    const markup = html(<UpstreamPulls pulls={pulls} nowMs={now} />, 'zh-CN');
    expect(markup).toContain('管理员名单');
    expect(cells(markup, 'notices')?.[0]).toBe('自 12:00（3小时前） 起');
    expect(html(<UpstreamPulls pulls={[]} nowMs={now} />)).toBe('');
  });
});

describe('export folder', () => {
  it('offers each USB stick plugged in as a button and the typed path, with no native field anywhere', () => {
    const sticks = [{ path: '/media/kiosk/UNION USB', label: 'UNION USB' }, { path: '/mnt/usb1', label: 'usb1' }];
    const markup = html(<FolderChoice folder="/mnt/usb1" detected={sticks} onFolder={noop} />);
    expect(markup).not.toMatch(/<(input|textarea|select)\b/);
    expect(markup).toMatch(/data-testid="export-usb-UNION USB" aria-pressed="false">UNION USB <small>\/media\/kiosk\/UNION USB<\/small>/);
    expect(markup).toContain('data-testid="export-usb-usb1" aria-pressed="true"');
    expect(markup).toContain('data-testid="export-folder-value">/mnt/usb1<');
    expect(html(<FolderChoice folder="" detected={[]} onFolder={noop} />, 'zh-CN')).toContain('未找到U盘。请插入U盘，或输入文件夹路径');
    const tables = html(<TableChoices tables={['visits']} chosen={new Set(['visits'])} onToggle={noop} />);
    expect(tables).not.toMatch(/<(input|textarea|select)\b/);
  });
});
