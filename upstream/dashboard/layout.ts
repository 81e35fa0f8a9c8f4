/**
 * The dashboard's page shell: language, title, a small constant stylesheet, and a Content
 * Security Policy that allows no script at all (the pages are plain HTML and forms).
 */
import { html, trusted, type SafeHtml } from './html';
import type { DashboardLanguage } from './strings';

/** Sent with every dashboard page: nothing but this origin's forms and inline styles. */
export const DASHBOARD_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STYLE = trusted(`
body { font: 15px/1.45 system-ui, "Noto Sans CJK SC", sans-serif; margin: 0 auto; max-width: 1100px; padding: 16px; color: #1d2330; }
header { display: flex; gap: 16px; align-items: center; justify-content: space-between; }
h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 17px; margin: 24px 0 8px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #dde2ea; vertical-align: top; }
.ok { color: #17703a; } .bad { color: #b3261e; font-weight: 600; } .muted { color: #667085; }
.chart { width: 100%; max-width: 640px; height: auto; } .chart .m { fill: #2f6fde; } .chart .g { fill: #9bbcf2; } .chart text { font-size: 10px; fill: #445; }
.wish { border: 1px solid #dde2ea; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.wish p { white-space: pre-wrap; margin: 4px 0 8px; } .wish textarea { width: 100%; box-sizing: border-box; min-height: 3em; }
.flash { background: #eef6ee; border: 1px solid #b9dcb9; padding: 6px 10px; border-radius: 4px; }
.error { background: #fbeeee; border-color: #e7b9b9; }
`);

export function page(language: DashboardLanguage, title: string, body: SafeHtml): string {
  return `<!doctype html>\n${html`<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin"><title>${title}</title><style>${STYLE}</style></head><body>${body}</body></html>`.text}\n`;
}
