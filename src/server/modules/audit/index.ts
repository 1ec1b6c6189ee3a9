export { recordAudit, recordLinkUse, listAuditEntries, type AuditChange, type LinkUse } from './service.ts';
export { auditRoutes } from './routes.ts';
