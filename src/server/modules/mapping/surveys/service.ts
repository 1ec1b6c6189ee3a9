import { and, asc, count, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { RequestContext } from '../../../context.ts';
import type { DbOrTx } from '../../../db/client.ts';
import { municipalities, networkMembers, networks, surveyRespondents, surveyRounds, surveyTemplates } from '../../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import { AppError, forbidden, inUse, invalidField, notFound } from '../../../errors.ts';
import type {
  AnswerSaveSchema,
  MaturityTrend,
  RespondentInputSchema,
  ResponseForm,
  Round,
  RoundCreateInput,
  RoundSummary,
  RoundUpdateSchema,
  Scorecard,
  Template,
  TemplateInput,
  TemplateUpdateSchema,
} from '../../../../shared/mapping/surveys.ts';
import { recordAudit, recordLinkUse } from '../../audit/index.ts';
import { currentMembership, requireNetwork } from '../../network/index.ts';
import { assertCan, inNetwork, requireUser } from '../../../access/index.ts';
import { today } from '../../network/dates.ts';
import { checkAnswers } from './answers.ts';
import { hashToken, linkExpiry, sendLink } from './links.ts';
import { remindRespondents, scheduleReminder } from './reminders.ts';
import { computeScorecard, computeTrend, type RoundResponses } from './results.ts';

type TemplateRow = typeof surveyTemplates.$inferSelect;
type RoundRow = typeof surveyRounds.$inferSelect;
type RespondentRow = typeof surveyRespondents.$inferSelect;
type NetworkRow = typeof networks.$inferSelect;

export interface LinkSettings {
  publicUrl: string;
}

// ---- access ----

async function readableNetwork(ctx: RequestContext, ref: string): Promise<NetworkRow> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, ref);
  await assertCan(ctx, 'network.readInternals', inNetwork(network.id));
  return network;
}

async function administeredNetwork(ctx: RequestContext, ref: string): Promise<NetworkRow> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, ref);
  await assertCan(ctx, 'network.administer', inNetwork(network.id));
  return network;
}

/** A round the caller may read (its network's internal readers); 404 otherwise. */
async function readableRound(ctx: RequestContext, id: string): Promise<{ round: RoundRow; network: NetworkRow }> {
  requireUser(ctx);
  const [row] = await ctx.db
    .select({ round: surveyRounds, network: networks })
    .from(surveyRounds)
    .innerJoin(networks, eq(networks.id, surveyRounds.networkId))
    .where(eq(surveyRounds.id, id));
  if (!row) throw notFound();
  await assertCan(ctx, 'network.readInternals', inNetwork(row.network.id));
  return row;
}

/** A round the caller may run (its network's secretariat); 403 for a reader, 404 for anyone else. */
async function writableRound(ctx: RequestContext, id: string) {
  const row = await readableRound(ctx, id);
  await assertCan(ctx, 'network.administer', inNetwork(row.network.id));
  return row;
}

/** Built-in templates are readable by everyone logged in; a network's own by its internal readers. */
async function readableTemplate(ctx: RequestContext, id: string): Promise<TemplateRow> {
  requireUser(ctx);
  const [template] = await ctx.db.select().from(surveyTemplates).where(eq(surveyTemplates.id, id));
  if (!template) throw notFound();
  if (template.networkId) await assertCan(ctx, 'network.readInternals', inNetwork(template.networkId));
  return template;
}

// ---- presenters ----

function presentTemplate(row: TemplateRow): Template {
  return {
    id: row.id,
    networkId: row.networkId,
    builtIn: row.builtIn,
    name: row.name,
    description: row.description,
    definition: row.definition,
    version: row.version,
  };
}

