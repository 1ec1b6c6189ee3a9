export { networkRoutes } from './routes.ts';
export { loadMunicipalitiesFile, loadMunicipalities, parseMunicipalities, ReferenceDataError } from './reference-data.ts';
export { currentMembership } from './memberships.ts';
export { requireNetwork } from './service.ts';
export { today } from './dates.ts';
export { currentMemberNumbers, municipalityExists, municipalityNames, findPerson } from './repo.ts';
export * as networkService from './service.ts';
