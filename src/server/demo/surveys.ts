import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import { municipalities, networkMembers, networks, people, surveyRespondents, surveyRounds, surveyTemplates } from '../db/schema/index.ts';
import { osloLocalToUtc } from '../modules/documents/index.ts';
import { addDays } from '../modules/network/dates.ts';
import { createRound } from '../modules/mapping/surveys/service.ts';
import { today } from '../modules/network/dates.ts';
import { currentMembership } from '../modules/network/index.ts';
import type { Answers, BuiltInTemplate } from '../../shared/mapping/surveys.ts';

/**
 * Survey demo data for DigiVesterålen, so the scorecard (change since the previous round) and the maturity
 * trend have something to show: two closed rounds of the built-in maturity template, «Digital modenhet 2025»
 * and «Digital modenhet 2026», in which each member municipality's digitalization contact has answered every
 * statement; and a draft round of the dialogue-channels template, ready to send.
 *
 * The service makes a round only with a deadline ahead and opens it only by e-mailing personal links, so the
 * closed rounds are created through it and their history (deadline, opened, handed in, closed) is written
 * afterwards, with dates inside the round's year: results order rounds by deadline. Nothing is e-mailed.
 *
 * The answers are made up and deterministic: a level from the municipality's population (the small ones
 * lower), an offset per dimension, the change from 2025 to 2026 per dimension, and a fixed jitter per
 * statement, so a municipality's weak spots stay weak from one year to the next.
 */

const MATURITY_ROUNDS = [
  { name: 'Digital modenhet 2025', created: '2025-08-25', opened: '2025-09-08', deadline: '2025-10-03', closed: '2025-10-10', years: 0 },
  { name: 'Digital modenhet 2026', created: '2026-08-24', opened: '2026-09-07', deadline: '2026-10-02', closed: '2026-10-09', years: 1 },
];

/** Per dimension (section key): the level in 2025 against the municipality's own, and the change a year later. */
const DIMENSIONS: Record<string, [offset: number, changePerYear: number]> = {
  leadership: [0, 0.3],
  userCentred: [-0.2, 0.2],
  competence: [-0.4, 0.1],
  sharedSolutions: [0.5, 0.5],
  security: [0.2, 0.4],
  information: [-0.6, 0.2],
  architecture: [-0.3, -0.2],
  health: [0.4, 0.1],
  education: [0.3, -0.3],
  planning: [-0.1, 0.3],
};

/** A fixed number in [-0.5, 0.5) for a text (FNV-1a). */
function noise(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296 - 0.5;
}

/** Around 2.2 for 2 000 inhabitants, 2.9 for 8 000, 3.0 for 10 000. */
const levelOf = (population: number) => 1.8 + 1.2 * Math.log10(population / 1000);

/** «Sortland - Suortá» → «sortland», «Ola Johansen» → «ola.johansen»: the local part or label of an address. */
const addressPart = (text: string) =>
  text
    .split(' - ')[0]!
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/[åá]/g, 'a')
    .replace(/[^a-z]+/g, '.');

export async function seedSurveys(ctx: RequestContext): Promise<void> {
  const db = ctx.db;
  const members = await db
    .select({ networkId: networks.id, number: municipalities.number, name: municipalities.name, population: municipalities.population })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .innerJoin(municipalities, eq(municipalities.number, networkMembers.municipalityNumber))
    .where(and(eq(networks.slug, 'digivesteralen'), currentMembership()))
    .orderBy(asc(municipalities.number));
  if (members.length === 0) return;

  // Each municipality answers through its digitalization contact from the demo people.
  const contacts = await db
    .select({ number: people.municipalityNumber, name: people.name })
    .from(people)
    .where(
      and(
        eq(people.homeNetworkId, members[0]!.networkId),
        inArray(
          people.municipalityNumber,
          members.map((m) => m.number),
        ),
        like(people.title, 'Digitaliseringskontakt%'),
      ),
    );
  const respondents = members.map((m) => {
    const contact = contacts.find((c) => c.number === m.number);
    if (!contact) throw new Error(`demo data: no digitalization contact for ${m.name}`);
    return { ...m, person: contact.name };
  });
  const address = (r: (typeof respondents)[number], domain: string) => `${addressPart(r.person)}@${addressPart(r.name)}.${domain}`;
  const templateId = async (builtIn: BuiltInTemplate) =>
    (await db.select({ id: surveyTemplates.id }).from(surveyTemplates).where(eq(surveyTemplates.builtIn, builtIn)))[0]!.id;

  const maturity = await templateId('maturity');
  for (const history of MATURITY_ROUNDS) {
    // Today's date only passes the service's check (the create audit entry shows it); the real deadline follows.
    const round = await createRound(ctx, 'digivesteralen', {
      templateId: maturity,
      name: history.name,
      deadline: today(),
      reminderDaysBefore: null,
      respondents: respondents.map((r) => ({
        municipalityNumber: r.number,
        name: r.person,
        email: address(r, 'kommune.no'),
      })),
    });
    const openedAt = osloLocalToUtc(history.opened, '09:00');
    const closedAt = osloLocalToUtc(history.closed, '15:00');
    await db
      .update(surveyRounds)
      .set({
        status: 'closed',
        deadline: history.deadline,
        openedAt,
        closedAt,
        createdAt: osloLocalToUtc(history.created, '10:00'),
        updatedAt: closedAt,
      })
      .where(eq(surveyRounds.id, round.id));

    for (const [i, r] of respondents.entries()) {
      const respondent = round.respondents.find((x) => x.municipalityNumber === r.number)!;
      const answers: Answers = {};
      for (const section of round.definition.sections) {
        const [offset, change] = DIMENSIONS[section.key] ?? [0, 0];
        for (const q of section.questions) {
          if (q.answerKind !== 'scale') continue;
          const jitter = noise(`${r.number} ${q.key}`) + 0.6 * noise(`${r.number} ${q.key} ${history.name}`);
          answers[q.key] = Math.min(5, Math.max(1, Math.round(levelOf(r.population) + offset + change * history.years + jitter)));
        }
      }
      // Handed in a few days apart, in a different order each year, all before the deadline.
      const handedIn = addDays(history.opened, 3 + 3 * ((i + 2 * history.years) % respondents.length));
      const submittedAt = osloLocalToUtc(handedIn, `${String(9 + i).padStart(2, '0')}:30`);
      await db
        .update(surveyRespondents)
        .set({
          answers,
          invitedAt: openedAt,
          startedAt: osloLocalToUtc(addDays(handedIn, -1), '13:00'),
          submittedAt,
          createdAt: osloLocalToUtc(history.created, '10:00'),
          updatedAt: submittedAt,
        })
        .where(eq(surveyRespondents.id, respondent.id));
    }
  }

  // A draft can be sent from the demo: its addresses are under example.no, so no demo mail reaches a real municipality.
  await createRound(ctx, 'digivesteralen', {
    templateId: await templateId('dialogueChannels'),
    name: `Dialogkanaler ${today().slice(0, 4)}`,
    deadline: addDays(today(), 21),
    reminderDaysBefore: 7,
    respondents: respondents.map((r) => ({
      municipalityNumber: r.number,
      name: r.person,
      email: address(r, 'example.no'),
    })),
  });
}
