import { caseNumberOf } from '../../../shared/meetings/schema.ts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import {
  agendaItems,
  consultations,
  meetingDeliveries,
  meetings,
  people,
  roleAssignments,
  users,
  writtenProcedureAnswers,
  writtenProcedures,
} from '../../db/schema/index.ts';
import { AppError, conflict, invalidField, notFound } from '../../errors.ts';
import { recordAudit, recordLinkUse } from '../audit/index.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import { personalLink, queueEmail } from '../mail/index.ts';
import { systemContext } from '../../context.ts';
import type { WrittenProcedure } from '../../../shared/meetings/schema.ts';
import { findBody, readableBody, readableMeeting, writableBody, type BodyWithNetwork } from './records.ts';
import * as repo from './repo.ts';
import { placeOnAgenda, searchTextOf } from './service.ts';
import { hashToken, unusableTokenHash } from './tokens.ts';
import { today } from '../network/dates.ts';

export const CLOSE_PROCEDURE_JOB = 'meetings.closeWrittenProcedure';

const osloTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const osloDateTime = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'short' });

/**
 * Skriftlig behandling (kommuneloven § 11-8): the case goes to every voting member at once, as an
 * «E-postbehandling» meeting of the body. Unanimous agreement decides it; one objection, or the
 * deadline passing without every answer, sends it to the body's next meeting.
 */
export async function startWrittenProcedure(
  ctx: RequestContext,
  consultationId: string,
  input: { reason: string; deadline: string },
): Promise<WrittenProcedure> {
  const [consultation] = await ctx.db.select().from(consultations).where(eq(consultations.id, consultationId));
  if (!consultation) throw notFound();
  const body = await writableBody(ctx, consultation.bodyId);
  const deadline = new Date(input.deadline);
  if (deadline.getTime() <= Date.now()) throw invalidField('deadline', 'tooSmall', { min: osloDateTime.format(new Date()) });
  const waiting = await repo.pendingConsultations(ctx.db, body.id);
  // A case still on a planned agenda may be taken off it for written procedure; one being handled may not.
  const onAgenda = await ctx.db
    .select({ item: agendaItems, status: meetings.status })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.consultationId, consultationId), eq(agendaItems.outcome, 'pending')));
  const movable = onAgenda.every((o) => o.status === 'planned');
  if (consultation.decidedAt || !movable || (onAgenda.length === 0 && !waiting.some((w) => w.consultation.id === consultationId))) {
    throw new AppError('invalid_state');
  }

  const id = await ctx.db.transaction(async (tx) => {
    for (const o of onAgenda) await tx.delete(agendaItems).where(eq(agendaItems.id, o.item.id));
    const now = new Date();
    const [meeting] = await tx
      .insert(meetings)
      .values({
        bodyId: body.id,
        date: today(),
        startTime: osloTime.format(now),
        writtenProcedure: true,
        place: 'E-postbehandling',
        status: 'summoned',
        summonsPublishedAt: now,
      })
      .returning();
    const item = await placeOnAgenda(tx, meeting!, consultation, null);
    const [procedure] = await tx.insert(writtenProcedures).values({ agendaItemId: item.id, reason: input.reason, deadline }).returning();
    const [numbered] = await tx.select().from(consultations).where(eq(consultations.id, consultationId));
    const voters = (await repo.membershipsOn(tx, body.id, meeting!.date)).filter(
      (m) => m.membership.votingRight === 'vote' && ['chair', 'viceChair', 'member'].includes(m.membership.role),
    );
    if (voters.length === 0) throw invalidField('consultationId', 'invalid');
    const title = (await repo.listItems(tx, [meeting!.id]))[0]!.case.title;
    for (const voter of voters) {
      const [answer] = await tx
        .insert(writtenProcedureAnswers)
        .values({ procedureId: procedure!.id, personId: voter.membership.personId, tokenHash: unusableTokenHash() })
        .returning({ id: writtenProcedureAnswers.id });
      if (!voter.email) continue;
      const subject = `Skriftlig behandling: sak ${caseNumberOf(numbered!)} ${title}`;
      await queueEmail(tx, {
        to: voter.email,
        subject,
        networkId: body.networkId,
        text: [
          `Hei ${voter.name},`,
          '',
          `${body.name} behandler sak ${caseNumberOf(numbered!)} ${title} skriftlig (kommuneloven § 11-8).`,
          `Hvorfor saken haster: ${input.reason}`,
          '',
          'Innstilling:',
          consultation.recommendation,
          '',
          `Svar innen ${osloDateTime.format(deadline)}: ${personalLink('writtenProcedure', answer!.id)}`,
          'Alle må være enige for at vedtaket skal gjelde. Én innsigelse sender saken til neste møte.',
        ].join('\n'),
      });
      await tx.insert(meetingDeliveries).values({
        meetingId: meeting!.id,
        personId: voter.membership.personId,
        email: voter.email,
        kind: 'writtenProcedure',
        subject,
        sentById: ctx.user?.id ?? null,
      });
    }
    await enqueueJob(tx, CLOSE_PROCEDURE_JOB, { procedureId: procedure!.id }, { runAt: deadline });
    await recordAudit(tx, ctx, {
      networkId: body.networkId,
      entityType: 'writtenProcedure',
      entityId: procedure!.id,
      action: 'create',
      before: null,
      after: procedure,
    });
    return procedure!.id;
  });
  return getWrittenProcedure(ctx, id);
}

