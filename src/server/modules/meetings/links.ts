import { eq } from 'drizzle-orm';
import { caseNumberOf, type TokenView } from '../../../shared/meetings/schema.ts';
import type { RequestContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { meetingAttendees, minutesSignatures, people, writtenProcedureAnswers } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { recordLinkUse } from '../audit/index.ts';
import type { LinkIssuer } from '../mail/index.ts';
import type { PersonalLinkKind } from '../../../shared/personal-links.ts';
import { findBody } from './records.ts';
import * as repo from './repo.ts';
import { findAbsenceLink } from './summons.ts';
import { findProcedureLink } from './written-procedure.ts';
import { findSignatureLink } from './signatures.ts';

type FoundLink =
  | { kind: 'absence'; link: NonNullable<Awaited<ReturnType<typeof findAbsenceLink>>> }
  | { kind: 'minutesSignature'; link: NonNullable<Awaited<ReturnType<typeof findSignatureLink>>> }
  | { kind: 'writtenProcedure'; link: NonNullable<Awaited<ReturnType<typeof findProcedureLink>>> };

async function findLink(ctx: RequestContext, token: string): Promise<FoundLink> {
  const absence = await findAbsenceLink(ctx.db, token);
  if (absence) return { kind: 'absence', link: absence };
  const signature = await findSignatureLink(ctx.db, token);
  if (signature) return { kind: 'minutesSignature', link: signature };
  const procedure = await findProcedureLink(ctx.db, token);
  if (procedure) return { kind: 'writtenProcedure', link: procedure };
  throw notFound();
}

/** Opening a link's page asks for it here: a use of the link, in the network's audit log. */
export async function openLink(ctx: RequestContext, token: string): Promise<TokenView> {
  const found = await findLink(ctx, token);
  const { linkId, personId, bodyId, meetingId } = (() => {
    switch (found.kind) {
      case 'absence':
        return { linkId: found.link.attendee.id, personId: found.link.attendee.personId, ...meetingOf(found.link.meeting) };
      case 'minutesSignature':
        return { linkId: found.link.signature.id, personId: found.link.signature.personId, ...meetingOf(found.link.meeting) };
      case 'writtenProcedure':
        return { linkId: found.link.answer.id, personId: found.link.answer.personId, ...meetingOf(found.link.meeting) };
    }
  })();
  const body = await findBody(ctx.db, bodyId);
  await recordLinkUse(ctx.db, ctx, {
    kind: found.kind,
    linkId,
    networkId: body?.networkId ?? null,
    action: 'open',
    details: { personId, meetingId },
  });
  return present(ctx, found);
}

const meetingOf = (meeting: { id: string; bodyId: string }) => ({ bodyId: meeting.bodyId, meetingId: meeting.id });

/** What a personal link from an e-mail shows: a summons to report absence for, a case to answer in writing, or minutes to sign. */
export async function viewLink(ctx: RequestContext, token: string): Promise<TokenView> {
  return present(ctx, await findLink(ctx, token));
}

async function present(ctx: RequestContext, found: FoundLink): Promise<TokenView> {
  if (found.kind === 'absence') {
    const absence = found.link;
    const body = await findBody(ctx.db, absence.meeting.bodyId);
    const [person] = await ctx.db.select({ name: people.name }).from(people).where(eq(people.id, absence.attendee.personId));
    return {
      kind: 'absence',
      personName: person?.name ?? '',
      bodyName: body?.name ?? '',
      meetingDate: absence.meeting.date,
      startTime: absence.meeting.startTime,
      caseTitle: null,
      caseNumber: null,
      recommendation: null,
      reason: absence.attendee.absenceReason,
      deadline: null,
      answered: absence.attendee.status === 'absent',
      answer: absence.attendee.status === 'absent' ? 'absent' : null,
      open: absence.meeting.status === 'summoned' && !absence.meeting.deletedAt,
      outcome: null,
      decision: null,
    };
  }
  if (found.kind === 'minutesSignature') {
    const signature = found.link;
    const body = await findBody(ctx.db, signature.meeting.bodyId);
    const [person] = await ctx.db.select({ name: people.name }).from(people).where(eq(people.id, signature.signature.personId));
    return {
      kind: 'minutesSignature',
      personName: person?.name ?? '',
      bodyName: body?.name ?? '',
      meetingDate: signature.meeting.date,
      startTime: signature.meeting.startTime,
      caseTitle: null,
      caseNumber: null,
      recommendation: null,
      reason: null,
      deadline: null,
      answered: signature.signature.signedAt !== null,
      answer: signature.signature.signedAt ? 'signed' : null,
      open: signature.meeting.status === 'held' && !signature.signature.signedAt,
      outcome: null,
      decision: null,
    };
  }
  const procedure = found.link;
  const body = await findBody(ctx.db, procedure.meeting.bodyId);
  const [person] = await ctx.db.select({ name: people.name }).from(people).where(eq(people.id, procedure.answer.personId));
  const [item] = (await repo.listItems(ctx.db, [procedure.meeting.id])).filter((i) => i.item.id === procedure.item.id);
  return {
    kind: 'writtenProcedure',
    personName: person?.name ?? '',
    bodyName: body?.name ?? '',
    meetingDate: null,
    startTime: null,
    caseTitle: item?.case.title ?? null,
    caseNumber: caseNumberOf(procedure.consultation),
    recommendation: procedure.consultation.recommendation,
    reason: procedure.procedure.reason,
    deadline: procedure.procedure.deadline.toISOString(),
    answered: procedure.answer.answeredAt !== null,
    answer: procedure.answer.answer,
    open: procedure.procedure.status === 'open' && procedure.procedure.deadline.getTime() > Date.now(),
    outcome: procedure.procedure.status === 'open' ? null : procedure.procedure.status,
    decision: procedure.procedure.status === 'decided' ? (item?.item.decision ?? null) : null,
  };
}

/** The meetings module's personal links, given their token as their e-mail is sent (see mail's personalLink()). */
export const meetingLinkIssuers: Partial<Record<PersonalLinkKind, LinkIssuer>> = {
  absence: async (db: Db, id, tokenHash) =>
    (
      await db
        .update(meetingAttendees)
        .set({ absenceTokenHash: tokenHash })
        .where(eq(meetingAttendees.id, id))
        .returning({ id: meetingAttendees.id })
    ).length > 0,
  minutesSignature: async (db: Db, id, tokenHash) =>
    (await db.update(minutesSignatures).set({ tokenHash }).where(eq(minutesSignatures.id, id)).returning({ id: minutesSignatures.id }))
      .length > 0,
  writtenProcedure: async (db: Db, id, tokenHash) =>
    (
      await db
        .update(writtenProcedureAnswers)
        .set({ tokenHash })
        .where(eq(writtenProcedureAnswers.id, id))
        .returning({ id: writtenProcedureAnswers.id })
    ).length > 0,
};