function presentSummary(row: RoundRow, respondentCount: number, submittedCount: number): RoundSummary {
  return {
    id: row.id,
    networkId: row.networkId,
    templateId: row.templateId,
    name: row.name,
    status: row.status,
    deadline: row.deadline,
    reminderDaysBefore: row.reminderDaysBefore,
    openedAt: row.openedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    respondentCount,
    submittedCount,
    version: row.version,
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

async function respondentsOf(db: DbOrTx, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select({ respondent: surveyRespondents, municipalityName: municipalities.name })
    .from(surveyRespondents)
    .innerJoin(municipalities, eq(municipalities.number, surveyRespondents.municipalityNumber))
    .where(inArray(surveyRespondents.roundId, roundIds))
    .orderBy(asc(municipalities.name), asc(surveyRespondents.name));
}

async function presentRound(db: DbOrTx, row: RoundRow): Promise<Round> {
  const respondents = await respondentsOf(db, [row.id]);
  const compare = new Intl.Collator('nb').compare;
  respondents.sort((a, b) => compare(a.municipalityName, b.municipalityName) || compare(a.respondent.name, b.respondent.name));
  return {
    ...presentSummary(row, respondents.length, respondents.filter((r) => r.respondent.submittedAt).length),
    definition: row.definition,
    respondents: respondents.map(({ respondent: r, municipalityName }) => ({
      id: r.id,
      municipalityNumber: r.municipalityNumber,
      municipalityName,
      name: r.name,
      email: r.email,
      invitedAt: iso(r.invitedAt),
      lastRemindedAt: iso(r.lastRemindedAt),
      startedAt: iso(r.startedAt),
      submittedAt: iso(r.submittedAt),
    })),
  };
}

// ---- templates ----

/** The built-in templates first, then the network's own by name. */
export async function listTemplates(ctx: RequestContext, networkRef: string): Promise<Template[]> {
  const network = await readableNetwork(ctx, networkRef);
  const rows = await ctx.db
    .select()
    .from(surveyTemplates)
    .where(or(isNull(surveyTemplates.networkId), eq(surveyTemplates.networkId, network.id)));
  const compare = new Intl.Collator('nb').compare;
  return rows.sort((a, b) => Number(a.builtIn === null) - Number(b.builtIn === null) || compare(a.name, b.name)).map(presentTemplate);
}

export async function getTemplate(ctx: RequestContext, id: string): Promise<Template> {
  return presentTemplate(await readableTemplate(ctx, id));
}

export async function createTemplate(ctx: RequestContext, networkRef: string, input: TemplateInput): Promise<Template> {
  const network = await administeredNetwork(ctx, networkRef);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(surveyTemplates)
      .values({ networkId: network.id, name: input.name, description: input.description ?? null, definition: input.definition })
      .returning();
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'surveyTemplate',
      entityId: created!.id,
      action: 'create',
      after: created,
    });
    return created!;
  });
  return presentTemplate(row);
}

/** A copy of any template the caller may read, as the network's own, to edit. */
export async function copyTemplate(
  ctx: RequestContext,
  networkRef: string,
  templateId: string,
  name: string | undefined,
): Promise<Template> {
  const network = await administeredNetwork(ctx, networkRef);
  const source = await readableTemplate(ctx, templateId);
  return createTemplate(ctx, network.id, {
    name: name ?? `${source.name} (kopi)`,
    description: source.description,
    definition: source.definition,
  });
}

export async function updateTemplate(ctx: RequestContext, id: string, input: z.infer<typeof TemplateUpdateSchema>): Promise<Template> {
  const template = await readableTemplate(ctx, id);
  // The shipped templates are rewritten from code at every start; a network copies one to change it.
  if (!template.networkId) throw forbidden();
  await assertCan(ctx, 'network.administer', inNetwork(template.networkId));
  const { version, ...values } = input;
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateVersioned(tx, surveyTemplates, id, version, definedOnly(values));
    await recordAudit(tx, ctx, {
      networkId: template.networkId,
      entityType: 'surveyTemplate',
      entityId: id,
      action: 'update',
      before: template,
      after: updated,
    });
    return updated;
  });
  return presentTemplate(row);
}

// ---- rounds ----