async function loadProcedure(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ procedure: writtenProcedures, item: agendaItems, meeting: meetings, consultation: consultations })
    .from(writtenProcedures)
    .innerJoin(agendaItems, eq(agendaItems.id, writtenProcedures.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
    .where(eq(writtenProcedures.id, id));
  return row ?? null;
}

export async function getWrittenProcedure(ctx: RequestContext, id: string): Promise<WrittenProcedure> {
  const row = await loadProcedure(ctx.db, id);
  if (!row) throw notFound();
  const body = await readableBody(ctx, row.meeting.bodyId);
  return presentProcedure(ctx.db, row, body);
}

/** The procedures of a meeting held in writing (normally one). */
export async function listProceduresOfMeeting(ctx: RequestContext, meetingId: string): Promise<WrittenProcedure[]> {
  const { body } = await readableMeeting(ctx, meetingId);
  const db = ctx.db;
  const rows = await db
    .select({ id: writtenProcedures.id })
    .from(writtenProcedures)
    .innerJoin(agendaItems, eq(agendaItems.id, writtenProcedures.agendaItemId))
    .where(eq(agendaItems.meetingId, meetingId));
  const result: WrittenProcedure[] = [];
  for (const r of rows) result.push(await presentProcedure(db, (await loadProcedure(db, r.id))!, body));
  return result;
}

async function presentProcedure(
  db: DbOrTx,
  row: NonNullable<Awaited<ReturnType<typeof loadProcedure>>>,
  body: BodyWithNetwork,
): Promise<WrittenProcedure> {
  const answers = await db
    .select({ answer: writtenProcedureAnswers, name: people.name })
    .from(writtenProcedureAnswers)
    .innerJoin(people, eq(people.id, writtenProcedureAnswers.personId))
    .where(eq(writtenProcedureAnswers.procedureId, row.procedure.id));
  const title = (await repo.listItems(db, [row.meeting.id])).find((i) => i.item.id === row.item.id)?.case.title ?? '';
  return {
    id: row.procedure.id,
    meetingId: row.meeting.id,
    number: caseNumberOf(row.consultation),
    title,
    bodyName: body.name,
    reason: row.procedure.reason,
    deadline: row.procedure.deadline.toISOString(),
    status: row.procedure.status,
    answers: answers.map((a) => ({
      personId: a.answer.personId,
      name: a.name,
      answer: a.answer.answer,
      comment: a.answer.comment,
      answeredAt: a.answer.answeredAt?.toISOString() ?? null,
    })),
    followUpMeetingId: row.procedure.followUpMeetingId,
  };
}

export async function findProcedureLink(db: DbOrTx, token: string) {
  const [answer] = await db
    .select()
    .from(writtenProcedureAnswers)
    .where(eq(writtenProcedureAnswers.tokenHash, hashToken(token)));
  if (!answer) return null;
  const row = await loadProcedure(db, answer.procedureId);
  return row ? { answer, ...row } : null;
}

/**
 * A member's answer through their personal link; the procedure closes as soon as the outcome is certain. Answers to
 * one procedure are taken one at a time (its row is locked), so the deciding one sees every other and the case is
 * decided or sent on once; the same link twice at once answers once, the rest 409.
 */
export async function answerWrittenProcedure(
  ctx: RequestContext,
  token: string,
  input: { answer: 'agree' | 'object'; comment?: string | null },
) {
  const link = await findProcedureLink(ctx.db, token);
  if (!link) throw notFound();
  if (link.procedure.status !== 'open' || link.procedure.deadline.getTime() < Date.now()) throw new AppError('invalid_state');
  if (link.answer.answeredAt) throw conflict();
  await ctx.db.transaction(async (tx) => {
    const procedure = await lockProcedure(tx, link.procedure.id);
    if (procedure.status !== 'open' || procedure.deadline.getTime() < Date.now()) throw new AppError('invalid_state');
    const [answered] = await tx
      .update(writtenProcedureAnswers)
      .set({ answer: input.answer, comment: input.comment ?? null, answeredAt: new Date() })
      .where(and(eq(writtenProcedureAnswers.id, link.answer.id), isNull(writtenProcedureAnswers.answeredAt)))
      .returning({ id: writtenProcedureAnswers.id });
    if (!answered) throw conflict();
    const body = await findBody(tx, link.meeting.bodyId);
    await recordAudit(tx, ctx, {
      networkId: body?.networkId ?? null,
      entityType: 'writtenProcedure',
      entityId: link.procedure.id,
      action: 'answer',
      before: null,
      after: { personId: link.answer.personId, ...input },
    });
    await recordLinkUse(tx, ctx, {
      kind: 'writtenProcedure',
      linkId: link.answer.id,
      networkId: body?.networkId ?? null,
      action: 'answer',
      details: { personId: link.answer.personId, meetingId: link.meeting.id, procedureId: link.procedure.id },
    });
    await settle(tx, ctx, link.procedure.id, false);
  });
}

/** Holds the procedure's row until the transaction ends: answers and the deadline job settle it one at a time. */
async function lockProcedure(tx: DbOrTx, procedureId: string) {
  const [procedure] = await tx.select().from(writtenProcedures).where(eq(writtenProcedures.id, procedureId)).for('update');
  if (!procedure) throw notFound();
  return procedure;
}

/**
 * Decides the procedure when its outcome is certain: any objection sends the case to the next meeting;
 * agreement from everyone decides it as recommended. At the deadline, missing answers count as no unanimity.
 */
async function settle(tx: DbOrTx, ctx: RequestContext, procedureId: string, deadlinePassed: boolean) {
  await lockProcedure(tx, procedureId);
  const row = (await loadProcedure(tx, procedureId))!;
  if (row.procedure.status !== 'open') return;
  const answers = await tx
    .select({
      answer: writtenProcedureAnswers.answer,
      comment: writtenProcedureAnswers.comment,
      personId: writtenProcedureAnswers.personId,
      name: people.name,
      email: people.email,
    })
    .from(writtenProcedureAnswers)
    .innerJoin(people, eq(people.id, writtenProcedureAnswers.personId))
    .where(eq(writtenProcedureAnswers.procedureId, procedureId));
  const objections = answers.filter((a) => a.answer === 'object');
  const unanimous = answers.every((a) => a.answer === 'agree');
  if (!unanimous && objections.length === 0 && !deadlinePassed) return;

  const comments = answers
    .filter((a) => a.comment)
    .map((a) => `${a.name}: ${a.comment}`)
    .join('\n\n');
  const title = (await repo.listItems(tx, [row.meeting.id]))[0]?.case.title ?? '';
  const closedAt = new Date();
  await tx.update(meetings).set({ status: 'held', updatedAt: closedAt }).where(eq(meetings.id, row.meeting.id));
  if (unanimous) {
    const deliberation = [
      `Vedtatt ved skriftlig behandling etter kommuneloven § 11-8. Begrunnelse for hastebehandling: ${row.procedure.reason}`,
      comments,
    ]
      .filter(Boolean)
      .join('\n\n');
    const decision = row.consultation.recommendation;
    await tx
      .update(agendaItems)
      .set({
        outcome: 'decided',
        decision,
        deliberation,
        vote: { kind: 'unanimous' },
        searchText: searchTextOf(title, decision, { deliberation, decision }),
      })
      .where(eq(agendaItems.id, row.item.id));
    await tx.update(consultations).set({ decidedAt: closedAt }).where(eq(consultations.id, row.consultation.id));
    await tx.update(writtenProcedures).set({ status: 'decided', closedAt }).where(eq(writtenProcedures.id, procedureId));
  } else {
    const why = objections.length > 0 ? `Innsigelse fra ${objections.map((o) => o.name).join(', ')}.` : 'Ikke alle svarte innen fristen.';
    const deliberation = [`${why} Saken går til neste møte.`, comments].filter(Boolean).join('\n\n');
    await tx.update(agendaItems).set({ outcome: 'postponed', decision: null, deliberation }).where(eq(agendaItems.id, row.item.id));
    const next = await repo.nextPlannedMeeting(tx, row.meeting.bodyId, row.meeting.date);
    if (next) await placeOnAgenda(tx, next, row.consultation, null);
    await tx
      .update(writtenProcedures)
      .set({ status: 'sentToMeeting', closedAt, followUpMeetingId: next?.id ?? null })
      .where(eq(writtenProcedures.id, procedureId));
  }
  const body = await findBody(tx, row.meeting.bodyId);
  if (body) {
    const number = caseNumberOf(row.consultation);
    const outcome = unanimous
      ? [
          'Alle var enige, og saken er vedtatt ved skriftlig behandling (kommuneloven § 11-8).',
          '',
          'Vedtak:',
          row.consultation.recommendation,
        ]
      : [
          objections.length > 0
            ? `Saken ble ikke avgjort skriftlig: innsigelse fra ${objections.map((o) => o.name).join(', ')}.`
            : 'Saken ble ikke avgjort skriftlig: ikke alle svarte innen fristen.',
          'Den går til behandling i neste møte.',
        ];
    await tellOutcome(tx, ctx, {
      meetingId: row.meeting.id,
      body,
      subject: `Utfall av skriftlig behandling: sak ${number} ${title}`,
      number,
      title,
      outcome,
      asked: answers,
    });
  }
  await recordAudit(tx, ctx, {
    networkId: body?.networkId ?? null,
    entityType: 'writtenProcedure',
    entityId: procedureId,
    action: unanimous ? 'decided' : 'sentToMeeting',
    before: row.procedure,
    after: null,
  });
}

/** At the deadline: settle whatever is still open. */
export const closeProcedureJob: JobHandler = async (payload, db: Db) => {
  const { procedureId } = payload as { procedureId: string };
  await db.transaction((tx) => settle(tx, systemContext(db), procedureId, true));
};

/**
 * When a written procedure closes, everyone asked and the network's secretariat (its active network administrators)
 * are told the outcome, with the decision's text if it was decided. Each address once.
 */
async function tellOutcome(
  tx: DbOrTx,
  ctx: RequestContext,
  told: {
    meetingId: string;
    body: BodyWithNetwork;
    subject: string;
    number: string;
    title: string;
    outcome: string[];
    asked: { personId: string; name: string; email: string | null }[];
  },
) {
  const secretariat = await tx
    .selectDistinct({ email: users.email, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(eq(roleAssignments.role, 'networkAdmin'), inArray(roleAssignments.networkId, [told.body.networkId]), eq(users.disabled, false)),
    );
  const recipients = [
    ...told.asked.flatMap((a) => (a.email ? [{ email: a.email, name: a.name, personId: a.personId }] : [])),
    ...secretariat.map((s) => ({ email: s.email, name: s.name, personId: null })),
  ];
  const sent = new Set<string>();
  for (const recipient of recipients) {
    const key = recipient.email.toLowerCase();
    if (sent.has(key)) continue;
    sent.add(key);
    await queueEmail(tx, {
      to: recipient.email,
      subject: told.subject,
      networkId: told.body.networkId,
      text: [
        `Hei ${recipient.name},`,
        '',
        `${told.body.name} har avsluttet den skriftlige behandlingen av sak ${told.number} ${told.title}.`,
        '',
        ...told.outcome,
      ].join('\n'),
    });
    await tx.insert(meetingDeliveries).values({
      meetingId: told.meetingId,
      personId: recipient.personId,
      email: recipient.email,
      kind: 'procedureOutcome',
      subject: told.subject,
      sentById: ctx.user?.id ?? null,
    });
  }
}
