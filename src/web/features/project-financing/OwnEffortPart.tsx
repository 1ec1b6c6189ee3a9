import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ProjectOwnEffort } from '../../../shared/finance/own-effort.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';
import { useApi } from '../../app/api.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { AppLink, LoadState, ScrollRegion } from '../../app/ui.tsx';
import { ownEffortPath, useOwnEffortMessages } from '../finance/index.ts';
import { useHours, useKroner } from '../../app/format.ts';

/**
 * «Egeninnsats (i naturalia)» in the project's financing: the hours the municipalities registered on the project and
 * their value at each year's rate, per municipality with the total, and a link to the own-effort page for the project.
 */
export function OwnEffortPart({ project }: { project: Project }) {
  const t = useOwnEffortMessages();
  const kroner = useKroner();
  const hours = useHours();
  const loaded = useApi<ProjectOwnEffort>(`/projects/${encodeURIComponent(project.id)}/own-effort`);
  return (
    <LoadState loaded={loaded}>
      {(data) => (
        <>
          <Heading level={3} data-size="xs">
            {t.inKindHeading}
          </Heading>
          <Paragraph data-size="sm">{t.inKindIntro}</Paragraph>
          {data.byMunicipality.length === 0 ? (
            <Paragraph>{t.inKindNone}</Paragraph>
          ) : (
            <ScrollRegion label={fmt(t.inKindCaption, { reference: project.reference })}>
              <Table zebra>
                <caption>{fmt(t.inKindCaption, { reference: project.reference })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t.municipality}</Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="dr-project-number">
                      {t.hours}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="dr-project-number">
                      {t.value}
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.byMunicipality.map((m) => (
                    <Table.Row key={m.municipalityNumber}>
                      <Table.HeaderCell scope="row">{m.municipalityName}</Table.HeaderCell>
                      <Table.Cell className="dr-project-number">{hours(m.hundredths)}</Table.Cell>
                      <Table.Cell className="dr-project-number">{kroner(m.value)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
                <tfoot>
                  <Table.Row>
                    <Table.HeaderCell scope="row">{t.total}</Table.HeaderCell>
                    <Table.Cell className="dr-project-number">{hours(data.total.hundredths)}</Table.Cell>
                    <Table.Cell className="dr-project-number">{kroner(data.total.value)}</Table.Cell>
                  </Table.Row>
                </tfoot>
              </Table>
            </ScrollRegion>
          )}
          <Paragraph data-size="sm">
            <AppLink to={ownEffortPath(data.networkSlug, { year: data.years.at(-1)?.year, project: project.id })}>{t.inKindLink}</AppLink>
          </Paragraph>
        </>
      )}
    </LoadState>
  );
}
