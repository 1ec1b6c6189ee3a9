import { useEffect, useState } from 'react';
import { Button, Field, Label, Link, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import type { NetworkOverview, PeoplePage as PeoplePageData } from '../../../shared/network/schema.ts';
import { query, useApi } from '../../app/api.ts';
import { SuccessMessage } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { AppLink, ButtonRow, LoadState, ModalDialog } from '../../app/ui.tsx';
import { PersonForm } from './PersonForm.tsx';
import { DataTable } from '../../app/table.tsx';

const PAGE_SIZE = 25;

/** `/n/:slug/personer`: search the network's people by text and competence. */
export function PeoplePage() {
  const { m } = useI18n();
  const network = useNetwork();
  const title = fmt(m.people.title, { name: network.name });
  return (
    <Page title={title}>
      <PeopleView network={network} />
    </Page>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function PeopleView({ network }: { network: NetworkOverview }) {
  const { m, number } = useI18n();
  const [text, setText] = useState('');
  const [competence, setCompetence] = useState('');
  const [offset, setOffset] = useState(0);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const q = useDebounced(text.trim(), 300);

  const competences = useApi<{ competence: string; count: number }[]>(`/networks/${network.id}/competences`);
  const people = useApi<PeoplePageData>(`/networks/${network.id}/people${query({ q, competence, limit: PAGE_SIZE, offset })}`);
  const mayAdd = useNetworkCapabilities(network.id).addPeople;

  return (
    <>
      <Paragraph>{m.people.intro}</Paragraph>
      <div className="dr-stack dr-section">
        {mayAdd && (
          <ButtonRow>
            <Button type="button" onClick={() => setAdding(true)}>
              {m.people.addPerson}
            </Button>
          </ButtonRow>
        )}
        <SuccessMessage message={status} />
        <div className="dr-toolbar" role="search">
          <Textfield
            label={m.people.search}
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOffset(0);
            }}
            autoComplete="off"
          />
          <Field>
            <Label>{m.people.competence}</Label>
            <Select
              value={competence}
              onChange={(e) => {
                setCompetence(e.target.value);
                setOffset(0);
              }}
            >
              <Select.Option value="">{m.people.allCompetences}</Select.Option>
              {(competences.data ?? []).map((c) => (
                <Select.Option key={c.competence} value={c.competence}>
                  {fmt(m.people.competenceOption, { competence: c.competence, count: number(c.count) })}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
        <LoadState loaded={people}>
          {(page) => (
            <>
              <Paragraph role="status" data-size="sm">
                {page.total === 0
                  ? m.people.noResults
                  : fmt(m.common.showingRange, {
                      from: number(offset + 1),
                      to: number(Math.min(offset + PAGE_SIZE, page.total)),
                      total: number(page.total),
                    })}
              </Paragraph>
              {page.items.length > 0 && (
                <DataTable
                  caption={fmt(m.people.caption, { name: network.name })}
                  columns={[m.people.name, m.people.jobTitle, m.people.municipality, m.people.email, m.people.phone, m.people.competences]}
                >
                  {page.items.map((p) => (
                    <Table.Row key={p.id}>
                      <Table.Cell>
                        <AppLink to={`/n/${network.slug}/personer/${p.id}`}>{p.name}</AppLink>
                      </Table.Cell>
                      <Table.Cell>{p.title ?? m.common.none}</Table.Cell>
                      <Table.Cell>{p.municipalityName ?? m.common.none}</Table.Cell>
                      <Table.Cell>{p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : m.common.none}</Table.Cell>
                      <Table.Cell>{p.phone ?? m.common.none}</Table.Cell>
                      <Table.Cell>
                        <span className="dr-tags">
                          {p.competences.map((c) => (
                            <Tag key={c} data-size="sm" data-color="neutral">
                              {c}
                            </Tag>
                          ))}
                        </span>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </DataTable>
              )}
              {page.total > PAGE_SIZE && (
                <nav aria-label={m.people.pagination}>
                  <ButtonRow>
                    <Button
                      type="button"
                      variant="secondary"
                      data-size="sm"
                      disabled={offset === 0}
                      onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                    >
                      {m.common.previous}
                    </Button>
                    <Button
                      type="button"
                      variant="secondary"
                      data-size="sm"
                      disabled={offset + PAGE_SIZE >= page.total}
                      onClick={() => setOffset(offset + PAGE_SIZE)}
                    >
                      {m.common.next}
                    </Button>
                  </ButtonRow>
                </nav>
              )}
              {page.total > 0 && (
                <Paragraph data-size="sm" className="dr-downloads">
                  <Link href={`/api/networks/${network.slug}/people/export${query({ q, competence, format: 'xlsx' })}`} download>
                    {m.people.exportExcel}
                  </Link>{' '}
                  <Link href={`/api/networks/${network.slug}/people/export${query({ q, competence, format: 'csv' })}`} download>
                    {m.people.exportCsv}
                  </Link>
                </Paragraph>
              )}
            </>
          )}
        </LoadState>
      </div>
      <ModalDialog open={adding} onClose={() => setAdding(false)} title={m.people.addPerson}>
        <PersonForm
          network={network}
          onCancel={() => setAdding(false)}
          onSaved={(person) => {
            setAdding(false);
            setStatus(fmt(m.people.personAdded, { name: person.name }));
            people.reload();
            competences.reload();
          }}
        />
      </ModalDialog>
    </>
  );
}
