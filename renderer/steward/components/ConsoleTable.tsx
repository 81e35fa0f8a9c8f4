/**
 * The console's list table (audit log, devices, upstream pulls): a header row, one row per
 * item, a line of text instead when there are none, and rows tall enough to read and point at
 * on the kiosk. Each section says only its columns and how a row is named for tests.
 */
import type { ReactElement, ReactNode } from 'react';
import './console-table.css';

export interface ConsoleColumn<R> {
  /** The column's header text. */
  readonly header: string;
  /** What the row shows in this column. */
  readonly cell: (row: R) => ReactNode;
  /** The cell names its row (`<th scope="row">`) instead of holding data. Default false. */
  readonly rowHeader?: boolean;
  /** The cell's `data-testid`, per row; none by default. */
  readonly testId?: (row: R) => string;
}

export interface ConsoleTableProps<R> {
  readonly columns: readonly ConsoleColumn<R>[];
  readonly rows: readonly R[];
  /** A stable React key per row. */
  readonly rowKey: (row: R) => string | number;
  /** The row's `data-testid` and `data-state` (what tests and styles look for); none by default. */
  readonly rowAttributes?: (row: R) => { readonly 'data-testid'?: string; readonly 'data-state'?: string };
  /**
   * With no rows: a line of text in place of the table, or `null` for nothing at all. Left
   * out, the table shows its header row alone.
   */
  readonly empty?: string | null;
  readonly caption?: string;
  /** Added to `console-table`. */
  readonly className?: string;
  readonly testId?: string;
}

export function ConsoleTable<R>({ columns, rows, rowKey, rowAttributes, empty, caption, className, testId }: ConsoleTableProps<R>): ReactElement | null {
  if (rows.length === 0 && empty !== undefined) return empty === null ? null : <p className="console-table-empty">{empty}</p>;
  return (
    <table className={className ? `console-table ${className}` : 'console-table'} data-testid={testId}>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header}>{c.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowAttributes?.(row)}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.header} scope="row" data-testid={c.testId?.(row)}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.header} data-testid={c.testId?.(row)}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
