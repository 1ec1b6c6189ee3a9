import { changeStamp } from '../../db/change-counters.ts';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { queryRows, together, type DbOrTx } from '../../db/client.ts';
import {
  agendaItems,
  bodies,
  bodyMemberships,
  caseDocuments,
  cases,
  consultations,
  meetingAttendees,
  meetings,
  municipalities,
  networks,
  people,
} from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { preparedJsonCache, type PreparedJson } from '../../prepared-answers.ts';
import {
  deletedStub,
  type OparlUrls,
  presentAgendaItem,
  presentBody,
  presentConsultation,
  presentFile,
  presentMeeting,
  presentMembership,
  presentOrganization,
  presentPaper,
  presentPerson,
  presentSystem,
  type PeopleIndex,
} from './oparl-presenter.ts';
import {
  oparlType,
  type OparlAgendaItem,
  type OparlBody,
  type OparlConsultation,
  type OparlFile,
  type OparlListQueryInput,
  type OparlLocation,
  type OparlMeeting,
  type OparlMembership,
  type OparlOrganization,
  type OparlPaper,
  type OparlPerson,
} from './oparl-schema.ts';
import { minutesPublished } from './visibility.ts';

/**
 * The read-only OParl 1.1 API over what is published. Each kind of object has one SQL set of what the
 * public may see (id, network, created, modified, deleted); lists page through it with OParl's filters,
 * single objects are looked up in it, and both are built by the same loaders.
 *
 * Mapping: Body = network, Organization = body (organ), Person and Membership = the members of bodies with
 * public meetings, Meeting, AgendaItem, Paper = case, Consultation = the case before one body, File = case document.
 */

// Published meeting, over the alias m.
const PUBLISHED = sql.raw('m.is_public and m.deleted_at is null and m.summons_published_at is not null');
const LISTED = sql.raw('m.is_public and m.summons_published_at is not null');
const MINUTES_OUT = sql.raw(`(m.status = 'minutesApproved' or (m.written_procedure and m.status in ('held', 'minutesApproved')))`);

/**
 * Public officials: members of bodies with a published meeting, and those present at a published meeting
 * whose minutes are out; one row per person and network. `only` narrows both halves to some people at once
 * (the planner cannot carry an id list through the union).
 */
function personsSet(only?: string[]): SQL {
  const ids = only
    ? sql.join(
        only.map((id) => sql`${id}::uuid`),
        sql`, `,
      )
    : null;
  return sql`select p.id, pp.network_id, p.created_at,
      greatest(p.updated_at, (select max(bm.updated_at) from body_memberships bm where bm.person_id = p.id)) as modified_at
    from people p join (
      select bm.person_id, b.network_id from body_memberships bm join bodies b on b.id = bm.body_id
        where exists (select 1 from meetings m where m.body_id = b.id and ${PUBLISHED}) ${ids ? sql`and bm.person_id in (${ids})` : sql``}
      union
      select ma.person_id, b.network_id from meeting_attendees ma join meetings m on m.id = ma.meeting_id join bodies b on b.id = m.body_id
        where ${PUBLISHED} and ${MINUTES_OUT} and ma.status = 'present' ${ids ? sql`and ma.person_id in (${ids})` : sql``}
    ) pp on pp.person_id = p.id`;
}

