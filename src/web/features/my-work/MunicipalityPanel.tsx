import { useState, type ReactNode } from 'react';
import { Button, Heading, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { PANEL_FOLD, type MunicipalityPanel } from '../../../shared/myWork/schema.ts';
import { useApi } from '../../app/api.ts';
import { SelectField, useForm } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { useSession } from '../../app/session.tsx';
import { AppLink, todayIso, Section } from '../../app/ui.tsx';
import { useMyWorkMessages } from './messages.ts';
import { HeadRow } from '../../app/table.tsx';

/**
 * The municipality's own page across its networks, below its public facts: shown to those who may read it (its chief
 * executive and contacts, and the networks it is in); for anyone else the server answers 404 and nothing is shown.
 */
export function MunicipalityPanelSection({ number }: { number: string }) {
  const { user } = useSession();
  const t = useMyWorkMessages();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  // A large municipality has hundreds of projects and benefit targets: the first of each, and «Vis alle» asks for the rest.
  const [all, setAll] = useState(false);
  const yearForm = useForm();
  const loaded = useApi<MunicipalityPanel>(
    user ? `/municipalities/${encodeURIComponent(number)}/panel?year=${year}${all ? '&all=true' : ''}` : null,
  );
  // While the other fold or year loads, the last answer stays, so the button pressed keeps its place and focus.
  const [last, setLast] = useState<MunicipalityPanel>();
  if (loaded.data && loaded.data !== last) setLast(loaded.data);
  const p = loaded.data ?? (loaded.loading ? last : undefined);
  if (!user || loaded.error || !p) return null;
  const fold = { all, toggle: () => setAll((a) => !a) };
  return (
    <Section id="panel-heading" title={t.panel.heading} className="dr-section dr-stack">
      <div style={{ maxWidth: '12rem' }}>
        <SelectField state={yearForm} name="year" label={t.panel.year} value={String(year)} onChange={(v) => setYear(Number(v))}>
          {[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => (
            <Select.Option key={y} value={String(y)}>
              {y}
            </Select.Option>
          ))}
        </SelectField>
      </div>
      <Payments panel={p} />
      <Projects panel={p} fold={fold} />
      <Benefits panel={p} fold={fold} />
      <Memberships panel={p} />
      <Strategies panel={p} />
      <Remarks panel={p} />
      <Part id="panel-mapping" title={t.panel.mapping} empty={false}>
        <Paragraph>
          {fmt(t.panel.mappingLine, { applications: p.mapping.applications, solutions: p.mapping.solutionsInUse })}{' '}
          {p.mapping.href && <AppLink to={p.mapping.href}>{t.panel.mappingLink}</AppLink>}
        </Paragraph>
      </Part>
    </Section>
  );
}

/** One part of the panel under its heading: the line saying it is empty, or what it holds. */
function Part({ id, title, empty, children }: { id: string; title: string; empty: string | false; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Heading level={3} data-size="sm" id={id}>
        {title}
      </Heading>
      {empty ? <Paragraph>{empty}</Paragraph> : children}
    </section>
  );
}

const kr = (n: number, format: (x: number) => string) => `${format(n)} kr`;

function Payments({ panel }: { panel: MunicipalityPanel }) {
  const t = useMyWorkMessages();
  const { number, date } = useI18n();
  const year = String(panel.year);
  // The whole-period share, labelled with the period it is spread over (the rule is spreadShare's, on the server).
  const wholePeriod = (s: MunicipalityPanel['payments'][number]['shares'][number], amount: string) =>
    s.plannedEndDate === null
      ? fmt(t.panel.shareWholeOpen, { amount })
      : s.startDate === null
        ? fmt(t.panel.shareWholeUntil, { to: date(s.plannedEndDate), amount })
        : fmt(t.panel.shareWhole, { from: date(s.startDate), to: date(s.plannedEndDate), amount });
  return (
    <Part id="panel-pays" title={fmt(t.panel.pays, { year })} empty={panel.payments.length === 0 && fmt(t.panel.paysNothing, { year })}>
      <>
        <Paragraph data-testid="pays-in-year">
          <strong>{fmt(t.panel.paysTotal, { year, amount: kr(panel.paysInYear, number) })}</strong>
        </Paragraph>
        {panel.payments.map((pay) => (
          <div key={pay.network.id}>
            <Heading level={4} data-size="xs">
              {pay.network.name}: {kr(pay.total, number)}
            </Heading>
            <ul className="dr-my-work-list">
              <li>
                {t.panel.fee}: {pay.fee === null ? fmt(t.panel.feeMissing, { year }) : kr(pay.fee, number)}
              </li>
              {pay.shares.map((s) => (
                <li key={s.projectId}>
                  {fmt(t.panel.share, { project: `${s.reference} ${s.title}` })}:{' '}
                  {s.forYear !== null && s.wholePeriod !== null
                    ? `${fmt(t.panel.shareYear, { amount: kr(s.forYear, number), year })} (${wholePeriod(s, kr(s.wholePeriod, number))})`
                    : '–'}
                </li>
              ))}
            </ul>
            <Paragraph data-size="sm">
              <AppLink to={pay.href}>{t.panel.statement}</AppLink>
            </Paragraph>
          </div>
        ))}
      </>
    </Part>
  );
}

interface Fold {
  all: boolean;
  toggle: () => void;
}

/** Under a part the server folds: «Viser 20 av 179» and the button for the rest, or for fewer again. */
function FoldButton({ shown, count, label, fold }: { shown: number; count: number; label: string; fold: Fold }) {
  const t = useMyWorkMessages();
  const { m, number } = useI18n();
  if (count <= PANEL_FOLD) return null;
  return (
    <Paragraph data-size="sm">
      {!fold.all && `${fmt(t.panel.shownOf, { shown: number(shown), count: number(count) })} `}
      <Button type="button" variant="tertiary" data-size="sm" aria-expanded={fold.all} onClick={fold.toggle}>
        {fold.all ? m.common.showFewer : fmt(label, { count: number(count) })}
      </Button>
    </Paragraph>
  );
}

function Projects({ panel, fold }: { panel: MunicipalityPanel; fold: Fold }) {
  const t = useMyWorkMessages();
  const light = useMyWorkMessages().lights;
  return (
    <Part id="panel-projects" title={t.panel.projects} empty={panel.projects.length === 0 && t.panel.projectsEmpty}>
      <ul className="dr-my-work-list">
        {panel.projects.map((p) => (
          <li key={p.id}>
            <AppLink to={p.href}>{`${p.reference} ${p.title}`}</AppLink> <span className="dr-muted">· {p.network.name}</span>{' '}
            <Tag
              data-size="sm"
              data-color={p.light === 'red' ? 'danger' : p.light === 'yellow' ? 'warning' : p.light ? 'success' : 'neutral'}
            >
              {t.panel.light}: {p.light ? `${light[p.light]}${p.lightPeriod ? ` (${p.lightPeriod})` : ''}` : t.noLight}
            </Tag>
          </li>
        ))}
      </ul>
      <FoldButton shown={panel.projects.length} count={panel.projectCount} label={t.panel.showAllProjects} fold={fold} />
    </Part>
  );
}

function Benefits({ panel, fold }: { panel: MunicipalityPanel; fold: Fold }) {
  const t = useMyWorkMessages();
  const { number, date } = useI18n();
  const percent = (x: number) => `${Math.round(x * 100)} %`;
  return (
    <Part id="panel-benefits" title={t.panel.benefits} empty={panel.benefits.length === 0 && t.panel.benefitsEmpty}>
      <div className="dr-table-wrap">
        <Table zebra>
          <caption>{t.panel.benefits}</caption>
          <HeadRow cells={[t.panel.indicator, t.panel.baseline, t.panel.latest, t.panel.target, t.panel.achieved]} />
          <Table.Body>
            {panel.benefits.map((b) => (
              <Table.Row key={b.indicatorId}>
                <Table.Cell>
                  <AppLink to={b.href}>{b.indicatorName}</AppLink>
                  <br />
                  <span className="dr-muted">
                    {b.projectReference} · {b.benefitTitle}
                  </span>
                </Table.Cell>
                <Table.Cell>{`${number(b.baselineValue)} ${b.unit}`}</Table.Cell>
                <Table.Cell>
                  {b.latestValue === null ? t.panel.notMeasured : `${number(b.latestValue)} ${b.unit} (${date(b.latestOn)})`}
                </Table.Cell>
                <Table.Cell>{`${number(b.targetValue)} ${b.unit} (${date(b.targetDate)})`}</Table.Cell>
                <Table.Cell>{b.achievement === null ? '–' : percent(b.achievement)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <FoldButton shown={panel.benefits.length} count={panel.benefitCount} label={t.panel.showAllBenefits} fold={fold} />
    </Part>
  );
}

function Memberships({ panel }: { panel: MunicipalityPanel }) {
  const t = useMyWorkMessages();
  const { date } = useI18n();
  return (
    <Part id="panel-memberships" title={t.panel.memberships} empty={false}>
      <ul className="dr-my-work-list">
        {panel.memberships.map((m) => (
          <li key={`${m.network.id}-${m.joinedOn}`}>
            <AppLink to={`/n/${m.network.slug}`}>{m.network.name}</AppLink>{' '}
            <span className="dr-muted">
              · {fmt(t.panel.since, { date: date(m.joinedOn) })}
              {m.leftOn && ` · ${fmt(t.panel.left, { date: date(m.leftOn) })}`}
              {m.isHost && ` · ${t.panel.host}`}
            </span>
            {m.representatives.length === 0 ? (
              <Paragraph data-size="sm">{t.panel.noRepresentatives}</Paragraph>
            ) : (
              <ul>
                {m.representatives.map((r) => (
                  <li key={`${r.bodyId}-${r.personName}-${r.role}`}>
                    {r.personName} <span className="dr-muted">({r.bodyName})</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </Part>
  );
}

function Strategies({ panel }: { panel: MunicipalityPanel }) {
  const t = useMyWorkMessages();
  const { date } = useI18n();
  return (
    <Part id="panel-strategies" title={t.panel.strategies} empty={panel.strategies.length === 0 && t.panel.strategiesEmpty}>
      <ul className="dr-my-work-list">
        {panel.strategies.map((s) => (
          <li key={s.href}>
            <AppLink to={s.href}>{fmt(t.panel.version, { title: s.strategyTitle, number: s.versionNumber })}</AppLink>{' '}
            <span className="dr-muted">
              · {s.network.name} · {t.panel.decisionStatus[s.decisionStatus]}
              {s.decisionBody && ` · ${s.decisionBody}`}
              {s.decisionDate && ` ${date(s.decisionDate)}`}
              {s.decisionCaseNumber && ` (${s.decisionCaseNumber})`}
            </span>
          </li>
        ))}
      </ul>
    </Part>
  );
}

function Remarks({ panel }: { panel: MunicipalityPanel }) {
  const t = useMyWorkMessages();
  const { date } = useI18n();
  return (
    <Part id="panel-remarks" title={t.panel.remarks} empty={panel.remarks.length === 0 && t.panel.remarksEmpty}>
      <ul className="dr-my-work-list">
        {panel.remarks.map((r, i) => (
          <li key={`${r.href}-${i}`}>
            <span className="dr-my-work-kind">{t.panel.remarkKinds[r.kind]}</span> <AppLink to={r.href}>{r.title}</AppLink>
            <span className="dr-muted">
              {' '}
              · {r.network.name}
              {r.date && ` · ${date(r.date)}`}
            </span>
            <Paragraph data-size="sm">{r.text}</Paragraph>
          </li>
        ))}
      </ul>
    </Part>
  );
}
