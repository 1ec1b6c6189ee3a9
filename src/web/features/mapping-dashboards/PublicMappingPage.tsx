import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import type { PublicAdoption, PublicLandscape } from '../../../shared/mapping/open-data.ts';
import type { AdoptionMatrix, Landscape } from '../../../shared/mapping/schema.ts';
import { useApi, type Loaded } from '../../app/api.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { PublicNetworkPage } from '../../app/public-network-page.tsx';
import { LoadState } from '../../app/ui.tsx';
import { usePublicMessages } from '../public/index.ts';
import { Trail } from '../../app/Trail.tsx';
import { AdoptionChart, DomainChart } from './charts.tsx';
import { useDashboardMessages } from './messages.ts';
import { OpenDataLinks } from './PublicationPanel.tsx';
import { ChartOrTable } from '../../app/chart-or-table.tsx';
import { RuleText } from './StandardizationRulePanel.tsx';
import { AdoptionMatrixTable, AdoptionSummaryTable, DomainTable, ProductTable } from './tables.tsx';
import '../../app/public.css';
import './dashboards.css';

/** The public shape back into the dashboards' own, so the public page draws the same charts and tables. */
function toMatrix(data: PublicAdoption): AdoptionMatrix {
  return {
    municipalities: data.municipalities.map((m) => ({ number: m.number, name: m.name })),
    solutions: data.solutions.map((s) => ({ ...s })),
    cells: data.municipalities.map((m) => data.solutions.map((s) => m.statuses[s.key] ?? null)),
  };
}

function toLandscape(data: PublicLandscape): Landscape {
  return {
    rule: data.rule,
    municipalities: data.municipalities,
    domains: data.domains.map((d) => ({
      ...d,
      products: d.products.map((p, i) => ({
        id: `${d.key}-${i}`,
        name: p.name,
        vendor: p.vendor,
        domain: d.key,
        municipalityNumbers: p.municipalityNumbers,
      })),
    })),
  };
}

/** `/innsyn/n/:slug/kartlegging`: what a network publishes of its mapping, with the files. No login. */
export function PublicMappingPage() {
  const dm = useDashboardMessages();
  const pm = usePublicMessages();
  const { slug = '' } = useParams();
  const adoption = useApi<PublicAdoption>(`/public/networks/${encodeURIComponent(slug)}/mapping/adoption`);
  const landscape = useApi<PublicLandscape>(`/public/networks/${encodeURIComponent(slug)}/mapping/landscape`);
  return (
    <PublicNetworkPage
      title={(name) => fmt(dm.public.title, { name })}
      intro={(name) => fmt(dm.public.intro, { name })}
      lead={<Trail links={[{ to: '/innsyn', label: pm.nav }]} />}
    >
      {(network) =>
        adoption.error?.status === 404 && landscape.error?.status === 404 ? (
          <Paragraph>{fmt(dm.public.nothing, { name: network.name })}</Paragraph>
        ) : (
          <>
            <PublicPart heading={dm.views.adoption} loaded={adoption} name={network.name}>
              {(data) => {
                const matrix = toMatrix(data);
                return (
                  <>
                    <OpenDataLinks slug={slug} what="adoption" />
                    <ChartOrTable chart={<AdoptionChart matrix={matrix} />} table={<AdoptionSummaryTable matrix={matrix} />} />
                    <AdoptionMatrixTable matrix={matrix} />
                  </>
                );
              }}
            </PublicPart>
            <PublicPart heading={dm.views.landscape} loaded={landscape} name={network.name}>
              {(data) => {
                const view = toLandscape(data);
                return (
                  <>
                    <OpenDataLinks slug={slug} what="landscape" />
                    <RuleText rule={view.rule} />
                    <ChartOrTable chart={<DomainChart landscape={view} />} table={<DomainTable landscape={view} />} />
                    <ProductTable landscape={view} />
                  </>
                );
              }}
            </PublicPart>
          </>
        )
      }
    </PublicNetworkPage>
  );
}

function PublicPart<T>({
  heading,
  loaded,
  name,
  children,
}: {
  heading: string;
  loaded: Loaded<T>;
  name: string;
  children: (data: T) => React.ReactNode;
}) {
  const dm = useDashboardMessages();
  const id = `public-${heading.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="dr-section dr-stack" aria-labelledby={id}>
      <Heading level={2} data-size="md" id={id}>
        {heading}
      </Heading>
      {loaded.error?.status === 404 ? (
        <Paragraph>{fmt(dm.public.notPublished, { name })}</Paragraph>
      ) : (
        <LoadState loaded={loaded}>{children}</LoadState>
      )}
    </section>
  );
}
