import { and, eq, isNull } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { meetingDeliveries, meetings, minutesSignatures, people } from '../../db/schema/index.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { AppError, conflict, invalidField, notFound } from '../../errors.ts';
import { recordAudit, recordLinkUse } from '../audit/index.ts';
import { renderMinutesPdf } from '../documents/index.ts';
import { personalLink, queueEmail } from '../mail/index.ts';
import type { Meeting } from '../../../shared/meetings/schema.ts';
import { minutesDocument } from './minutes.ts';
import { writtenDate } from './opening-cases.ts';
import { findBody, writableMeeting } from './records.ts';
import * as repo from './repo.ts';
import { getMeeting, loadMeeting, lockMinutes } from './service.ts';
import { hashToken, unusableTokenHash } from './tokens.ts';

/**
 * Sends the draft minutes to the members chosen to sign them (minutesSignatoryIds), each with a personal
 * link. When the last one signs, the minutes are approved and the meeting is locked.
 */
export async function requestSignatures(ctx: RequestContext, meetingId: string, version: number): Promise<Meeting> {
  const { meeting, body } = await writableMeeting(ctx, meetingId);
  if (meeting.status !== 'held') throw new AppError('invalid_state');
  if (meeting.minutesSignatoryIds.length === 0) throw invalidField('minutesSignatoryIds', 'required');
  await ctx.db.transaction(async (tx) => {
    const current = await updateVersioned(tx, meetings, meetingId, version, {});
    await tx.delete(minutesSignatures).where(eq(minutesSignatures.meetingId, meetingId));
    const full = await loadMeeting(tx, current, body);
    const pdf = await renderMinutesPdf(minutesDocument(full, body));
    const fileName = `protokoll-utkast-${meeting.date}.pdf`;
    for (const personId of meeting.minutesSignatoryIds) {
      const [person] = await tx.select().from(people).where(eq(people.id, personId));
      if (!person) throw invalidField('minutesSignatoryIds', 'invalid');
      const [signature] = await tx
        .insert(minutesSignatures)
        .values({ meetingId, personId, tokenHash: unusableTokenHash() })
        .returning({ id: minutesSignatures.id });
      if (!person.email) continue;
      const subject = `Protokoll til signering: ${body.name} ${writtenDate(meeting.date)}`;
      await queueEmail(tx, {
        to: person.email,
        subject,
        networkId: body.networkId,
        text: [
          `Hei ${person.name},`,
          '',
          `Du er valgt til å signere protokollen fra møtet i ${body.name} ${writtenDate(meeting.date)}. Utkastet ligger ved.`,
          '',
          `Les og signer her: ${personalLink('minutesSignature', signature!.id)}`,
          'Har du merknader til protokollen, ta kontakt med sekretariatet før du signerer.',
        ].join('\n'),
        attachments: [{ fileName, contentType: 'application/pdf', contentBase64: pdf.toString('base64') }],
      });
      await tx.insert(meetingDeliveries).values({
        meetingId,
        personId,
        email: person.email,
        kind: 'minutesSignature',
        subject,
        attachmentNames: [fileName],
        sentById: ctx.user?.id ?? null,
      });
    }
    await recordAudit(tx, ctx, {
      networkId: body.networkId,
      entityType: 'meeting',
      entityId: meetingId,
      action: 'requestSignatures',
      before: null,
      after: meeting.minutesSignatoryIds,
    });
  });
  return getMeeting(ctx, meetingId);
}

export async function findSignatureLink(db: DbOrTx, token: string) {
  const [signature] = await db
    .select()
    .from(minutesSignatures)
    .where(eq(minutesSignatures.tokenHash, hashToken(token)));
  if (!signature) return null;
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, signature.meetingId));
  return meeting ? { signature, meeting } : null;
}

/**
 * Signs through the link. Signatures of one meeting are taken one at a time (the meeting's row is locked), so the
 * last one sees every other and approves the minutes once; the same link twice at once signs once, the rest 409.
 */
export async function signMinutes(ctx: RequestContext, token: string) {
  const link = await findSignatureLink(ctx.db, token);
  if (!link) throw notFound();
  if (link.meeting.status !== 'held') throw new AppError('invalid_state');
  if (link.signature.signedAt) throw conflict();
  await ctx.db.transaction(async (tx) => {
    const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, link.meeting.id)).for('update');
    if (meeting?.status !== 'held') throw new AppError('invalid_state');
    const [signed] = await tx
      .update(minutesSignatures)
      .set({ signedAt: new Date() })
      .where(and(eq(minutesSignatures.id, link.signature.id), isNull(minutesSignatures.signedAt)))
      .returning({ id: minutesSignatures.id });
    if (!signed) throw conflict();
    const body = (await findBody(tx, link.meeting.bodyId))!;
    await recordAudit(tx, ctx, {
      networkId: body.networkId,
      entityType: 'meeting',
      entityId: link.meeting.id,
      action: 'signMinutes',
      before: null,
      after: { personId: link.signature.personId },
    });
    await recordLinkUse(tx, ctx, {
      kind: 'minutesSignature',
      linkId: link.signature.id,
      networkId: body.networkId,
      action: 'sign',
      details: { personId: link.signature.personId, meetingId: link.meeting.id },
    });
    const all = await repo.listSignatures(tx, link.meeting.id);
    if (all.every((s) => s.signature.signedAt)) {
      const note = `Protokollen er godkjent og signert av ${all.map((s) => s.name).join(' og ')}.`;
      await lockMinutes(tx, ctx, meeting, body, meeting.version, note);
    }
  });
}