export async function listRounds(ctx: RequestContext, networkRef: string): Promise<RoundSummary[]> {
  const network = await readableNetwork(ctx, networkRef);
  const rows = await ctx.db.select().from(surveyRounds).where(eq(surveyRounds.networkId, network.id));
  const counts = rows.length
    ? await ctx.db
        .select({ roundId: surveyRespondents.roundId, all: count(), submitted: count(surveyRespondents.submittedAt) })
        .from(surveyRespondents)
        .where(
          inArray(
            surveyRespondents.roundId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(surveyRespondents.roundId)
    : [];
  const byRound = new Map(counts.map((c) => [c.roundId, c]));
  return rows
    .sort((a, b) => b.deadline.localeCompare(a.deadline) || b.createdAt.getTime() - a.createdAt.getTime())
    .map((r) => presentSummary(r, byRound.get(r.id)?.all ?? 0, byRound.get(r.id)?.submitted ?? 0));
}

export async function getRound(ctx: RequestContext, id: string): Promise<Round> {
  const { round } = await readableRound(ctx, id);
  return presentRound(ctx.db, round);
}

/** The municipality numbers currently members of the network. */
async function currentMembers(db: DbOrTx, networkId: string): Promise<Set<string>> {
  const rows = await db
    .select({ number: networkMembers.municipalityNumber })
    .from(networkMembers)
    .where(and(eq(networkMembers.networkId, networkId), currentMembership()));
  return new Set(rows.map((r) => r.number));
}

function assertDeadlineAhead(deadline: string) {
  if (deadline < today()) throw invalidField('deadline', 'tooSmall', { min: today() });
}

type RespondentInput = z.infer<typeof RespondentInputSchema>;

/** Respondents must answer for a current member, once per municipality and address. */
function checkRespondents(inputs: RespondentInput[], members: Set<string>, existing: RespondentRow[], path: (i: number) => string) {
  const seen = new Set(existing.map((r) => `${r.municipalityNumber} ${r.email.toLowerCase()}`));
  inputs.forEach((input, i) => {
    if (!members.has(input.municipalityNumber)) throw invalidField(`${path(i)}municipalityNumber`, 'invalid');
    const key = `${input.municipalityNumber} ${input.email.toLowerCase()}`;
    if (seen.has(key)) throw invalidField(`${path(i)}email`, 'duplicate');
    seen.add(key);
  });
}

export async function createRound(ctx: RequestContext, networkRef: string, input: RoundCreateInput): Promise<Round> {
  const network = await administeredNetwork(ctx, networkRef);
  const [template] = await ctx.db.select().from(surveyTemplates).where(eq(surveyTemplates.id, input.templateId));
  if (!template || (template.networkId !== null && template.networkId !== network.id)) throw invalidField('templateId', 'invalid');
  assertDeadlineAhead(input.deadline);
  checkRespondents(input.respondents, await currentMembers(ctx.db, network.id), [], (i) => `respondents.${i}.`);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(surveyRounds)
      .values({
        networkId: network.id,
        templateId: template.id,
        name: input.name,
        definition: template.definition,
        deadline: input.deadline,
        reminderDaysBefore: input.reminderDaysBefore ?? null,
      })
      .returning();
    if (input.respondents.length > 0) {
      await tx
        .insert(surveyRespondents)
        .values(
          input.respondents.map((r) => ({ roundId: created!.id, municipalityNumber: r.municipalityNumber, name: r.name, email: r.email })),
        );
    }
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'surveyRound',
      entityId: created!.id,
      action: 'create',
      after: { ...created, definition: undefined, respondents: input.respondents },
    });
    return created!;
  });
  return presentRound(ctx.db, row);
}

