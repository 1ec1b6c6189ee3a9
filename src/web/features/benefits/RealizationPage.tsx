import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Benefit, BenefitsRollup, RollupFigure } from '../../../shared/benefits/schema.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import type { Phase } from '../../../shared/portfolio/projects.ts';
import { useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { NetworkTitledPage } from '../../app/network-titled-page.tsx';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { FilterSelect } from '../../app/forms.tsx';
import { AppLink, LoadState, Section } from '../../app/ui.tsx';
import { useProjectMessages } from '../projects/index.ts';
import { benefitsPath, formatAchievement } from './benefits-api.ts';
import { useRealizationMessages } from './realization-messages.ts';
import './realization.css';
import { DataTable } from '../../app/table.tsx';
import type { BenefitCurvesAnswer } from '../../../shared/benefits/curves.ts';
import { useCurveMessages } from './curve-messages.ts';
import { CurvesHeading, ScopeCurvesView } from './Curves.tsx';

export const realizationPath = (slug: string) => `/n/${slug}/nytte`;

/**
 * `/n/:slug/nytte`: the traceability view of the network's benefits — focus area → projects → benefits → indicators →
 * realization — for the network or, with `?kommune=`, one member municipality; each level with its achievement.
 */
export function RealizationPage() {
  const rm = useRealizationMessages();
  return (
    <NetworkTitledPage title={rm.title}>
      {(network) => (
        <div className="dr-stack">
          <Realization network={network} />
        </div>
      )}
    </NetworkTitledPage>
  );
}

function Realization({ network }: { network: NetworkOverview }) {
  const rm = useRealizationMessages();
  const [params] = useSearchParams();
  const municipality = params.get('kommune') ?? '';
  const query = municipality ? `?municipality=${encodeURIComponent(municipality)}` : '';
  const rollup = useApi<BenefitsRollup>(`/networks/${network.id}/benefits${query}`);
  const cm = useCurveMessages();
  const exportUrl = (format: 'xlsx' | 'csv') =>
    `/api/networks/${network.id}/benefits?format=${format}${municipality ? `&municipality=${municipality}` : ''}`;
  return (
    <>
      <Paragraph>{rm.intro}</Paragraph>
      <MunicipalityFilter key={municipality} network={network} chosen={municipality} />
      <Downloads
        links={[
          ...exportLinks(exportUrl, { xlsx: rm.downloadXlsx, csv: rm.downloadCsv }),
          {
            href: `/api/networks/${network.id}/benefit-curves?format=xlsx${municipality ? `&municipality=${municipality}` : ''}`,
            label: cm.downloadXlsx,
          },
        ]}
      />
      <LoadState loaded={rollup}>{(r) => <Traceability network={network} rollup={r} />}</LoadState>
      <NetworkCurves network={network} query={query} />
    </>
  );
}

function MunicipalityFilter({ network, chosen }: { network: NetworkOverview; chosen: string }) {
  const rm = useRealizationMessages();
  const navigate = useNavigate();
  const [value, setValue] = useState(chosen);
  const members = network.members.filter((x) => x.isCurrent).sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, 'nb'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(`${realizationPath(network.slug)}${value ? `?kommune=${value}` : ''}`);
  };
  return (
    <form onSubmit={submit} className="dr-toolbar" aria-label={rm.filter}>
      <FilterSelect
        label={rm.municipality}
        value={value}
        onChange={setValue}
        all={rm.wholeNetwork}
        options={members.map((x) => ({ value: x.municipalityNumber, label: x.municipalityName }))}
      />
      <Button type="submit" variant="secondary">
        {rm.show}
      </Button>
    </form>
  );
}

/** An achievement as «62,5 %», with a bar beside it that only repeats the number. */
function Achievement({ value }: { value: number | null }) {
  const rm = useRealizationMessages();
  const { lang } = useI18n();
  if (value === null) return <span className="dr-muted">{rm.notMeasured}</span>;
  return (
    <span className="dr-achievement">
      <span className="dr-achievement-bar" aria-hidden="true">
        <span style={{ width: `${Math.max(0, Math.min(100, value * 100))}%` }} />
      </span>
      {formatAchievement(lang, value)}
    </span>
  );
}

function useAchievementText() {
  const rm = useRealizationMessages();
  const { lang } = useI18n();
  return (figure: RollupFigure) => (figure.achievement === null ? rm.notMeasured : formatAchievement(lang, figure.achievement));
}

/**
 * A project's benefits, loaded when its row is opened: each with its achievement for the network, or with one
 * municipality's own (the average of its targets' achievements on the benefit's indicators).
 */
