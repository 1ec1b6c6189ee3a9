export { networkRoutes } from './routes.ts';
export { loadMunicipalitiesFile, loadMunicipalities, parseMunicipalities, ReferenceDataError } from './reference-data.ts';
export {
  assertCanAdministerNetwork,
  assertCanReadNetworkInternals,
  canEditMunicipality,
  currentMembership,
  isNetworkAdmin,
  isPlatformAdmin,
  requireUser,
} from './policy.ts';
export { requireNetwork } from './service.ts';
export * as networkService from './service.ts';
