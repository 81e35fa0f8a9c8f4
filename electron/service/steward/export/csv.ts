/**
 * CSV as spreadsheet programs open it: UTF-8 with a byte-order mark (so Chinese is read as
 * UTF-8, not the system code page), CRLF line ends, every field quoted when it holds a
 * comma, quote, CR or LF, quotes doubled. A field that starts with `= + - @` (or a tab / CR)
 * is prefixed with `'`, so text a worker or steward typed can never run as a formula.
 */
export const BOM = '\uFEFF';

export type CsvValue = string | number | null;

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file, BOM first. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
