import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ProjectOwnEffort } from '../../../shared/finance/own-effort.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';
import { useApi } from '../../app/api.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { AppLink, LoadState } from '../../app/ui.tsx';
import { HoursValueTable, ownEffortPath, useOwnEffortMessages } from '../finance/index.ts';
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
            <HoursValueTable
              caption={fmt(t.inKindCaption, { reference: project.reference })}
              label={t.municipality}
              rows={data.byMunicipality.map((m) => ({ key: m.municipalityNumber, name: m.municipalityName, ...m }))}
              total={data.total}
              texts={{ hours: t.hours, value: t.value, total: t.total }}
              hours={hours}
              kroner={kroner}
              size="md"
            />
          )}
          <Paragraph data-size="sm">
            <AppLink to={ownEffortPath(data.networkSlug, { year: data.years.at(-1)?.year, project: project.id })}>{t.inKindLink}</AppLink>
          </Paragraph>
        </>
      )}
    </LoadState>
  );
}
