/**
 * «Mitt arbeid»: the logged-in start page at `/` (the networks without login), and the municipality's own page across
 * its networks, shown on `/kommuner/:number`.
 */
export { myWorkRoutes } from './routes.tsx';
export { MunicipalityPanelSection } from './MunicipalityPanel.tsx';
