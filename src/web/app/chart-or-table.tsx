import { useId, useState, type ReactNode } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { fmt, useI18n } from './i18n/index.tsx';
import { ButtonRow } from './ui.tsx';

/** The reader's last choice, so a new filter, another dashboard or the next chart keeps showing what they chose. */
let preferTable = false;

/**
 * The same figures once, as a chart or as a table: the reader chooses (the chart first), and the choice is a pair of
 * toggle buttons a keyboard and a screen reader work as such. `about` is the id of what the figures are (a figure's
 * caption), read with the choice when there are several on a page.
 */
export function ChartOrTable({ chart, table, about }: { chart: ReactNode; table: ReactNode; about?: string }) {
  const { m } = useI18n();
  const [asTable, setAsTable] = useState(preferTable);
  const legend = useId();
  return (
    <div className="dr-stack">
      <div role="group" aria-labelledby={about ? `${legend} ${about}` : legend} className="dr-show-as">
        <span id={legend} className="dr-muted">
          {m.common.showAs}
        </span>
        <ButtonRow>
          {([false, true] as const).map((table) => (
            <Button
              key={String(table)}
              type="button"
              data-size="sm"
              variant={asTable === table ? 'primary' : 'secondary'}
              aria-pressed={asTable === table}
              onClick={() => {
                preferTable = table;
                setAsTable(table);
              }}
            >
              {table ? m.common.showAsTable : m.common.showAsChart}
            </Button>
          ))}
        </ButtonRow>
      </div>
      {asTable ? table : chart}
    </div>
  );
}

/** How many rows a long table shows before «Vis alle». */
export const FOLDED_ROWS = 12;

/**
 * The first rows of a long list, and a button for the rest: the rows that matter most come first, so most readers
 * have what they came for without scrolling past the others.
 */
export function useFoldedRows<T>(rows: readonly T[]): { shown: readonly T[]; toggle: ReactNode } {
  const { m, number } = useI18n();
  const [all, setAll] = useState(false);
  if (rows.length <= FOLDED_ROWS) return { shown: rows, toggle: null };
  return {
    shown: all ? rows : rows.slice(0, FOLDED_ROWS),
    toggle: (
      <ButtonRow>
        <Button type="button" variant="tertiary" data-size="sm" aria-expanded={all} onClick={() => setAll((a) => !a)}>
          {all ? m.common.showFewer : fmt(m.common.showAll, { count: number(rows.length) })}
        </Button>
      </ButtonRow>
    ),
  };
}
