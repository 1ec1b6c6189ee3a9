export { networkRoutes } from './routes.ts';
export { loadMunicipalitiesFile, loadMunicipalities, parseMunicipalities, ReferenceDataError } from './reference-data.ts';
export {
  assertCanAdministerNetwork,
  assertCanReadNetworkInternals,
  canEditMunicipality,
  canReadNetworkInternals,
  currentMembership,
  editorMunicipalities,
  isNetworkAdmin,
  isPlatformAdmin,
  requireUser,
} from './policy.ts';
export { requireNetwork } from './service.ts';
export { today } from './dates.ts';
export { currentMemberNumbers, municipalityExists, municipalityNames, visibleInNetwork } from './repo.ts';
export * as networkService from './service.ts';
