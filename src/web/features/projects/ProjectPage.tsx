import { useLocation, useParams } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { DECISION_POINT_RULES, DECISION_POINTS, PHASES, type Decision, type Project } from '../../../shared/portfolio/projects.ts';
import { useApi, type Loaded } from '../../app/api.ts';
import { SuccessMessage } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { AppLink, LoadState, Section } from '../../app/ui.tsx';
import { BenefitsSection } from '../benefits/index.ts';
import { FollowButton } from '../follows/index.ts';
import { itemPath } from '../meetings/index.ts';
import { FinancingSection } from '../project-financing/index.ts';
import { proposalPath } from '../proposals/index.ts';
import { BasisDocuments } from './BasisDocuments.tsx';
import { DecisionPanel } from './DecisionPanel.tsx';
import { useProjectMessages } from './messages.ts';
import { Participants } from './Participants.tsx';
import { Deliverables, Milestones, Risks } from './ProjectPlan.tsx';
import { projectsPath } from './projects-api.ts';
import { StatusReports } from './StatusReports.tsx';
import './projects.css';
import { useNetworkCapabilities } from '../../app/capabilities.ts';

/** `/n/:slug/prosjekter/:id`: one project, its phase, its decisions, its basis documents and who takes part. */
export function ProjectPage() {
  const { m } = useI18n();
  const pm = useProjectMessages();
  const { id = '' } = useParams();
  const network = useNetwork();
  const project = useApi<Project>(`/projects/${encodeURIComponent(id)}`);
  const title = project.error
    ? m.notFound.title
    : project.data
      ? fmt(pm.project.title, { reference: project.data.reference, title: project.data.title })
      : m.common.loading;
  return (
    <Page title={title}>
      <Paragraph>
        <AppLink to={projectsPath(network.slug)}>{fmt(pm.project.back, { name: network.name })}</AppLink>
      </Paragraph>
      {project.data && <FollowButton target={{ kind: 'project', id: project.data.id }} />}
      <LoadState loaded={project}>{(p) => <ProjectView network={network} project={p} loaded={project} />}</LoadState>
    </Page>
  );
}

function ProjectView({ network, project, loaded }: { network: NetworkOverview; project: Project; loaded: Loaded<Project> }) {
  const pm = useProjectMessages();
  const { date } = useI18n();
  const location = useLocation();
  const admin = useNetworkCapabilities(network.id).administer;
  const p = pm.project;
  return (
    <div className="dr-stack">
      <SuccessMessage message={(location.state as { message?: string } | null)?.message ?? null} />
      <PhaseSteps project={project} />
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
          {project.proposal && (
            <>
              <dt>{p.fromProposal}</dt>
              <dd>
                <AppLink to={proposalPath(network.slug, project.proposal.id)}>
                  {project.proposal.reference}: {project.proposal.title}
                </AppLink>
              </dd>
            </>
          )}
        </dl>
        {project.description && (
          <>
            <Heading level={3} data-size="xs">
              {p.description}
            </Heading>
            <Paragraph className="dr-project-text">{project.description}</Paragraph>
          </>
        )}
      </Section>

      <DecisionPoints project={project} />
      <DecisionPanel network={network} project={project} loaded={loaded} admin={admin} />
      <BasisDocuments project={project} loaded={loaded} editable={admin} />
      <Participants project={project} loaded={loaded} />
      <Milestones project={project} loaded={loaded} editable={admin} />
      <Risks project={project} loaded={loaded} editable={admin} />
      <Deliverables project={project} loaded={loaded} editable={admin} />
      <StatusReports project={project} />
      <BenefitsSection network={network} project={project} admin={admin} />
      <FinancingSection project={project} />
    </div>
  );
}

/** The six phases as a list of steps, the current one marked for assistive technology too. */
function PhaseSteps({ project }: { project: Project }) {
  const pm = useProjectMessages();
  const current = PHASES.indexOf(project.phase);
  return (
    <section aria-labelledby="project-phases">
      <Heading level={2} data-size="md" id="project-phases">
        {pm.project.phasesHeading}
      </Heading>
      <ol className="dr-project-steps" aria-label={pm.project.phasesLabel}>
        {PHASES.map((phase, i) => (
          <li
            key={phase}
            aria-current={i === current ? 'step' : undefined}
            className={i < current ? 'dr-project-step-done' : i === current ? 'dr-project-step-current' : undefined}
          >
            <span className="dr-project-step-number" aria-hidden="true">
              {i + 1}
            </span>
            {pm.phases[phase]}
            {i === current && <span className="dr-visually-hidden"> {pm.project.currentPhase}</span>}
            {i < current && <span className="dr-visually-hidden"> {pm.project.passedPhase}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** BP1–BP6 with what each decides and the decisions made on it. */
function DecisionPoints({ project }: { project: Project }) {
  const pm = useProjectMessages();
  const d = pm.decisions;
  return (
    <Section id="project-decisions" title={d.heading}>
      <ol className="dr-project-points">
        {DECISION_POINTS.map((point) => {
          const rule = DECISION_POINT_RULES[point];
          const made = project.decisions.filter((x) => x.decisionPoint === point);
          return (
            <li key={point} className="dr-project-point">
              <Heading level={3} data-size="xs">
                {pm.decisionPoints[point]}
              </Heading>
              <Paragraph data-size="sm" className="dr-muted">
                {pm.decisionPointPurpose[point]} ·{' '}
                {rule.from === rule.to
                  ? fmt(d.stays, { phase: pm.phases[rule.from] })
                  : fmt(d.from, { from: pm.phases[rule.from], to: pm.phases[rule.to] })}
              </Paragraph>
              {made.length === 0 ? (
                <Paragraph data-size="sm">{d.notYet}</Paragraph>
              ) : (
                made.map((decision) => <DecisionRecord key={decision.id} project={project} decision={decision} />)
              )}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

function DecisionRecord({ project, decision }: { project: Project; decision: Decision }) {
  const pm = useProjectMessages();
  const { date, dateTime } = useI18n();
  const d = pm.decisions;
  const basis = project.basisDocuments.filter((b) => decision.basisDocumentIds.includes(b.id));
  const c = decision.meetingCase;
  const o = decision.ownerDecision;
  return (
    <div className="dr-project-decision">
      {c && (
        <>
          <Paragraph>
            <AppLink to={itemPath(c.meetingId, c.agendaItemId)}>
              {c.caseNumber
                ? fmt(d.meetingCase, { body: c.bodyName, number: c.caseNumber, title: c.title })
                : fmt(d.meetingCaseUnnumbered, { body: c.bodyName, title: c.title })}
            </AppLink>
          </Paragraph>
          <Paragraph data-size="sm">{fmt(d.decidedOn, { date: date(decision.decidedOn) })}</Paragraph>
          {c.decisionText && (
            <blockquote className="dr-project-text">
              <strong>{d.decisionText}:</strong> {c.decisionText}
            </blockquote>
          )}
        </>
      )}
      {o && (
        <>
          <Paragraph>{fmt(d.ownerDecision, { name: o.signedBy, date: dateTime(o.signedAt) })}</Paragraph>
          <blockquote className="dr-project-text">{o.text}</blockquote>
        </>
      )}
      <Paragraph data-size="sm" className="dr-muted">
        {d.basis}: {basis.length === 0 ? d.noBasis : basis.map((b) => `${pm.documentKinds[b.kind]} (${b.fileName})`).join(', ')}
      </Paragraph>
    </div>
  );
}
