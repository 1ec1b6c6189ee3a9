import { desc, inArray } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.ts';
import { outbox } from '../../db/schema/index.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';

export interface SmtpConfig {
  url: string;
  from: string;
}

/** The file name the calendar invitation is sent and listed under. */
export const ICAL_FILE_NAME = 'invitasjon.ics';

// The job payload is JSON, so file content travels as base64.
const EmailAttachmentSchema = z.object({
  fileName: z.string().min(1).max(255),
  contentType: z.string().min(1).max(255),
  contentBase64: z.base64(),
});

const EmailJob = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  networkId: z.string().nullable(),
  replyTo: z.string().optional(),
  attachments: z.array(EmailAttachmentSchema).default([]),
  /** Sent as a text/calendar alternative, which calendar clients show as an invitation they can answer. */
  icalEvent: z.object({ method: z.enum(['REQUEST', 'PUBLISH', 'CANCEL']), content: z.string().min(1) }).optional(),
});
/** What a caller queues; `attachments` may be left out. */
export type EmailMessage = z.input<typeof EmailJob>;
export type EmailAttachment = z.infer<typeof EmailAttachmentSchema>;
export const EMAIL_JOB = 'email.send';

/**
 * Queues an e-mail in the caller's transaction; the job runner sends it. The message is checked here,
 * so a malformed one fails its caller instead of a job that is retried in vain.
 */
export async function queueEmail(db: DbOrTx, message: EmailMessage) {
  return enqueueJob(db, EMAIL_JOB, EmailJob.parse(message));
}

/**
 * Every message is kept in the outbox. With SMTP configured it is also sent, and marked sent;
 * without, the secretariat reads it in the outbox. A refused send throws, so the runner retries it,
 * and nothing reaches the outbox until it has gone.
 */
export function emailJobHandler(smtp: SmtpConfig | null): JobHandler {
  const transport = smtp ? nodemailer.createTransport(smtp.url) : null;
  return async (payload, db: Db) => {
    const message = EmailJob.parse(payload);
    if (transport && smtp) await transport.sendMail(mailOptions(smtp.from, message));
    await db.insert(outbox).values({
      networkId: message.networkId,
      to: message.to,
      subject: message.subject,
      text: message.text,
      attachmentNames: [...message.attachments.map((a) => a.fileName), ...(message.icalEvent ? [ICAL_FILE_NAME] : [])],
      sentAt: transport ? new Date() : null,
    });
  };
}

function mailOptions(from: string, message: z.infer<typeof EmailJob>): Mail.Options {
  return {
    from,
    to: message.to,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.text,
    attachments: message.attachments.map((a) => ({
      filename: a.fileName,
      contentType: a.contentType,
      content: a.contentBase64,
      encoding: 'base64',
    })),
    icalEvent: message.icalEvent
      ? { method: message.icalEvent.method, filename: ICAL_FILE_NAME, content: message.icalEvent.content }
      : undefined,
  };
}

export async function listOutbox(db: DbOrTx, networkIds: string[] | 'all', limit = 200) {
  const query = db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit);
  const rows = networkIds === 'all' ? await query : networkIds.length === 0 ? [] : await query.where(inArray(outbox.networkId, networkIds));
  return rows.map((r) => ({
    id: r.id,
    to: r.to,
    subject: r.subject,
    text: r.text,
    attachmentNames: r.attachmentNames,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}
