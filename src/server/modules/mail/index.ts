export {
  queueEmail,
  emailJobHandler,
  listOutbox,
  EMAIL_JOB,
  ICAL_FILE_NAME,
  type SmtpConfig,
  type EmailMessage,
  type EmailAttachment,
} from './service.ts';
