/**
 * The fleet dashboard page and its sign-in page: server-rendered from a {@link FleetView},
 * every value escaped by `html`, forms carrying the session's CSRF token.
 */
import { HLL_STANDARD_ERROR } from '../../common/hyperloglog';
import { visitsChart } from './chart';
import type { FleetView, StationRow } from './fleet-queries';
import { html, type SafeHtml } from './html';
import { page } from './layout';
import { translator, type DashboardKey, type DashboardLanguage, type Translate } from './strings';
import { REPLY_MAX } from '../pull-store';

/** The districts' stations are in Beijing time. */
const TIME_ZONE = 'Asia/Shanghai';

export type Flash = 'reply' | 'read' | 'reply-invalid' | null;

export interface FleetPageInput {
  readonly language: DashboardLanguage;
  readonly view: FleetView;
  readonly csrf: string;
  readonly signedInAs: string;
  readonly flash: Flash;
}

const other = (language: DashboardLanguage): DashboardLanguage => (language === 'en' ? 'zh-CN' : 'en');

function when(ms: number | null, language: DashboardLanguage, t: Translate): string {
  if (ms === null) return t('never');
  return new Intl.DateTimeFormat(language, { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(ms);
}

function health(row: StationRow, t: Translate): SafeHtml {
  switch (row.health.state) {
    case 'ok': return html`<span class="ok">${t('healthOk')}</span>`;
    case 'silent': return html`<span class="bad">${t('healthSilent')}</span>`;
    case 'unknown': return html`<span class="muted">${t('healthUnknown')}</span>`;
    case 'devices': return html`<span class="bad">${row.health.down.map((d) => `${d.id}: ${d.state}`).join(', ')}</span>`;
  }
}

export function fleetPage(input: FleetPageInput): string {
  const { language, view, csrf } = input;
  const t = translator(language);
  const lang = language;
  const flash: Record<Exclude<Flash, null>, [DashboardKey, string]> = {
    reply: ['replySaved', 'flash'], read: ['markedRead', 'flash'], 'reply-invalid': ['replyInvalid', 'flash error'],
  };
  const shown = input.flash ? flash[input.flash] : null;
  const body = html`<header><h1>${t('title')}</h1><nav>
<a href="/dashboard?lang=${other(language)}" hreflang="${other(language)}">${t('language')}</a>
<form method="post" action="/dashboard/sign-out" style="display:inline"><input type="hidden" name="csrf" value="${csrf}">
<button type="submit">${t('signOut')} (${input.signedInAs})</button></form></nav></header>
${shown ? html`<p class="${shown[1]}" role="status">${t(shown[0])}</p>` : null}
<section id="stations"><h2>${t('stations')}</h2><table><thead><tr><th>${t('station')}</th><th>${t('lastSeen')}</th><th>${t('health')}</th>
<th>${t('visits7')}</th><th>${t('charging')}</th></tr></thead><tbody>
${view.stations.map((s) => html`<tr data-station="${s.id}"><td>${s.id}</td><td>${when(s.lastSeenMs, language, t)}</td><td>${health(s, t)}</td>
<td class="visits">${s.visits7.members + s.visits7.guests} <span class="muted">(${t('members')} ${s.visits7.members}, ${t('guests')} ${s.visits7.guests})</span></td>
<td>${t('sessions')} ${s.lockers7.sessions} · ${t('avgDuration')} ${s.lockers7.averageMinutes ?? '—'} · ${t('faults')} ${s.lockers7.faults}</td></tr>`)}
</tbody></table></section>
<section id="visits"><h2>${t('visitsPerDay')}</h2>
${view.visitsPerDay.length === 0 ? html`<p class="muted">${t('none')}</p>` : visitsChart(view.visitsPerDay, t('visitsPerDay'))}
<table><thead><tr><th>${t('day')}</th><th>${t('members')}</th><th>${t('guests')}</th></tr></thead><tbody>
${view.visitsPerDay.map((d) => html`<tr><td>${d.day}</td><td>${d.members}</td><td>${d.guests}</td></tr>`)}</tbody></table></section>
<section id="unique"><h2>${t('uniqueWorkers')}</h2>
${view.uniqueWorkers
    ? html`<p><strong class="estimate">${view.uniqueWorkers.estimate}</strong> (${view.uniqueWorkers.pseudonymPeriod}) <span class="muted">${t('uniqueWorkersNote')} ${(HLL_STANDARD_ERROR * 100).toFixed(1)} %, ${view.uniqueWorkers.sketches} ${t('sketches')}</span></p>`
    : html`<p class="muted">${t('none')}</p>`}</section>
<section id="shortages"><h2>${t('shortages')}</h2>
${view.shortages.length === 0 ? html`<p class="muted">${t('noShortages')}</p>` : html`<table><thead><tr><th>${t('station')}</th><th>${t('item')}</th><th>${t('stock')}</th><th>${t('lowAt')}</th><th>${t('since')}</th></tr></thead><tbody>
${view.shortages.map((s) => html`<tr><td>${s.stationId}</td><td>${s.name[language]}</td><td class="bad">${s.stock ?? '—'} ${s.unit[language]}</td><td>${s.lowAt}</td><td>${when(s.sinceMs, language, t)}</td></tr>`)}</tbody></table>`}</section>
<section id="wishes"><h2>${t('unreadWishes')} (${view.unreadWishCount})</h2>
${view.unreadWishes.length === 0 ? html`<p class="muted">${t('noWishes')}</p>` : view.unreadWishes.map((w) => html`<article class="wish" data-wish="${w.wishId}">
<div class="muted">${w.stationId} · ${t(`cat.${w.category}` as DashboardKey)} · ${t('posted')} ${when(w.postedAtMs, language, t)}${w.sticker ? ` · ${w.sticker}` : ''}</div>
<p class="wish-text">${w.text}</p>
<form method="post" action="/dashboard/wishes/reply?lang=${lang}"><input type="hidden" name="csrf" value="${csrf}">
<input type="hidden" name="stationId" value="${w.stationId}"><input type="hidden" name="wishId" value="${w.wishId}">
<label>${t('reply')} <textarea name="text" maxlength="${REPLY_MAX}" required placeholder="${t('replyPlaceholder')}"></textarea></label>
<button type="submit">${t('send')}</button></form>
<form method="post" action="/dashboard/wishes/read?lang=${lang}"><input type="hidden" name="csrf" value="${csrf}">
<input type="hidden" name="stationId" value="${w.stationId}"><input type="hidden" name="wishId" value="${w.wishId}">
<button type="submit">${t('markRead')}</button></form></article>`)}</section>
<section id="inspections"><h2>${t('inspections')}</h2>
${view.inspections.length === 0 ? html`<p class="muted">${t('none')}</p>` : html`<table><thead><tr><th>${t('station')}</th><th>${t('when')}</th><th>${t('failed')}</th></tr></thead><tbody>
${view.inspections.map((i) => html`<tr><td>${i.stationId}</td><td>${when(i.atMs, language, t)}</td><td>${i.failed === 0 ? html`<span class="ok">${t('allPassed')}</span>`
      : html`<span class="bad">${i.failed}</span>: ${i.failedItems.map((f) => `${f.item}${f.note ? ` (${f.note})` : ''}`).join('; ')}`}</td></tr>`)}</tbody></table>`}</section>`;
  return page(language, t('title'), body);
}

export function signInPage(language: DashboardLanguage, failed: boolean): string {
  const t = translator(language);
  const body = html`<header><h1>${t('signInTitle')}</h1><nav><a href="/dashboard/sign-in?lang=${other(language)}">${t('language')}</a></nav></header>
${failed ? html`<p class="flash error" role="alert">${t('badToken')}</p>` : null}
<form method="post" action="/dashboard/sign-in?lang=${language}"><label>${t('tokenLabel')} <input name="token" type="password" autocomplete="off" required></label>
<button type="submit">${t('signIn')}</button></form><p class="muted">${t('signInHelp')}</p>`;
  return page(language, t('signInTitle'), body);
}
