import type { ReactNode } from 'react';
import { Button, Table } from '@digdir/designsystemet-react';
import { ScrollRegion } from './ui.tsx';

/**
 * The pieces every table of the app is made of, so a page writes its columns and rows and nothing of the markup
 * around them.
 */

/** A column's heading; false, null or undefined leaves the column out (a column only some accounts see). */
export type ColumnHeading = ReactNode;

/** The head of a table: one row of column headings (scope="col"). */
export function HeadRow({ cells }: { cells: readonly ColumnHeading[] }) {
  return (
    <Table.Head>
      <Table.Row>
        {cells
          .filter((cell) => cell !== false && cell !== null && cell !== undefined)
          .map((cell, index) => (
            <Table.HeaderCell scope="col" key={index}>
              {cell}
            </Table.HeaderCell>
          ))}
      </Table.Row>
    </Table.Head>
  );
}

/**
 * A small button in a table row or beside a list item. `label` is its accessible name when the visible text alone
 * («Endre») would not say which row it acts on.
 */
export function RowAction({
  label,
  danger,
  onClick,
  children,
}: {
  label?: string;
  danger?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button type="button" variant="tertiary" data-size="sm" data-color={danger ? 'danger' : undefined} aria-label={label} onClick={onClick}>
      {children}
    </Button>
  );
}

/**
 * A table of rows with a caption and a head row, inside a region that scrolls sideways on a narrow screen (the
 * caption names the region too, unless `label` names it otherwise). The children are the body's rows.
 */
export function DataTable({
  caption,
  label,
  columns,
  size,
  zebra = true,
  className,
  children,
}: {
  caption: string;
  label?: string;
  columns: readonly ColumnHeading[];
  size?: 'sm';
  zebra?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <ScrollRegion label={label ?? caption} className={className}>
      <Table zebra={zebra} data-size={size}>
        <caption>{caption}</caption>
        <HeadRow cells={columns} />
        <Table.Body>{children}</Table.Body>
      </Table>
    </ScrollRegion>
  );
}
