import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.ts';
import { surveyRespondents } from '../../../db/schema/index.ts';
import { osloLocalToUtc } from '../../documents/index.ts';
import { personalLink, queueEmail, type LinkIssuer } from '../../mail/index.ts';
import { addDays } from '../../network/dates.ts';

/** How long a personal link works after the round's deadline, so a late answer can still be handed in while the round is open. */
export const LINK_GRACE_DAYS = 14;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A link stops working at the end of the fourteenth day after the deadline, Norwegian time. */
export const linkExpiry = (deadline: string) => osloLocalToUtc(addDays(deadline, LINK_GRACE_DAYS), '23:59');

const writtenDate = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const writeDate = (date: string) => writtenDate.format(new Date(`${date}T00:00:00Z`));

export interface LinkRound {
  id: string;
  name: string;
  deadline: string;
  networkId: string;
}

export interface LinkRespondent {
  id: string;
  name: string;
  email: string;
  municipalityName: string;
}

/**
 * Queues the e-mail that carries the respondent's personal link, in the caller's transaction. The token is made
 * when the e-mail is sent and only its SHA-256 is kept, so the platform cannot send an old link again: a reminder
 * carries a new one and the old stops working. The answers belong to the respondent, not the link, and stay.
 */
export async function sendLink(
  tx: DbOrTx,
  kind: 'invitation' | 'reminder',
  round: LinkRound,
  networkName: string,
  respondent: LinkRespondent,
): Promise<void> {
  const now = new Date();
  await tx
    .update(surveyRespondents)
    .set({
      tokenExpiresAt: linkExpiry(round.deadline),
      ...(kind === 'invitation' ? { invitedAt: now } : { lastRemindedAt: now }),
      updatedAt: now,
    })
    .where(eq(surveyRespondents.id, respondent.id));
  const link = personalLink('surveyResponse', respondent.id);
  const deadline = writeDate(round.deadline);
  const text =
    kind === 'invitation'
      ? [
          `Hei ${respondent.name},`,
          '',
          `${networkName} ber deg svare på undersøkelsen «${round.name}» for ${respondent.municipalityName} kommune.`,
          '',
          `Svar innen ${deadline}: ${link}`,
          '',
          'Du trenger ikke logge inn. Du kan lagre underveis og fortsette senere fra den samme lenken.',
          'Lenken er personlig. Ikke del den med andre.',
        ]
      : [
          `Hei ${respondent.name},`,
          '',
          `Vi har ikke fått svaret ditt på undersøkelsen «${round.name}» for ${respondent.municipalityName} kommune ennå.`,
          `Fristen er ${deadline}.`,
          '',
          `Svar her: ${link}`,
          '',
          'Denne lenken erstatter lenken i tidligere e-poster. Det du allerede har lagret, er tatt vare på.',
        ];
  await queueEmail(tx, {
    to: respondent.email,
    subject: kind === 'invitation' ? `Spørreundersøkelse: ${round.name}` : `Påminnelse: ${round.name}`,
    networkId: round.networkId,
    text: text.join('\n'),
  });
}

/** The respondent's link gets its token as its e-mail is sent (see mail's personalLink()). */
export const issueSurveyLink: LinkIssuer = async (db: Db, id, tokenHash) =>
  (await db.update(surveyRespondents).set({ tokenHash }).where(eq(surveyRespondents.id, id)).returning({ id: surveyRespondents.id }))
    .length > 0;
