import { Paragraph } from '@digdir/designsystemet-react';
import { useApi } from '../../app/api.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { AppLink } from '../../app/ui.tsx';
import { useStrategyMessages } from './messages.ts';
import { publicStrategyPath, type PublicStrategy } from './strategy-api.ts';

/** On the public home page: a link to the network's published strategy, shown only when it has one. */
export function StrategyPublicLink({ slug, name }: { slug: string; name: string }) {
  const sm = useStrategyMessages();
  const strategies = useApi<PublicStrategy[]>(`/public/networks/${encodeURIComponent(slug)}/strategies`);
  if (!strategies.data || strategies.data.length === 0) return null;
  return (
    <Paragraph>
      <AppLink to={publicStrategyPath(slug)}>{fmt(sm.public.homeLink, { name })}</AppLink>
    </Paragraph>
  );
}