/** The visible set of each kind: columns id, network_id, created_at, modified_at. */
const SETS = {
  bodies: sql`select n.id, n.id as network_id, n.created_at, n.updated_at as modified_at from networks n`,
  organizations: sql`select b.id, b.network_id, b.created_at,
      greatest(b.updated_at,
        (select max(bm.updated_at) from body_memberships bm where bm.body_id = b.id),
        (select max(m.summons_published_at) from meetings m where m.body_id = b.id and ${PUBLISHED})) as modified_at
    from bodies b`,
  memberships: sql`select bm.id, b.network_id, bm.created_at, bm.updated_at as modified_at
    from body_memberships bm join bodies b on b.id = bm.body_id
    where exists (select 1 from meetings m where m.body_id = b.id and ${PUBLISHED})`,
  persons: personsSet(),
  meetings: sql`select m.id, b.network_id, m.created_at,
      greatest(m.updated_at,
        (select max(greatest(ai.updated_at, co.updated_at, c.updated_at)) from agenda_items ai
           join consultations co on co.id = ai.consultation_id join cases c on c.id = co.case_id where ai.meeting_id = m.id),
        (select max(cd.updated_at) from case_documents cd join consultations co on co.case_id = cd.case_id
           join agenda_items ai on ai.consultation_id = co.id where ai.meeting_id = m.id)) as modified_at
    from meetings m join bodies b on b.id = m.body_id
    where ${LISTED}`,
  agendaItems: sql`select ai.id, b.network_id, ai.created_at,
      greatest(ai.updated_at, co.updated_at, c.updated_at, m.updated_at,
        (select max(cd.updated_at) from case_documents cd where cd.case_id = c.id)) as modified_at
    from agenda_items ai join meetings m on m.id = ai.meeting_id join bodies b on b.id = m.body_id
      join consultations co on co.id = ai.consultation_id join cases c on c.id = co.case_id
    where ${LISTED} and c.deleted_at is null`,
  papers: sql`select c.id, c.network_id, c.created_at,
      greatest(c.updated_at,
        (select max(greatest(co.updated_at, ai.updated_at, m.updated_at)) from consultations co
           join agenda_items ai on ai.consultation_id = co.id join meetings m on m.id = ai.meeting_id where co.case_id = c.id and ${LISTED}),
        (select max(cd.updated_at) from case_documents cd where cd.case_id = c.id)) as modified_at
    from cases c
    where exists (select 1 from consultations co join agenda_items ai on ai.consultation_id = co.id join meetings m on m.id = ai.meeting_id
      where co.case_id = c.id and ${LISTED})`,
  consultations: sql`select co.id, c.network_id, co.created_at,
      greatest(co.updated_at, c.updated_at,
        (select max(greatest(ai.updated_at, m.updated_at)) from agenda_items ai join meetings m on m.id = ai.meeting_id
           where ai.consultation_id = co.id and ${LISTED})) as modified_at
    from consultations co join cases c on c.id = co.case_id
    where exists (select 1 from agenda_items ai join meetings m on m.id = ai.meeting_id where ai.consultation_id = co.id and ${LISTED})`,
  files: sql`select cd.id, c.network_id, cd.created_at, cd.updated_at as modified_at
    from case_documents cd join cases c on c.id = cd.case_id
    where not cd.exempt_from_public and not c.exempt_from_public and c.deleted_at is null
      and exists (select 1 from consultations co join agenda_items ai on ai.consultation_id = co.id join meetings m on m.id = ai.meeting_id
        where co.case_id = c.id and ${PUBLISHED})`,
} as const;
export type OparlKind = keyof typeof SETS;

interface OparlObjects {
  bodies: OparlBody;
  organizations: OparlOrganization;
  memberships: OparlMembership;
  persons: OparlPerson;
  meetings: OparlMeeting;
  agendaItems: OparlAgendaItem;
  papers: OparlPaper;
  consultations: OparlConsultation;
  files: OparlFile;
}

