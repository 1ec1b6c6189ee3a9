import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './app/Layout.tsx';
import { NetworkFrameProvider, NetworkFrameRoute, type NetworkSection } from './app/network-frame.tsx';
import { NotFoundPage } from './app/NotFoundPage.tsx';
import * as admin from './features/admin/index.ts';
import * as archive from './features/archive/index.ts';
import * as auth from './features/auth/index.ts';
import * as benefits from './features/benefits/index.ts';
import * as finance from './features/finance/index.ts';
import * as lessons from './features/lessons/index.ts';
import * as follows from './features/follows/index.ts';
import * as mapping from './features/mapping/index.ts';
import * as dashboards from './features/mapping-dashboards/index.ts';
import * as meetings from './features/meetings/index.ts';
import * as myWork from './features/my-work/index.ts';
import * as network from './features/network/index.ts';
import * as projects from './features/projects/index.ts';
import * as proposals from './features/proposals/index.ts';
import * as publicPages from './features/public/index.ts';
import * as strategy from './features/strategy/index.ts';
import * as surveys from './features/surveys/index.ts';

/**
 * The one place the features meet: their routes (each loads its page when first visited) and the network sections,
 * in the order the network's navigation shows them. app/ knows no feature; a feature knows others by their index.ts.
 */
const SECTIONS: NetworkSection[] = [
  network.overviewSection,
  network.peopleSection,
  network.bodiesSection,
  dashboards.section,
  surveys.section,
  strategy.section,
  proposals.section,
  projects.section,
  benefits.section,
  finance.section,
  archive.section,
];

const ALL: RouteObject[] = [
  ...myWork.routes,
  ...network.routes,
  ...archive.routes,
  ...meetings.routes,
  ...publicPages.routes,
  ...auth.routes,
  ...admin.routes,
  ...mapping.routes,
  ...dashboards.routes,
  ...surveys.routes,
  ...strategy.routes,
  ...proposals.routes,
  ...projects.routes,
  ...lessons.routes,
  ...benefits.routes,
  ...finance.routes,
  ...follows.routes,
];

/** Every page of a network lies in its frame, which loads the network once; the addresses stay as they were. */
const inNetwork = (r: RouteObject) => r.path === 'n/:slug' || (r.path?.startsWith('n/:slug/') ?? false);

/** Norwegian addresses, as the users read and share them. */
const shell = (
  <NetworkFrameProvider sections={SECTIONS}>
    <Layout />
  </NetworkFrameProvider>
);

export const router = createBrowserRouter([
  {
    element: shell,
    // While the first page's code loads, the header and footer are drawn already (the page's place stays empty),
    // so a slow line shows something after the main script instead of after the page's script as well.
    hydrateFallbackElement: shell,
    children: [
      {
        path: 'n/:slug',
        element: <NetworkFrameRoute />,
        children: ALL.filter(inNetwork).map((r) =>
          r.path === 'n/:slug' ? { ...r, path: undefined, index: true } : { ...r, path: `/${r.path}` },
        ) as RouteObject[],
      },
      ...ALL.filter((r) => !inNetwork(r)),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
