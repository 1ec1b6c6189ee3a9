import { useEffect } from 'react';
import { NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';
import { parseReference } from '../../../shared/portfolio/references.ts';
import type { Loaded } from '../../app/api.ts';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { SuccessMessage } from '../../app/forms.tsx';
import { fmt } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useRecordTitle } from '../../app/loaded-record.tsx';
import { useRecordAtAddress } from '../../app/reference-address.ts';
import { useNetwork } from '../../app/network-frame.tsx';
import { AppLink, LoadState } from '../../app/ui.tsx';
import { FollowButton } from '../follows/index.ts';
import { useProjectMessages } from './messages.ts';
import type { ProjectOutlet } from './project-outlet.ts';
import { isProjectTab, PROJECT_TABS, projectsPath, projectTabPath } from './projects-api.ts';
import './projects.css';

/**
 * `/n/:slug/prosjekter/:id` (or its reference, `…/P-2026-003`) and its tabs: the project's title, its tabs as links in the address (the summary first),
 * and the chosen tab below. The page loads the project once and hands it to the tabs; each tab is a route of its own,
 * so a tab can be linked to, reloaded, and left with the back button.
 */
export function ProjectPage() {
  const pm = useProjectMessages();
  const { id = '' } = useParams();
  const network = useNetwork();
  const project = useRecordAtAddress<Project>(id, {
    isReference: parseReference('project', id) !== null,
    byId: `/projects/${encodeURIComponent(id)}`,
    byReference: `/networks/${network.id}/projects/by-reference/${id}`,
  });
  const title = useRecordTitle(project, (r) => fmt(pm.project.title, { reference: r.reference, title: r.title }));
  return (
    <Page title={title}>
      <Paragraph>
        <AppLink to={projectsPath(network.slug)}>{fmt(pm.project.back, { name: network.name })}</AppLink>
      </Paragraph>
      {project.data && <FollowButton target={{ kind: 'project', id: project.data.id }} />}
      <LoadState loaded={project}>{(p) => <ProjectFrame network={network} project={p} loaded={project} />}</LoadState>
    </Page>
  );
}

function ProjectFrame({ network, project, loaded }: { network: NetworkOverview; project: Project; loaded: Loaded<Project> }) {
  const location = useLocation();
  const navigate = useNavigate();
  const admin = useNetworkCapabilities(network.id).administer;
  // Links written before the tabs (reminder e-mails: `…/prosjekter/:id#nytte`) name a section by its anchor: open its tab.
  const anchor = location.hash.slice(1);
  const onSummary = location.pathname.replace(/\/$/, '') === projectTabPath(network.slug, project.id, '');
  useEffect(() => {
    if (onSummary && anchor && isProjectTab(anchor)) {
      void navigate(`${projectTabPath(network.slug, project.id, anchor)}${location.hash}`, { replace: true });
    }
  }, [onSummary, anchor, location.hash, navigate, network.slug, project.id]);
  const context: ProjectOutlet = { network, project, loaded, admin };
  return (
    <div className="dr-stack">
      <ProjectTabs network={network} project={project} />
      <SuccessMessage message={(location.state as { message?: string } | null)?.message ?? null} />
      <Outlet context={context} />
    </div>
  );
}

/** The project's tabs: a navigation of links, the open one marked `aria-current="page"`; sideways scrolling on a phone. */
function ProjectTabs({ network, project }: { network: NetworkOverview; project: Project }) {
  const pm = useProjectMessages();
  return (
    <nav aria-label={fmt(pm.tabs.label, { reference: project.reference })} className="dr-subnav dr-project-tabs">
      <ul>
        {PROJECT_TABS.map((tab) => (
          <li key={tab || 'oversikt'}>
            <NavLink to={projectTabPath(network.slug, project.id, tab)} end>
              {pm.tabs.names[tab || 'oversikt']}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
