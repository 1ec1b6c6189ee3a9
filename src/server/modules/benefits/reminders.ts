import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.ts';
import { benefitIndicators, benefits, indicatorTargets, jobs, municipalities, networks, people, projects } from '../../db/schema/index.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import { formatDate } from '../documents/markdown-blocks.ts';
import { osloLocalToUtc } from '../documents/index.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import { queueEmail } from '../mail/index.ts';
import { addDays, today } from '../network/dates.ts';

/**
 * «Next measurement due» reminders. Every morning the job looks for municipalities' targets whose next measurement
 * (one period of the indicator's frequency after the latest, or after the baseline) is due, and e-mails each
 * responsible person (nytteansvarlig), or the benefit's owner (nytteeier) where the municipality has named no one, one
 * message listing all that is due. Each due date is reminded of once (`last_reminded_due`); a target whose target
 * date has been measured is done and reminds no more.
 */

export const BENEFIT_REMINDER_JOB = 'benefits.measurementReminders';
const Payload = z.object({ publicUrl: z.string() });

/** Sends the reminders due on `day` (today in Norway unless told) and answers how many measurements they named. */
export async function sendMeasurementReminders(db: Db, publicUrl: string, day = today()): Promise<number> {
  return db.transaction(async (tx) => {
    const owner = alias(people, 'owner');
    const responsible = alias(people, 'responsible');
    const rows = await tx
      .select({
        target: indicatorTargets,
        indicatorName: benefitIndicators.name,
        benefitTitle: benefits.title,
        project: {
          id: projects.id,
          year: projects.year,
          sequence: projects.sequence,
          title: projects.title,
          networkId: projects.networkId,
        },
        networkSlug: networks.slug,
        networkName: networks.name,
        municipalityName: municipalities.name,
        responsibleEmail: responsible.email,
        responsibleName: responsible.name,
        ownerEmail: owner.email,
        ownerName: owner.name,
      })
      .from(indicatorTargets)
      .innerJoin(benefitIndicators, and(eq(benefitIndicators.id, indicatorTargets.indicatorId), isNull(benefitIndicators.deletedAt)))
      .innerJoin(benefits, and(eq(benefits.id, benefitIndicators.benefitId), isNull(benefits.deletedAt)))
      .innerJoin(projects, eq(projects.id, benefits.projectId))
      .innerJoin(networks, eq(networks.id, projects.networkId))
      .innerJoin(municipalities, eq(municipalities.number, indicatorTargets.municipalityNumber))
      .leftJoin(responsible, eq(responsible.id, indicatorTargets.responsiblePersonId))
      .leftJoin(owner, eq(owner.id, benefits.ownerPersonId))
      // Each target keeps its latest measured day and its next due day (migration 0033): only the due are read.
      .where(lte(indicatorTargets.dueOn, day));

    const due = rows.flatMap((row) => {
      // nextMeasurementDue()'s day, none once the target date is measured (the where above leaves those out).
      const nextDue = row.target.dueOn!;
      const reminded = row.target.lastRemindedDue !== null && row.target.lastRemindedDue >= nextDue;
      const to = row.responsibleEmail ?? row.ownerEmail;
      return !reminded && to ? [{ ...row, nextDue, to, toName: row.responsibleEmail ? row.responsibleName : row.ownerName }] : [];
    });

    const byRecipient = new Map<string, typeof due>();
    for (const item of due) byRecipient.set(item.to.toLowerCase(), [...(byRecipient.get(item.to.toLowerCase()) ?? []), item]);
    for (const items of byRecipient.values()) {
      const first = items[0]!;
      const lines = items.map(
        (i) =>
          `- ${projectReference(i.project.year, i.project.sequence)} ${i.project.title}: «${i.indicatorName}» (${i.benefitTitle}) i ${i.municipalityName}, ` +
          `skulle vært målt ${formatDate(i.nextDue)}.\n  ${publicUrl}/n/${i.networkSlug}/prosjekter/${i.project.id}#nytte`,
      );
      await queueEmail(tx, {
        to: first.to,
        subject: items.length === 1 ? `Ny måling av nytte: ${first.indicatorName}` : `${items.length} nye målinger av nytte`,
        networkId: first.project.networkId,
        text: [
          `Hei ${first.toName ?? ''}`.trim() + ',',
          '',
          'Det er tid for å registrere nye målinger for nytten du er ansvarlig for:',
          '',
          ...lines,
          '',
          `Hilsen ${first.networkName}`,
        ].join('\n'),
      });
    }
    for (const item of due) {
      await tx.update(indicatorTargets).set({ lastRemindedDue: item.nextDue }).where(eq(indicatorTargets.id, item.target.id));
    }
    return due.length;
  });
}

/** 07:00 in Norway on the day after `day`: when the job runs next. */
const nextMorning = (day: string) => osloLocalToUtc(addDays(day, 1), '07:00');

/** Sends today's reminders, then queues itself for tomorrow morning. */
export const benefitReminderJob: JobHandler = async (payload, db: Db) => {
  const { publicUrl } = Payload.parse(payload);
  await sendMeasurementReminders(db, publicUrl);
  // This job is still running here; a queued one means a run of this job that died after this point already queued it.
  await queueReminderJobUnless(db, publicUrl, ['queued']);
};

/** At start: queues the daily job unless one is already waiting (started by this or another instance). */
export async function scheduleBenefitReminders(db: DbOrTx, publicUrl: string): Promise<void> {
  await queueReminderJobUnless(db, publicUrl, ['queued', 'running']);
}

/** Any fixed number, the same in every instance: the lock that makes «is one waiting? else queue one» a single step. */
const REMINDER_SCHEDULE_LOCK = 7_411_001;

/**
 * Queues tomorrow morning's job unless one in the given statuses exists. Instances started together would each
 * find none and queue one each, and from then on every reminder went out twice: the transaction-scoped advisory
 * lock lets one instance check and insert at a time.
 */
async function queueReminderJobUnless(db: DbOrTx, publicUrl: string, statuses: ('queued' | 'running')[]) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REMINDER_SCHEDULE_LOCK})`);
    const [waiting] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, BENEFIT_REMINDER_JOB), inArray(jobs.status, statuses)))
      .limit(1);
    if (!waiting) await enqueueJob(tx, BENEFIT_REMINDER_JOB, { publicUrl }, { runAt: nextMorning(today()) });
  });
}
