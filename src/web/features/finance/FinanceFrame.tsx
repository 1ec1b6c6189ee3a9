import type { ReactNode } from 'react';
import { NavLink, useParams } from 'react-router';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { LoadState } from '../../app/ui.tsx';
import { NetworkNav } from '../network/NetworkNav.tsx';
import { useFinanceMessages } from './messages.ts';

/** The finance pages of a network: the overview at `/n/:slug/okonomi`, the others below it. */
export const FINANCE_PAGES = ['oversikt', 'budsjett', 'tilskudd', 'kontingent', 'egeninnsats'] as const;
export type FinancePage = (typeof FINANCE_PAGES)[number];

export const financePath = (slug: string, page: FinancePage = 'oversikt') =>
  page === 'oversikt' ? `/n/${slug}/okonomi` : `/n/${slug}/okonomi/${page}`;

/**
 * Every finance page's shell: the network loaded by the slug in the path, the page title (from the network's name),
 * the network's links and the finance pages' own links.
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
  const { slug = '' } = useParams();
  const network = useApi<NetworkOverview>(`/networks/${encodeURIComponent(slug)}`);
  const n = network.data;
  const heading = n
    ? ((typeof title === 'string' ? fmt(title, { name: n.name }) : title(n)) ?? m.common.loading)
    : network.error
      ? m.notFound.title
      : m.common.loading;
  return (
    <Page title={heading} lead={n && lead?.(n)}>
      <LoadState loaded={network}>
        {(n) => (
          <>
            <NetworkNav network={n} />
            <FinanceNav network={n} />
            {children(n)}
          </>
        )}
      </LoadState>
    </Page>
  );
}

/** Links between the finance pages: overview, budget, grants, member fees, own effort. */
export function FinanceNav({ network }: { network: NetworkOverview }) {
  const fm = useFinanceMessages();
  return (
    <nav aria-label={fmt(fm.financeNav.label, { name: network.name })} className="dr-subnav dr-subnav-secondary">
      <ul>
        {FINANCE_PAGES.map((page) => (
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
