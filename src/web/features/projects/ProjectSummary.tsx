import { Fragment, type ReactNode } from 'react';
import { Paragraph } from '@digdir/designsystemet-react';
import type { ProjectFinancing } from '../../../shared/finance/project-financing.ts';
import { DECISION_POINT_RULES, type Project } from '../../../shared/portfolio/projects.ts';
import type { StatusReport, StatusReportList } from '../../../shared/portfolio/status-reports.ts';
import { useApi } from '../../app/api.ts';
import { useKroner } from '../../app/format.ts';
import { TitledText } from '../../app/titled-text.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { AppLink, Section, todayIso } from '../../app/ui.tsx';
import { LessonsReminder } from '../lessons/index.ts';
import { proposalPath } from '../proposals/index.ts';
import { useProjectMessages } from './messages.ts';
import { useProgrammeMessages } from './programme-messages.ts';
import { programmePath } from './programme-path.ts';
import { useProjectOutlet } from './project-outlet.ts';
import { projectTabPath, type ProjectTab } from './projects-api.ts';
import { PhaseSteps } from './PhaseSteps.tsx';
import { StatusLightTag, usePeriodName } from './StatusLight.tsx';

/** How many of the coming milestones the summary names; the plan has them all. */
const NEXT_MILESTONES = 3;

/**
 * `/n/:slug/prosjekter/:id`: the project read at a glance. Its phase, the light of the latest published status report,
 * the next decision point and what its basis lacks (the server's own answer in `project.next`), the budget against the
 * forecast, and the next milestones; each with a link to the tab where it is done. The status reports and the
 * financing are the tabs' own endpoints, so the figures here are those the tabs show.
 */
export function ProjectSummary() {
  const { network, project } = useProjectOutlet();
  const pm = useProjectMessages();
  const reports = useApi<StatusReportList>(`/projects/${encodeURIComponent(project.id)}/status-reports`);
  const financing = useApi<ProjectFinancing>(`/projects/${encodeURIComponent(project.id)}/financing`);
  // The list is newest period first; a draft is not yet the project's status.
  const latest = reports.data?.items.find((r) => r.state === 'published') ?? null;
  const tab = (t: ProjectTab) => projectTabPath(network.slug, project.id, t);
  return (
    <div className="dr-stack">
      <PhaseSteps phase={project.phase} />
      <Section id="project-summary" title={pm.summary.heading}>
        <div className="dr-project-summary">
          <LatestStatus latest={latest} waiting={reports.loading} link={tab('statusrapporter')} />
          <NextDecisionPoint project={project} decisionsLink={tab('beslutninger')} documentsLink={tab('dokumenter')} />
          <Economy
            latest={latest}
            financing={financing.data ?? null}
            waiting={reports.loading || financing.loading}
            link={tab('finansiering')}
          />
          <NextMilestones project={project} link={tab('plan')} />
        </div>
      </Section>
      <Facts project={project} networkSlug={network.slug} />
    </div>
  );
}

/** One card of the summary: what it shows, then the link to the tab where it is in full. */
function Card({ id, title, link, children }: { id: string; title: string; link: { to: string; label: string }; children: ReactNode }) {
  return (
    <Section id={id} title={title} className="dr-project-glance" level={3} size="xs">
      {children}
      <Paragraph data-size="sm">
        <AppLink to={link.to}>{link.label}</AppLink>
      </Paragraph>
    </Section>
  );
}

function LatestStatus({ latest, waiting, link }: { latest: StatusReport | null; waiting: boolean; link: string }) {
  const pm = useProjectMessages();
  const { m, date } = useI18n();
  const periodName = usePeriodName();
  const s = pm.summary;
  return (
    <Card id="project-summary-status" title={s.status} link={{ to: link, label: s.statusLink }}>
      {waiting ? (
        <Paragraph data-size="sm">{m.common.loading}</Paragraph>
      ) : latest ? (
        <>
          <Paragraph>
            <StatusLightTag light={latest.overall} meaning />
          </Paragraph>
          <Paragraph data-size="sm">
            {fmt(s.statusValue, {
              period: periodName(latest.periodKind, latest.year, latest.period),
              date: latest.publishedAt ? date(latest.publishedAt) : '…',
            })}
          </Paragraph>
          {latest.summary && (
            <Paragraph data-size="sm" className="dr-project-text">
              {latest.summary}
            </Paragraph>
          )}
        </>
      ) : (
        <Paragraph data-size="sm">{s.noStatus}</Paragraph>
      )}
    </Card>
  );
}

function NextDecisionPoint({ project, decisionsLink, documentsLink }: { project: Project; decisionsLink: string; documentsLink: string }) {
  const pm = useProjectMessages();
  const { network } = useProjectOutlet();
  const s = pm.summary;
  const next = project.next;
  const rule = DECISION_POINT_RULES[next.decisionPoint];
  return (
    <Card id="project-summary-next" title={s.next} link={{ to: decisionsLink, label: s.nextLink }}>
      <Paragraph>
        <strong>
          {fmt(s.nextValue, { point: pm.decisionPointShort[next.decisionPoint], purpose: pm.decisionPointPurpose[next.decisionPoint] })}
        </strong>
        {rule.from !== rule.to && <> ({fmt(pm.decisions.from, { from: pm.phases[rule.from], to: pm.phases[rule.to] })})</>}
      </Paragraph>
      {next.missingBasis.length > 0 ? (
        <Paragraph data-size="sm" className="dr-project-warning">
          {fmt(s.missing, { kinds: next.missingBasis.map((k) => pm.documentKinds[k]).join(', ') })}{' '}
          <AppLink to={documentsLink}>{s.documentsLink}</AppLink>
        </Paragraph>
      ) : (
        <Paragraph data-size="sm">{s.complete}</Paragraph>
      )}
      <LessonsReminder project={project} networkSlug={network.slug} />
      <Paragraph data-size="sm">{next.ownerMayDecide ? s.ownerMayDecide : s.meetingOnly}</Paragraph>
    </Card>
  );
}