interface SetRow {
  id: string;
  network_id: string;
  created_at: Date | string;
  modified_at: Date | string;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

async function pageOf(db: DbOrTx, kind: OparlKind, scope: SQL | null, q: OparlListQueryInput) {
  const filters: SQL[] = [];
  if (scope) filters.push(scope);
  if (q.created_since) filters.push(sql`v.created_at >= ${q.created_since}::timestamptz`);
  if (q.created_until) filters.push(sql`v.created_at <= ${q.created_until}::timestamptz`);
  if (q.modified_since) filters.push(sql`v.modified_at >= ${q.modified_since}::timestamptz`);
  if (q.modified_until) filters.push(sql`v.modified_at <= ${q.modified_until}::timestamptz`);
  const where = filters.length > 0 ? sql`where ${sql.join(filters, sql` and `)}` : sql``;
  const from = sql`from (${SETS[kind]}) v ${where}`;
  // The page first, without the modified time (correlated look-ups, unless a filter needs it), then that time for the page only.
  const page = await queryRows<Omit<SetRow, 'modified_at'> & { total: number }>(
    db,
    sql`select v.id, v.network_id, v.created_at, (count(*) over ())::int as total ${from}
      order by v.created_at, v.id limit ${q.limit} offset ${(q.page - 1) * q.limit}`,
  );
  let total = page[0]?.total ?? 0;
  if (page.length === 0 && q.page > 1) {
    const [counted] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total ${from}`);
    total = counted?.total ?? 0;
  }
  const modified = modifiedOf(
    await inSet(
      db,
      kind,
      page.map((r) => r.id),
    ),
  );
  const rows: SetRow[] = page.map((r) => ({ ...r, modified_at: modified.get(r.id) ?? r.created_at }));
  return { rows, total };
}

/** The rows of a set for these ids (all networks a person is in, once each). */
async function inSet(db: DbOrTx, kind: OparlKind, ids: string[]): Promise<SetRow[]> {
  if (ids.length === 0) return [];
  return queryRows<SetRow>(
    db,
    sql`select v.id, v.network_id, v.created_at, v.modified_at from (${kind === 'persons' ? personsSet(ids) : SETS[kind]}) v where v.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
}

async function findInSet(db: DbOrTx, kind: OparlKind, id: string): Promise<SetRow | null> {
  const [row] = await queryRows<SetRow>(
    db,
    sql`select v.id, v.network_id, v.created_at, v.modified_at from (${SETS[kind]}) v where v.id = ${id}::uuid limit 1`,
  );
  return row ?? null;
}

type Modified = Map<string, Date>;
const modifiedOf = (rows: SetRow[]): Modified => new Map(rows.map((r) => [r.id, toDate(r.modified_at)]));

// ---------------------------------------------------------------- loaders: objects for visible ids

async function loadBodies(db: DbOrTx, urls: OparlUrls, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db.select().from(networks).where(inArray(networks.id, ids));
  return ids.flatMap((id) => rows.filter((r) => r.id === id).map((r) => presentBody(urls, r)));
}

/** Memberships shown: those of bodies with a published meeting. */
async function publicMembershipRows(db: DbOrTx, where: SQL) {
  return db
    .select({ membership: bodyMemberships, municipalityName: municipalities.name })
    .from(bodyMemberships)
    .leftJoin(municipalities, eq(municipalities.number, bodyMemberships.municipalityNumber))
    .where(and(where, sql`exists (select 1 from meetings m where m.body_id = ${bodyMemberships.bodyId} and ${PUBLISHED})`))
    .orderBy(asc(bodyMemberships.fromDate), asc(bodyMemberships.id));
}

async function loadOrganizations(db: DbOrTx, urls: OparlUrls, ids: string[], modified: Modified) {
  if (ids.length === 0) return [];
  const rows = await db.select().from(bodies).where(inArray(bodies.id, ids));
  const memberships = await publicMembershipRows(db, inArray(bodyMemberships.bodyId, ids));
  return ids.flatMap((id) =>
    rows
      .filter((b) => b.id === id)
      .map((b) =>
        presentOrganization(
          urls,
          b,
          memberships.filter((m) => m.membership.bodyId === b.id).map((m) => m.membership.id),
          modified.get(b.id) ?? b.updatedAt,
        ),
      ),
  );
}

async function loadMemberships(db: DbOrTx, urls: OparlUrls, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await publicMembershipRows(db, inArray(bodyMemberships.id, ids));
  return ids.flatMap((id) =>
    rows.filter((r) => r.membership.id === id).map((r) => presentMembership(urls, r.membership, r.municipalityName)),
  );
}

async function loadPersons(db: DbOrTx, urls: OparlUrls, rows: SetRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const persons = await db.select().from(people).where(inArray(people.id, ids));
  const memberships = await publicMembershipRows(db, inArray(bodyMemberships.personId, ids));
  return rows.flatMap((row) =>
    persons
      .filter((p) => p.id === row.id)
      .map((p) =>
        presentPerson(
          urls,
          p,
          row.network_id,
          memberships.filter((m) => m.membership.personId === p.id).map((m) => presentMembership(urls, m.membership, m.municipalityName)),
          toDate(row.modified_at),
        ),
      ),
  );
}

/** Which of these people are public officials (have a Person URL), and everyone's name. */
async function peopleIndex(db: DbOrTx, ids: string[]): Promise<PeopleIndex> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { names: new Map(), publicIds: new Set() };
  const [names, visible] = await together(db, [
    () => db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, unique)),
    () => inSet(db, 'persons', unique),
  ]);
  return { names: new Map(names.map((n) => [n.id, n.name])), publicIds: new Set(visible.map((v) => v.id)) };
}

