import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import type { PublicNetwork, PublicSearchPage as SearchPage } from '../../../shared/publicAccess/schema.ts';
import { query, useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { AppLink, ButtonRow, LoadState } from '../../app/ui.tsx';
import { FollowButton, SubscribeForm } from '../follows/index.ts';
import { usePublicMessages } from './messages.ts';
import { Trail } from '../../app/Trail.tsx';
import '../../app/public.css';

const PAGE_SIZE = 20;
const FIRST_YEAR = 2015;

/**
 * `/innsyn/sok`: full-text search in published decisions, with filters by network and year. The search
 * lives in the address (?q=…&nettverk=…&aar=…&side=…), so a result list can be shared and bookmarked.
 */
export function PublicSearchPage() {
  const pm = usePublicMessages();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const network = params.get('nettverk') ?? '';
  const year = params.get('aar') ?? '';
  const page = Math.max(1, Number(params.get('side') ?? 1) || 1);
  const networks = useApi<PublicNetwork[]>('/public/networks');
  const results = useApi<SearchPage>(
    q ? `/public/search${query({ q, network, year, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}` : null,
  );

  const go = (next: { q: string; nettverk: string; aar: string; side?: number }) => {
    const entries = Object.entries({ ...next, side: next.side && next.side > 1 ? String(next.side) : '' }).filter(([, v]) => v);
    setParams(Object.fromEntries(entries));
  };

  return (
    <Page title={pm.search.title} lead={<Trail links={[{ to: '/innsyn', label: pm.body.breadcrumb }]} />}>
      <Paragraph>{pm.search.intro}</Paragraph>
      <SearchForm
        key={`${q}|${network}|${year}`}
        initial={{ q, network, year }}
        networks={networks.data ?? []}
        onSearch={(v) => go({ q: v.q, nettverk: v.network, aar: v.year })}
      />
      {!q ? (
        <Paragraph className="dr-section">{pm.search.empty}</Paragraph>
      ) : (
        <div className="dr-section dr-stack">
          <FollowButton target={{ kind: 'search', search: { q, ...(network ? { network } : {}) } }} />
          <SubscribeForm
            target={{ kind: 'search', search: { q, ...(network ? { network } : {}) } }}
            feedPath={`/api/public/feeds/decisions${query({ q, network: network || undefined })}`}
          />
          <LoadState loaded={results}>
            {(r) => <Results page={r} q={q} pageNumber={page} onPage={(side) => go({ q, nettverk: network, aar: year, side })} />}
          </LoadState>
        </div>
      )}
    </Page>
  );
}

function SearchForm({
  initial,
  networks,
  onSearch,
}: {
  initial: { q: string; network: string; year: string };
  networks: PublicNetwork[];
  onSearch: (v: { q: string; network: string; year: string }) => void;
}) {
  const pm = usePublicMessages();
  const [q, setQ] = useState(initial.q);
  const [network, setNetwork] = useState(initial.network);
  const [year, setYear] = useState(initial.year);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ q: q.trim(), network, year });
  };
  return (
    <form role="search" aria-label={pm.search.title} onSubmit={submit} className="dr-stack dr-section">
      <Textfield
        label={pm.search.query}
        description={pm.search.queryHelp}
        type="search"
        name="q"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
      />
      <div className="dr-toolbar">
        <Field>
          <Label>{pm.search.network}</Label>
          <Select value={network} onChange={(e) => setNetwork(e.target.value)}>
            <Select.Option value="">{pm.search.allNetworks}</Select.Option>
            {networks.map((n) => (
              <Select.Option key={n.id} value={n.slug}>
                {n.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{pm.search.year}</Label>
          <Select value={year} onChange={(e) => setYear(e.target.value)}>
            <Select.Option value="">{pm.search.allYears}</Select.Option>
            {years.map((y) => (
              <Select.Option key={y} value={y}>
                {y}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <ButtonRow>
        <Button type="submit">{pm.search.submit}</Button>
      </ButtonRow>
    </form>
  );
}

function Results({ page, q, pageNumber, onPage }: { page: SearchPage; q: string; pageNumber: number; onPage: (page: number) => void }) {
  const { date, number } = useI18n();
  const pm = usePublicMessages();
  const pages = Math.ceil(page.total / PAGE_SIZE);
  return (
    <>
      <Paragraph role="status">
        {page.total === 0
          ? fmt(pm.search.noHits, { q })
          : // Past 10 000 the count stops (the server's SEARCH_TOTAL_CAP): an exact count of a common word costs more than it tells.
            fmt(page.totalCapped ? pm.search.hitsOver : pm.search.hits, {
              total: number(page.total),
              q,
              from: number(Math.min(page.offset + 1, page.total)),
              to: number(Math.min(page.offset + page.items.length, page.total)),
            })}
      </Paragraph>
      {page.items.length > 0 && (
        <ol className="dr-hits" aria-label={pm.search.resultsLabel}>
          {page.items.map((hit) => (
            <li key={hit.agendaItemId}>
              <Heading level={2} data-size="xs">
                <AppLink to={`/innsyn/moter/${hit.meetingId}#sak-${hit.agendaItemId}`}>
                  {hit.number ? `${hit.number} ${hit.title}` : hit.title}
                </AppLink>
              </Heading>
              <Paragraph data-size="sm" className="dr-muted">
                {fmt(pm.search.meta, {
                  body: hit.bodyName,
                  network: hit.networkName,
                  date: date(hit.meetingDate),
                  outcome: pm.outcomes[hit.outcome],
                })}
              </Paragraph>
              <Paragraph className="dr-snippet">
                {hit.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
              </Paragraph>
            </li>
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav aria-label={pm.search.pagination}>
          <ButtonRow>
            <Button type="button" variant="secondary" data-size="sm" disabled={pageNumber <= 1} onClick={() => onPage(pageNumber - 1)}>
              {pm.search.previous}
            </Button>
            <Button type="button" variant="secondary" data-size="sm" disabled={pageNumber >= pages} onClick={() => onPage(pageNumber + 1)}>
              {pm.search.next}
            </Button>
          </ButtonRow>
        </nav>
      )}
    </>
  );
}
