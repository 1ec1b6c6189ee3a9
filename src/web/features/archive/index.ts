import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy.tsx';
import type { NetworkSection } from '../../app/network-frame.tsx';

/** The network's archive deliveries (Noark 5), for its administrators. */
export const routes: RouteObject[] = [lazyPage('n/:slug/arkiv', () => import('./ArchivePage.tsx'), 'ArchivePage')];

export const section: NetworkSection = {
  path: 'arkiv',
  label: { nb: 'Arkiv', nn: 'Arkiv', en: 'Archive' },
  visible: (c) => c.administer,
};
