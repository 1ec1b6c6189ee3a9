import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/auth/AccountPage.tsx';
import { InvitationPage } from '../features/auth/InvitationPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { ForgotPasswordPage, PasswordResetPage } from '../features/auth/PasswordResetPages.tsx';
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { BodiesPage } from '../features/network/BodiesPage.tsx';
import { BodyPage } from '../features/network/BodyPage.tsx';
import { MunicipalityPage } from '../features/network/MunicipalityPage.tsx';
import { NetworkPage } from '../features/network/NetworkPage.tsx';
import { PeoplePage } from '../features/network/PeoplePage.tsx';
import { PersonPage } from '../features/network/PersonPage.tsx';
import { PublicBodyPage } from '../features/public/PublicBodyPage.tsx';
import { PublicHomePage } from '../features/public/PublicHomePage.tsx';
import { PublicMeetingPage } from '../features/public/PublicMeetingPage.tsx';
import { ArchivePage } from '../features/archive/ArchivePage.tsx';
import { AccessibilityPage } from '../features/public/AccessibilityPage.tsx';
import { PublicSearchPage } from '../features/public/PublicSearchPage.tsx';
import { AgendaItemPage } from '../features/meetings/AgendaItemPage.tsx';
import { MeetingPage } from '../features/meetings/MeetingPage.tsx';
import { MeetingPlanPage } from '../features/meetings/MeetingPlanPage.tsx';
import { AbsenceLinkPage, SignLinkPage, WrittenAnswerPage } from '../features/meetings/PersonalLinkPages.tsx';
import { applicationRoutes } from '../features/mapping/routes.tsx';
import { dashboardRoutes } from '../features/mapping-dashboards/routes.tsx';
import { surveyRoutes } from '../features/surveys/routes.tsx';
import { strategyRoutes } from '../features/strategy/routes.tsx';
import { proposalRoutes } from '../features/proposals/routes.tsx';
import { projectRoutes } from '../features/projects/routes.tsx';
import { benefitRoutes } from '../features/benefits/routes.tsx';
import { financeRoutes } from '../features/finance/routes.tsx';
import { publicProjectRoutes } from '../features/projects/public-routes.tsx';
import { myWorkRoutes } from '../features/my-work/index.ts';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/** Norwegian addresses, as the users read and share them. */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      ...myWorkRoutes,
      { path: 'n/:slug', element: <NetworkPage /> },
      { path: 'n/:slug/personer', element: <PeoplePage /> },
      { path: 'n/:slug/personer/:id', element: <PersonPage /> },
      { path: 'n/:slug/organer', element: <BodiesPage /> },
      { path: 'n/:slug/arkiv', element: <ArchivePage /> },
      { path: 'n/:slug/organer/:id', element: <BodyPage /> },
      { path: 'n/:slug/organer/:id/moter', element: <MeetingPlanPage /> },
      { path: 'moter/:id', element: <MeetingPage /> },
      { path: 'moter/:id/saker/:itemId', element: <AgendaItemPage /> },
      { path: 'forfall/:token', element: <AbsenceLinkPage /> },
      { path: 'skriftlig/:token', element: <WrittenAnswerPage /> },
      { path: 'signer/:token', element: <SignLinkPage /> },
      { path: 'kommuner/:number', element: <MunicipalityPage /> },
      { path: 'innsyn', element: <PublicHomePage /> },
      { path: 'innsyn/organ/:id', element: <PublicBodyPage /> },
      { path: 'innsyn/moter/:id', element: <PublicMeetingPage /> },
      { path: 'innsyn/sok', element: <PublicSearchPage /> },
      { path: 'tilgjengelighet', element: <AccessibilityPage /> },
      { path: 'logg-inn', element: <LoginPage /> },
      { path: 'invitasjon/:token', element: <InvitationPage /> },
      { path: 'glemt-passord', element: <ForgotPasswordPage /> },
      { path: 'nytt-passord/:token', element: <PasswordResetPage /> },
      { path: 'konto', element: <AccountPage /> },
      { path: 'admin', element: <AdminPage /> },
      ...applicationRoutes,
      ...dashboardRoutes,
      ...surveyRoutes,
      ...strategyRoutes,
      ...proposalRoutes,
      ...projectRoutes,
      ...benefitRoutes,
      ...financeRoutes,
      ...publicProjectRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