/** Public files of these cases, as OParl Files, with the papers and published agenda items they belong to. */
async function filesOfCases(db: DbOrTx, urls: OparlUrls, caseIds: string[]): Promise<Map<string, OparlFile[]>> {
  const result = new Map<string, OparlFile[]>();
  if (caseIds.length === 0) return result;
  const docs = await db
    .select({ document: caseDocuments })
    .from(caseDocuments)
    .innerJoin(cases, eq(cases.id, caseDocuments.caseId))
    .where(
      and(
        inArray(caseDocuments.caseId, caseIds),
        sql`${caseDocuments.deletedAt} is null`,
        eq(caseDocuments.exemptFromPublic, false),
        eq(cases.exemptFromPublic, false),
        sql`${cases.deletedAt} is null`,
      ),
    )
    .orderBy(asc(caseDocuments.createdAt), asc(caseDocuments.id));
  const itemsByCase = await publishedItemsOfCases(db, caseIds);
  for (const { document } of docs) {
    const list = result.get(document.caseId) ?? [];
    list.push(presentFile(urls, document, [document.caseId], itemsByCase.get(document.caseId) ?? []));
    result.set(document.caseId, list);
  }
  return result;
}

async function publishedItemsOfCases(db: DbOrTx, caseIds: string[]): Promise<Map<string, string[]>> {
  if (caseIds.length === 0) return new Map();
  const rows = await queryRows<{ case_id: string; item_id: string }>(
    db,
    sql`select co.case_id, ai.id as item_id from agenda_items ai join consultations co on co.id = ai.consultation_id join meetings m on m.id = ai.meeting_id
      where ${PUBLISHED} and co.case_id in (${sql.join(
        caseIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) order by m.date, m.start_time, ai.position`,
  );
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.case_id, [...(map.get(r.case_id) ?? []), r.item_id]);
  return map;
}

async function loadFiles(db: DbOrTx, urls: OparlUrls, ids: string[]) {
  if (ids.length === 0) return [];
  const docs = await db.select().from(caseDocuments).where(inArray(caseDocuments.id, ids));
  const itemsByCase = await publishedItemsOfCases(
    db,
    docs.map((d) => d.caseId),
  );
  return ids.flatMap((id) => docs.filter((d) => d.id === id).map((d) => presentFile(urls, d, [d.caseId], itemsByCase.get(d.caseId) ?? [])));
}

async function loadAgendaItems(db: DbOrTx, urls: OparlUrls, ids: string[], modified: Modified) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ item: agendaItems, consultation: consultations, case: cases, meeting: meetings, body: bodies })
    .from(agendaItems)
    .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(inArray(agendaItems.id, ids));
  const files = await filesOfCases(
    db,
    urls,
    rows.map((r) => r.case.id),
  );
  const index = await peopleIndex(db, rows.flatMap(itemPeople));
  return ids.flatMap((id) =>
    rows
      .filter((r) => r.item.id === id)
      .map((r) =>
        presentAgendaItem(urls, { ...r, files: files.get(r.case.id) ?? [], modified: modified.get(r.item.id) ?? r.item.updatedAt }, index),
      ),
  );
}

const itemPeople = (r: { item: typeof agendaItems.$inferSelect }) => [
  ...(r.item.vote?.kind === 'roll' ? r.item.vote.ballots.map((b) => b.personId) : []),
  ...r.item.protocolRemarks.flatMap((x) => (x.personId ? [x.personId] : [])),
];

async function loadMeetings(db: DbOrTx, urls: OparlUrls, ids: string[], modified: Modified) {
  if (ids.length === 0) return [];
  // The meetings and the agenda items of those not deleted, side by side: a rebuilt list waits for fewer reads in a row.
  const [rows, items] = await together(db, [
    () =>
      db
        .select({ meeting: meetings, body: bodies })
        .from(meetings)
        .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
        .where(inArray(meetings.id, ids)),
    () =>
      db
        .select({ item: agendaItems, consultation: consultations, case: cases })
        .from(agendaItems)
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
        .innerJoin(cases, eq(cases.id, consultations.caseId))
        .where(and(inArray(agendaItems.meetingId, ids), sql`${meetings.deletedAt} is null`, sql`${cases.deletedAt} is null`))
        .orderBy(asc(agendaItems.position)),
  ]);
  const live = rows.filter((r) => !r.meeting.deletedAt).map((r) => r.meeting.id);
  // What the items need, side by side.
  const [itemRows, files, present, index] = await together(db, [
    () =>
      inSet(
        db,
        'agendaItems',
        items.map((i) => i.item.id),
      ),
    () =>
      filesOfCases(
        db,
        urls,
        items.map((i) => i.case.id),
      ),
    async () =>
      live.length === 0
        ? []
        : db
            .select({ meetingId: meetingAttendees.meetingId, personId: meetingAttendees.personId })
            .from(meetingAttendees)
            .where(and(inArray(meetingAttendees.meetingId, live), eq(meetingAttendees.status, 'present')))
            .orderBy(asc(meetingAttendees.createdAt), asc(meetingAttendees.id)),
    () => peopleIndex(db, items.flatMap(itemPeople)),
  ]);
  const itemModified = modifiedOf(itemRows);
  return ids.flatMap((id) =>
    rows
      .filter((r) => r.meeting.id === id)
      .map(({ meeting, body }) => {
        const agenda = items
          .filter((i) => i.item.meetingId === meeting.id)
          .map((i) =>
            presentAgendaItem(
              urls,
              { ...i, meeting, body, files: files.get(i.case.id) ?? [], modified: itemModified.get(i.item.id) ?? i.item.updatedAt },
              index,
            ),
          );
        const participants = minutesPublished(meeting) ? present.filter((p) => p.meetingId === meeting.id).map((p) => p.personId) : [];
        return presentMeeting(urls, meeting, body, agenda, participants, modified.get(meeting.id) ?? meeting.updatedAt);
      }),
  );
}

