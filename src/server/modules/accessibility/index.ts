export { accessibilityRoutes } from './routes.ts';
