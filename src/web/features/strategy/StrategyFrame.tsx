import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import type { Strategy } from '../../../shared/strategy/schema.ts';
import { useApi, type Loaded } from '../../app/api.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { AppLink, LoadState } from '../../app/ui.tsx';
import { NetworkNav } from '../network/NetworkNav.tsx';

/** The network (for its navigation and members) and the strategy a page under `/n/:slug/strategi/:strategyId` belongs to. */
export function useStrategyFrame() {
  const { slug = '', strategyId = '' } = useParams();
  const network = useApi<NetworkOverview>(`/networks/${encodeURIComponent(slug)}`);
  const strategy = useApi<Strategy>(`/strategies/${encodeURIComponent(strategyId)}`);
  return { network, strategy };
}

/** A page's title once everything it names has loaded; «not found» when any of it failed, «loading» meanwhile. */
export function usePageTitle(loads: { data?: unknown; error: unknown }[], title: () => string): string {
  const { m } = useI18n();
  if (loads.some((l) => l.error)) return m.notFound.title;
  if (loads.every((l) => l.data !== undefined)) return title();
  return m.common.loading;
}

/** A strategy page: the title, the network's navigation, then the content once the strategy has loaded. */
export function StrategyFrame({
  title,
  network,
  strategy,
  children,
}: {
  title: string;
  network: Loaded<NetworkOverview>;
  strategy: Loaded<Strategy>;
  children: (network: NetworkOverview, strategy: Strategy) => ReactNode;
}) {
  return (
    <Page title={title}>
      <LoadState loaded={network}>
        {(n) => (
          <>
            <NetworkNav network={n} />
            <LoadState loaded={strategy}>{(s) => children(n, s)}</LoadState>
          </>
        )}
      </LoadState>
    </Page>
  );
}

/** The link back up, above a page's content. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Paragraph>
      <AppLink to={to}>{children}</AppLink>
    </Paragraph>
  );
}
