// Tables: an accessible scrolling wrapper, and a data table with caption, headers, numeric alignment and an
// empty state, so the views describe columns and rows and every table comes out with the same markup.
import type { Child } from 'hono/jsx';
import type { TFn } from '../../i18n/index.ts';

/**
 * A table that scrolls sideways on small screens. A scrollable region must be reachable by keyboard and
 * named (WCAG 2.1.1), hence tabindex and label; `live` announces a result table that appears after a post.
 */
export function TableWrap(p: { t: TFn; live?: boolean; children?: Child }) {
  return (
    <div class="table-wrap" tabindex={0} role={p.live ? 'status' : 'region'} aria-label={p.t('a11y.scroll_table')}>
      {p.children}
    </div>
  );
}

/** One column of a DataTable. */
export interface TColumn<R> {
  /** The column header (`<th scope="col">`). */
  head: Child;
  /** The content of this column's cell in one row. */
  cell: (row: R, index: number) => Child;
  /** A number column: aligned to the end with tabular figures (class `num`), header included. */
  num?: boolean;
  /** The cells of this column name their row: `<th scope="row">` instead of `<td>`. */
  rowHeader?: boolean;
  /** A further class for one cell (a heat-map shade, say). */
  cellClass?: (row: R) => string | undefined;
}

/** What a DataTable shows. */
export interface DataTableProps<R> {
  t: TFn;
  /** Every table is named by its caption; `captionStyle` hides it (kept for screen readers) or mutes it. */
  caption: Child;
  captionStyle?: 'hidden' | 'muted';
  /** The columns in order; `false` or `undefined` leaves out a column shown only sometimes. */
  columns: readonly (TColumn<R> | false | undefined)[];
  rows: readonly R[];
  /** Said in the table when there are no rows; the kit's "nothing to show yet" unless the view knows better. */
  empty?: string;
  id?: string;
  class?: string;
  rowClass?: (row: R) => string | undefined;
  /** Announce the table when it appears (a result shown after a post). */
  live?: boolean;
}

const joinClass = (...c: (string | false | undefined)[]) => c.filter(Boolean).join(' ') || undefined;

/**
 * A data table inside the scrolling wrapper: caption, column headers, optional row headers, numbers aligned
 * to the end, and one full-width cell with a message when there are no rows.
 */
export function DataTable<R>(p: DataTableProps<R>) {
  const cols = p.columns.filter((c): c is TColumn<R> => Boolean(c));
  const captionClass = p.captionStyle === 'hidden' ? 'visually-hidden' : p.captionStyle;
  return (
    <TableWrap t={p.t} live={p.live}>
      <table id={p.id} class={p.class}>
        <caption class={captionClass}>{p.caption}</caption>
        <thead>
          <tr>
            {cols.map((c) => (
              <th scope="col" class={c.num ? 'num' : undefined}>{c.head}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.length === 0 ? (
            <tr>
              <td colspan={cols.length} class="muted">{p.empty ?? p.t('table.empty')}</td>
            </tr>
          ) : (
            p.rows.map((row, i) => (
              <tr class={p.rowClass?.(row)}>
                {cols.map((c) => {
                  const cls = joinClass(c.num && 'num', c.cellClass?.(row));
                  return c.rowHeader ? <th scope="row" class={cls}>{c.cell(row, i)}</th> : <td class={cls}>{c.cell(row, i)}</td>;
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableWrap>
  );
}
