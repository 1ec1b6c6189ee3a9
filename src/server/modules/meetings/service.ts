import { caseNumberOf } from '../../../shared/meetings/schema.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import { and, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { together, type DbOrTx } from '../../db/client.ts';
import { agendaItems, cases, consultations, meetingAttendees, meetings, municipalities, people } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, invalidField, notFound, staleVersion } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import type {
  AgendaItem,
  AgendaItemUpdateInput,
  CaseCreateInput,
  Meeting,
  MeetingCreateInput,
  MeetingSummary,
  MeetingUpdateInput,
  StoredProtocolRemark,
} from '../../../shared/meetings/schema.ts';
import { assignCaseNumber } from './numbering.ts';
import { renderTable, type ExportFormat } from '../documents/index.ts';
import { fieldLabel } from '../../../shared/i18n/server-messages.ts';
import {
  isLocked,
  readableBody,
  readableMeeting,
  writableBody,
  writableMeeting,
  type BodyWithNetwork,
  type MeetingRow,
} from './records.ts';
import { presentAttendee, presentDocument, presentItem, presentMeetingSummary } from './presenter.ts';
import * as repo from './repo.ts';
import { assertBelongs } from '../../access/index.ts';
import { openingCases } from './opening-cases.ts';
import { MEETING_TERMS } from '../../../shared/meetings/terms.ts';
import { orderCalled, plannedTimes } from '../../../shared/meetings/attendance.ts';

const audit = (
  tx: DbOrTx,
  ctx: RequestContext,
  body: BodyWithNetwork,
  entityType: string,
  entityId: string,
  action: string,
  before: unknown,
  after: unknown,
) => recordAudit(tx, ctx, { networkId: body.networkId, entityType, entityId, action, before, after });

// ---------------------------------------------------------------- meetings

/** The body's meeting plan: its meetings in a year (all years when none is given). */
export async function listMeetings(ctx: RequestContext, bodyId: string, year?: number): Promise<MeetingSummary[]> {
  const body = await readableBody(ctx, bodyId);
  const rows = await repo.listMeetingsWithCounts(ctx.db, bodyId, year);
  return rows.map((r) => presentMeetingSummary(r.meeting, body, r.itemCount));
}

/** The meeting plan as a spreadsheet, column names in the caller's language. */
export async function exportMeetings(ctx: RequestContext, bodyId: string, year: number | undefined, format: ExportFormat) {
  const meetingsOfYear = await listMeetings(ctx, bodyId, year);
  const label = (field: string) => fieldLabel(ctx.language, field);
  const body = await readableBody(ctx, bodyId);
  return renderTable(
    format,
    `moteplan-${body.shortCode ?? 'organ'}${year ? `-${year}` : ''}`,
    [
      { header: label('date'), value: (m) => m.date, width: 12 },
      { header: label('startTime'), value: (m) => m.startTime, width: 10 },
      { header: label('endTime'), value: (m) => m.endTime, width: 10 },
      { header: label('place'), value: (m) => (m.writtenProcedure ? 'E-postbehandling' : m.place), width: 30 },
      { header: label('status'), value: (m) => MEETING_TERMS[ctx.language].statuses[m.status], width: 18 },
      { header: label('itemIds'), value: (m) => m.itemCount, width: 10 },
    ],
    meetingsOfYear,
  );
}

export async function createMeeting(ctx: RequestContext, bodyId: string, input: MeetingCreateInput): Promise<Meeting> {
  const body = await writableBody(ctx, bodyId);
  const id = await ctx.db.transaction(async (tx) => {
    const [meeting] = await tx
      .insert(meetings)
      .values({ bodyId, ...input, endTime: input.endTime ?? null, place: input.place ?? null, remoteLink: input.remoteLink ?? null })
      .returning();
    if (!input.writtenProcedure) {
      for (const opening of openingCases(body, meeting!.date)) {
        await insertCaseOnAgenda(tx, body, meeting!, { ...opening, casePaper: '', exemptFromPublic: false });
      }
    }
    await audit(tx, ctx, body, 'meeting', meeting!.id, 'create', null, meeting);
    return meeting!.id;
  });
  return getMeeting(ctx, id);
}

