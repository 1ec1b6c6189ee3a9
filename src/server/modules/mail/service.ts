import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { desc, eq, inArray } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { z } from 'zod';
import type { RequestContext } from '../../context.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { jobs, outbox } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { HIDDEN_TOKEN, PERSONAL_LINK_PATHS, redactPersonalLinks, type PersonalLinkKind } from '../../../shared/personal-links.ts';
import type { OutboxMessage } from '../../../shared/auth/schema.ts';
import { recordAudit } from '../audit/index.ts';
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
  /** The text, with each personal link as a placeholder (personalLink()); the token is made when the e-mail is sent. */
  text: z.string(),
  networkId: z.string().nullable(),
  replyTo: z.string().optional(),
  attachments: z.array(EmailAttachmentSchema).default([]),
  /** Sent as a text/calendar alternative, which calendar clients show as an invitation they can answer. */
  icalEvent: z.object({ method: z.enum(['REQUEST', 'PUBLISH', 'CANCEL']), content: z.string().min(1) }).optional(),
  /** The outbox message this one sends again. */
  resendOf: z.uuid().optional(),
  /**
   * A follow's unsubscribe link as a placeholder (personalLink('unsubscribe', id)): sent as `List-Unsubscribe` with
   * `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058), the same link as in the text.
   */
  listUnsubscribe: z.string().optional(),
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

// ---------------------------------------------------------------- personal links

const LINK_PLACEHOLDER = /\{\{personal-link:([A-Za-z]+):([0-9a-f-]{36})\}\}/g;

/**
 * Where a personal link goes in an e-mail's text: a placeholder naming the link's record. The token is made when
 * the e-mail is sent and exists only in the e-mail that went out; the database keeps its SHA-256, the outbox and
 * the job keep the placeholder. So no one who reads the outbox, the jobs or a backup can act as the person.
 */
export function personalLink(kind: PersonalLinkKind, recordId: string): string {
  return `{{personal-link:${kind}:${recordId}}}`;
}

/**
 * Gives the link's record a new token hash, so the link in the e-mail being sent works and any earlier one stops.
 * Answers false when the record no longer takes a link (removed, used, expired); the e-mail then says so.
 */
export type LinkIssuer = (db: Db, recordId: string, tokenHash: string) => Promise<boolean>;

const LINK_GONE = '(lenken gjelder ikke lenger)';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** The text as the outbox shows it: every personal link with its token hidden. */
export function displayText(text: string, publicUrl: string): string {
  const base = publicUrl.replace(/\/$/, '');
  const shown = text.replace(LINK_PLACEHOLDER, (_all, kind: string) =>
    kind in PERSONAL_LINK_PATHS ? `${base}/${PERSONAL_LINK_PATHS[kind as PersonalLinkKind]}/${HIDDEN_TOKEN}` : LINK_GONE,
  );
  // Also a token written into a text by hand, or queued before the placeholders (an upgrade with e-mail waiting).
  return redactPersonalLinks(shown);
}

/** Replaces every placeholder in the texts with a fresh link; the same placeholder gets the same link in each. */
async function issueLinks(db: Db, texts: string[], publicUrl: string, issuers: Partial<Record<PersonalLinkKind, LinkIssuer>>) {
  const base = publicUrl.replace(/\/$/, '');
  const links = texts.flatMap((text) => [...text.matchAll(LINK_PLACEHOLDER)]);
  const replacements = new Map<string, string>();
  for (const [placeholder, kind, recordId] of links) {
    if (replacements.has(placeholder)) continue;
    const issue = issuers[kind as PersonalLinkKind];
    if (!issue) throw new Error(`no issuer for personal links of kind "${kind}"`);
    const token = randomBytes(32).toString('base64url');
    const issued = await issue(db, recordId!, sha256(token));
    replacements.set(placeholder, issued ? `${base}/${PERSONAL_LINK_PATHS[kind as PersonalLinkKind]}/${token}` : LINK_GONE);
  }
  return texts.map((text) => text.replace(LINK_PLACEHOLDER, (placeholder) => replacements.get(placeholder)!));
}

// ---------------------------------------------------------------- sending

export interface MailSettings {
  smtp: SmtpConfig | null;
  /** Also writes every message, links included, as an .eml file here (development and tests; never in production). */
  mailDir: string | null;
  publicUrl: string;
  issuers: Partial<Record<PersonalLinkKind, LinkIssuer>>;
}

let mailDirCounter = 0;

/**
 * Every message is kept in the outbox, with its personal links hidden. With SMTP configured it is also sent, with
 * fresh tokens in its links, and marked sent; without, the secretariat sees it there, and nobody gets its links.
 * A refused send throws, so the runner retries it, and nothing reaches the outbox until it has gone.
 */
