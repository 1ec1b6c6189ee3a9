import type { ReactNode } from 'react';
import { NavLink, useSearchParams } from 'react-router';
import { Field, Label, Select } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { useFinanceMessages } from './messages.ts';

import { FINANCE_PAGES, financePath } from './finance-paths.ts';

export { FINANCE_PAGES, financePath, type FinancePage } from './finance-paths.ts';

/**
 * Every finance page's shell inside the network frame: the page title (from the network's name) and the finance
 * pages' own links.
 */
export function FinanceFrame({
  title,
  lead,
  children,
}: {
  /** The page title; a string's `{name}` is the network's name. A function answers undefined while it waits for more. */
  title: string | ((network: NetworkOverview) => string | undefined);
  /** Above the content, e.g. the link back to a list. */
  lead?: (network: NetworkOverview) => ReactNode;
  children: (network: NetworkOverview) => ReactNode;
}) {
  const { m } = useI18n();
  const n = useNetwork();
  const heading = (typeof title === 'string' ? fmt(title, { name: n.name }) : title(n)) ?? m.common.loading;
  return (
    <Page title={heading} lead={lead?.(n)}>
      <FinanceNav network={n} />
      {children(n)}
    </Page>
  );
}

/** Links between the finance pages: overview, budget, grants, member fees, own effort (those the reader may open). */
export function FinanceNav({ network }: { network: NetworkOverview }) {
  const fm = useFinanceMessages();
  // The chief executives read the statements; the budget, grants, fees and hours are the network's own.
  const pages = useNetworkCapabilities(network.id).readInternals ? FINANCE_PAGES : FINANCE_PAGES.filter((p) => p === 'oversikt');
  return (
    <nav aria-label={fmt(fm.financeNav.label, { name: network.name })} className="dr-subnav dr-subnav-secondary">
      <ul>
        {pages.map((page) => (
          <li key={page}>
            <NavLink to={financePath(network.slug, page)} end={page === 'oversikt'}>
              {fm.financeNav[page]}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The finance pages' year, `?aar=` in the address (this year when absent), and a way to choose another. */
export function useFinanceYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const given = Number(params.get('aar'));
  const year = Number.isInteger(given) && given >= 2000 && given <= 2100 ? given : new Date().getFullYear();
  return [
    year,
    (next) =>
      setParams(
        (current) => {
          current.set('aar', String(next));
          return current;
        },
        { replace: true },
      ),
  ];
}

/** A choice of year: the years around this one, and the chosen one if it lies further away. */
export function YearSelect({ year, onYear, label }: { year: number; onYear: (year: number) => void; label: string }) {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  if (!years.includes(year)) years.push(year);
  return (
    <Field>
      <Label>{label}</Label>
      <Select width="auto" value={String(year)} onChange={(e) => onYear(Number(e.target.value))}>
        {years
          .sort((a, b) => b - a)
          .map((y) => (
            <Select.Option key={y} value={String(y)}>
              {y}
            </Select.Option>
          ))}
      </Select>
    </Field>
  );
}
