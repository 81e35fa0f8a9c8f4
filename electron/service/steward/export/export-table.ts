/** One table of the console's CSV export, and the time format its rows use. */
import type { Database } from 'better-sqlite3';
import type { CsvValue } from './csv';

export interface ExportTable {
  /** File name part and the id the console asks for: lowercase letters and dashes. */
  readonly id: string;
  readonly header: readonly string[];
  /** Rows whose time falls in [fromMs, toMs), oldest first. */
  rows(db: Database, fromMs: number, toMs: number): Iterable<readonly CsvValue[]>;
}

/** Epoch ms as local ISO-like time (`2025-06-01 16:00:00`), what a spreadsheet reads as a date. */
export function localTime(ms: number | null): string | null {
  if (ms === null) return null;
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
