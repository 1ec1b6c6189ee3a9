import { useState, type ReactNode } from 'react';
import { Table } from '@digdir/designsystemet-react';
import { compareNorwegian } from '../../../shared/text.ts';
import { ScrollRegion } from '../../app/ui.tsx';

export interface Sort<K extends string> {
  key: K;
  direction: 'ascending' | 'descending';
}

/** The sort order of a table, and a function that turns a column on or flips it. */
export function useSort<K extends string>(initial: K) {
  const [sort, setSort] = useState<Sort<K>>({ key: initial, direction: 'ascending' });
  const toggle = (key: K) =>
    setSort((s) =>
      s.key === key ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'ascending' },
    );
  return { sort, toggle };
}

/** Compares two cell values: text in Norwegian order, numbers by size; empty cells last whichever the direction. */
export function compareValues(a: string | number | null, b: string | number | null, direction: 'ascending' | 'descending'): number {
  if (a === null || a === '') return b === null || b === '' ? 0 : 1;
  if (b === null || b === '') return -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : compareNorwegian(String(a), String(b));
  return direction === 'ascending' ? order : -order;
}

/**
 * A column heading that sorts the table: Designsystemet's sortable header cell (a button inside the cell,
 * `aria-sort` on it), so screen readers say which column the table is sorted by and which way.
 */
export function SortHeader<K extends string>({
  column,
  label,
  sort,
  onSort,
}: {
  column: K;
  label: string;
  sort: Sort<K>;
  onSort: (key: K) => void;
}) {
  return (
    <Table.HeaderCell scope="col" sort={sort.key === column ? sort.direction : 'none'} onClick={() => onSort(column)}>
      {label}
    </Table.HeaderCell>
  );
}

/**
 * A small zebra table whose columns sort, inside the region that scrolls sideways: the caption, one `SortHeader` a
 * column, and `actions` as a last, plain heading where the rows have buttons. The children are the body's rows.
 */
export function SortableTable<K extends string>({
  caption,
  columns,
  sort,
  onSort,
  actions,
  children,
}: {
  caption: string;
  columns: readonly (readonly [K, string])[];
  sort: Sort<K>;
  onSort: (key: K) => void;
  actions?: string | false;
  children: ReactNode;
}) {
  return (
    <ScrollRegion label={caption}>
      <Table zebra data-size="sm">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {columns.map(([column, label]) => (
              <SortHeader key={column} column={column} label={label} sort={sort} onSort={onSort} />
            ))}
            {actions && <Table.HeaderCell scope="col">{actions}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>{children}</Table.Body>
      </Table>
    </ScrollRegion>
  );
}

/** A row's two small buttons side by side, kept on one line. */
export function RowActions({ children }: { children: ReactNode }) {
  return <span className="dr-button-row dr-nowrap">{children}</span>;
}
