export { authRoutes, type AuthRoutesOptions } from './routes.ts';
export { hashPassword } from './passwords.ts';
export { authLinkIssuers, createPlatformAdministrator, startSession } from './service.ts';
export { deleteExpiredSessions, SESSION_COOKIE } from './sessions.ts';
