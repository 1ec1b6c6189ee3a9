import { useOutletContext } from 'react-router';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';
import type { Loaded } from '../../app/api.ts';

/** What the project page hands each of its tabs: the project, loaded once by the page, and who may change it. */
export interface ProjectOutlet {
  network: NetworkOverview;
  project: Project;
  /** The page's load of the project, reloaded after a change made in a tab. */
  loaded: Loaded<Project>;
  /** The secretariat: may change the project, its plan and its documents. */
  admin: boolean;
}

export const useProjectOutlet = () => useOutletContext<ProjectOutlet>();
