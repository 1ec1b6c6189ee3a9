import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { agendaItems, bodies, caseDocuments, cases, consultations, meetings } from '../../db/schema/index.ts';
import { rowProblems, type RowProblem } from '../../errors.ts';
import { caseNumberOf, type AgendaOutcome, type CaseType, type StoredProtocolRemark } from '../../../shared/meetings/schema.ts';
import { HISTORY_LIMITS, type HistoryImportResult } from '../../../shared/meetings/history.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { recordAudit } from '../audit/index.ts';
import { osloLocalToUtc } from '../documents/index.ts';
import type { FileStorage } from '../storage/index.ts';
import { pacer } from '../spreadsheets/index.ts';
import { raiseCaseNumberCounter } from './numbering.ts';
import { searchTextOf } from './service.ts';

/**
 * History in: what an import source (the spreadsheet template, another system's OParl API) says happened, as one plan,
 * checked against what is already here and then written in one transaction. Imported meetings are locked as approved,
 * with their own dates; their cases keep their numbers, and the body's numbering moves on past them. A second import
 * finds what the first brought in by its external id and updates it.
 */

/** Where in the source a thing was read, so a problem names it. */
export interface SourcePlace {
  sheet: string;
  row: number;
  column: string | null;
}

export interface PlannedDocument {
  fileName: string;
  contentType: string;
  extension: string;
  bytes: Buffer;
}

export interface PlannedCase {
  /** Stable across imports: the spreadsheet's body and number, the OParl Paper's URL. */
  externalId: string;
  bodyId: string;
  year: number;
  sequence: number;
  type: CaseType;
  title: string;
  caseOfficerId: string | null;
  casePaper: string;
  recommendation: string;
  exemptFromPublic: boolean;
  exemptLegalBasis: string | null;
  documents: PlannedDocument[];
  at: SourcePlace;
}

export interface PlannedItem {
  caseExternalId: string;
  deliberation: string;
  decision: string | null;
  outcome: Exclude<AgendaOutcome, 'pending'>;
  protocolRemarks: StoredProtocolRemark[];
  closedBasis: string | null;
}

export interface PlannedMeeting {
  externalId: string;
  bodyId: string;
  date: string;
  startTime: string;
  endTime: string | null;
  place: string | null;
  isPublic: boolean;
  /** «E-postbehandling»: held in writing (kommuneloven § 11-8). */
  writtenProcedure: boolean;
  summonsPublishedAt: Date;
  minutesApprovedAt: Date;
  items: PlannedItem[];
  at: SourcePlace;
}

export interface PlannedBody {
  id: string;
  name: string;
  shortCode: string | null;
  kind: (typeof bodies.$inferInsert)['kind'];
}

export interface HistoryPlan {
  networkId: string;
  /** Bodies the source has and the network has not (OParl organizations): made in the same transaction. */
  newBodies: PlannedBody[];
  meetings: PlannedMeeting[];
  cases: PlannedCase[];
  /** For the audit entry: what was imported from. */
  source: Record<string, unknown>;
}

const MESSAGES: Record<Language, { numberTaken: (number: string, title: string) => string; more: (n: number) => string }> = {
  nb: {
    numberTaken: (n, t) => `Saksnummer ${n} er allerede brukt i organet, av saken «${t}», som ikke er importert.`,
    more: (n) => `… og ${n} feil til.`,
  },
  nn: {
    numberTaken: (n, t) => `Saksnummer ${n} er allereie brukt i organet, av saka «${t}», som ikkje er importert.`,
    more: (n) => `… og ${n} feil til.`,
  },
  en: {
    numberTaken: (n, t) => `Case number ${n} is already used in the body, by the case «${t}», which was not imported.`,
    more: (n) => `… and ${n} more problems.`,
  },
};

/** Throws 422 with the problems when there are any, at most HISTORY_LIMITS.problems of them named. */
export function refuseWithProblems(problems: RowProblem[], language: Language): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, HISTORY_LIMITS.problems);
  if (problems.length > shown.length)
    shown.push({ sheet: '', row: 0, column: null, message: MESSAGES[language].more(problems.length - shown.length) });
  throw rowProblems(shown);
}

