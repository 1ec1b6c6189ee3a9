import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { DECISION_POINT_RULES, DECISION_POINTS, type Decision, type Project } from '../../../shared/portfolio/projects.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { AppLink, Section } from '../../app/ui.tsx';
import { BenefitsSection } from '../benefits/index.ts';
import { itemPath } from '../meetings/index.ts';
import { FinancingSection } from '../project-financing/index.ts';
import { ProjectLessons } from '../lessons/index.ts';
import { BasisDocuments } from './BasisDocuments.tsx';
import { DecisionPanel } from './DecisionPanel.tsx';
import { useProjectMessages } from './messages.ts';
import { Participants } from './Participants.tsx';
import { useProjectOutlet } from './project-outlet.ts';
import { Deliverables, Milestones, Risks } from './ProjectPlan.tsx';
import { StatusReports } from './StatusReports.tsx';

/** The project page's tabs other than the summary, each the sections it always had, loaded when first opened. */

/** `…/plan`: milestones, risks and deliverables. */
export function PlanTab() {
  const { project, loaded, admin } = useProjectOutlet();
  return (
    <div className="dr-stack">
      <Milestones project={project} loaded={loaded} editable={admin} />
      <Risks project={project} loaded={loaded} editable={admin} />
      <Deliverables project={project} loaded={loaded} editable={admin} />
    </div>
  );
}

/** `…/beslutninger`: BP1–BP6 and what was decided on each, then the next one to pass (for those who may). */
export function DecisionsTab() {
  const { network, project, loaded, admin } = useProjectOutlet();
  return (
    <div className="dr-stack">
      <DecisionPoints project={project} />
      <DecisionPanel network={network} project={project} loaded={loaded} admin={admin} />
    </div>
  );
}

/** `…/statusrapporter`. */
export function StatusReportsTab() {
  const { project } = useProjectOutlet();
  return <StatusReports project={project} />;
}

/** `…/nytte`: the benefits section the benefits feature lends. */
export function BenefitsTab() {
  const { network, project, admin } = useProjectOutlet();
  return <BenefitsSection network={network} project={project} admin={admin} />;
}

/** `…/finansiering`: the financing section the project-financing feature lends. */
export function FinancingTab() {
  const { project } = useProjectOutlet();
  return <FinancingSection project={project} />;
}

/** `…/deltakere`: each municipality's participation. */
export function ParticipantsTab() {
  const { project, loaded } = useProjectOutlet();
  return <Participants project={project} loaded={loaded} />;
}

/** `…/dokumenter`: the basis documents. */
export function DocumentsTab() {
  const { project, loaded, admin } = useProjectOutlet();
  return <BasisDocuments project={project} loaded={loaded} editable={admin} />;
}

/** `…/erfaringer`: the lessons learned, which the lessons feature lends. */
export function LessonsTab() {
  const { network, project, loaded, admin } = useProjectOutlet();
  return <ProjectLessons project={project} networkSlug={network.slug} editable={admin} onChanged={loaded.reload} />;
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
