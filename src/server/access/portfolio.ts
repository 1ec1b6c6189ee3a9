import type { Place } from './principals.ts';

/** A project: in its network, with its owner and manager. */
export const ofProject = (project: { networkId: string; ownerPersonId: string | null; managerPersonId: string | null }): Place => ({
  networkIds: [project.networkId],
  project: { ownerPersonId: project.ownerPersonId, managerPersonId: project.managerPersonId },
});

/** A municipality's part in a project (participation, targets, measurements). */
export const ofParticipant = (
  project: { networkId: string; ownerPersonId: string | null; managerPersonId: string | null },
  municipalityNumber: string,
): Place => ({ ...ofProject(project), municipalityNumber });
