/**
 * The fleet dashboard over real HTTP on 127.0.0.1 (PGlite, or the test PostgreSQL server):
 * only a signed-in session sees it; the page shows what the stations sent, in Chinese or
 * English; hostile wish text is shown as text; a reply needs the session's CSRF token and
 * same-origin form, and is stored; the new kinds are stored once each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../db/sql';
import { dailyItem, hourlyItem, inspectionItem, supplyAlertItem, wishItem } from '../test-items';
import { openTestDatabase, signedHeaders, startCollector, type RunningCollector } from '../testing';
import { createDashboardAuth } from './auth';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> 谢谢&amp;';
/** 2026-03-02 20:00 in Beijing: a few hours after the test items. */
const NOW = Date.UTC(2026, 2, 2, 12, 0);

let db: SqlDatabase;
let collector: RunningCollector;
let token: string;

const items = [
  hourlyItem('st-a', 8, 3), hourlyItem('st-a', 9, 2), hourlyItem('st-b', 9, 4), dailyItem('st-b', 6, 2),
  supplyAlertItem('st-a', 1, 'opened', 2), supplyAlertItem('st-a', 2, 'opened', 1), supplyAlertItem('st-a', 2, 'cleared', 30),
  inspectionItem('st-b', 7, '门坏了'),
  wishItem('st-a', 1, HOSTILE, 'help'), wishItem('st-a', 2, '希望多些热水', 'wish'),
];

async function send(stationId: string, key: Buffer, batch: unknown[]) {
  const body = JSON.stringify({ schemaVersion: 1, stationId, sentAtMs: NOW, items: batch });
  const res = await fetch(`${collector.url}/v1/batches`, { method: 'POST', body, headers: signedHeaders(key, stationId, body, { createdSeconds: Math.floor(NOW / 1000) }) });
  return (await res.json()) as { results: { key: string; status: string }[] };
}

beforeAll(async () => {
  db = await openTestDatabase();
  collector = await startCollector(db, { now: () => NOW, dashboard: { db } });
  const keys = { 'st-a': await collector.store.addStation('st-a'), 'st-b': await collector.store.addStation('st-b') };
  for (const id of ['st-a', 'st-b'] as const) {
    const mine = items.filter((i) => i.key.startsWith(`${id}/`));
    expect((await send(id, keys[id], mine)).results.map((r) => r.status)).toEqual(mine.map(() => 'accepted'));
    // Idempotent: the same items again are duplicates and change nothing.
    expect((await send(id, keys[id], mine)).results.map((r) => r.status)).toEqual(mine.map(() => 'duplicate'));
  }
  token = await createDashboardAuth(db).createToken('区工会 李明');
}, 120_000);

afterAll(async () => {
  await collector?.close();
  await db?.close();
});

async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${collector.url}/dashboard/sign-in`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ token }) });
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const page = await (await fetch(`${collector.url}/dashboard`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([A-Za-z0-9_-]+)"/.exec(page)![1]!;
  return { cookie, csrf };
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${collector.url}${path}`, { redirect: 'manual', headers });
const form = (path: string, cookie: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${collector.url}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, ...headers }, body: new URLSearchParams(fields) });