function ProjectBenefits({ projectId, label, municipality }: { projectId: string; label: string; municipality: string | null }) {
  const rm = useRealizationMessages();
  const benefits = useApi<Benefit[]>(benefitsPath(projectId));
  const achievementOf = (benefit: Benefit) => {
    if (!municipality) return benefit.achievement;
    const own = benefit.indicators.flatMap((i) => i.targets.filter((t) => t.municipalityNumber === municipality).map((t) => t.achievement));
    const known = own.filter((a): a is number => a !== null);
    return known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : null;
  };
  return (
    <LoadState loaded={benefits}>
      {(list) => (
        <DataTable
          caption={fmt(rm.caption, { project: label })}
          label={`${fmt(rm.caption, { project: label })} (${rm.scroll})`}
          columns={[rm.benefit, rm.owner, rm.indicators, rm.achievement]}
          size="sm"
        >
          {list.map((benefit) => (
            <Table.Row key={benefit.id}>
              <Table.HeaderCell scope="row">{benefit.title}</Table.HeaderCell>
              <Table.Cell>{benefit.owner?.name ?? '–'}</Table.Cell>
              <Table.Cell>{benefit.indicators.length === 0 ? rm.noIndicator : benefit.indicators.map((i) => i.name).join(', ')}</Table.Cell>
              <Table.Cell>
                <Achievement value={achievementOf(benefit)} />
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
    </LoadState>
  );
}

function Traceability({ network, rollup }: { network: NetworkOverview; rollup: BenefitsRollup }) {
  const rm = useRealizationMessages();
  const pm = useProjectMessages();
  const text = useAchievementText();
  if (rollup.focusAreas.length === 0) return <Paragraph>{rollup.municipalityNumber ? rm.noneForMunicipality : rm.none}</Paragraph>;
  return (
    <div className="dr-stack">
      <Section id="realization-network" title={rm.networkFigure} className="dr-realization-summary" size="sm">
        <Paragraph data-size="lg">
          <Achievement value={rollup.network.achievement} />
        </Paragraph>
        <Paragraph data-size="sm">
          {fmt(rm.measuredOf, { measured: rollup.network.measuredBenefitCount, total: rollup.network.benefitCount })}
        </Paragraph>
      </Section>
      {rollup.focusAreas.map((area) => (
        <section key={area.key ?? 'none'} className="dr-stack" aria-labelledby={`area-${area.key ?? 'none'}`}>
          <Heading level={2} data-size="md" id={`area-${area.key ?? 'none'}`}>
            {area.title ?? rm.withoutFocusArea}
          </Heading>
          <Paragraph>{fmt(rm.focusAreaFigure, { value: text(area) })}</Paragraph>
          {area.projects.map((project) => (
            <article key={project.id} className="dr-realization-project">
              <Heading level={3} data-size="sm">
                <AppLink to={`/n/${network.slug}/prosjekter/${project.id}#nytte`}>
                  {project.reference} {project.title}
                </AppLink>
              </Heading>
              <Paragraph data-size="sm">
                {fmt(rm.phase, { phase: pm.phases[project.phase as Phase] })} · {fmt(rm.projectFigure, { value: text(project) })}
              </Paragraph>
              {project.benefitCount === 0 ? (
                <Paragraph data-size="sm">{rm.noBenefits}</Paragraph>
              ) : (
                <details className="dr-realization-benefits">
                  <summary>{fmt(rm.showBenefits, { count: project.benefitCount })}</summary>
                  <ProjectBenefits
                    projectId={project.id}
                    label={`${project.reference} ${project.title}`}
                    municipality={rollup.municipalityNumber}
                  />
                </details>
              )}
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}

/**
 * The network's curves added up, and each focus area's, where the indicators can be summed (per unit); the
 * municipalities' own curves are on each project's page.
 */
function NetworkCurves({ network, query }: { network: NetworkOverview; query: string }) {
  const cm = useCurveMessages();
  const curves = useApi<BenefitCurvesAnswer>(`/networks/${network.id}/benefit-curves${query}`);
  return (
    <Section id="realization-curves" title={cm.networkCurvesHeading}>
      <LoadState loaded={curves}>
        {(answer) => (
          <div className="dr-stack">
            {answer.scopes.map((scope) => {
              const name = scope.scope === 'network' ? network.name : (scope.title ?? cm.withoutFocusArea);
              return (
                <ScopeCurvesView
                  key={`${scope.scope}-${scope.key ?? ''}`}
                  scope={scope}
                  name={name}
                  heading={
                    scope.scope === 'focusArea' ? <CurvesHeading level={3}>{fmt(cm.areaCurvesHeading, { name })}</CurvesHeading> : undefined
                  }
                />
              );
            })}
            {answer.scopes.every((x) => x.sums.length === 0 && x.notSummed.length === 0) && (
              <Paragraph data-size="sm">{cm.noSums}</Paragraph>
            )}
          </div>
        )}
      </LoadState>
    </Section>
  );
}
