import type { ReactNode } from 'react';
import { NavLink, useSearchParams } from 'react-router';
import { Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import type { Loaded } from '../../app/api.ts';
import { AppLink, LoadState } from '../../app/ui.tsx';
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

/** The link above a page back to the page it belongs to (a list, the overview); `text`'s `{name}` is the network's. */
export function BackLink({ network, to, text }: { network: NetworkOverview; to: string; text: string }) {
  return (
    <Paragraph data-size="sm">
      <AppLink to={to}>{fmt(text, { name: network.name })}</AppLink>
    </Paragraph>
  );
}

/**
 * The frame of a page of one record (a fee schedule, a grant): titled by the record, «not found» when it is missing,
 * with the link back to its list, and the record's view once it is loaded.
 */
export function RecordFrame<T extends { title: string }>({
  record,
  list,
  back,
  children,
}: {
  record: Loaded<T>;
  /** The list's address in the network. */
  list: (slug: string) => string;
  back: string;
  children: (network: NetworkOverview, record: T) => ReactNode;
}) {
  const { m } = useI18n();
  return (
    <FinanceFrame
      title={() => record.data?.title ?? (record.error ? m.notFound.title : undefined)}
      lead={(n) => <BackLink network={n} to={list(n.slug)} text={back} />}
    >
      {(n) => <LoadState loaded={record}>{(data) => children(n, data)}</LoadState>}
    </FinanceFrame>
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