export async function getMeeting(ctx: RequestContext, meetingId: string): Promise<Meeting> {
  const { meeting, body } = await readableMeeting(ctx, meetingId);
  return loadMeeting(ctx.db, meeting, body);
}

/** The whole meeting as the secretariat works on it, exempt content included. */
export async function loadMeeting(db: DbOrTx, meeting: MeetingRow, body: BodyWithNetwork): Promise<Meeting> {
  const [basis, pending, deliveries, written, signatureRows] = await together(db, [
    () => itemsBasis(db, meeting, body),
    async () => (isLocked(meeting) ? [] : repo.pendingConsultations(db, body.id)),
    () => repo.listDeliveries(db, meeting.id),
    async () => (meeting.writtenProcedure ? [] : repo.writtenDecisionsBefore(db, meeting)),
    () => repo.listSignatures(db, meeting.id),
  ]);
  return {
    ...presentMeetingSummary(meeting, body, basis.itemRows.length),
    updatedAt: meeting.updatedAt.toISOString(),
    adjournedAt: meeting.adjournedAt,
    expectedEnd: basis.planned.end,
    deputySummons: body.deputySummons,
    locked: isLocked(meeting),
    minutesSignatoryIds: meeting.minutesSignatoryIds,
    minutesApprovalNote: meeting.minutesApprovalNote,
    signatures: signatureRows.map((r) => ({
      personId: r.signature.personId,
      name: r.name,
      requestedAt: r.signature.requestedAt.toISOString(),
      signedAt: r.signature.signedAt?.toISOString() ?? null,
    })),
    attendees: orderCalled(basis.attendeeRows.map(presentAttendee)),
    items: await presentItems(db, meeting, basis),
    pendingCases: pending.map((p) => ({
      consultationId: p.consultation.id,
      number: caseNumberOf(p.consultation),
      title: p.case.title,
      type: p.case.type,
    })),
    deliveries: deliveries.map((d) => ({
      id: d.delivery.id,
      name: d.name,
      email: d.delivery.email,
      kind: d.delivery.kind,
      subject: d.delivery.subject,
      attachmentNames: d.delivery.attachmentNames,
      sentAt: d.delivery.sentAt.toISOString(),
    })),
    writtenDecisions: written.map((w) => ({
      number: caseNumberOf(w.consultation),
      title: w.case.title,
      decidedOn: w.meetingDate,
      decision: w.item.decision ?? '',
    })),
  };
}

/**
 * One item as `loadMeeting` presents it, without the rest of the meeting's lines: the answer to a save of the item.
 * Its planned times and quorum still read the whole agenda and the attendance.
 */
export async function loadItem(db: DbOrTx, meeting: MeetingRow, body: BodyWithNetwork, itemId: string): Promise<AgendaItem> {
  const [item] = await presentItems(db, meeting, await itemsBasis(db, meeting, body), itemId);
  if (!item) throw notFound();
  return item;
}

/**
 * What every item's presentation needs of the meeting: its agenda with the times planned from it, who attends, and
 * the body's members that day.
 */
async function itemsBasis(db: DbOrTx, meeting: MeetingRow, body: BodyWithNetwork) {
  const [itemRows, attendeeRows, memberships] = await together(db, [
    () => repo.listItems(db, [meeting.id]),
    () => repo.listAttendees(db, meeting.id),
    () => repo.membershipsOn(db, body.id, meeting.date),
  ]);
  const planned = plannedTimes(
    meeting.startTime,
    itemRows.map((r) => r.item),
  );
  return { itemRows, attendeeRows, memberships, planned };
}

