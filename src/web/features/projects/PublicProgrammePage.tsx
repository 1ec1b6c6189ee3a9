import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import type { PublicProgramme, PublicProgrammes } from '../../../shared/portfolio/programmes.ts';
import { useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useRecordTitle } from '../../app/loaded-record.tsx';
import { DataTable } from '../../app/table.tsx';
import { Trail } from '../../app/Trail.tsx';
import { AppLink, LoadState, Section } from '../../app/ui.tsx';
import { usePublicMessages } from '../public/index.ts';
import { useProjectMessages } from './messages.ts';
import { useProgrammeMessages } from './programme-messages.ts';
import { publicProgrammePath } from './programme-path.ts';
import { usePublicPortfolioMessages } from './public-messages.ts';
import { publicPortfolioPath, publicProjectPath } from './public-paths.ts';
import '../../app/public.css';
import './projects.css';

/** The public portfolio's section of programmes: each with its purpose and the number of its projects. */
export function PublicProgrammesSection({ slug }: { slug: string }) {
  const gm = useProgrammeMessages();
  const { number } = useI18n();
  const loaded = useApi<PublicProgrammes>(`/public/networks/${encodeURIComponent(slug)}/programmes`);
  const programmes = loaded.data?.programmes ?? [];
  if (programmes.length === 0) return null;
  return (
    <Section id="public-programmes" title={gm.publicHeading}>
      <Paragraph>{gm.publicIntro}</Paragraph>
      <DataTable caption={gm.publicHeading} columns={[gm.name, gm.purpose, gm.focusAreas, gm.projectCount]}>
        {programmes.map((p) => (
          <Table.Row key={p.id}>
            <Table.Cell>
              <AppLink to={publicProgrammePath(slug, p.id)}>{p.name}</AppLink>
            </Table.Cell>
            <Table.Cell>{p.purpose ?? ''}</Table.Cell>
            <Table.Cell>{p.focusAreas.map((a) => a.title).join(', ')}</Table.Cell>
            <Table.Cell>{number(p.projectReferences.length)}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
    </Section>
  );
}

/** `/innsyn/n/:slug/prosjekter/programmer/:id`: a programme as the public sees it, with its projects. No login. */
export function PublicProgrammePage() {
  const { date } = useI18n();
  const gm = useProgrammeMessages();
  const pm = useProjectMessages();
  const pp = usePublicPortfolioMessages();
  const im = usePublicMessages();
  const { slug = '', id = '' } = useParams();
  const loaded = useApi<PublicProgramme>(`/public/networks/${encodeURIComponent(slug)}/programmes/${encodeURIComponent(id)}`);
  const title = useRecordTitle(loaded, (p) => fmt(gm.publicTitle, { name: p.name }));
  const l = pp.list;
  return (
    <Page
      title={title}
      lead={
        <Trail
          links={[
            { to: '/innsyn', label: im.nav },
            ...(loaded.data ? [{ to: publicPortfolioPath(slug), label: fmt(l.title, { name: loaded.data.network.name }) }] : []),
          ]}
        />
      }
    >
      <LoadState loaded={loaded}>
        {(programme) => (
          <div className="dr-stack">
            {programme.purpose && <Paragraph>{programme.purpose}</Paragraph>}
            {programme.focusAreas.length > 0 && (
              <dl className="dr-facts">
                <dt>{gm.focusAreas}</dt>
                <dd>{programme.focusAreas.map((a) => a.title).join(', ')}</dd>
              </dl>
            )}
            <Section id="public-programme-projects" title={gm.publicProjects}>
              {programme.projects.length === 0 ? (
                <Paragraph>{gm.noProjects}</Paragraph>
              ) : (
                <DataTable
                  caption={fmt(gm.projectsCaption, { name: programme.name })}
                  columns={[l.reference, l.titleColumn, l.phase, l.owner, l.lastDecision]}
                >
                  {programme.projects.map((p) => (
                    <Table.Row key={p.reference}>
                      <Table.Cell>{p.reference}</Table.Cell>
                      <Table.Cell>
                        <AppLink to={publicProjectPath(programme.network.slug, p.reference)}>{p.title}</AppLink>
                      </Table.Cell>
                      <Table.Cell>{pm.phases[p.phase]}</Table.Cell>
                      <Table.Cell>{p.ownerName ?? ''}</Table.Cell>
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
            </Section>
            <Paragraph>
              <AppLink to={publicPortfolioPath(programme.network.slug)}>{fmt(gm.publicBack, { name: programme.network.name })}</AppLink>
            </Paragraph>
          </div>
        )}
      </LoadState>
    </Page>
  );
}
