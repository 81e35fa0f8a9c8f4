/**
 * A stacked bar chart as inline SVG (members below, guests above), one bar per day: no
 * script, no client library. Labels are escaped like any other text.
 */
import { html, type SafeHtml } from './html';

export interface DayBar {
  readonly day: string;
  readonly members: number;
  readonly guests: number;
}

const W = 640;
const H = 180;
const PAD_BOTTOM = 24;
const PAD_TOP = 16;

export function visitsChart(bars: readonly DayBar[], label: string): SafeHtml {
  const max = Math.max(1, ...bars.map((b) => b.members + b.guests));
  const slot = W / Math.max(1, bars.length);
  const width = Math.max(4, Math.min(36, slot * 0.7));
  const scale = (n: number) => (n / max) * (H - PAD_BOTTOM - PAD_TOP);
  const rects = bars.map((b, i) => {
    const x = i * slot + (slot - width) / 2;
    const hm = scale(b.members);
    const hg = scale(b.guests);
    const base = H - PAD_BOTTOM;
    return html`<g><title>${b.day}: ${b.members} + ${b.guests}</title>
<rect class="m" x="${x.toFixed(1)}" y="${(base - hm).toFixed(1)}" width="${width.toFixed(1)}" height="${hm.toFixed(1)}"/>
<rect class="g" x="${x.toFixed(1)}" y="${(base - hm - hg).toFixed(1)}" width="${width.toFixed(1)}" height="${hg.toFixed(1)}"/>
<text x="${(x + width / 2).toFixed(1)}" y="${(base - hm - hg - 3).toFixed(1)}" text-anchor="middle">${b.members + b.guests}</text>
<text x="${(x + width / 2).toFixed(1)}" y="${H - 8}" text-anchor="middle">${b.day.slice(5)}</text></g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${label}">${rects}</svg>`;
}