describe('fleet dashboard', () => {
  it('stores each new kind once: items by kind', async () => {
    const rows = await db.query<{ kind: string; n: number }>('SELECT kind, count(*)::int AS n FROM items GROUP BY kind ORDER BY kind');
    expect(rows).toEqual([
      { kind: 'inspection.result', n: 1 }, { kind: 'supply.alert', n: 3 }, { kind: 'visits.daily', n: 1 }, { kind: 'visits.hourly', n: 3 }, { kind: 'wish.posted', n: 2 },
    ]);
  });

  it('is closed without a session: the page redirects to sign-in, a wrong token gets 401 and no cookie', async () => {
    const res = await get('/dashboard');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard/sign-in?lang=zh-CN');
    expect((await get('/dashboard', { cookie: 'fleet_session=' + 'A'.repeat(43) })).status).toBe(303);
    const bad = await fetch(`${collector.url}/dashboard/sign-in`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ token: 'B'.repeat(43) }) });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();
    expect(await bad.text()).toContain('令牌无效或已停用。');
    expect(await db.query('SELECT 1 FROM dashboard_sessions')).toEqual([]);
  });

  it('shows stations, visits per day, shortages, unread wishes and inspections, in Chinese by default and English on request', async () => {
    const { cookie } = await signIn();
    const zh = await get('/dashboard', { cookie });
    expect(zh.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await zh.text();
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('驿站联网总览');
    // st-a: hours 8 and 9 (3 + 2 members, 1 guest each); st-b: its whole day (6 members, 2
    // guests), which stands in for its hours once it has arrived (hour 9 is not added again).
    expect(page).toMatch(/<tr data-station="st-a">.*?<td class="visits">7 <span class="muted">\(会员 5, 访客 2\)/s);
    expect(page).toMatch(/<tr data-station="st-b">.*?<td class="visits">8 <span class="muted">\(会员 6, 访客 2\)/s);
    expect(page).toContain('<tr><td>2026-03-02</td><td>11</td><td>4</td></tr>');
    expect(page).toContain('矿泉水1');
    expect(page).not.toContain('矿泉水2'); // cleared
    expect(page).toContain('microwave (门坏了)');
    expect(page).toContain('未读心愿 (2)');

    const en = await (await get('/dashboard?lang=en', { cookie })).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Rest stations: fleet overview');
    expect(en).toContain('Water 1');
    const accept = await (await get('/dashboard', { cookie, 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' })).text();
    expect(accept).toContain('<html lang="en">');
  });

  it('shows hostile wish text as text: no tag of it reaches the page', async () => {
    const { cookie } = await signIn();
    const page = await (await get('/dashboard', { cookie })).text();
    expect(page).toContain('<p class="wish-text">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; 谢谢&amp;amp;</p>');
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
  });

  it('a reply needs the session\'s CSRF token and a same-origin form; with them it is stored and the wish is read', async () => {
    const { cookie, csrf } = await signIn();
    const wishId = (wishItem('st-a', 2, '').payload as { wishId: string }).wishId;
    const fields = { stationId: 'st-a', wishId, text: '下周加装热水器。' };
    const replies = () => db.query<{ station_id: string; wish_id: string; text: string; author: string }>(
      'SELECT station_id, wish_id, text, author FROM dashboard_wish_replies ORDER BY id',
    );

    expect((await form('/dashboard/wishes/reply', cookie, fields)).status).toBe(403);
    expect((await form('/dashboard/wishes/reply', cookie, { ...fields, csrf: 'x'.repeat(43) })).status).toBe(403);
    expect((await form('/dashboard/wishes/reply', 'fleet_session=none', { ...fields, csrf })).status).toBe(403);
    expect((await form('/dashboard/wishes/reply', cookie, { ...fields, csrf }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await form('/dashboard/wishes/reply', cookie, { ...fields, csrf }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await form('/dashboard/wishes/reply', cookie, { ...fields, csrf }, { origin: 'null' })).status).toBe(403);
    expect((await form('/dashboard/wishes/reply', cookie, { ...fields, wishId: 'f'.repeat(32), csrf })).status).toBe(404);
    expect((await form('/dashboard/wishes/reply', cookie, { ...fields, text: '   ', csrf })).headers.get('location')).toBe('/dashboard?lang=zh-CN&done=reply-invalid');
    expect(await replies()).toEqual([]);

    const ok = await form('/dashboard/wishes/reply?lang=en', cookie, { ...fields, csrf }, { origin: collector.url });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/dashboard?lang=en&done=reply');
    expect(await replies()).toEqual([{ station_id: 'st-a', wish_id: wishId, text: '下周加装热水器。', author: '区工会 李明' }]);
    const page = await (await get('/dashboard?lang=en&done=reply', { cookie })).text();
    expect(page).toContain('Reply saved; it goes down to the station.');
    expect(page).toContain('Unread wishes (1)');
    expect(page).not.toContain(`data-wish="${wishId}"`);
  });

  it('signing out ends the session everywhere', async () => {
    const { cookie, csrf } = await signIn();
    expect((await form('/dashboard/sign-out', cookie, { csrf })).status).toBe(303);
    expect((await get('/dashboard', { cookie })).status).toBe(303);
  });
});
