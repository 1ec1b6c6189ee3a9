import { useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { PHASES, ProjectCreateSchema, type PortfolioRow, type Project } from '../../../shared/portfolio/projects.ts';
import { PORTFOLIO_STATUSES } from '../../../shared/portfolio/status-reports.ts';
import { useApi } from '../../app/api.ts';
import { FilterSelect, SelectField, TextField } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { NetworkTitledPage } from '../../app/network-titled-page.tsx';
import { AppLink, FilterDisclosure, LoadState, todayIso, Section } from '../../app/ui.tsx';
import { useFocusAreas, type FocusAreaOption } from '../proposals/index.ts';
import { PortfolioFilterFields, PortfolioFilterForm, type PortfolioChoices } from './PortfolioFilterFields.tsx';
import { useProjectMessages, type ProjectMessages } from './messages.ts';
import {
  NO_FILTER,
  portfolioApiPath,
  portfolioSearch,
  projectPath,
  projectsPath,
  readFilter,
  readView,
  type PortfolioFilter,
  type PortfolioView,
} from './projects-api.ts';
import { StatusLightTag } from './StatusLight.tsx';
import { PersonOptions } from './PersonOptions.tsx';
import { CheckboxGroup, useFormValues } from '../../app/fields.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { ListWithCreate } from '../../app/kit.tsx';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { sendTo } from '../../app/form-parts.tsx';
import './projects.css';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { useRiskMapMessages } from './risk-map-messages.ts';
import { riskMapPath } from './risk-map-path.ts';
import { usePrioritizationMessages } from './prioritization-messages.ts';
import { prioritizationPath } from './prioritization-path.ts';
import { lessonsPath, useLessonMessages } from '../lessons/index.ts';
import { DataTable } from '../../app/table.tsx';
import { useProgrammeMessages } from './programme-messages.ts';
import { programmePath, programmesPath } from './programme-path.ts';

/**
 * `/n/:slug/prosjekter`: the network's portfolio as a table, a board by phase or a timeline, filters and view in the
 * address.
 */
export function PortfolioPage() {
  const pm = useProjectMessages();
  return <NetworkTitledPage title={pm.list.title}>{(network) => <PortfolioView network={network} />}</NetworkTitledPage>;
}

function PortfolioView({ network }: { network: NetworkOverview }) {
  const pm = useProjectMessages();
  const rm = useRiskMapMessages();
  const mm = usePrioritizationMessages();
  const gm = useProgrammeMessages();
  const lm = useLessonMessages();
  const l = pm.list;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const filter = readFilter(params);
  const view = readView(params);
  const admin = useNetworkCapabilities(network.id).administer;
  const focusAreas = useFocusAreas(network.slug);
  const rows = useApi<PortfolioRow[]>(portfolioApiPath(network.id, filter));
  const filtered =
    filter.phase !== '' || filter.focusArea !== '' || filter.municipality !== '' || filter.status !== '' || filter.programme !== '';
  const viewLabels: Record<PortfolioView, string> = {
    table: l.viewTable,
    board: l.viewBoard,
    timeline: l.viewTimeline,
    programmes: gm.viewProgrammes,
  };
  const newProject = (close: () => void) => (
    <NewProjectForm
      network={network}
      focusAreas={focusAreas}
      onCancel={close}
      onSaved={(created) => {
        close();
        void navigate(projectPath(network.slug, created.id), { state: { message: fmt(l.created, { reference: created.reference }) } });
      }}
    />
  );
  return (
    <ListWithCreate intro={l.intro} create={{ label: l.newProject, readOnly: l.readOnly, form: admin ? newProject : null }}>
      <FilterDisclosure
        active={[filter.phase, filter.focusArea, filter.municipality, filter.status, filter.programme].filter(Boolean).length}
      >
        <FilterForm key={params.toString()} network={network} filter={filter} view={view} />
      </FilterDisclosure>
      <nav aria-label={l.view} className="dr-project-views">
        <ul>
          {(['table', 'board', 'timeline', 'programmes'] as const).map((v) => (
            <li key={v}>
              <Link asChild>
                <RouterLink to={projectsPath(network.slug, portfolioSearch(filter, v))} aria-current={v === view ? 'page' : undefined}>
                  {viewLabels[v]}
                </RouterLink>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* The portfolio's other views, on one line where they fit, so the list starts near the top on a phone. */}
      <Paragraph className="dr-downloads">
        <AppLink to={riskMapPath(network.slug)}>{rm.link}</AppLink>
        <AppLink to={prioritizationPath(network.slug)}>{mm.link}</AppLink>
        <AppLink to={programmesPath(network.slug)}>{gm.link}</AppLink>
        <AppLink to={lessonsPath(network.slug)}>{lm.link}</AppLink>
      </Paragraph>
      <LoadState loaded={rows}>
        {(list) =>
          view === 'board' ? (
            <PhaseBoard network={network} list={list} />
          ) : list.length === 0 ? (
            <Paragraph>{filtered ? l.noneMatch : l.none}</Paragraph>
          ) : view === 'timeline' ? (
            <PortfolioTimeline network={network} list={list} />
          ) : view === 'programmes' ? (
            <ProgrammeGroups network={network} list={list} />
          ) : (
            <PortfolioTable network={network} list={list} filtered={filtered} />
          )
        }
      </LoadState>
      <Downloads
        links={exportLinks((format) => `/api${portfolioApiPath(network.id, filter, format)}`, { xlsx: l.downloadXlsx, csv: l.downloadCsv })}
      />
    </ListWithCreate>
  );
}

const lastDecision = (pm: ProjectMessages, row: PortfolioRow, date: (iso: string) => string) =>
  row.lastDecision
    ? fmt(pm.list.lastDecisionValue, {
        point: pm.decisionPointShort[row.lastDecision.decisionPoint],
        date: date(row.lastDecision.decidedOn),
      })
    : '–';

function PortfolioTable({ network, list, filtered }: { network: NetworkOverview; list: PortfolioRow[]; filtered: boolean }) {
  const pm = useProjectMessages();
  const { date } = useI18n();
  const l = pm.list;
  return (
    <DataTable
      caption={`${fmt(filtered ? l.captionFiltered : l.caption, { name: network.name })} (${fmt(l.count, { count: list.length })})`}
      columns={[l.reference, l.titleColumn, l.phase, l.focusAreas, l.owner, l.manager, l.participants, l.lastDecision, l.status]}
    >
      {list.map((p) => (
        <Table.Row key={p.id}>
          <Table.Cell className="dr-project-nowrap">{p.reference}</Table.Cell>
          <Table.HeaderCell scope="row">
            <AppLink to={projectPath(network.slug, p.id)}>{p.title}</AppLink>
          </Table.HeaderCell>
          <Table.Cell>{pm.phases[p.phase]}</Table.Cell>
          <Table.Cell>{p.focusAreas.map((f) => f.title).join(', ') || '–'}</Table.Cell>
          <Table.Cell>{p.ownerName ?? '–'}</Table.Cell>
          <Table.Cell>{p.managerName ?? '–'}</Table.Cell>
          <Table.Cell className="dr-project-number">{p.participantCount}</Table.Cell>
          <Table.Cell>{lastDecision(pm, p, date)}</Table.Cell>
          <Table.Cell>
            <StatusCell row={p} />
          </Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}

/** The latest published status: its light in words on its colour, and its period. */
function StatusCell({ row }: { row: PortfolioRow }) {
  const pm = useProjectMessages();
  if (!row.status) return <span className="dr-muted">{pm.list.noStatus}</span>;
  return (
    <span className="dr-project-status">
      <StatusLightTag light={row.status.overall} /> <span className="dr-project-nowrap">{row.status.periodLabel}</span>
    </span>
  );
}

/** Days from 1970-01-01 to an ISO date, to place dates on the timeline. */
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const LOCALES = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' } as const;

/**
 * Each project with a start and a planned end as a bar on a month axis, its milestones marked and today's line
 * drawn. The drawing is hidden from assistive technology: every project is also a list item with its link, its
 * dates, its status and its milestones in text, in the same order, so nothing is told by position or colour alone.
 */
function PortfolioTimeline({ network, list }: { network: NetworkOverview; list: PortfolioRow[] }) {
  const pm = useProjectMessages();
  const { date, lang } = useI18n();
  const t = pm.timeline;
  const today = todayIso();
  const dated = list.filter((p) => p.startDate && p.plannedEndDate && p.plannedEndDate >= p.startDate);
  const undated = list.filter((p) => !dated.includes(p));
  const milestoneDates = dated.flatMap((p) => p.milestones.map((m) => m.dueDate));
  const starts = [...dated.map((p) => p.startDate!), ...milestoneDates, today].sort();
  const ends = [...dated.map((p) => p.plannedEndDate!), ...milestoneDates, today].sort();
  const first = `${starts[0]!.slice(0, 7)}-01`;
  const lastMonth = new Date(`${ends.at(-1)!.slice(0, 7)}-01T00:00:00Z`);
  const after = new Date(Date.UTC(lastMonth.getUTCFullYear(), lastMonth.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  const span = dayNumber(after) - dayNumber(first);
  const at = (iso: string) => `${(100 * (dayNumber(iso) - dayNumber(first))) / span}%`;
  const months: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d.toISOString().slice(0, 10) < after; d.setUTCMonth(d.getUTCMonth() + 1)) {
    months.push(d.toISOString().slice(0, 10));
  }
  const step = Math.ceil(months.length / 12);
  const monthName = new Intl.DateTimeFormat(LOCALES[lang], { month: 'short', year: '2-digit', timeZone: 'UTC' });
  return (
    <Section id="project-timeline" title={t.label} className="dr-stack" size="xs">
      <Paragraph data-size="sm">{t.intro}</Paragraph>
      {dated.length === 0 ? (
        <Paragraph>{t.noneDated}</Paragraph>
      ) : (
        <div className="dr-timeline">
          <Paragraph data-size="sm">{fmt(t.today, { date: date(today) })}</Paragraph>
          <div className="dr-timeline-row dr-timeline-axis" aria-hidden="true">
            <span />
            <div className="dr-timeline-track">
              {months.map((m, i) => (
                <span key={m} className="dr-timeline-month" style={{ left: at(m) }}>
                  {i % step === 0 ? monthName.format(new Date(`${m}T00:00:00Z`)) : ''}
                </span>
              ))}
            </div>
          </div>
          <ol className="dr-timeline-rows">
            {dated.map((p) => (
              <li key={p.id} className="dr-timeline-row">
                <div className="dr-timeline-label">
                  <AppLink to={projectPath(network.slug, p.id)}>{p.title}</AppLink>
                  <Paragraph data-size="sm">
                    {p.reference} · {fmt(t.period, { start: date(p.startDate), end: date(p.plannedEndDate) })}
                  </Paragraph>
                  <Paragraph data-size="sm">
                    <StatusCell row={p} />
                  </Paragraph>
                  {p.milestones.length === 0 ? (
                    <Paragraph data-size="sm" className="dr-muted">
                      {t.noMilestones}
                    </Paragraph>
                  ) : (
                    <ul className="dr-timeline-milestones" aria-label={fmt(t.milestones, { title: p.title })}>
                      {p.milestones.map((m, i) => (
                        <li key={i}>
                          <span aria-hidden="true">{m.doneDate ? '✓' : '◆'} </span>
                          {m.doneDate
                            ? fmt(t.milestoneDone, { title: m.title, date: date(m.dueDate), done: date(m.doneDate) })
                            : fmt(t.milestone, { title: m.title, date: date(m.dueDate) })}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
                <div className="dr-timeline-track" aria-hidden="true">
                  {months.map((m) => (
                    <span key={m} className="dr-timeline-gridline" style={{ left: at(m) }} />
                  ))}
                  <span
                    className="dr-timeline-bar"
                    style={{ left: at(p.startDate!), width: `calc(${at(p.plannedEndDate!)} - ${at(p.startDate!)} + 2px)` }}
                  />
                  {p.milestones.map((m, i) => (
                    <span key={i} className="dr-timeline-milestone" style={{ left: at(m.dueDate) }} title={m.title}>
                      {m.doneDate ? '✓' : '◆'}
                    </span>
                  ))}
                  <span className="dr-timeline-today" style={{ left: at(today) }} />
                </div>
              </li>
            ))}
          </ol>
        </div>
      )}
      {undated.length > 0 && (
        <>
          <Heading level={3} data-size="2xs" id="project-timeline-undated">
            {t.undated}
          </Heading>
          <ul aria-labelledby="project-timeline-undated">
            {undated.map((p) => (
              <li key={p.id}>
                <AppLink to={projectPath(network.slug, p.id)}>{p.title}</AppLink> ({p.reference})
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

/** Six columns, one per phase, each a heading and a plain list: no dragging, a phase changes only by a decision. */
function PhaseBoard({ network, list }: { network: NetworkOverview; list: PortfolioRow[] }) {
  const pm = useProjectMessages();
  const { date } = useI18n();
  const l = pm.list;
  return (
    <section className="dr-project-board" aria-label={l.boardLabel}>
      {PHASES.map((phase) => {
        const inPhase = list.filter((p) => p.phase === phase);
        const headingId = `project-board-${phase}`;
        return (
          <section key={phase} className="dr-project-column" aria-labelledby={headingId}>
            <Heading level={2} data-size="xs" id={headingId}>
              {pm.phases[phase]} <span className="dr-muted">({fmt(l.inPhase, { count: inPhase.length })})</span>
            </Heading>
            {inPhase.length === 0 ? (
              <Paragraph data-size="sm" className="dr-muted">
                {l.noneInPhase}
              </Paragraph>
            ) : (
              <ul aria-labelledby={headingId}>
                {inPhase.map((p) => (
                  <li key={p.id} className="dr-project-card">
                    <AppLink to={projectPath(network.slug, p.id)}>{p.title}</AppLink>
                    <Paragraph data-size="sm" className="dr-muted">
                      {p.reference}
                      {p.ownerName ? ` · ${l.owner}: ${p.ownerName}` : ''}
                      {p.lastDecision ? ` · ${lastDecision(pm, p, date)}` : ''}
                    </Paragraph>
                    {p.status && (
                      <Paragraph data-size="sm">
                        <StatusCell row={p} />
                      </Paragraph>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}

/**
 * The projects grouped by programme, each group under its programme's heading (linked to its page) with its projects
 * and their status; the projects in no programme last.
 */
function ProgrammeGroups({ network, list }: { network: NetworkOverview; list: PortfolioRow[] }) {
  const gm = useProgrammeMessages();
  const groups = new Map<string, { name: string; id: string | null; rows: PortfolioRow[] }>();
  for (const row of list) {
    const key = row.programme?.id ?? '';
    const group = groups.get(key) ?? { name: row.programme?.name ?? gm.noProgramme, id: row.programme?.id ?? null, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  const ordered = [...groups.values()].sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : a.name.localeCompare(b.name, 'nb')));
  return (
    <div className="dr-stack">
      {ordered.map((group, i) => {
        const headingId = `programme-group-${i}`;
        return (
          <section key={group.id ?? 'none'} aria-labelledby={headingId}>
            <Heading level={2} data-size="xs" id={headingId}>
              {group.id ? <AppLink to={programmePath(network.slug, group.id)}>{group.name}</AppLink> : group.name}
            </Heading>
            <Paragraph data-size="sm" className="dr-muted">
              {fmt(gm.groupCount, { count: group.rows.length })}
            </Paragraph>
            <ul aria-labelledby={headingId}>
              {group.rows.map((p) => (
                <li key={p.id} className="dr-project-card">
                  <AppLink to={projectPath(network.slug, p.id)}>{p.title}</AppLink>
                  <Paragraph data-size="sm">
                    {p.reference} · <StatusCell row={p} />
                  </Paragraph>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** The filters as a form: nothing changes until «Vis prosjektene», and the choice goes into the address. */
function FilterForm({ network, filter, view }: { network: NetworkOverview; filter: PortfolioFilter; view: PortfolioView }) {
  const pm = useProjectMessages();
  const f = pm.filter;
  const navigate = useNavigate();
  const { phase, focusArea, municipality, programme } = filter;
  const [choices, setChoices] = useState<PortfolioChoices>({ phase, focusArea, municipality, programme });
  const [status, setStatus] = useState<string>(filter.status);
  const apply = () => {
    const chosen = readFilter(new URLSearchParams({ fase: choices.phase, status }));
    const next: PortfolioFilter = {
      phase: chosen.phase,
      focusArea: choices.focusArea,
      municipality: choices.municipality,
      status: chosen.status,
      programme: choices.programme ?? '',
    };
    void navigate(projectsPath(network.slug, portfolioSearch(next, view)));
  };
  return (
    <PortfolioFilterForm
      headingId="project-filter-heading"
      applyLabel={f.apply}
      filtered={!!(filter.phase || filter.focusArea || filter.municipality || filter.status || filter.programme)}
      onApply={apply}
      onClear={() => void navigate(projectsPath(network.slug, portfolioSearch(NO_FILTER, view)))}
    >
      <PortfolioFilterFields network={network} choices={choices} onChange={setChoices} />
      <FilterSelect
        label={f.status}
        all={f.allStatuses}
        value={status}
        onChange={setStatus}
        options={PORTFOLIO_STATUSES.map((s) => ({ value: s, label: s === 'none' ? f.statusNone : pm.lights[s] }))}
      />
    </PortfolioFilterForm>
  );
}

interface ProjectValues {
  title: string;
  description: string;
  focusAreaKeys: string[];
  ownerPersonId: string;
  managerPersonId: string;
  startDate: string;
  plannedEndDate: string;
}

const EMPTY: ProjectValues = {
  title: '',
  description: '',
  focusAreaKeys: [],
  ownerPersonId: '',
  managerPersonId: '',
  startDate: '',
  plannedEndDate: '',
};

/** The secretariat's new project: texts, focus areas of the strategy in force, owner and manager among the network's people, dates. */
function NewProjectForm({
  network,
  focusAreas,
  onSaved,
  onCancel,
}: {
  network: NetworkOverview;
  focusAreas: FocusAreaOption[];
  onSaved: (project: Project) => void;
  onCancel: () => void;
}) {
  const pm = useProjectMessages();
  const f = pm.fields;
  const { form, values, set, field } = useFormValues<ProjectValues>(EMPTY);
  return (
    <SubmitForm
      form={form}
      submitLabel={f.create}
      onCancel={onCancel}
      submit={{
        schema: ProjectCreateSchema,
        input: {
          ...values,
          ownerPersonId: values.ownerPersonId || null,
          managerPersonId: values.managerPersonId || null,
          startDate: values.startDate || null,
          plannedEndDate: values.plannedEndDate || null,
        },
        labels: {
          title: f.title,
          description: f.description,
          focusAreaKeys: f.focusAreaKeys,
          ownerPersonId: f.ownerPersonId,
          managerPersonId: f.managerPersonId,
          startDate: f.startDate,
          plannedEndDate: f.plannedEndDate,
        },
        send: sendTo<Project>(`/networks/${network.id}/projects`, 'POST'),
        done: onSaved,
      }}
    >
      <TextField {...field('title', f.title)} required />
      <TextField {...field('description', f.description)} multiline rows={4} />
      <CheckboxGroup
        form={form}
        name="focusAreaKeys"
        legend={f.focusAreaKeys}
        description={focusAreas.length > 0 ? f.focusAreasDescription : f.noFocusAreas}
        className="dr-project-checkboxes"
        options={focusAreas.map((a) => ({ value: a.key, label: a.title }))}
        chosen={values.focusAreaKeys}
        onChange={(focusAreaKeys) => set({ focusAreaKeys })}
      />
      <SelectField {...field('ownerPersonId', f.ownerPersonId)}>
        <PersonOptions networkId={network.id} noneLabel={f.noPerson} />
      </SelectField>
      <SelectField {...field('managerPersonId', f.managerPersonId)}>
        <PersonOptions networkId={network.id} noneLabel={f.noPerson} />
      </SelectField>
      <div className="dr-toolbar">
        <TextField {...field('startDate', f.startDate)} type="date" />
        <TextField {...field('plannedEndDate', f.plannedEndDate)} type="date" />
      </div>
    </SubmitForm>
  );
}
