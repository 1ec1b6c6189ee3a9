import { caseNumberOf } from '../../../shared/meetings/schema.ts';
import type { RequestContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import type { TokenView } from '../../../shared/meetings/schema.ts';
import { findBody } from './records.ts';
import * as repo from './repo.ts';
import { findAbsenceLink } from './summons.ts';
import { findProcedureLink } from './written-procedure.ts';
import { findSignatureLink } from './signatures.ts';
import { eq } from 'drizzle-orm';
import { people } from '../../db/schema/index.ts';

/** What a personal link from an e-mail shows: a summons to report absence for, a case to answer in writing, or minutes to sign. */
export async function viewLink(ctx: RequestContext, token: string): Promise<TokenView> {
  const absence = await findAbsenceLink(ctx.db, token);
  if (absence) {
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
    };
  }
  const signature = await findSignatureLink(ctx.db, token);
  if (signature) {
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
    };
  }
  const procedure = await findProcedureLink(ctx.db, token);
  if (!procedure) throw notFound();
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
  };
}
