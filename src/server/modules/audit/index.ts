export { recordAudit, listAuditEntries, type AuditChange } from './service.ts';
export { auditRoutes } from './routes.ts';