/** The meeting's items as presented, or only the one named (its case's documents and history alone read). */
async function presentItems(
  db: DbOrTx,
  meeting: MeetingRow,
  { itemRows, attendeeRows, memberships, planned }: Awaited<ReturnType<typeof itemsBasis>>,
  only?: string,
): Promise<AgendaItem[]> {
  const seats = memberships.filter(
    (m) => m.membership.votingRight === 'vote' && ['chair', 'viceChair', 'member'].includes(m.membership.role),
  ).length;
  const shown = itemRows.flatMap((row, index) => (only === undefined || row.item.id === only ? [{ row, index }] : []));
  const caseIds = shown.map(({ row }) => row.case.id);
  const [documents, history, projectDecisions] = await together(db, [
    () => repo.listDocuments(db, caseIds),
    () => repo.caseHistory(db, caseIds),
    () =>
      repo.projectDecisionsOfItems(
        db,
        shown.map(({ row }) => row.item.id),
      ),
  ]);
  return shown.map(({ row, index }) =>
    presentItem(row, {
      planned: { start: planned.starts[index]!, end: planned.ends[index]! },
      quorum: quorumFor(
        row.item,
        attendeeRows.map((a) => a.attendee),
        seats,
      ),
      documents: documents.filter((d) => d.caseId === row.case.id).map(presentDocument),
      history: history
        .filter((h) => h.caseId === row.case.id && h.meetingId !== meeting.id)
        .map((h) => ({
          meetingId: h.meetingId,
          meetingDate: h.meetingDate,
          bodyName: h.bodyName,
          number: caseNumberOf(h),
          outcome: h.outcome,
        })),
      projectDecisions: projectDecisions
        .filter((d) => d.agendaItemId === row.item.id)
        .map((d) => ({
          projectId: d.projectId,
          reference: projectReference(d.year, d.sequence),
          title: d.title,
          decisionPoint: d.decisionPoint,
        })),
    }),
  );
}

/**
 * Quorum (kommuneloven § 11-9): at least half of the body's voting seats filled by voting attendees
 * present for this item, not counting those ruled disqualified (their deputies count if present).
 */
function quorumFor(
  item: { absentPersonIds: string[]; disqualifications: { personId: string; ruling: string | null }[] },
  attendees: { personId: string; votingRight: boolean; status: string }[],
  seats: number,
): AgendaItem['quorum'] {
  const out = new Set([
    ...item.absentPersonIds,
    ...item.disqualifications.filter((d) => d.ruling === 'disqualified').map((d) => d.personId),
  ]);
  const present = attendees.filter((a) => a.votingRight && a.status === 'present' && !out.has(a.personId)).length;
  return { present, seats, reached: seats > 0 && present * 2 >= seats };
}

export async function updateMeeting(ctx: RequestContext, meetingId: string, input: MeetingUpdateInput): Promise<Meeting> {
  const { meeting, body } = await writableMeeting(ctx, meetingId);
  const { version, ...changes } = input;
  if (changes.endTime && !changes.startTime && changes.endTime <= meeting.startTime) throw invalidField('endTime', 'timeOrder');
  await assertBelongs(ctx, body.networkId, {
    person: { minutesSignatoryIds: added(changes.minutesSignatoryIds, meeting.minutesSignatoryIds) },
  });
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, meetings, meetingId, version, definedOnly(changes));
    await audit(tx, ctx, body, 'meeting', meetingId, 'update', meeting, after);
  });
  return getMeeting(ctx, meetingId);
}

/** Move a meeting one step on: summoned → held. Sending the summons and approving the minutes have their own steps. */
export async function markHeld(ctx: RequestContext, meetingId: string, version: number): Promise<Meeting> {
  const { meeting, body } = await writableMeeting(ctx, meetingId);
  if (meeting.status !== 'summoned') throw new AppError('invalid_state');
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, meetings, meetingId, version, { status: 'held' });
    await audit(tx, ctx, body, 'meeting', meetingId, 'held', meeting, after);
  });
  return getMeeting(ctx, meetingId);
}