export function emailJobHandler(settings: MailSettings): JobHandler {
  const { smtp, mailDir } = settings;
  const transport = smtp ? nodemailer.createTransport(smtp.url) : null;
  const fileTransport = mailDir ? nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }) : null;
  return async (payload, db: Db, _log, job) => {
    const message = EmailJob.parse(payload);
    const shown = displayText(message.text, settings.publicUrl);
    if (transport || fileTransport) {
      const [text, listUnsubscribe] = await issueLinks(
        db,
        [message.text, ...(message.listUnsubscribe ? [message.listUnsubscribe] : [])],
        settings.publicUrl,
        settings.issuers,
      );
      const sent = { ...message, text: text!, listUnsubscribe: listUnsubscribe?.startsWith('http') ? listUnsubscribe : undefined };
      if (transport && smtp) await transport.sendMail(mailOptions(smtp.from, sent));
      if (fileTransport && mailDir) {
        const info = (await fileTransport.sendMail(mailOptions(smtp?.from ?? 'Digiregion <noreply@digiregion.no>', sent))) as {
          message: Buffer;
        };
        await writeMessageFile(mailDir, info.message);
      }
    }
    // A message queued before placeholders carries its tokens in clear: once it has gone, its job keeps the text as
    // the outbox shows it, and it cannot be resent (its links could not be made again).
    const queuedInClear = redactPersonalLinks(message.text) !== message.text;
    await db.insert(outbox).values({
      networkId: message.networkId,
      to: message.to,
      subject: message.subject,
      text: shown,
      attachmentNames: [...message.attachments.map((a) => a.fileName), ...(message.icalEvent ? [ICAL_FILE_NAME] : [])],
      sentAt: transport ? new Date() : null,
      jobId: queuedInClear ? null : (job?.id ?? null),
      resendOf: message.resendOf ?? null,
    });
    if (queuedInClear && job)
      await db
        .update(jobs)
        .set({ payload: { ...message, text: shown } })
        .where(eq(jobs.id, job.id));
  };
}

/** Written under a temporary name and renamed, so whoever reads the folder never sees half a message. */
async function writeMessageFile(dir: string, raw: Buffer) {
  await mkdir(dir, { recursive: true });
  const name = `${new Date().toISOString().replace(/[-:.]/g, '')}-${String(++mailDirCounter).padStart(6, '0')}-${randomUUID()}`;
  await writeFile(join(dir, `${name}.tmp`), raw);
  await rename(join(dir, `${name}.tmp`), join(dir, `${name}.eml`));
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
    // Set as raw headers: nodemailer's own `list` option would also add a mailto and fold the URL.
    headers: message.listUnsubscribe
      ? { 'List-Unsubscribe': `<${message.listUnsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      : undefined,
  };
}

// ---------------------------------------------------------------- the outbox

/** The networks whose outbox the caller reads: all of them, or the listed ones. */
export type OutboxReach = string[] | 'all';

export async function listOutbox(db: DbOrTx, reach: OutboxReach, limit = 200): Promise<OutboxMessage[]> {
  const query = db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit);
  const rows = reach === 'all' ? await query : reach.length === 0 ? [] : await query.where(inArray(outbox.networkId, reach));
  return rows.map((r) => ({
    id: r.id,
    to: r.to,
    subject: r.subject,
    text: r.text,
    attachmentNames: r.attachmentNames,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    resendOf: r.resendOf,
    resendable: r.jobId !== null,
  }));
}

/**
 * Sends a message again to the same address, as it was, with fresh personal links: each link's record gets a new
 * token when the e-mail goes, and the link in the earlier e-mail stops working. The secretariat can thus help
 * someone whose e-mail went astray without ever holding a link that acts as them.
 */
export async function resendOutboxMessage(ctx: RequestContext, id: string, reach: OutboxReach): Promise<void> {
  const [row] = await ctx.db.select().from(outbox).where(eq(outbox.id, id));
  if (!row || (reach !== 'all' && (row.networkId === null || !reach.includes(row.networkId)))) throw notFound();
  // Messages from before placeholders carry no job to send again.
  const [job] = row.jobId ? await ctx.db.select({ payload: jobs.payload }).from(jobs).where(eq(jobs.id, row.jobId)) : [];
  if (!job) throw new AppError('invalid_state');
  const message = EmailJob.parse(job.payload);
  await ctx.db.transaction(async (tx) => {
    await queueEmail(tx, { ...message, resendOf: row.id });
    await recordAudit(tx, ctx, {
      networkId: row.networkId,
      entityType: 'outboxMessage',
      entityId: row.id,
      action: 'resend',
      after: { to: row.to, subject: row.subject },
    });
  });
}
