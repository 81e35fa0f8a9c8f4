/** The console's list table drawn to HTML: headers, rows with their test ids, and the three empty cases. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createHtmlRenderer, type RenderToHtml } from '../../screens/render-to-html';
import { ConsoleTable, type ConsoleColumn } from './ConsoleTable';

let html: RenderToHtml;
beforeAll(async () => {
  html = await createHtmlRenderer();
});

interface Bus {
  readonly id: string;
  readonly state: string;
  readonly errors: number;
}
const columns: ConsoleColumn<Bus>[] = [
  { header: 'Bus', rowHeader: true, cell: (b) => b.id.toUpperCase() },
  { header: 'State', cell: (b) => b.state },
  { header: 'Errors', cell: (b) => b.errors, testId: (b) => `errors-${b.id}` },
];
const rows: Bus[] = [
  { id: 'a', state: 'online', errors: 0 },
  { id: 'b', state: 'offline', errors: 3 },
];

describe('ConsoleTable', () => {
  it('draws a header row, then one row per item in order, with the row and cell ids asked for', () => {
    const markup = html(
      <ConsoleTable columns={columns} rows={rows} rowKey={(b) => b.id} rowAttributes={(b) => ({ 'data-testid': `bus-${b.id}`, 'data-state': b.state })} caption="Lock buses" className="buses" testId="bus-table" />,
    );
    expect(markup).toBe(
      '<table class="console-table buses" data-testid="bus-table"><caption>Lock buses</caption>' +
        '<thead><tr><th>Bus</th><th>State</th><th>Errors</th></tr></thead><tbody>' +
        '<tr data-testid="bus-a" data-state="online"><th scope="row">A</th><td>online</td><td data-testid="errors-a">0</td></tr>' +
        '<tr data-testid="bus-b" data-state="offline"><th scope="row">B</th><td>offline</td><td data-testid="errors-b">3</td></tr>' +
        '</tbody></table>',
    );
  });

  it('with no rows: the empty text in place of the table, nothing for null, the header row alone when not given', () => {
    expect(html(<ConsoleTable columns={columns} rows={[]} rowKey={(b) => b.id} empty="Nothing logged yet" />)).toBe('<p class="console-table-empty">Nothing logged yet</p>');
    expect(html(<ConsoleTable columns={columns} rows={[]} rowKey={(b) => b.id} empty={null} />)).toBe('');
    expect(html(<ConsoleTable columns={columns} rows={[]} rowKey={(b) => b.id} />)).toBe(
      '<table class="console-table"><thead><tr><th>Bus</th><th>State</th><th>Errors</th></tr></thead><tbody></tbody></table>',
    );
  });

  it('the empty text is not used while there are rows', () => {
    expect(html(<ConsoleTable columns={columns} rows={rows.slice(0, 1)} rowKey={(b) => b.id} empty="Nothing logged yet" />)).not.toContain('Nothing logged yet');
  });
});