/** Approving the minutes locks the meeting: from then on every change to it is refused (423). */
export async function approveMinutes(
  ctx: RequestContext,
  meetingId: string,
  input: { note?: string | null; version: number },
): Promise<Meeting> {
  const { meeting, body } = await writableMeeting(ctx, meetingId);
  await ctx.db.transaction((tx) => lockMinutes(tx, ctx, meeting, body, input.version, input.note ?? null));
  return getMeeting(ctx, meetingId);
}

/** The approval itself, by the secretariat (with the version it saw) or by the last signatory's signature. */
export async function lockMinutes(
  tx: DbOrTx,
  ctx: RequestContext,
  meeting: MeetingRow,
  body: BodyWithNetwork,
  version: number,
  note: string | null,
) {
  if (meeting.status !== 'held') throw new AppError('invalid_state');
  const pending = await tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.outcome, 'pending')));
  if (pending.length > 0) throw invalidField('outcome', 'required');
  const after = await updateVersioned(tx, meetings, meeting.id, version, {
    status: 'minutesApproved',
    minutesApprovedAt: new Date(),
    minutesApprovalNote: note,
  });
  await audit(tx, ctx, body, 'meeting', meeting.id, 'approveMinutes', meeting, after);
}

// ---------------------------------------------------------------- cases and the agenda

export async function insertCaseOnAgenda(
  tx: DbOrTx,
  body: BodyWithNetwork,
  meeting: MeetingRow,
  input: Pick<CaseCreateInput, 'type' | 'title' | 'casePaper' | 'recommendation' | 'exemptFromPublic'> & Partial<CaseCreateInput>,
) {
  const [created] = await tx
    .insert(cases)
    .values({
      networkId: body.networkId,
      type: input.type,
      title: input.title,
      caseOfficerId: input.caseOfficerId ?? null,
      casePaper: input.casePaper,
      exemptFromPublic: input.exemptFromPublic,
      exemptLegalBasis: input.exemptLegalBasis ?? null,
      publicTitle: input.publicTitle ?? null,
    })
    .returning();
  const [consultation] = await tx
    .insert(consultations)
    .values({ caseId: created!.id, bodyId: body.id, recommendation: input.recommendation })
    .returning();
  const item = await placeOnAgenda(tx, meeting, consultation!, input.closedBasis ?? null);
  return { case: created!, consultation: consultation!, item };
}

/**
 * Adds a consultation to the end of a meeting's agenda, searchable from the start; once the summons is
 * out, new items are numbered at once.
 */
export async function placeOnAgenda(
  tx: DbOrTx,
  meeting: MeetingRow,
  consultation: typeof consultations.$inferSelect,
  closedBasis: string | null,
) {
  const position = (await repo.maxPosition(tx, meeting.id)) + 1;
  const [matter] = await tx.select({ title: cases.title }).from(cases).where(eq(cases.id, consultation.caseId));
  const decision = consultation.recommendation || null;
  const [item] = await tx
    .insert(agendaItems)
    .values({
      meetingId: meeting.id,
      consultationId: consultation.id,
      position,
      closedBasis,
      decision,
      searchText: searchTextOf(matter!.title, consultation.recommendation, { deliberation: '', decision }),
    })
    .returning();
  if (meeting.status !== 'planned') await assignCaseNumber(tx, consultation, Number(meeting.date.slice(0, 4)));
  return item!;
}

export async function addCase(ctx: RequestContext, meetingId: string, input: CaseCreateInput): Promise<Meeting> {
  const { meeting, body } = await writableMeeting(ctx, meetingId);
  await assertBelongs(ctx, body.networkId, { person: { caseOfficerId: input.caseOfficerId } });
  await ctx.db.transaction(async (tx) => {
    const created = await insertCaseOnAgenda(tx, body, meeting, input);
    await audit(tx, ctx, body, 'case', created.case.id, 'create', null, {
      ...created.case,
      recommendation: input.recommendation,
      meetingId,
    });
  });
  return getMeeting(ctx, meetingId);
}

/** The ids a save adds to those already stored: what is stored was checked when it was added. */
function added(ids: readonly string[] | null | undefined, stored: readonly (string | null)[]): string[] | undefined {
  return ids?.filter((id) => !stored.includes(id));
}

