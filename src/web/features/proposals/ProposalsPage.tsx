import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import {
  CRITERIA,
  PROPOSAL_STATUSES,
  ProposalCreateSchema,
  WeightsUpdateSchema,
  type Proposal,
  type WeightsAnswer,
} from '../../../shared/portfolio/proposals.ts';
import { useApi, type Loaded } from '../../app/api.ts';
import { FilterSelect, SuccessMessage, TextField, useForm } from '../../app/forms.tsx';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { optionsOf, sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { useNavigationMessage } from '../../app/kit.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { RelatedLessons } from '../lessons/index.ts';
import { AppLink, ButtonRow, FilterDisclosure, LoadState, ModalDialog, Section } from '../../app/ui.tsx';
import { useProposalMessages } from './messages.ts';
import {
  EMPTY_PROPOSAL,
  ProposalFieldset,
  proposalInput,
  proposalLabels,
  ProposalStatusTag,
  type ProposalValues,
} from './ProposalFields.tsx';
import {
  currentMembers,
  filterSearch,
  parseWhole,
  proposalPath,
  proposalsApiPath,
  proposalsPath,
  publicProposalPath,
  readFilter,
  useFocusAreas,
  type FocusAreaOption,
  type ProposalFilter,
} from './proposals-api.ts';
import './proposals.css';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { DataTable } from '../../app/table.tsx';

/** `/n/:slug/forslag`: the network's proposals in ranked order, filters in the address, a new proposal, and the weights. */
export function ProposalsPage() {
  const pm = useProposalMessages();
  const network = useNetwork();
  const title = fmt(pm.list.title, { name: network.name });
  return (
    <Page title={title}>
      <ProposalsView network={network} />
    </Page>
  );
}

function ProposalsView({ network }: { network: NetworkOverview }) {
  const pm = useProposalMessages();
  const l = pm.list;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [open, setOpen] = useState(false);
  const filter = readFilter(params);
  const access = useNetworkCapabilities(network.id);
  const admin = access.writePortfolio;
  const members = currentMembers(network);
  const focusAreas = useFocusAreas(network.slug);
  const proposals = useApi<Proposal[]>(proposalsApiPath(network.id, filter));
  const filtered = filter.status !== '' || filter.focusArea !== '' || filter.municipality !== '';
  return (
    <div className="dr-stack">
      <SuccessMessage message={useNavigationMessage()} />
      <Paragraph>{l.intro}</Paragraph>
      {!admin && (
        <Paragraph data-size="sm" className="dr-muted">
          {l.readOnly}
        </Paragraph>
      )}
      {access.propose && (
        <ButtonRow>
          <Button type="button" onClick={() => setOpen(true)}>
            {l.newProposal}
          </Button>
        </ButtonRow>
      )}
      <Paragraph data-size="sm">
        {l.publicForm} <AppLink to={publicProposalPath(network.slug)}>{l.publicFormLink}</AppLink>.
      </Paragraph>

      <FilterDisclosure active={[filter.status, filter.focusArea, filter.municipality].filter(Boolean).length}>
        <FilterForm key={params.toString()} network={network} filter={filter} focusAreas={focusAreas} members={members} />
      </FilterDisclosure>
      <Downloads
        links={exportLinks((format) => `/api${proposalsApiPath(network.id, filter, format)}`, { xlsx: l.downloadXlsx, csv: l.downloadCsv })}
      />
      <LoadState loaded={proposals}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{filtered ? l.noneMatch : l.none}</Paragraph>
          ) : (
            <ProposalTable network={network} list={list} filtered={filtered} memberCount={members.length} />
          )
        }
      </LoadState>

      <WeightsSection network={network} admin={admin} onSaved={proposals.reload} />

      <ModalDialog open={open} onClose={() => setOpen(false)} title={l.newProposal}>
        <NewProposalForm
          networkId={network.id}
          focusAreas={focusAreas}
          members={members}
          onCancel={() => setOpen(false)}
          onSaved={(created) => {
            setOpen(false);
            void navigate(proposalPath(network.slug, created.id), { state: { message: fmt(l.created, { reference: created.reference }) } });
          }}
        />
      </ModalDialog>
    </div>
  );
}