const chunks = <T>(list: T[], size = 500): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** Reads in slices of ids, since a list of 15,000 parameters is more than one statement should carry. */
async function selectIn<T>(ids: string[], select: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const slice of chunks([...new Set(ids)], 1000)) out.push(...(await select(slice)));
  return out;
}

/**
 * Writes the plan: checks first that no planned number is taken by a case that was not imported (422 naming the rows),
 * stores the new and changed attachments, then writes everything in one transaction with its audit entry. A failure
 * takes the stored files back.
 */
export async function applyHistoryPlan(ctx: RequestContext, storage: FileStorage, plan: HistoryPlan): Promise<HistoryImportResult> {
  const db = ctx.db;
  const pace = pacer();
  const caseIds = plan.cases.map((c) => c.externalId);
  const existingCases = await selectIn(caseIds, (slice) =>
    db
      .select({ id: cases.id, externalId: cases.externalId })
      .from(cases)
      .where(and(eq(cases.networkId, plan.networkId), inArray(cases.externalId, slice))),
  );
  const caseIdOf = new Map(existingCases.map((c) => [c.externalId!, c.id]));
  for (const c of plan.cases) if (!caseIdOf.has(c.externalId)) caseIdOf.set(c.externalId, randomUUID());

  // A number in use by a case this import does not own is the one conflict the rows cannot resolve themselves.
  const bodyIds = [...new Set(plan.cases.map((c) => c.bodyId))];
  const numbered =
    bodyIds.length === 0
      ? []
      : await db
          .select({
            bodyId: consultations.bodyId,
            year: consultations.year,
            sequence: consultations.sequence,
            caseId: cases.id,
            title: cases.title,
          })
          .from(consultations)
          .innerJoin(cases, eq(cases.id, consultations.caseId))
          .where(and(inArray(consultations.bodyId, bodyIds), isNotNull(consultations.sequence)));
  const holder = new Map(numbered.map((n) => [`${n.bodyId}:${n.year}:${n.sequence}`, n]));
  const problems: RowProblem[] = [];
  for (const c of plan.cases) {
    const taken = holder.get(`${c.bodyId}:${c.year}:${c.sequence}`);
    if (taken && taken.caseId !== caseIdOf.get(c.externalId))
      problems.push({ ...c.at, message: MESSAGES[ctx.language].numberTaken(caseNumberOf(c), taken.title) });
  }
  refuseWithProblems(problems, ctx.language);

  const existingMeetings = await selectIn(
    plan.meetings.map((m) => m.externalId),
    (slice) =>
      db
        .select({ id: meetings.id, bodyId: meetings.bodyId, externalId: meetings.externalId })
        .from(meetings)
        .where(and(inArray(meetings.bodyId, [...new Set(plan.meetings.map((m) => m.bodyId))]), inArray(meetings.externalId, slice))),
  );
  const meetingIdOf = new Map(existingMeetings.map((m) => [`${m.bodyId}:${m.externalId}`, m.id]));
  const existingCaseIds = existingCases.map((c) => c.id);
  const existingConsultations = await selectIn(existingCaseIds, (slice) =>
    db
      .select({ id: consultations.id, caseId: consultations.caseId, bodyId: consultations.bodyId })
      .from(consultations)
      .where(inArray(consultations.caseId, slice)),
  );
  const consultationIdOf = new Map(existingConsultations.map((c) => [`${c.caseId}:${c.bodyId}`, c.id]));
  const existingDocuments = await selectIn(existingCaseIds, (slice) =>
    db
      .select({ id: caseDocuments.id, caseId: caseDocuments.caseId, fileName: caseDocuments.fileName, sha256: caseDocuments.sha256 })
      .from(caseDocuments)
      .where(and(inArray(caseDocuments.caseId, slice), isNull(caseDocuments.deletedAt))),
  );

  // Attachments: one already there under the same name and bytes is kept; a new or changed one is stored; one the
  // source no longer lists is taken off the case (kept, as every removed document is).
  const documentRows: (typeof caseDocuments.$inferInsert)[] = [];
  const toStore: { key: string; bytes: Buffer }[] = [];
  const keep = new Set<string>();
  for (const c of plan.cases) {
    const caseId = caseIdOf.get(c.externalId)!;
    for (const d of c.documents) {
      await pace();
      const sha256 = createHash('sha256').update(d.bytes).digest('hex');
      const same = existingDocuments.find((e) => e.caseId === caseId && e.fileName === d.fileName && e.sha256 === sha256);
      if (same) {
        keep.add(same.id);
        continue;
      }
      const storageKey = `cases/${caseId}/${randomUUID()}${d.extension}`;
      toStore.push({ key: storageKey, bytes: d.bytes });
      documentRows.push({ caseId, fileName: d.fileName, contentType: d.contentType, size: d.bytes.length, sha256, storageKey });
    }
  }
  const removedDocuments = existingDocuments.filter((e) => !keep.has(e.id)).map((e) => e.id);

  // The files are stored while the rows are written, and the transaction commits only once every file it names is
  // there: no row ever refers to a missing file. A failure takes back what was stored.
  const stored: string[] = [];
  const storing = storeAll(storage, toStore, stored);
  storing.catch(() => undefined);
  try {
    return await db.transaction(async (tx) => {
      const result = await writePlan(tx, ctx, plan, {
        caseIdOf,
        meetingIdOf,
        consultationIdOf,
        documentRows,
        removedDocuments,
        existingCases,
        existingMeetings,
      });
      await storing;
      return result;
    });
  } catch (error) {
    // The request's own error is the answer; a file left by a failed removal is only an orphan.
    await storing.catch(() => undefined);
    await Promise.all(stored.map((key) => storage.remove(key).catch(() => undefined)));
    throw error;
  }
}