/** Each consultation's latest handling on a published meeting. */
async function latestHandlings(db: DbOrTx, consultationIds: string[]) {
  if (consultationIds.length === 0)
    return new Map<
      string,
      { itemId: string; meetingId: string; outcome: (typeof agendaItems.$inferSelect)['outcome']; minutesOut: boolean }
    >();
  const rows = await db
    .select({ item: agendaItems, meeting: meetings })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        inArray(agendaItems.consultationId, consultationIds),
        sql`${meetings.isPublic} and ${meetings.deletedAt} is null and ${meetings.summonsPublishedAt} is not null`,
      ),
    )
    .orderBy(asc(meetings.date), asc(meetings.startTime), asc(agendaItems.createdAt));
  const map = new Map<
    string,
    { itemId: string; meetingId: string; outcome: (typeof agendaItems.$inferSelect)['outcome']; minutesOut: boolean }
  >();
  for (const r of rows)
    map.set(r.item.consultationId, {
      itemId: r.item.id,
      meetingId: r.meeting.id,
      outcome: r.item.outcome,
      minutesOut: minutesPublished(r.meeting),
    });
  return map;
}

async function loadConsultations(db: DbOrTx, urls: OparlUrls, ids: string[], modified: Modified) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ consultation: consultations, case: cases })
    .from(consultations)
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .where(inArray(consultations.id, ids));
  const latest = await latestHandlings(db, ids);
  return ids.flatMap((id) =>
    rows
      .filter((r) => r.consultation.id === id)
      .map((r) =>
        presentConsultation(urls, { ...r, latest: latest.get(id) ?? null, modified: modified.get(id) ?? r.consultation.updatedAt }),
      ),
  );
}

async function loadPapers(db: DbOrTx, urls: OparlUrls, ids: string[], modified: Modified) {
  if (ids.length === 0) return [];
  const rows = await db.select().from(cases).where(inArray(cases.id, ids));
  const cos = await db.select().from(consultations).where(inArray(consultations.caseId, ids)).orderBy(asc(consultations.createdAt));
  const latest = await latestHandlings(
    db,
    cos.map((c) => c.id),
  );
  const files = await filesOfCases(db, urls, ids);
  return ids.flatMap((id) =>
    rows
      .filter((c) => c.id === id)
      .map((c) => {
        const own = cos.filter((co) => co.caseId === c.id && latest.has(co.id));
        const consultationsOut = own.map((co) =>
          presentConsultation(urls, { consultation: co, case: c, latest: latest.get(co.id) ?? null, modified: co.updatedAt }),
        );
        return presentPaper(urls, c, own.length > 0, consultationsOut, files.get(c.id) ?? [], modified.get(c.id) ?? c.updatedAt);
      }),
  );
}

async function load<K extends OparlKind>(db: DbOrTx, urls: OparlUrls, kind: K, rows: SetRow[]): Promise<OparlObjects[K][]> {
  return (await loadAny(db, urls, kind, rows)) as OparlObjects[K][];
}