export async function updateRound(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof RoundUpdateSchema>,
  links: LinkSettings,
): Promise<Round> {
  const { round, network } = await writableRound(ctx, id);
  if (round.status === 'closed') throw new AppError('invalid_state');
  if (input.deadline !== undefined && input.deadline !== round.deadline) assertDeadlineAhead(input.deadline);
  const { version, ...values } = input;
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateVersioned(tx, surveyRounds, id, version, definedOnly(values));
    if (updated.status === 'open') {
      if (updated.deadline !== round.deadline) {
        await tx
          .update(surveyRespondents)
          .set({ tokenExpiresAt: linkExpiry(updated.deadline) })
          .where(and(eq(surveyRespondents.roundId, id), isNotNull(surveyRespondents.tokenExpiresAt)));
      }
      if (updated.deadline !== round.deadline || updated.reminderDaysBefore !== round.reminderDaysBefore) {
        await scheduleReminder(tx, updated, links.publicUrl);
      }
    }
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'surveyRound',
      entityId: id,
      action: 'update',
      before: { name: round.name, deadline: round.deadline, reminderDaysBefore: round.reminderDaysBefore },
      after: { name: updated.name, deadline: updated.deadline, reminderDaysBefore: updated.reminderDaysBefore },
    });
    return updated;
  });
  return presentRound(ctx.db, row);
}

/** Only a draft is deleted; a round that has been sent keeps its answers. */
export async function deleteRound(ctx: RequestContext, id: string, version: number): Promise<void> {
  const { round, network } = await writableRound(ctx, id);
  if (round.status !== 'draft') throw new AppError('invalid_state');
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, surveyRounds, id, version, {});
    await tx.delete(surveyRespondents).where(eq(surveyRespondents.roundId, id));
    await tx.delete(surveyRounds).where(eq(surveyRounds.id, id));
    await recordAudit(tx, ctx, { networkId: network.id, entityType: 'surveyRound', entityId: id, action: 'delete', before: round });
  });
}

/** Adds a respondent to a draft or open round; in an open round they get their link at once. */
export async function addRespondent(ctx: RequestContext, roundId: string, input: RespondentInput): Promise<Round> {
  const { round, network } = await writableRound(ctx, roundId);
  if (round.status === 'closed') throw new AppError('invalid_state');
  const existing = await ctx.db.select().from(surveyRespondents).where(eq(surveyRespondents.roundId, roundId));
  checkRespondents([input], await currentMembers(ctx.db, network.id), existing, () => '');
  await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(surveyRespondents)
      .values({ roundId, municipalityNumber: input.municipalityNumber, name: input.name, email: input.email })
      .returning();
    if (round.status === 'open') {
      const [municipality] = await tx
        .select({ name: municipalities.name })
        .from(municipalities)
        .where(eq(municipalities.number, input.municipalityNumber));
      await sendLink(tx, 'invitation', round, network.name, { ...created!, municipalityName: municipality?.name ?? '' });
    }
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'surveyRespondent',
      entityId: created!.id,
      action: 'create',
      after: input,
    });
  });
  return presentRound(ctx.db, round);
}

/** Removes a respondent who has not handed in; their link stops working. */
export async function removeRespondent(ctx: RequestContext, roundId: string, respondentId: string): Promise<Round> {
  const { round, network } = await writableRound(ctx, roundId);
  const [respondent] = await ctx.db
    .select()
    .from(surveyRespondents)
    .where(and(eq(surveyRespondents.id, respondentId), eq(surveyRespondents.roundId, roundId)));
  if (!respondent) throw notFound();
  if (round.status === 'closed' || respondent.submittedAt) throw new AppError('invalid_state');
  // Saved answers are the municipality's: someone who has begun answering stays.
  if (respondent.startedAt) throw inUse();
  await ctx.db.transaction(async (tx) => {
    // Checked again as it is deleted: an answer saved a moment ago keeps the respondent.
    const [gone] = await tx
      .delete(surveyRespondents)
      .where(and(eq(surveyRespondents.id, respondentId), isNull(surveyRespondents.startedAt), isNull(surveyRespondents.submittedAt)))
      .returning({ id: surveyRespondents.id });
    if (!gone) throw inUse();
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'surveyRespondent',
      entityId: respondentId,
      action: 'delete',
      before: { ...respondent, tokenHash: undefined },
    });
  });
  return presentRound(ctx.db, round);
}