/** Stores the files, a few at a time; `stored` lists those written, for taking them back. */
async function storeAll(storage: FileStorage, files: { key: string; bytes: Buffer }[], stored: string[]): Promise<void> {
  let next = 0;
  const state: { failure: Error | null } = { failure: null };
  const worker = async () => {
    while (next < files.length && state.failure === null) {
      const file = files[next++]!;
      try {
        await storage.put(file.key, file.bytes);
        stored.push(file.key);
      } catch (error) {
        state.failure = error instanceof Error ? error : new Error('storage failed', { cause: error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, files.length) }, worker));
  if (state.failure) throw state.failure;
}

interface Known {
  caseIdOf: Map<string, string>;
  meetingIdOf: Map<string, string>;
  consultationIdOf: Map<string, string>;
  documentRows: (typeof caseDocuments.$inferInsert)[];
  removedDocuments: string[];
  existingCases: { id: string }[];
  existingMeetings: { id: string }[];
}

async function writePlan(tx: DbOrTx, ctx: RequestContext, plan: HistoryPlan, known: Known): Promise<HistoryImportResult> {
  const now = new Date();
  const pace = pacer();
  if (plan.newBodies.length > 0)
    await tx
      .insert(bodies)
      .values(plan.newBodies.map((b) => ({ id: b.id, networkId: plan.networkId, name: b.name, shortCode: b.shortCode, kind: b.kind })));

  // cases
  const existingCaseIds = new Set(known.existingCases.map((c) => c.id));
  const caseValues = (c: PlannedCase) => ({
    type: c.type,
    title: c.title,
    caseOfficerId: c.caseOfficerId,
    casePaper: c.casePaper,
    exemptFromPublic: c.exemptFromPublic,
    exemptLegalBasis: c.exemptFromPublic ? c.exemptLegalBasis : null,
    deletedAt: null,
  });
  const newCases = plan.cases.filter((c) => !existingCaseIds.has(known.caseIdOf.get(c.externalId)!));
  for (const batch of chunks(newCases)) {
    await pace();
    await tx.insert(cases).values(
      batch.map((c) => ({
        id: known.caseIdOf.get(c.externalId)!,
        networkId: plan.networkId,
        externalId: c.externalId,
        ...caseValues(c),
      })),
    );
  }
  for (const c of plan.cases.filter((x) => existingCaseIds.has(known.caseIdOf.get(x.externalId)!))) {
    await pace();
    await tx
      .update(cases)
      .set({ ...caseValues(c), updatedAt: now, version: sql`${cases.version} + 1` })
      .where(eq(cases.id, known.caseIdOf.get(c.externalId)!));
  }

  // consultations: the case before its body, with its number; decided when its last handling decided it
  const decidedAt = new Map<string, Date | null>();
  const byCase = new Map(plan.cases.map((c) => [c.externalId, c]));
  const ordered = [...plan.meetings].sort((a, b) => (a.date + a.startTime).localeCompare(b.date + b.startTime));
  for (const m of ordered)
    for (const item of m.items)
      decidedAt.set(
        item.caseExternalId,
        item.outcome === 'decided' || item.outcome === 'noted' ? osloLocalToUtc(m.date, m.startTime) : null,
      );
  const consultationIdOf = new Map<string, string>();
  const newConsultations: (typeof consultations.$inferInsert)[] = [];
  for (const c of plan.cases) {
    const caseId = known.caseIdOf.get(c.externalId)!;
    const values = { year: c.year, sequence: c.sequence, recommendation: c.recommendation, decidedAt: decidedAt.get(c.externalId) ?? null };
    const existing = known.consultationIdOf.get(`${caseId}:${c.bodyId}`);
    if (existing) {
      await pace();
      await tx
        .update(consultations)
        .set({ ...values, updatedAt: now, version: sql`${consultations.version} + 1` })
        .where(eq(consultations.id, existing));
      consultationIdOf.set(c.externalId, existing);
    } else {
      const id = randomUUID();
      newConsultations.push({ id, caseId, bodyId: c.bodyId, ...values });
      consultationIdOf.set(c.externalId, id);
    }
  }
  for (const batch of chunks(newConsultations)) {
    await pace();
    await tx.insert(consultations).values(batch);
  }

  // meetings, locked as approved with their own dates
  let meetingsUpdated = 0;
  const meetingValues = (m: PlannedMeeting) => ({
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place,
    isPublic: m.isPublic,
    writtenProcedure: m.writtenProcedure,
    status: 'minutesApproved' as const,
    summonsPublishedAt: m.summonsPublishedAt,
    minutesApprovedAt: m.minutesApprovedAt,
    deletedAt: null,
  });
  const meetingIdOf = new Map<string, string>();
  const newMeetings: (typeof meetings.$inferInsert)[] = [];
  for (const m of plan.meetings) {
    const key = `${m.bodyId}:${m.externalId}`;
    const existing = known.meetingIdOf.get(key);
    if (existing) {
      await pace();
      await tx
        .update(meetings)
        .set({ ...meetingValues(m), updatedAt: now, version: sql`${meetings.version} + 1` })
        .where(eq(meetings.id, existing));
      meetingIdOf.set(key, existing);
      meetingsUpdated++;
    } else {
      const id = randomUUID();
      newMeetings.push({ id, bodyId: m.bodyId, externalId: m.externalId, ...meetingValues(m) });
      meetingIdOf.set(key, id);
    }
  }
  for (const batch of chunks(newMeetings)) {
    await pace();
    await tx.insert(meetings).values(batch);
  }

  // agenda items: matched by meeting and consultation; those an updated meeting no longer has go, unless referred to
  const existingItems =
    known.existingMeetings.length === 0
      ? []
      : await selectIn(
          known.existingMeetings.map((m) => m.id),
          (slice) =>
            tx
              .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, consultationId: agendaItems.consultationId })
              .from(agendaItems)
              .where(inArray(agendaItems.meetingId, slice)),
        );
  const itemIdOf = new Map(existingItems.map((i) => [`${i.meetingId}:${i.consultationId}`, i.id]));
  const kept = new Set<string>();
  const newItems: (typeof agendaItems.$inferInsert)[] = [];
  let itemCount = 0;
  for (const m of plan.meetings) {
    const meetingId = meetingIdOf.get(`${m.bodyId}:${m.externalId}`)!;
    for (const [index, item] of m.items.entries()) {
      itemCount++;
      const c = byCase.get(item.caseExternalId)!;
      const consultationId = consultationIdOf.get(item.caseExternalId)!;
      const values = {
        position: index + 1,
        closedBasis: item.closedBasis,
        deliberation: item.deliberation,
        decision: item.decision,
        outcome: item.outcome,
        protocolRemarks: item.protocolRemarks,
        searchText: searchTextOf(c.title, c.recommendation, item),
      };
      const existing = itemIdOf.get(`${meetingId}:${consultationId}`);
      if (existing) {
        await pace();
        kept.add(existing);
        await tx
          .update(agendaItems)
          .set({ ...values, updatedAt: now, version: sql`${agendaItems.version} + 1` })
          .where(eq(agendaItems.id, existing));
      } else newItems.push({ meetingId, consultationId, ...values });
    }
  }
  const gone = existingItems.filter((i) => !kept.has(i.id)).map((i) => i.id);
  for (const slice of chunks(gone, 1000))
    await tx.execute(
      sql`delete from agenda_items ai where ai.id in (${sql.join(
        slice.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and not exists (select 1 from project_decisions pd where pd.agenda_item_id = ai.id)
        and not exists (select 1 from written_procedures wp where wp.agenda_item_id = ai.id)`,
    );
  for (const batch of chunks(newItems)) {
    await pace();
    await tx.insert(agendaItems).values(batch);
  }

  // attachments
  for (const batch of chunks(known.documentRows)) {
    await pace();
    await tx.insert(caseDocuments).values(batch);
  }
  for (const slice of chunks(known.removedDocuments, 1000))
    await tx.update(caseDocuments).set({ deletedAt: now, updatedAt: now }).where(inArray(caseDocuments.id, slice));

  // The numbering follows on from the highest imported number of each body and year.
  const highest = new Map<string, { bodyId: string; year: number; sequence: number }>();
  for (const c of plan.cases) {
    const key = `${c.bodyId}:${c.year}`;
    if ((highest.get(key)?.sequence ?? 0) < c.sequence) highest.set(key, { bodyId: c.bodyId, year: c.year, sequence: c.sequence });
  }
  for (const h of highest.values()) await raiseCaseNumberCounter(tx, h.bodyId, h.year, h.sequence);
  const counters = await nextNumbers(tx, [...highest.values()]);

  const result: HistoryImportResult = {
    meetingsCreated: plan.meetings.length - meetingsUpdated,
    meetingsUpdated,
    casesCreated: plan.cases.length - known.existingCases.length,
    casesUpdated: known.existingCases.length,
    agendaItems: itemCount,
    documents: known.documentRows.length,
    nextNumbers: counters,
  };
  await recordAudit(tx, ctx, {
    networkId: plan.networkId,
    entityType: 'historyImport',
    entityId: randomUUID(),
    action: 'import',
    after: { ...plan.source, ...result, newBodies: plan.newBodies.map((b) => b.name) },
  });
  return result;
}

async function nextNumbers(tx: DbOrTx, keys: { bodyId: string; year: number }[]) {
  if (keys.length === 0) return [];
  const rows = await queryRows<{ body_id: string; name: string; year: number; last: number }>(
    tx,
    sql`select c.body_id, b.name, c.year, c.last from case_number_counters c join bodies b on b.id = c.body_id
      where (c.body_id, c.year) in (${sql.join(
        keys.map((k) => sql`(${k.bodyId}::uuid, ${k.year}::int)`),
        sql`, `,
      )}) order by b.name, c.year`,
  );
  return rows.map((r) => ({
    bodyId: r.body_id,
    bodyName: r.name,
    year: Number(r.year),
    next: caseNumberOf({ year: Number(r.year), sequence: Number(r.last) + 1 }),
  }));
}
