import type { ReactNode } from 'react';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { AdoptionMatrix, AdoptionStatus, Landscape } from '../../../shared/mapping/schema.ts';
import { domainPath } from '../../../shared/mapping/domains.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { VisuallyHidden } from '../../app/ui.tsx';
import { byWhatMatters } from './dashboard-api.ts';
import { useDashboardMessages } from './messages.ts';

/** The statuses from furthest along to least, the order of the stacked bars and the legend. */
export const STATUS_ORDER: readonly AdoptionStatus[] = [
  'inUseIntegrated',
  'inUse',
  'agreementSigned',
  'planned',
  'notAssessed',
  'notRelevant',
];

/** A status in words, on its colour: never colour alone. An empty cell says so to a screen reader. */
export function StatusLabel({ status }: { status: AdoptionStatus | null }) {
  const dm = useDashboardMessages();
  if (!status) {
    return (
      <span className="dr-adoption dr-adoption-none">
        <span aria-hidden="true">–</span>
        <VisuallyHidden>{dm.noStatus}</VisuallyHidden>
      </span>
    );
  }
  return <span className={`dr-adoption dr-adoption-${status}`}>{dm.adoptionStatuses[status]}</span>;
}

/** The colours' meaning, for the bars (which carry no text of their own). */
export function StatusLegend() {
  const dm = useDashboardMessages();
  return (
    <div className="dr-legend">
      <span className="dr-legend-title">{dm.adoption.legend}:</span>
      <ul>
        {STATUS_ORDER.map((status) => (
          <li key={status}>
            <span className={`dr-swatch dr-adoption-${status}`} aria-hidden="true" /> {dm.adoptionStatuses[status]}
          </li>
        ))}
        <li>
          <span className="dr-swatch dr-adoption-none" aria-hidden="true" /> {dm.noStatus}
        </li>
      </ul>
    </div>
  );
}

/** A chart with its heading; the bars are drawing only, the words beside them and the table carry the data. */
function Chart({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <figure className="dr-chart" aria-labelledby={id}>
      <Heading level={3} data-size="xs" id={id}>
        {heading}
      </Heading>
      {children}
    </figure>
  );
}

/** «13 av 16 bruker SvarUt», with a bar stacked by status, for each solution that has any status. */
export function AdoptionChart({ matrix }: { matrix: AdoptionMatrix }) {
  const dm = useDashboardMessages();
  const total = matrix.municipalities.length;
  const shown = matrix.solutions.filter((s) => Object.keys(s.statusCounts).length > 0);
  return (
    <Chart id="adoption-chart" heading={dm.adoption.chartHeading}>
      <StatusLegend />
      <ul className="dr-bars">
        {shown.map((s) => (
          <li key={s.key}>
            <span className="dr-bar-label">{fmt(dm.adoption.usage, { count: s.inUseCount, total, name: s.name })}</span>
            <span className="dr-bar dr-bar-stacked" aria-hidden="true">
              {STATUS_ORDER.map((status) => {
                const count = s.statusCounts[status] ?? 0;
                return count > 0 ? (
                  <span key={status} className={`dr-bar-part dr-adoption-${status}`} style={{ width: `${(100 * count) / total}%` }} />
                ) : null;
              })}
            </span>
          </li>
        ))}
      </ul>
    </Chart>
  );
}

/** Different products per domain, as bars, with the standardization candidates marked in words. */
export function DomainChart({ landscape }: { landscape: Landscape }) {
  const dm = useDashboardMessages();
  const { lang } = useI18n();
  const max = Math.max(1, ...landscape.domains.map((d) => d.productCount));
  return (
    <Chart id="landscape-chart" heading={dm.landscape.chartHeading}>
      <ul className="dr-bars">
        {byWhatMatters(landscape.domains).map((d) => (
          <li key={d.key}>
            <span className="dr-bar-label">
              <strong>{domainPath(d.key, lang)}</strong>:{' '}
              {fmt(dm.landscape.domainLine, { products: d.productCount, municipalities: d.municipalityCount })}{' '}
              {d.standardizationCandidate && (
                <Tag data-color="warning" data-size="sm">
                  {dm.columns.standardizationCandidate}
                </Tag>
              )}
            </span>
            <span className="dr-bar" aria-hidden="true">
              <span
                className={`dr-bar-part ${d.standardizationCandidate ? 'dr-bar-candidate' : 'dr-bar-plain'}`}
                style={{ width: `${(100 * d.productCount) / max}%` }}
              />
            </span>
          </li>
        ))}
      </ul>
    </Chart>
  );
}

/** A short paragraph that says nothing is shown, instead of an empty chart. */
export function Empty({ children }: { children: ReactNode }) {
  return <Paragraph className="dr-muted">{children}</Paragraph>;
}
