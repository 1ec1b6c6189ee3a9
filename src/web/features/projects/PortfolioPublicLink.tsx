import { Paragraph } from '@digdir/designsystemet-react';
import type { PublicPortfolio } from '../../../shared/portfolio/public-projects.ts';
import { useApi } from '../../app/api.ts';
import { fmt } from '../../app/i18n/index.tsx';
import { AppLink } from '../../app/ui.tsx';
import { publicPortfolioApi, publicPortfolioPath } from './public-paths.ts';
import { usePublicPortfolioMessages } from './public-messages.ts';

/** On the public home page: a link to the network's public portfolio, shown only when it has projects. */
export function PortfolioPublicLink({ slug, name }: { slug: string; name: string }) {
  const pp = usePublicPortfolioMessages();
  const portfolio = useApi<PublicPortfolio>(publicPortfolioApi(slug));
  if (!portfolio.data || portfolio.data.projects.length === 0) return null;
  return (
    <Paragraph>
      <AppLink to={publicPortfolioPath(slug)}>{fmt(pp.list.homeLink, { name })}</AppLink>
    </Paragraph>
  );
}