async function loadAny(db: DbOrTx, urls: OparlUrls, kind: OparlKind, rows: SetRow[]): Promise<OparlObjects[OparlKind][]> {
  const ids = rows.map((r) => r.id);
  const modified = modifiedOf(rows);
  switch (kind) {
    case 'bodies':
      return loadBodies(db, urls, ids);
    case 'organizations':
      return loadOrganizations(db, urls, ids, modified);
    case 'memberships':
      return loadMemberships(db, urls, ids);
    case 'persons':
      return loadPersons(db, urls, rows);
    case 'meetings':
      return loadMeetings(db, urls, ids, modified);
    case 'agendaItems':
      return loadAgendaItems(db, urls, ids, modified);
    case 'papers':
      return loadPapers(db, urls, ids, modified);
    case 'consultations':
      return loadConsultations(db, urls, ids, modified);
    case 'files':
      return loadFiles(db, urls, ids);
  }
}

// ---------------------------------------------------------------- services

export async function getSystem(ctx: RequestContext, urls: OparlUrls) {
  const [row] = await queryRows<{ modified: Date | string | null }>(ctx.db, sql`select max(updated_at) as modified from networks`);
  return presentSystem(urls, row?.modified ? toDate(row.modified) : null);
}

/** One object by id; 404 when it is not (or no longer, and never was) public. */
export async function getObject<K extends OparlKind>(ctx: RequestContext, urls: OparlUrls, kind: K, id: string): Promise<OparlObjects[K]> {
  const row = await findInSet(ctx.db, kind, id);
  if (!row) throw notFound();
  const [object] = await load(ctx.db, urls, kind, [row]);
  if (!object) throw notFound();
  return object;
}

/** A page of a list: everything (the network list) or one network's, or one organization's meetings. */
export async function listObjects<K extends OparlKind>(
  ctx: RequestContext,
  urls: OparlUrls,
  kind: K,
  scope: { networkId?: string; bodyId?: string },
  q: OparlListQueryInput,
  selfUrl: string,
) {
  if (scope.networkId && !(await findInSet(ctx.db, 'bodies', scope.networkId))) throw notFound();
  if (scope.bodyId && !(await findInSet(ctx.db, 'organizations', scope.bodyId))) throw notFound();
  const condition = scope.bodyId
    ? sql`v.id in (select id from meetings where body_id = ${scope.bodyId}::uuid)`
    : scope.networkId
      ? sql`v.network_id = ${scope.networkId}::uuid`
      : null;
  const { rows, total } = await pageOf(ctx.db, kind, condition, q);
  const data = await load(ctx.db, urls, kind, rows);
  const totalPages = Math.max(1, Math.ceil(total / q.limit));
  const link = (page: number) => {
    const url = new URL(selfUrl);
    url.searchParams.set('page', String(page));
    return url.toString();
  };
  return {
    data,
    pagination: { totalElements: total, elementsPerPage: q.limit, currentPage: q.page, totalPages },
    links: {
      first: link(1),
      ...(q.page > 1 ? { prev: link(Math.min(q.page - 1, totalPages)) } : {}),
      self: link(q.page),
      ...(q.page < totalPages ? { next: link(q.page + 1) } : {}),
      last: link(totalPages),
    },
  };
}

/** The place of a published meeting, as an OParl Location. */
export async function getLocation(ctx: RequestContext, urls: OparlUrls, meetingId: string): Promise<OparlLocation> {
  const row = await findInSet(ctx.db, 'meetings', meetingId);
  if (!row) throw notFound();
  const [meeting] = await ctx.db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting || meeting.deletedAt || !meeting.place) {
    if (meeting?.deletedAt) return deletedStub('Location', urls.location(meetingId), meeting.createdAt, meeting.updatedAt);
    throw notFound();
  }
  return {
    id: urls.location(meeting.id),
    type: oparlType('Location'),
    description: meeting.place,
    meetings: [urls.meeting(meeting.id)],
    created: meeting.createdAt.toISOString(),
    modified: meeting.updatedAt.toISOString(),
  };
}

const listPages = preparedJsonCache(500);

/**
 * A list page kept per instance until the data behind it changes (db/change-counters.ts): crawlers read
 * the same pages over and over, and a page of meetings with their agenda items is large. The URL is the key.
 */
export async function listObjectsPrepared<K extends OparlKind>(
  ctx: RequestContext,
  urls: OparlUrls,
  kind: K,
  scope: { networkId?: string; bodyId?: string },
  q: OparlListQueryInput,
  selfUrl: string,
): Promise<PreparedJson> {
  const stamp = await changeStamp(ctx, ['network', 'meetings']);
  return listPages(selfUrl, stamp, () => listObjects(ctx, urls, kind, scope, q, selfUrl));
}