/**
 * The people and municipalities an agenda item's save names, each with the field it came in: only those not already
 * on the item, so a save of what is there never fails because someone has since moved out of the network's sight.
 */
function itemReferences(
  row: { case: { caseOfficerId: string | null }; item: typeof agendaItems.$inferSelect },
  input: AgendaItemUpdateInput,
): { person: Record<string, string[] | undefined>; memberMunicipality: Record<string, string[] | undefined> } {
  const stored = row.item;
  const person: Record<string, string[] | undefined> = {
    caseOfficerId: input.caseOfficerId ? added([input.caseOfficerId], [row.case.caseOfficerId]) : undefined,
    absentPersonIds: added(input.absentPersonIds, stored.absentPersonIds),
  };
  const storedBallots = stored.vote?.kind === 'roll' ? stored.vote.ballots.map((b) => b.personId) : [];
  if (input.vote?.kind === 'roll')
    for (const [i, ballot] of input.vote.ballots.entries()) person[`vote.ballots.${i}.personId`] = added([ballot.personId], storedBallots);
  const disqualified = stored.disqualifications.flatMap((d) => [d.personId, d.deputyPersonId]);
  for (const [i, d] of (input.disqualifications ?? []).entries()) {
    person[`disqualifications.${i}.personId`] = added([d.personId], disqualified);
    person[`disqualifications.${i}.deputyPersonId`] = added(d.deputyPersonId ? [d.deputyPersonId] : [], disqualified);
  }
  const memberMunicipality: Record<string, string[] | undefined> = {};
  for (const [i, r] of (input.protocolRemarks ?? []).entries()) {
    if (r.authorKind === 'person')
      person[`protocolRemarks.${i}.personId`] = added(
        r.personId ? [r.personId] : [],
        stored.protocolRemarks.map((s) => s.personId),
      );
    else
      memberMunicipality[`protocolRemarks.${i}.municipalityNumber`] = added(
        r.municipalityNumber ? [r.municipalityNumber] : [],
        stored.protocolRemarks.map((s) => s.municipalityNumber),
      );
  }
  return { person, memberMunicipality };
}

/** Puts a waiting case (postponed, or objected to in writing) on this meeting's agenda, under its old number. */
export async function addPendingCase(ctx: RequestContext, meetingId: string, consultationId: string): Promise<Meeting> {
  const { meeting, body } = await writableMeeting(ctx, meetingId);
  await ctx.db.transaction(async (tx) => {
    const waiting = await repo.pendingConsultations(tx, body.id);
    const entry = waiting.find((w) => w.consultation.id === consultationId);
    if (!entry) throw invalidField('consultationId', 'invalid');
    const item = await placeOnAgenda(tx, meeting, entry.consultation, null);
    await audit(tx, ctx, body, 'agendaItem', item.id, 'create', null, item);
  });
  return getMeeting(ctx, meetingId);
}

/** The whole order at once (drag and drop, or move up/down), guarded by the meeting's version. */
export async function reorderAgenda(
  ctx: RequestContext,
  meetingId: string,
  input: { itemIds: string[]; version: number },
): Promise<Meeting> {
  const { meeting, body } = await writableMeeting(ctx, meetingId);
  // Once summoned, the numbers are known to everyone called: the order changes only by an amended agenda.
  if (meeting.status !== 'planned') throw new AppError('agenda_fixed');
  await ctx.db.transaction(async (tx) => {
    const current = await tx
      .select({ id: agendaItems.id, position: agendaItems.position })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId));
    const sameSet =
      current.length === input.itemIds.length &&
      new Set(input.itemIds).size === current.length &&
      current.every((c) => input.itemIds.includes(c.id));
    if (!sameSet) throw invalidField('itemIds', 'invalid');
    await updateVersioned(tx, meetings, meetingId, input.version, {});
    for (const [index, id] of input.itemIds.entries()) {
      await tx
        .update(agendaItems)
        .set({ position: index + 1 })
        .where(eq(agendaItems.id, id));
    }
    await audit(
      tx,
      ctx,
      body,
      'meeting',
      meetingId,
      'reorderAgenda',
      current.sort((a, b) => a.position - b.position).map((c) => c.id),
      input.itemIds,
    );
  });
  return getMeeting(ctx, meetingId);
}

