import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import type { PublicDecision, PublicPortfolio, PublicProject } from '../../../shared/portfolio/public-projects.ts';
import { useApi } from '../../app/api.ts';
import { TitledText } from '../../app/titled-text.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useRecordTitle } from '../../app/loaded-record.tsx';
import { AppLink, LoadState, Section } from '../../app/ui.tsx';
import { FollowButton, SubscribeForm } from '../follows/index.ts';
import { usePublicMessages } from '../public/index.ts';
import { Trail } from '../../app/Trail.tsx';
import { useProjectMessages } from './messages.ts';
import { usePublicPortfolioMessages } from './public-messages.ts';
import { PhaseSteps } from './PhaseSteps.tsx';
import { publicPortfolioApi, publicPortfolioPath, publicProjectPath } from './public-paths.ts';
import '../../app/public.css';
import './projects.css';
import { DataTable } from '../../app/table.tsx';
import { PublicProgrammesSection } from './PublicProgrammePage.tsx';

/** Addresses of the public portfolio, in Norwegian as the other public pages. */

/** `/innsyn/n/:slug/prosjekter`: the network's projects as the public sees them. No login. */
export function PublicPortfolioPage() {
  const { date, number } = useI18n();
  const pm = useProjectMessages();
  const pp = usePublicPortfolioMessages();
  const im = usePublicMessages();
  const l = pp.list;
  const { slug = '' } = useParams();
  const portfolio = useApi<PublicPortfolio>(publicPortfolioApi(slug));
  const title = useRecordTitle(portfolio, (p) => fmt(l.title, { name: p.network.name }));
  return (
    <Page title={title} lead={<Trail links={[{ to: '/innsyn', label: im.nav }]} />}>
      <LoadState loaded={portfolio}>
        {({ network, projects }) => (
          <div className="dr-stack">
            <Paragraph>{fmt(l.intro, { name: network.name })}</Paragraph>
            {projects.length === 0 ? (
              <Paragraph>{fmt(l.none, { name: network.name })}</Paragraph>
            ) : (
              <DataTable
                caption={fmt(l.caption, { name: network.name })}
                columns={[l.reference, l.titleColumn, l.phase, l.focusAreas, l.owner, l.manager, l.participants, l.lastDecision]}
              >
                {projects.map((p) => (
                  <Table.Row key={p.reference}>
                    <Table.Cell>{p.reference}</Table.Cell>
                    <Table.Cell>
                      <AppLink to={publicProjectPath(network.slug, p.reference)}>{p.title}</AppLink>
                    </Table.Cell>
                    <Table.Cell>{pm.phases[p.phase]}</Table.Cell>
                    <Table.Cell>{p.focusAreas.map((f) => f.title).join(', ')}</Table.Cell>
                    <Table.Cell>{p.ownerName ?? ''}</Table.Cell>
                    <Table.Cell>{p.managerName ?? ''}</Table.Cell>
                    <Table.Cell>{number(p.participantCount)}</Table.Cell>
                    <Table.Cell>
                      {p.lastDecision
                        ? fmt(l.lastDecisionValue, {
                            point: pm.decisionPointShort[p.lastDecision.decisionPoint],
                            date: date(p.lastDecision.decidedOn),
                          })
                        : l.noDecision}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </DataTable>
            )}
            <PublicProgrammesSection slug={network.slug} />
          </div>
        )}
      </LoadState>
    </Page>
  );
}

/** `/innsyn/n/:slug/prosjekter/:reference`: one project as the public sees it. No login. */
export function PublicProjectPage() {
  const pp = usePublicPortfolioMessages();
  const im = usePublicMessages();
  const { slug = '', reference = '' } = useParams();
  const project = useApi<PublicProject>(`${publicPortfolioApi(slug)}/${encodeURIComponent(reference)}`);
  const title = useRecordTitle(project, (p) => fmt(pp.project.title, { reference: p.reference, title: p.title }));
  const trail = [{ to: '/innsyn', label: im.nav }];
  if (project.data) trail.push({ to: publicPortfolioPath(slug), label: fmt(pp.list.title, { name: project.data.network.name }) });
  return (
    <Page title={title} lead={<Trail links={trail} />}>
      {project.data && (
        <>
          <FollowButton target={{ kind: 'project', id: project.data.id }} />
          <SubscribeForm target={{ kind: 'project', id: project.data.id }} feedPath={`/api/public/feeds/projects/${project.data.id}`} />
        </>
      )}
      <LoadState loaded={project}>{(p) => <PublicProjectView project={p} />}</LoadState>
    </Page>
  );
}

function PublicProjectView({ project }: { project: PublicProject }) {
  const { date } = useI18n();
  const pm = useProjectMessages();
  const pp = usePublicPortfolioMessages();
  const p = pp.project;
  return (
    <div className="dr-stack">
      <PhaseSteps phase={project.phase} />
      <Section id="public-project-facts" title={p.facts} className="dr-stack">
        <dl className="dr-facts">
          <dt>{p.reference}</dt>
          <dd>{project.reference}</dd>
          <dt>{p.phase}</dt>
          <dd>{pm.phases[project.phase]}</dd>
          <dt>{p.focusAreas}</dt>
          <dd>{project.focusAreas.map((f) => f.title).join(', ') || p.none}</dd>
          <dt>{p.owner}</dt>
          <dd>{project.ownerName ?? p.none}</dd>
          <dt>{p.manager}</dt>
          <dd>{project.managerName ?? p.none}</dd>
          <dt>{p.period}</dt>
          <dd>
            {project.startDate || project.plannedEndDate
              ? fmt(p.periodValue, {
                  start: project.startDate ? date(project.startDate) : '…',
                  end: project.plannedEndDate ? date(project.plannedEndDate) : '…',
                })
              : p.none}
          </dd>
        </dl>
        <TitledText title={p.description} text={project.description} className="dr-project-text" />
      </Section>

      <Section id="public-project-decisions" title={p.decisionsHeading} className="dr-section dr-stack">
        {project.decisions.length === 0 ? (
          <Paragraph>{p.decisionsNone}</Paragraph>
        ) : (
          <ol className="dr-project-points">
            {project.decisions.map((d, i) => (
              <li key={`${d.decisionPoint}-${i}`} className="dr-project-point">
                <Heading level={3} data-size="xs">
                  {fmt(p.decisionHeading, { point: pm.decisionPoints[d.decisionPoint], date: date(d.decidedOn) })}
                </Heading>
                <PublicDecisionRecord decision={d} />
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="public-project-participants" title={p.participantsHeading} className="dr-section dr-stack">
        {project.participants.length === 0 ? (
          <Paragraph>{p.participantsNone}</Paragraph>
        ) : (
          <DataTable caption={fmt(p.participantsCaption, { reference: project.reference })} columns={[p.municipality, p.participation]}>
            {project.participants.map((x) => (
              <Table.Row key={x.municipalityNumber}>
                <Table.Cell>{x.municipalityName}</Table.Cell>
                <Table.Cell>{pm.participation[x.participation]}</Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
      </Section>

      <Section id="public-project-milestones" title={p.milestonesHeading} className="dr-section dr-stack">
        {project.milestones.length === 0 ? (
          <Paragraph>{p.milestonesNone}</Paragraph>
        ) : (
          <DataTable caption={fmt(p.milestonesCaption, { reference: project.reference })} columns={[p.milestone, p.dueDate, p.doneDate]}>
            {project.milestones.map((x, i) => (
              <Table.Row key={`${x.title}-${i}`}>
                <Table.Cell>{x.title}</Table.Cell>
                <Table.Cell>{date(x.dueDate)}</Table.Cell>
                <Table.Cell>{x.doneDate ? date(x.doneDate) : p.notDone}</Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
      </Section>
      <Paragraph>
        <AppLink to={publicPortfolioPath(project.network.slug)}>{fmt(p.back, { name: project.network.name })}</AppLink>
      </Paragraph>
    </div>
  );
}

/** How a decision point was passed: the project owner's decision, or the body's case, linked to the public meeting. */
function PublicDecisionRecord({ decision }: { decision: PublicDecision }) {
  const p = usePublicPortfolioMessages().project;
  const c = decision.meetingCase;
  if (!c) return <Paragraph data-size="sm">{p.ownerDecision}</Paragraph>;
  if (!c.meetingId || !c.agendaItemId || c.title === null) {
    return <Paragraph data-size="sm">{fmt(p.meetingClosed, { body: c.bodyName })}</Paragraph>;
  }
  const label = c.caseNumber
    ? fmt(p.meetingCase, { body: c.bodyName, number: c.caseNumber, title: c.title })
    : fmt(p.meetingCaseUnnumbered, { body: c.bodyName, title: c.title });
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to={`/innsyn/moter/${c.meetingId}#sak-${c.agendaItemId}`}>{label}</AppLink>
      </Paragraph>
      {c.decisionText && (
        <blockquote className="dr-project-text">
          <strong>{p.decisionText}:</strong> {c.decisionText}
        </blockquote>
      )}
    </>
  );
}
