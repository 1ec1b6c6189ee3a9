import { desc, inArray } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.ts';
import { outbox } from '../../db/schema/index.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';

export interface SmtpConfig {
  url: string;
  from: string;
}

const EmailJob = z.object({ to: z.string(), subject: z.string(), text: z.string(), networkId: z.string().nullable() });
export type EmailMessage = z.infer<typeof EmailJob>;
export const EMAIL_JOB = 'email.send';

/** Queues an e-mail in the caller's transaction; the job runner sends it. */
export function queueEmail(db: DbOrTx, message: EmailMessage) {
  return enqueueJob(db, EMAIL_JOB, message);
}

/**
 * Every message is kept in the outbox. With SMTP configured it is also sent, and marked sent;
 * without, the secretariat reads it in the outbox.
 */
export function emailJobHandler(smtp: SmtpConfig | null): JobHandler {
  const transport = smtp ? nodemailer.createTransport(smtp.url) : null;
  return async (payload, db: Db) => {
    const message = EmailJob.parse(payload);
    if (transport && smtp) await transport.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text });
    await db.insert(outbox).values({ ...message, sentAt: transport ? new Date() : null });
  };
}

export async function listOutbox(db: DbOrTx, networkIds: string[] | 'all', limit = 200) {
  const query = db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit);
  const rows = networkIds === 'all' ? await query : networkIds.length === 0 ? [] : await query.where(inArray(outbox.networkId, networkIds));
  return rows.map((r) => ({ id: r.id, to: r.to, subject: r.subject, text: r.text, createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null }));
}


