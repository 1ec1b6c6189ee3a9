import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.ts';
import { grantReportingDeadlines, grants, jobs, networks, roleAssignments, users } from '../../db/schema/index.ts';
import { REMINDER_DAYS_BEFORE } from '../../../shared/finance/grants.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { osloLocalToUtc } from '../documents/index.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import { queueEmail } from '../mail/index.ts';
import { addDays, today } from '../network/dates.ts';

/**
 * Reporting-deadline reminders for grants. Every morning the job looks for deadlines not reported yet and e-mails the
 * network's secretariat (every active account with the network-administrator role for the network; networks have no
 * contact address of their own) twice per due date: 14 days before, and on the day. Each goes once: the due date it
 * went for is kept on the deadline (`reminder_sent_for`, `due_reminder_sent_for`), so a deadline moved to a new date
 * is reminded of again. A day the job did not run is caught up the next morning, but a deadline more than a week
 * past is left alone: that is no longer a reminder.
 */

export const GRANT_REMINDER_JOB = 'grants.reportingReminders';
const Payload = z.object({ publicUrl: z.string() });
const CATCH_UP_DAYS = 7;

type Kind = 'before' | 'due';

const TEXTS: Record<
  Language,
  { subject: Record<Kind, string>; intro: Record<Kind, string>; greeting: string; closing: string; link: string }
> = {
  nb: {
    subject: { before: 'Rapporteringsfrist {date}: {description}', due: 'Rapporteringsfrist i dag: {description}' },
    intro: {
      before: 'Om {days} dager, {date}, er det frist for å rapportere på tilskuddet «{title}» fra {giver}:',
      due: 'I dag, {date}, er det frist for å rapportere på tilskuddet «{title}» fra {giver}:',
    },
    greeting: 'Hei {name},',
    closing: 'Når rapporten er sendt, marker fristen som rapportert, så kommer det ingen flere påminnelser.',
    link: 'Tilskuddet:',
  },
  nn: {
    subject: { before: 'Rapporteringsfrist {date}: {description}', due: 'Rapporteringsfrist i dag: {description}' },
    intro: {
      before: 'Om {days} dagar, {date}, er det frist for å rapportere på tilskotet «{title}» frå {giver}:',
      due: 'I dag, {date}, er det frist for å rapportere på tilskotet «{title}» frå {giver}:',
    },
    greeting: 'Hei {name},',
    closing: 'Når rapporten er send, marker fristen som rapportert, så kjem det ingen fleire påminningar.',
    link: 'Tilskotet:',
  },
  en: {
    subject: { before: 'Reporting deadline {date}: {description}', due: 'Reporting deadline today: {description}' },
    intro: {
      before: 'In {days} days, on {date}, the report on the grant “{title}” from {giver} is due:',
      due: 'Today, {date}, the report on the grant “{title}” from {giver} is due:',
    },
    greeting: 'Hello {name},',
    closing: 'Once the report is sent, mark the deadline as reported and no more reminders will come.',
    link: 'The grant:',
  },
};

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

/** «2026-03-01» as «1.3.2026». */
const norwegianDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}.${m}.${y}`;
};

/** Which reminder, if any, is due on `day` for a deadline not reported yet. */
export function reminderKind(
  deadline: { dueDate: string; reminderSentFor: string | null; dueReminderSentFor: string | null },
  day: string,
): Kind | null {
  const { dueDate } = deadline;
  if (day >= dueDate) {
    const late = day > addDays(dueDate, CATCH_UP_DAYS);
    return !late && deadline.dueReminderSentFor !== dueDate ? 'due' : null;
  }
  return day >= addDays(dueDate, -REMINDER_DAYS_BEFORE) && deadline.reminderSentFor !== dueDate ? 'before' : null;
}

/** Sends the reminders due on `day` (today in Norway unless told) and answers how many deadlines they were for. */
export async function sendGrantReminders(db: Db, publicUrl: string, day = today()): Promise<number> {
  return db.transaction(async (tx) => {
    const open = await tx
      .select({
        deadline: grantReportingDeadlines,
        grant: { id: grants.id, title: grants.title, giverName: grants.giverName, networkId: grants.networkId },
        network: { slug: networks.slug, name: networks.name },
      })
      .from(grantReportingDeadlines)
      .innerJoin(grants, eq(grants.id, grantReportingDeadlines.grantId))
      .innerJoin(networks, eq(networks.id, grants.networkId))
      .where(isNull(grantReportingDeadlines.reportedAt));
    const due = open.flatMap((row) => {
      const kind = reminderKind(row.deadline, day);
      return kind ? [{ ...row, kind }] : [];
    });
    if (due.length === 0) return 0;

    const networkIds = [...new Set(due.map((d) => d.grant.networkId))];
    const admins = await tx
      .selectDistinct({ networkId: roleAssignments.networkId, email: users.email, name: users.name, language: users.language })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.role, 'networkAdmin'), inArray(roleAssignments.networkId, networkIds), eq(users.disabled, false)));

    for (const item of due) {
      const { deadline, grant, network, kind } = item;
      const values = {
        date: norwegianDate(deadline.dueDate),
        days: REMINDER_DAYS_BEFORE,
        title: grant.title,
        giver: grant.giverName,
        description: deadline.description,
      };
      for (const admin of admins.filter((a) => a.networkId === grant.networkId)) {
        const t = TEXTS[admin.language];
        await queueEmail(tx, {
          to: admin.email,
          subject: fill(t.subject[kind], values),
          networkId: grant.networkId,
          text: [
            fill(t.greeting, { name: admin.name }),
            '',
            fill(t.intro[kind], values),
            '',
            `- ${deadline.description}`,
            '',
            t.closing,
            '',
            t.link,
            `${publicUrl}/n/${network.slug}/okonomi/tilskudd/${grant.id}`,
            '',
            network.name,
          ].join('\n'),
        });
      }
      await tx
        .update(grantReportingDeadlines)
        .set(kind === 'due' ? { dueReminderSentFor: deadline.dueDate } : { reminderSentFor: deadline.dueDate })
        .where(eq(grantReportingDeadlines.id, deadline.id));
    }
    return due.length;
  });
}

/** 07:00 in Norway on the day after `day`: when the job runs next. */
const nextMorning = (day: string) => osloLocalToUtc(addDays(day, 1), '07:00');

/** Sends today's reminders, then queues itself for tomorrow morning. */
export const grantReminderJob: JobHandler = async (payload, db: Db) => {
  const { publicUrl } = Payload.parse(payload);
  await sendGrantReminders(db, publicUrl);
  await enqueueJob(db, GRANT_REMINDER_JOB, { publicUrl }, { runAt: nextMorning(today()) });
};

/** At start: queues the daily job unless one is already waiting (started by this or another instance). */
export async function scheduleGrantReminders(db: DbOrTx, publicUrl: string): Promise<void> {
  const [waiting] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, GRANT_REMINDER_JOB), inArray(jobs.status, ['queued', 'running'])))
    .limit(1);
  if (!waiting) await enqueueJob(db, GRANT_REMINDER_JOB, { publicUrl }, { runAt: nextMorning(today()) });
}