async function writableItem(ctx: RequestContext, itemId: string) {
  const row = await repo.findItem(ctx.db, itemId);
  if (!row || row.meeting.deletedAt) throw notFound();
  const { body } = await writableMeeting(ctx, row.meeting.id);
  return { ...row, body };
}

/** One save of an agenda item: the case, the recommendation, and what happened in the meeting. */
export async function updateAgendaItem(ctx: RequestContext, itemId: string, input: AgendaItemUpdateInput): Promise<AgendaItem> {
  const row = await writableItem(ctx, itemId);
  const {
    version,
    type,
    title,
    caseOfficerId,
    casePaper,
    exemptFromPublic,
    exemptLegalBasis,
    publicTitle,
    recommendation,
    protocolRemarks,
    ...handling
  } = input;
  const exempt = exemptFromPublic ?? row.case.exemptFromPublic;
  const basis = exemptLegalBasis !== undefined ? exemptLegalBasis : row.case.exemptLegalBasis;
  if (exempt && !basis) throw invalidField('exemptLegalBasis', 'legalBasisRequired');
  // While a written procedure runs, the members' answers decide the item, not edits.
  if (row.meeting.writtenProcedure && row.meeting.status === 'summoned') throw new AppError('invalid_state');
  const meetingStarted = row.meeting.status !== 'planned';
  if (handling.outcome && handling.outcome !== 'pending' && !meetingStarted) throw invalidField('outcome', 'choice');
  await assertBelongs(ctx, row.body.networkId, itemReferences(row, input));

  await ctx.db.transaction(async (tx) => {
    // The audit first: the updates below take the `meetings` counter's row and the decision search's term counts,
    // which other writers wait for until this commits (ARCHITECTURE «Change counters»).
    await audit(
      tx,
      ctx,
      row.body,
      'agendaItem',
      itemId,
      'update',
      { case: row.case, consultation: row.consultation, item: row.item },
      { input },
    );
    const caseChanges = definedOnly({
      type,
      title,
      caseOfficerId,
      casePaper,
      exemptFromPublic,
      exemptLegalBasis: exemptFromPublic === false ? null : exemptLegalBasis,
      publicTitle,
    });
    if (Object.keys(caseChanges).length > 0)
      await tx
        .update(cases)
        .set({ ...caseChanges, updatedAt: new Date() })
        .where(eq(cases.id, row.case.id));

    // The decision starts as the recommendation and follows it until someone edits the decision itself.
    const decisionFollows =
      handling.decision === undefined && recommendation !== undefined && (row.item.decision ?? '') === row.consultation.recommendation;
    // A withdrawn case decided nothing: a decision that is still only the prefilled recommendation goes.
    const withdrawnUnedited =
      handling.outcome === 'withdrawn' && handling.decision === undefined && row.item.decision === row.consultation.recommendation;
    const consultationChanges = definedOnly({
      recommendation,
      decidedAt:
        handling.outcome === undefined ? undefined : handling.outcome === 'decided' || handling.outcome === 'noted' ? new Date() : null,
    });
    if (Object.keys(consultationChanges).length > 0)
      await tx
        .update(consultations)
        .set({ ...consultationChanges, updatedAt: new Date() })
        .where(eq(consultations.id, row.consultation.id));

    const itemChanges = definedOnly({
      ...handling,
      protocolRemarks: protocolRemarks ? await withAuthorNames(tx, protocolRemarks) : undefined,
      ...(decisionFollows ? { decision: recommendation || null } : {}),
      ...(withdrawnUnedited ? { decision: null } : {}),
    });
    const merged = { ...row.item, ...itemChanges };
    await updateVersioned(tx, agendaItems, itemId, version, {
      ...itemChanges,
      searchText: searchTextOf(title ?? row.case.title, recommendation ?? row.consultation.recommendation, merged),
    });
  });
  // The meeting as it is now: its date and start time, which the item's quorum and planned times follow, may have moved.
  const { meeting, body } = await readableMeeting(ctx, row.meeting.id);
  return loadItem(ctx.db, meeting, body, itemId);
}

