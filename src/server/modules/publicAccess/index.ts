export { publicRoutes, oparlRoutes } from './routes.ts';
