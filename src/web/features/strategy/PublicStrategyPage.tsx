import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import type { AdoptionOverview } from '../../../shared/strategy/schema.ts';
import { useApi } from '../../app/api.ts';
import { Downloads } from '../../app/downloads.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { PublicNetworkPage } from '../../app/public-network-page.tsx';
import { LoadState } from '../../app/ui.tsx';
import { usePublicMessages } from '../public/index.ts';
import { Trail } from '../../app/Trail.tsx';
import { AdoptionLegend, AdoptionTable } from './AdoptionPage.tsx';
import { useStrategyMessages } from './messages.ts';
import { publicVersionExportUrl, type PublicStrategy } from './strategy-api.ts';
import { StrategyDocument, usePeriod } from './StrategyDocument.tsx';
import '../../app/public.css';
import './strategy.css';

/** `/innsyn/n/:slug/strategi`: a network's published strategies as documents, with the files and who has adopted them. No login. */
export function PublicStrategyPage() {
  const sm = useStrategyMessages();
  const pm = usePublicMessages();
  const { slug = '' } = useParams();
  const strategies = useApi<PublicStrategy[]>(`/public/networks/${encodeURIComponent(slug)}/strategies`);
  return (
    <PublicNetworkPage
      title={(name) => fmt(sm.public.title, { name })}
      intro={(name) => fmt(sm.public.intro, { name })}
      lead={<Trail links={[{ to: '/innsyn', label: pm.nav }]} />}
    >
      {(network) => (
        <LoadState loaded={strategies}>
          {(list) =>
            list.length === 0 ? (
              <Paragraph>{fmt(sm.public.none, { name: network.name })}</Paragraph>
            ) : (
              <>
                {list.map((entry) => (
                  <PublicStrategyView key={entry.strategy.id} entry={entry} />
                ))}
              </>
            )
          }
        </LoadState>
      )}
    </PublicNetworkPage>
  );
}

function PublicStrategyView({ entry }: { entry: PublicStrategy }) {
  const sm = useStrategyMessages();
  const { dateTime } = useI18n();
  const period = usePeriod();
  const { strategy, version } = entry;
  const adoptions = useApi<AdoptionOverview>(`/public/strategies/${strategy.id}/adoptions`);
  const id = `strategy-${strategy.id}`;
  return (
    <article className="dr-section dr-stack dr-strategy-public" aria-labelledby={id}>
      <Heading level={2} data-size="md" id={id}>
        {strategy.title}
      </Heading>
      <dl className="dr-facts">
        <dt>{sm.common.period}</dt>
        <dd>{period(strategy.periodStart, strategy.periodEnd)}</dd>
        <dt>{sm.strategy.published}</dt>
        <dd>
          {fmt(sm.common.versionN, { n: version.number })}
          {version.publishedAt ? `, ${dateTime(version.publishedAt)}` : ''}
        </dd>
        {version.changeNote && (
          <>
            <dt>{sm.version.changeNote}</dt>
            <dd>{version.changeNote}</dd>
          </>
        )}
      </dl>
      <Downloads
        links={[
          { href: publicVersionExportUrl(version.id, 'docx'), label: fmt(sm.common.downloadDocxOf, { n: version.number }) },
          { href: publicVersionExportUrl(version.id, 'pdf'), label: fmt(sm.common.downloadPdfOf, { n: version.number }) },
        ]}
      />
      <StrategyDocument content={version.content} level={3} id={`${id}-doc`} />
      <section className="dr-stack" aria-labelledby={`${id}-adoption`}>
        <Heading level={3} data-size="sm" id={`${id}-adoption`}>
          {sm.public.adoptionHeading}
        </Heading>
        <LoadState loaded={adoptions}>{(o) => <AdoptionTable overview={o} title={strategy.title} />}</LoadState>
        <AdoptionLegend level={3} id={`${id}-legend`} />
      </section>
    </article>
  );
}
