import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { systemContext, type RequestContext } from '../../../context.ts';
import type { Db, DbOrTx } from '../../../db/client.ts';
import { municipalities, networks, surveyRespondents, surveyRounds } from '../../../db/schema/index.ts';
import { osloLocalToUtc } from '../../documents/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { enqueueJob, type JobHandler } from '../../jobs/index.ts';
import { addDays } from '../../network/dates.ts';
import { sendLink } from './links.ts';

export const SURVEY_REMINDER_JOB = 'mapping.surveyReminder';

/** No one is reminded twice within this time by the job, whoever sent the last reminder. */
const QUIET_HOURS = 20;

const ReminderPayload = z.object({ roundId: z.string(), dueAt: z.string(), publicUrl: z.string() });

/** When the job reminds: 09:00 Norwegian time, the given number of days before the deadline. */
export function reminderMoment(round: { deadline: string; reminderDaysBefore: number | null }): Date | null {
  if (round.reminderDaysBefore === null) return null;
  return osloLocalToUtc(addDays(round.deadline, -round.reminderDaysBefore), '09:00');
}

/**
 * Queues the reminder of an open round, in the caller's transaction. A moment already past is not
 * scheduled: the invitations have only just gone. A job whose moment no longer matches the round
 * (its deadline or reminder days changed since) does nothing, so rescheduling needs no clean-up.
 */
export async function scheduleReminder(
  tx: DbOrTx,
  round: { id: string; deadline: string; reminderDaysBefore: number | null },
  publicUrl: string,
): Promise<void> {
  const dueAt = reminderMoment(round);
  if (!dueAt || dueAt.getTime() <= Date.now()) return;
  await enqueueJob(tx, SURVEY_REMINDER_JOB, { roundId: round.id, dueAt: dueAt.toISOString(), publicUrl }, { runAt: dueAt });
}

/**
 * Sends a new link to each respondent of an open round who has not handed in, except (for the job)
 * those reminded within the quiet hours. Returns how many were reminded.
 */
export async function remindRespondents(
  tx: DbOrTx,
  ctx: RequestContext,
  roundId: string,
  publicUrl: string,
  options: { respectQuietHours: boolean },
): Promise<number> {
  const [row] = await tx
    .select({ round: surveyRounds, networkName: networks.name })
    .from(surveyRounds)
    .innerJoin(networks, eq(networks.id, surveyRounds.networkId))
    .where(eq(surveyRounds.id, roundId));
  if (!row || row.round.status !== 'open') return 0;
  const waiting = await tx
    .select({ respondent: surveyRespondents, municipalityName: municipalities.name })
    .from(surveyRespondents)
    .innerJoin(municipalities, eq(municipalities.number, surveyRespondents.municipalityNumber))
    .where(and(eq(surveyRespondents.roundId, roundId), isNull(surveyRespondents.submittedAt)));
  const quietSince = Date.now() - QUIET_HOURS * 3600_000;
  const due = waiting.filter(
    (w) => !options.respectQuietHours || !w.respondent.lastRemindedAt || w.respondent.lastRemindedAt.getTime() < quietSince,
  );
  for (const w of due) {
    await sendLink(tx, 'reminder', row.round, row.networkName, { ...w.respondent, municipalityName: w.municipalityName });
  }
  if (due.length > 0) {
    await recordAudit(tx, ctx, {
      networkId: row.round.networkId,
      entityType: 'surveyRound',
      entityId: roundId,
      action: 'remind',
      before: null,
      after: { respondentIds: due.map((w) => w.respondent.id) },
    });
  }
  return due.length;
}

/** At the round's reminder moment: remind whoever has not answered. Safe to run twice. */
export const surveyReminderJob: JobHandler = async (payload, db: Db) => {
  const { roundId, dueAt, publicUrl } = ReminderPayload.parse(payload);
  await db.transaction(async (tx) => {
    const [round] = await tx.select().from(surveyRounds).where(eq(surveyRounds.id, roundId)).for('update');
    if (!round || round.status !== 'open' || reminderMoment(round)?.toISOString() !== dueAt) return;
    await remindRespondents(tx, systemContext(db), roundId, publicUrl, { respectQuietHours: true });
  });
};
