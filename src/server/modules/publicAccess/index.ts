export { publicRoutes, oparlRoutes } from './routes.ts';
/** The rules of what is published, for a module that shows the public something that points into meetings. */
export { hasDecision, isMeetingPublished, itemMinutesPublished, minutesPublished } from './visibility.ts';
