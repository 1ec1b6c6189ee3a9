import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import type { Strategy } from '../../../shared/strategy/schema.ts';
import { useApi, type Loaded } from '../../app/api.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { AppLink, LoadState } from '../../app/ui.tsx';

/** The network (from the frame, for its members) and the strategy a page under `/n/:slug/strategi/:strategyId` belongs to. */
export function useStrategyFrame() {
  const { strategyId = '' } = useParams();
  const network = { data: useNetwork(), error: null };
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

/** A strategy page: the title, then the content once the strategy has loaded. */
export function StrategyFrame({
  title,
  strategy,
  children,
}: {
  title: string;
  strategy: Loaded<Strategy>;
  children: (network: NetworkOverview, strategy: Strategy) => ReactNode;
}) {
  const network = useNetwork();
  return (
    <Page title={title}>
      <LoadState loaded={strategy}>{(s) => children(network, s)}</LoadState>
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