/** Opens the round: every respondent gets a personal link by e-mail, and the reminder is scheduled. */
export async function sendRound(ctx: RequestContext, id: string, version: number, links: LinkSettings): Promise<Round> {
  const { round, network } = await writableRound(ctx, id);
  if (round.status !== 'draft') throw new AppError('invalid_state');
  assertDeadlineAhead(round.deadline);
  const row = await ctx.db.transaction(async (tx) => {
    const opened = await updateVersioned(tx, surveyRounds, id, version, { status: 'open', openedAt: new Date() });
    // Read once the round is claimed, so a respondent added a moment before is invited too.
    const respondents = await respondentsOf(tx, [id]);
    if (respondents.length === 0) throw invalidField('respondents', 'required');
    for (const { respondent, municipalityName } of respondents) {
      await sendLink(tx, 'invitation', opened, network.name, { ...respondent, municipalityName });
    }
    await scheduleReminder(tx, opened, links.publicUrl);
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'surveyRound',
      entityId: id,
      action: 'send',
      before: { status: round.status },
      after: { status: opened.status, respondents: respondents.length },
    });
    return opened;
  });
  return presentRound(ctx.db, row);
}

/** Reminds everyone in an open round who has not handed in, now. */
export async function remindRound(ctx: RequestContext, id: string, links: LinkSettings): Promise<Round> {
  const { round } = await writableRound(ctx, id);
  if (round.status !== 'open') throw new AppError('invalid_state');
  await ctx.db.transaction((tx) => remindRespondents(tx, ctx, id, links.publicUrl, { respectQuietHours: false }));
  return presentRound(ctx.db, round);
}

/** Closes the round: links stop taking answers, and the results are final. */
export async function closeRound(ctx: RequestContext, id: string, version: number): Promise<Round> {
  const { round, network } = await writableRound(ctx, id);
  if (round.status !== 'open') throw new AppError('invalid_state');
  const row = await ctx.db.transaction(async (tx) => {
    const closed = await updateVersioned(tx, surveyRounds, id, version, { status: 'closed', closedAt: new Date() });
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'surveyRound',
      entityId: id,
      action: 'close',
      before: { status: round.status },
      after: { status: closed.status },
    });
    return closed;
  });
  return presentRound(ctx.db, row);
}

// ---- the respondent's personal link ----

async function findByToken(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ respondent: surveyRespondents, round: surveyRounds, networkName: networks.name, municipalityName: municipalities.name })
    .from(surveyRespondents)
    .innerJoin(surveyRounds, eq(surveyRounds.id, surveyRespondents.roundId))
    .innerJoin(networks, eq(networks.id, surveyRounds.networkId))
    .innerJoin(municipalities, eq(municipalities.number, surveyRespondents.municipalityNumber))
    .where(eq(surveyRespondents.tokenHash, hashToken(token)));
  if (!row) throw notFound();
  // An expired link is refused as such (not as unknown), so the page can say what happened.
  if (!row.respondent.tokenExpiresAt || row.respondent.tokenExpiresAt.getTime() < Date.now()) throw new AppError('invalid_state');
  return row;
}

function presentForm(row: Awaited<ReturnType<typeof findByToken>>): ResponseForm {
  return {
    roundName: row.round.name,
    networkName: row.networkName,
    municipalityName: row.municipalityName,
    respondentName: row.respondent.name,
    deadline: row.round.deadline,
    status: row.round.status,
    definition: row.round.definition,
    answers: row.respondent.answers,
    submittedAt: iso(row.respondent.submittedAt),
    open: row.round.status === 'open' && !row.respondent.submittedAt,
  };
}

/** What the respondent sees through the link: the questions and what they have saved. No login. */
export async function viewResponse(ctx: RequestContext, token: string): Promise<ResponseForm> {
  return presentForm(await findByToken(ctx.db, token));
}

/** The link's page asks for the form: a use of the link, in the network's audit log. */
export async function openResponse(ctx: RequestContext, token: string): Promise<ResponseForm> {
  const row = await findByToken(ctx.db, token);
  await recordLinkUse(ctx.db, ctx, {
    kind: 'surveyResponse',
    linkId: row.respondent.id,
    networkId: row.round.networkId,
    action: 'open',
    details: { roundId: row.round.id, municipalityNumber: row.respondent.municipalityNumber },
  });
  return presentForm(row);
}