export const searchTextOf = (title: string, recommendation: string, item: { deliberation: string; decision: string | null }) =>
  [title, recommendation, item.deliberation, item.decision ?? ''].join('\n');

async function withAuthorNames(
  tx: DbOrTx,
  remarks: NonNullable<AgendaItemUpdateInput['protocolRemarks']>,
): Promise<StoredProtocolRemark[]> {
  const personIds = remarks.flatMap((r) => (r.authorKind === 'person' && r.personId ? [r.personId] : []));
  const numbers = remarks.flatMap((r) => (r.authorKind === 'municipality' && r.municipalityNumber ? [r.municipalityNumber] : []));
  const persons = personIds.length
    ? await tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, personIds))
    : [];
  const places = numbers.length
    ? await tx
        .select({ number: municipalities.number, name: municipalities.name })
        .from(municipalities)
        .where(inArray(municipalities.number, numbers))
    : [];
  return remarks.map((r, index) => {
    const authorName =
      r.authorKind === 'person'
        ? persons.find((p) => p.id === r.personId)?.name
        : places.find((m) => m.number === r.municipalityNumber)?.name;
    if (!authorName)
      throw invalidField(`protocolRemarks.${index}.${r.authorKind === 'person' ? 'personId' : 'municipalityNumber'}`, 'invalid');
    return { ...r, authorName: r.authorKind === 'municipality' ? `${authorName} kommune` : authorName };
  });
}

/** Takes an item off an agenda before the summons; once it is numbered it can only be withdrawn. */
export async function removeAgendaItem(ctx: RequestContext, itemId: string, version: number): Promise<Meeting> {
  const row = await writableItem(ctx, itemId);
  if (row.meeting.status !== 'planned' || row.consultation.sequence !== null) throw new AppError('invalid_state');
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.version, version)))
      .returning();
    if (deleted.length === 0) throw staleVersion();
    const others = await tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.consultationId, row.consultation.id));
    if (others.length === 0) {
      await tx.delete(consultations).where(eq(consultations.id, row.consultation.id));
      // The case itself goes only if no other body has it (a forwarded case stays with the first).
      const elsewhere = await tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.caseId, row.case.id));
      if (elsewhere.length === 0) await tx.update(cases).set({ deletedAt: new Date() }).where(eq(cases.id, row.case.id));
    }
    await audit(tx, ctx, row.body, 'agendaItem', itemId, 'delete', row.item, null);
  });
  return getMeeting(ctx, row.meeting.id);
}

/**
 * Postpones a case: this item records the postponement, and the case keeps its number on a later
 * meeting of the same body, or waits on the body's list until one is chosen.
 */
export async function postponeItem(
  ctx: RequestContext,
  itemId: string,
  input: { toMeetingId: string | null; deliberation?: string; version: number },
): Promise<Meeting> {
  const row = await writableItem(ctx, itemId);
  if (row.meeting.status === 'planned') throw new AppError('invalid_state');
  await assertBelongs(ctx, row.body.networkId, { meeting: { toMeetingId: input.toMeetingId } });
  const target = input.toMeetingId ? await writableMeeting(ctx, input.toMeetingId) : null;
  if (
    target &&
    (target.meeting.bodyId !== row.meeting.bodyId || target.meeting.date < row.meeting.date || target.meeting.id === row.meeting.id)
  ) {
    throw invalidField('toMeetingId', 'invalid');
  }
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(
      tx,
      agendaItems,
      itemId,
      input.version,
      // Postponing decides nothing: a decision that is still only the prefilled recommendation goes.
      definedOnly({
        outcome: 'postponed' as const,
        deliberation: input.deliberation,
        ...(row.item.decision === row.consultation.recommendation ? { decision: null } : {}),
      }),
    );
    await tx.update(consultations).set({ decidedAt: null }).where(eq(consultations.id, row.consultation.id));
    if (target) await placeOnAgenda(tx, target.meeting, row.consultation, row.item.closedBasis);
    await audit(tx, ctx, row.body, 'agendaItem', itemId, 'postpone', row.item, { ...after, toMeetingId: input.toMeetingId });
  });
  return getMeeting(ctx, row.meeting.id);
}

