export { authRoutes, type AuthRoutesOptions } from './routes.ts';
export { hashPassword } from './passwords.ts';
export { createPlatformAdministrator } from './service.ts';
export { deleteExpiredSessions } from './sessions.ts';
