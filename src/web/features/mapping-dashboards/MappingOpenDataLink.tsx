import { Paragraph } from '@digdir/designsystemet-react';
import { useApi } from '../../app/api.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { AppLink } from '../../app/ui.tsx';
import { publicMappingPath } from './dashboard-api.ts';
import { useDashboardMessages } from './messages.ts';

/** On the public home page: a link to the network's open mapping data, shown only when it publishes some. */
export function MappingOpenDataLink({ slug, name }: { slug: string; name: string }) {
  const dm = useDashboardMessages();
  const publication = useApi<{ publishAdoption: boolean; publishLandscape: boolean }>(
    `/public/networks/${encodeURIComponent(slug)}/mapping`,
  );
  const p = publication.data;
  if (!p || (!p.publishAdoption && !p.publishLandscape)) return null;
  return (
    <Paragraph>
      <AppLink to={publicMappingPath(slug)}>{fmt(dm.public.homeLink, { name })}</AppLink>
    </Paragraph>
  );
}