/** Sends a case on to another body (the working committee recommends, the council decides); it gets a number there. */
export async function forwardItem(
  ctx: RequestContext,
  itemId: string,
  input: { toMeetingId: string; recommendation?: string },
): Promise<Meeting> {
  const row = await writableItem(ctx, itemId);
  await assertBelongs(ctx, row.body.networkId, { meeting: { toMeetingId: input.toMeetingId } });
  const target = await writableMeeting(ctx, input.toMeetingId);
  if (target.meeting.bodyId === row.meeting.bodyId || target.body.networkId !== row.body.networkId)
    throw invalidField('toMeetingId', 'invalid');
  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(consultations)
      .where(and(eq(consultations.caseId, row.case.id), eq(consultations.bodyId, target.body.id)));
    const consultation =
      existing ??
      (
        await tx
          .insert(consultations)
          .values({
            caseId: row.case.id,
            bodyId: target.body.id,
            recommendation: input.recommendation ?? row.item.decision ?? row.consultation.recommendation,
          })
          .returning()
      )[0]!;
    const item = await placeOnAgenda(tx, target.meeting, consultation, row.item.closedBasis);
    await audit(tx, ctx, target.body, 'agendaItem', item.id, 'forward', null, { fromItemId: itemId, ...item });
  });
  return getMeeting(ctx, target.meeting.id);
}

// ---------------------------------------------------------------- attendance

export async function addAttendee(
  ctx: RequestContext,
  meetingId: string,
  input: {
    personId: string;
    role: (typeof meetingAttendees.$inferInsert)['role'];
    votingRight: boolean;
    deputyForPersonId?: string | null;
  },
): Promise<Meeting> {
  const { body } = await writableMeeting(ctx, meetingId);
  await assertBelongs(ctx, body.networkId, { person: { personId: input.personId, deputyForPersonId: input.deputyForPersonId } });
  const [person] = await ctx.db.select().from(people).where(eq(people.id, input.personId));
  if (!person) throw invalidField('personId', 'invalid');
  await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(meetingAttendees)
      .values({
        meetingId,
        personId: person.id,
        role: input.role,
        votingRight: input.votingRight,
        municipalityNumber: person.municipalityNumber,
        deputyForPersonId: input.deputyForPersonId ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) throw new AppError('conflict');
    await audit(tx, ctx, body, 'meetingAttendee', created.id, 'create', null, created);
  });
  return getMeeting(ctx, meetingId);
}

/** Records who came: present, or absent (forfall) with a reason. */
export async function updateAttendee(
  ctx: RequestContext,
  attendeeId: string,
  input: { status: 'called' | 'present' | 'absent'; absenceReason?: string | null; version: number },
): Promise<Meeting> {
  const [attendee] = await ctx.db.select().from(meetingAttendees).where(eq(meetingAttendees.id, attendeeId));
  if (!attendee) throw notFound();
  const { body } = await writableMeeting(ctx, attendee.meetingId);
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, meetingAttendees, attendeeId, input.version, {
      status: input.status,
      absenceReason: input.status === 'absent' ? (input.absenceReason ?? attendee.absenceReason) : null,
    });
    await audit(tx, ctx, body, 'meetingAttendee', attendeeId, 'update', attendee, after);
  });
  return getMeeting(ctx, attendee.meetingId);
}