/** Saves the respondent's answers (all of them, replacing the last save); `submit` hands them in for good. */
export async function saveResponse(ctx: RequestContext, token: string, input: z.infer<typeof AnswerSaveSchema>): Promise<ResponseForm> {
  const row = await findByToken(ctx.db, token);
  if (row.round.status !== 'open' || row.respondent.submittedAt) throw new AppError('invalid_state');
  const answers = checkAnswers(row.round.definition, input.answers, input.submit);
  await ctx.db.transaction(async (tx) => {
    const now = new Date();
    const [saved] = await tx
      .update(surveyRespondents)
      .set({ answers, startedAt: row.respondent.startedAt ?? now, submittedAt: input.submit ? now : null, updatedAt: now })
      .where(
        and(
          eq(surveyRespondents.id, row.respondent.id),
          isNull(surveyRespondents.submittedAt),
          sql`exists (select 1 from ${surveyRounds} where ${surveyRounds.id} = ${row.round.id} and ${surveyRounds.status} = 'open')`,
        ),
      )
      .returning({ id: surveyRespondents.id });
    // Handed in from another tab, or the round closed, meanwhile.
    if (!saved) throw new AppError('invalid_state');
    await recordAudit(tx, ctx, {
      networkId: row.round.networkId,
      entityType: 'surveyResponse',
      entityId: row.respondent.id,
      action: input.submit ? 'submit' : 'save',
      before: null,
      after: { roundId: row.round.id, municipalityNumber: row.respondent.municipalityNumber, answered: Object.keys(answers).length },
    });
    await recordLinkUse(tx, ctx, {
      kind: 'surveyResponse',
      linkId: row.respondent.id,
      networkId: row.round.networkId,
      action: input.submit ? 'submit' : 'save',
      details: { roundId: row.round.id, municipalityNumber: row.respondent.municipalityNumber },
    });
  });
  return viewResponse(ctx, token);
}

// ---- results ----

async function responsesOf(db: DbOrTx, rounds: RoundRow[]): Promise<RoundResponses[]> {
  const respondents = await respondentsOf(
    db,
    rounds.map((r) => r.id),
  );
  return rounds.map((round) => ({
    id: round.id,
    name: round.name,
    deadline: round.deadline,
    definition: round.definition,
    respondents: respondents
      .filter((r) => r.respondent.roundId === round.id)
      .map((r) => ({
        municipalityNumber: r.respondent.municipalityNumber,
        municipalityName: r.municipalityName,
        submitted: r.respondent.submittedAt !== null,
        answers: r.respondent.answers,
      })),
  }));
}

/** The rounds of a template in a network that have been sent, oldest first (by deadline, then when made). */
async function sentRoundsOf(db: DbOrTx, networkId: string, templateId: string): Promise<RoundRow[]> {
  return db
    .select()
    .from(surveyRounds)
    .where(and(eq(surveyRounds.networkId, networkId), eq(surveyRounds.templateId, templateId), ne(surveyRounds.status, 'draft')))
    .orderBy(asc(surveyRounds.deadline), asc(surveyRounds.createdAt));
}

export async function getScorecard(ctx: RequestContext, roundId: string): Promise<Scorecard> {
  const { round } = await readableRound(ctx, roundId);
  const sent = await sentRoundsOf(ctx.db, round.networkId, round.templateId);
  const index = sent.findIndex((r) => r.id === round.id);
  const previousRound = index > 0 ? sent[index - 1]! : null;
  const [current, previous] = await responsesOf(ctx.db, previousRound ? [round, previousRound] : [round]);
  return computeScorecard(current!, previous ?? null);
}

export async function getTrend(ctx: RequestContext, networkRef: string, templateId: string): Promise<MaturityTrend> {
  const network = await readableNetwork(ctx, networkRef);
  const rounds = await sentRoundsOf(ctx.db, network.id, templateId);
  return computeTrend(await responsesOf(ctx.db, rounds));
}