function ProposalTable({
  network,
  list,
  filtered,
  memberCount,
}: {
  network: NetworkOverview;
  list: Proposal[];
  filtered: boolean;
  memberCount: number;
}) {
  const pm = useProposalMessages();
  const { number } = useI18n();
  const l = pm.list;
  return (
    <DataTable
      caption={`${fmt(filtered ? l.captionFiltered : l.caption, { name: network.name })} (${fmt(l.count, { count: list.length })})`}
      columns={[l.rank, l.reference, l.titleColumn, l.kind, l.status, l.focusArea, l.municipalities, l.total]}
    >
      {list.map((p) => (
        <Table.Row key={p.id}>
          <Table.Cell className="dr-proposal-number">{p.rank ?? '–'}</Table.Cell>
          <Table.Cell className="dr-proposal-reference">{p.reference}</Table.Cell>
          <Table.HeaderCell scope="row">
            <AppLink to={proposalPath(network.slug, p.id)}>{p.title}</AppLink>
          </Table.HeaderCell>
          <Table.Cell>{pm.kinds[p.kind]}</Table.Cell>
          <Table.Cell>
            <ProposalStatusTag status={p.status} />
          </Table.Cell>
          <Table.Cell>{p.focusAreaTitle ?? '–'}</Table.Cell>
          <Table.Cell className="dr-proposal-number">
            {fmt(l.municipalitiesOf, { count: p.municipalities.length, total: memberCount })}
          </Table.Cell>
          <Table.Cell className="dr-proposal-number">
            {p.assessment ? number(p.assessment.total) : <span className="dr-muted">{l.notAssessed}</span>}
          </Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}

/** The filters as a form: nothing changes until «Vis forslagene», and the choice goes into the address. */
function FilterForm({
  network,
  filter,
  focusAreas,
  members,
}: {
  network: NetworkOverview;
  filter: ProposalFilter;
  focusAreas: FocusAreaOption[];
  members: { number: string; name: string }[];
}) {
  const pm = useProposalMessages();
  const f = pm.filter;
  const navigate = useNavigate();
  const [status, setStatus] = useState<string>(filter.status);
  const [focusArea, setFocusArea] = useState(filter.focusArea);
  const [municipality, setMunicipality] = useState(filter.municipality);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: ProposalFilter = { status: readFilter(new URLSearchParams({ status })).status, focusArea, municipality };
    void navigate(proposalsPath(network.slug, filterSearch(next)));
  };
  // A focus area in the address that the newest strategy no longer has stays choosable.
  const areas =
    filter.focusArea && !focusAreas.some((a) => a.key === filter.focusArea)
      ? [...focusAreas, { key: filter.focusArea, title: filter.focusArea }]
      : focusAreas;
  return (
    <form onSubmit={submit} className="dr-proposal-filter" aria-labelledby="proposal-filter-heading">
      <Heading level={2} data-size="xs" id="proposal-filter-heading">
        {f.heading}
      </Heading>
      <div className="dr-toolbar">
        <FilterSelect
          label={f.status}
          value={status}
          onChange={setStatus}
          all={f.allStatuses}
          options={optionsOf(PROPOSAL_STATUSES, pm.statuses)}
        />
        <FilterSelect
          label={f.focusArea}
          value={focusArea}
          onChange={setFocusArea}
          all={f.allFocusAreas}
          options={areas.map((a) => ({ value: a.key, label: a.title }))}
        />
        <FilterSelect
          label={f.municipality}
          value={municipality}
          onChange={setMunicipality}
          all={f.allMunicipalities}
          options={members.map((x) => ({ value: x.number, label: x.name }))}
        />
      </div>
      <ButtonRow>
        <Button type="submit" variant="secondary">
          {f.apply}
        </Button>
        {(filter.status || filter.focusArea || filter.municipality) && (
          <Button type="button" variant="tertiary" onClick={() => void navigate(proposalsPath(network.slug))}>
            {f.clear}
          </Button>
        )}
      </ButtonRow>
    </form>
  );
}

/** A member's or employee's proposal; who sent it comes from the session. */
function NewProposalForm({
  networkId,
  focusAreas,
  members,
  onSaved,
  onCancel,
}: {
  networkId: string;
  focusAreas: FocusAreaOption[];
  members: { number: string; name: string }[];
  onSaved: (proposal: Proposal) => void;
  onCancel: () => void;
}) {
  const pm = useProposalMessages();
  const form = useForm();
  const network = useNetwork();
  const [values, setValues] = useState<ProposalValues>(EMPTY_PROPOSAL);
  return (
    <SubmitForm
      form={form}
      submit={{
        schema: ProposalCreateSchema,
        input: proposalInput(values),
        labels: proposalLabels(pm),
        send: sendTo<Proposal>(`/networks/${networkId}/proposals`, 'POST'),
        done: onSaved,
      }}
      submitLabel={pm.list.create}
      onCancel={onCancel}
    >
      <ProposalFieldset form={form} values={values} onChange={setValues} focusAreas={focusAreas} municipalities={members} />
      <RelatedLessons
        networkId={networkId}
        networkSlug={network.slug}
        focusArea={focusAreas.find((a) => a.key === values.focusAreaKey) ?? null}
        headingLevel={3}
      />
    </SubmitForm>
  );
}

/** The network's weights: a form for the secretariat, the numbers for everyone else. */
function WeightsSection({ network, admin, onSaved }: { network: NetworkOverview; admin: boolean; onSaved: () => void }) {
  const pm = useProposalMessages();
  const w = pm.weights;
  const weights = useApi<WeightsAnswer>(`/networks/${network.id}/proposal-weights`);
  return (
    <Section id="proposal-weights-heading" title={w.heading}>
      <Paragraph>{w.intro}</Paragraph>
      <LoadState loaded={weights}>
        {(answer) => (
          <>
            {answer.version === null && (
              <Paragraph data-size="sm" className="dr-muted">
                {w.defaults}
              </Paragraph>
            )}
            {admin ? (
              <WeightsForm
                networkId={network.id}
                answer={answer}
                weights={weights}
                onSaved={(saved) => {
                  weights.setData(saved);
                  onSaved();
                }}
              />
            ) : (
              <WeightsTable network={network} answer={answer} />
            )}
          </>
        )}
      </LoadState>
    </Section>
  );
}

const textsOf = (answer: WeightsAnswer): Record<string, string> => Object.fromEntries(CRITERIA.map((c) => [c, String(answer[c])]));

function share(value: number, sum: number): string {
  return sum === 0 ? '0 %' : `${Math.round((value / sum) * 100)} %`;
}

function WeightsTable({ network, answer }: { network: NetworkOverview; answer: WeightsAnswer }) {
  const pm = useProposalMessages();
  const w = pm.weights;
  const sum = CRITERIA.reduce((s, c) => s + answer[c], 0);
  return (
    <DataTable caption={fmt(w.caption, { name: network.name })} columns={[w.criterion, w.weight, w.share]} zebra={false}>
      {CRITERIA.map((c) => (
        <Table.Row key={c}>
          <Table.HeaderCell scope="row">{pm.criteria[c]}</Table.HeaderCell>
          <Table.Cell className="dr-proposal-number">{answer[c]}</Table.Cell>
          <Table.Cell className="dr-proposal-number">{share(answer[c], sum)}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}

function WeightsForm({
  networkId,
  answer,
  weights,
  onSaved,
}: {
  networkId: string;
  answer: WeightsAnswer;
  weights: Loaded<WeightsAnswer>;
  onSaved: (answer: WeightsAnswer) => void;
}) {
  const pm = useProposalMessages();
  const w = pm.weights;
  const form = useForm();
  const [values, setValues] = useState<Record<string, string>>(() => textsOf(answer));
  // Weights a colleague saved (shown after «Last inn på nytt») replace what is typed; the answer to our own save does not.
  const [shown, setShown] = useState(answer.version);
  if (answer.version !== shown) {
    setShown(answer.version);
    setValues(textsOf(answer));
    form.reset();
  }
  const parsed = CRITERIA.map((c) => parseWhole(values[c] ?? ''));
  const sum = parsed.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
  return (
    <SubmitForm
      form={form}
      labelledBy="proposal-weights-heading"
      submit={{
        schema: WeightsUpdateSchema,
        input: {
          ...Object.fromEntries(CRITERIA.map((c, i) => [c, parsed[i]])),
          ...(answer.version === null ? {} : { version: answer.version }),
        },
        labels: pm.criteria,
        send: sendTo<WeightsAnswer>(`/networks/${networkId}/proposal-weights`, 'PUT'),
        done: (saved) => {
          setShown(saved.version);
          onSaved(saved);
          return w.saved;
        },
      }}
      submitLabel={w.save}
      onReload={weights.reload}
    >
      <div className="dr-proposal-weights">
        {CRITERIA.map((c) => (
          <TextField
            key={c}
            state={form}
            name={c}
            label={pm.criteria[c]}
            value={values[c] ?? ''}
            onChange={(v) => setValues((all) => ({ ...all, [c]: v }))}
            required
          />
        ))}
      </div>
      <Paragraph data-size="sm" aria-live="polite">
        {fmt(w.sum, { sum })}
      </Paragraph>
    </SubmitForm>
  );
}