/**
 * The approved budget against the forecast, as the latest published status report gives them, with the financed total
 * beside; where no report gives a budget, the financed total is the budget the forecast is held against.
 */
function Economy({
  latest,
  financing,
  waiting,
  link,
}: {
  latest: StatusReport | null;
  financing: ProjectFinancing | null;
  waiting: boolean;
  link: string;
}) {
  const pm = useProjectMessages();
  const { m } = useI18n();
  const kroner = useKroner();
  const periodName = usePeriodName();
  const s = pm.summary;
  const financed = financing?.financing?.costTotal ?? null;
  const budget = latest?.budget ?? financed;
  const forecast = latest?.forecast ?? null;
  const spent = latest?.spent ?? null;
  const rows: [string, number][] = [];
  if (financed !== null) rows.push([s.financed, financed]);
  if (latest?.budget != null) rows.push([s.budget, latest.budget]);
  if (spent !== null) rows.push([s.spent, spent]);
  if (forecast !== null) rows.push([s.forecast, forecast]);
  const gap = budget !== null && forecast !== null ? forecast - budget : null;
  return (
    <Card id="project-summary-economy" title={s.economy} link={{ to: link, label: s.economyLink }}>
      {waiting ? (
        <Paragraph data-size="sm">{m.common.loading}</Paragraph>
      ) : rows.length === 0 ? (
        <Paragraph data-size="sm">{s.noEconomy}</Paragraph>
      ) : (
        <>
          <dl className="dr-facts">
            {rows.map(([label, amount]) => (
              <Fragment key={label}>
                <dt>{label}</dt>
                <dd>{kroner(amount)}</dd>
              </Fragment>
            ))}
          </dl>
          {gap !== null && (
            <Paragraph data-size="sm" className={gap > 0 ? 'dr-project-warning' : undefined}>
              {gap > 0 ? fmt(s.over, { amount: kroner(gap) }) : gap < 0 ? fmt(s.under, { amount: kroner(-gap) }) : s.onBudget}
            </Paragraph>
          )}
          {latest && (latest.budget !== null || latest.forecast !== null || latest.spent !== null) && (
            <Paragraph data-size="sm" className="dr-muted">
              {fmt(s.fromReport, { period: periodName(latest.periodKind, latest.year, latest.period) })}
            </Paragraph>
          )}
        </>
      )}
    </Card>
  );
}

function NextMilestones({ project, link }: { project: Project; link: string }) {
  const pm = useProjectMessages();
  const { date } = useI18n();
  const s = pm.summary;
  const today = todayIso();
  // The plan keeps them by due date; the summary names those not yet reached, overdue ones first as they come first.
  const coming = project.milestones.filter((x) => !x.doneDate).slice(0, NEXT_MILESTONES);
  return (
    <Card id="project-summary-milestones" title={s.milestones} link={{ to: link, label: s.milestonesLink }}>
      {coming.length === 0 ? (
        <Paragraph data-size="sm">{s.noMilestones}</Paragraph>
      ) : (
        <ul className="dr-project-summary-list">
          {coming.map((x) => (
            <li key={x.id}>
              {x.title}, {date(x.dueDate)}
              {x.dueDate < today && <span className="dr-project-warning"> {s.overdue}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Facts({ project, networkSlug }: { project: Project; networkSlug: string }) {
  const pm = useProjectMessages();
  const gm = useProgrammeMessages();
  const { date } = useI18n();
  const p = pm.project;
  return (
    <Section id="project-facts" title={p.facts} className="dr-stack">
      <dl className="dr-facts">
        <dt>{p.reference}</dt>
        <dd>{project.reference}</dd>
        <dt>{p.phase}</dt>
        <dd>{pm.phases[project.phase]}</dd>
        <dt>{p.focusAreas}</dt>
        <dd>{project.focusAreas.map((f) => f.title).join(', ') || p.none}</dd>
        <dt>{p.owner}</dt>
        <dd>{project.owner?.name ?? p.none}</dd>
        <dt>{p.manager}</dt>
        <dd>{project.manager?.name ?? p.none}</dd>
        <dt>{p.period}</dt>
        <dd>
          {project.startDate || project.plannedEndDate
            ? fmt(p.periodValue, {
                start: project.startDate ? date(project.startDate) : '…',
                end: project.plannedEndDate ? date(project.plannedEndDate) : '…',
              })
            : p.none}
        </dd>
        {project.programme && (
          <>
            <dt>{gm.filter}</dt>
            <dd>
              <AppLink to={programmePath(networkSlug, project.programme.id)}>{project.programme.name}</AppLink>
            </dd>
          </>
        )}
        {project.proposal && (
          <>
            <dt>{p.fromProposal}</dt>
            <dd>
              <AppLink to={proposalPath(networkSlug, project.proposal.id)}>
                {project.proposal.reference}: {project.proposal.title}
              </AppLink>
            </dd>
          </>
        )}
      </dl>
      <TitledText title={p.description} text={project.description} className="dr-project-text" />
    </Section>
  );
}
