export { queueEmail, emailJobHandler, listOutbox, EMAIL_JOB, type SmtpConfig, type EmailMessage } from './service.ts';
