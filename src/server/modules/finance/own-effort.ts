import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  bodies,
  bodyMemberships,
  municipalities,
  networkMembers,
  ownEffortEntries,
  ownEffortRates,
  people,
  projects,
  users,
} from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound, rowProblems, staleVersion, type FieldProblem, type RowProblem } from '../../errors.ts';
import {
  effortValue,
  MAX_HOURS_HUNDREDTHS,
  MonthSchema,
  parseHours,
  sumBy,
  totalOf,
  yearOfMonth,
  zeroAmount,
  type EffortAmount,
  type Entry,
  type EntryCreateInput,
  type EntryList,
  type EntryListQueryInput,
  type EntryUpdateInput,
  type ImportResult,
  type Options,
  type ProjectOwnEffort,
  type Rate,
  type RateInput,
  type Summary,
} from '../../../shared/finance/own-effort.ts';
import { formatMessage, SERVER_MESSAGES, type ValidationKey } from '../../../shared/i18n/server-messages.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { recordAudit } from '../audit/index.ts';
import { requireNetwork } from '../network/index.ts';
import { readableProject } from '../portfolio/index.ts';
import { pacer } from '../spreadsheets/index.ts';
import { readTableFile, UnreadableFile } from './own-effort-file.ts';
import { assertCan, can, inNetwork, ofMember, requireUser, visibleInNetwork } from '../../access/index.ts';

/**
 * Own effort (egeninnsats): the hours the member municipalities put into the network's work, per municipality, month
 * and project or the common work, valued at the network's hourly rate for the year (see the contract in
 * `shared/finance/own-effort.ts`). The network's internal readers read; the secretariat sets the rate and writes every
 * entry; a municipality's editors register and change their own municipality's entries (403 for another's).
 */

type EntryRow = typeof ownEffortEntries.$inferSelect;
type NetworkRow = Awaited<ReturnType<typeof requireNetwork>>;

// ---------------------------------------------------------------- access

export async function readableNetwork(ctx: RequestContext, ref: string): Promise<NetworkRow> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, ref);
  await assertCan(ctx, 'network.readInternals', inNetwork(network.id));
  return network;
}

/** The municipalities among `numbers` whose hours the caller writes in the network (`memberData.write`). */
export async function writableMunicipalities(ctx: RequestContext, networkId: string, numbers: Iterable<string>): Promise<Set<string>> {
  const writable = new Set<string>();
  for (const number of new Set(numbers)) if (await can(ctx, 'memberData.write', ofMember(networkId, number))) writable.add(number);
  return writable;
}

/** A reader of the network who may not write this municipality's hours: 403. */
export async function assertMayWriteMunicipality(ctx: RequestContext, networkId: string, number: string): Promise<void> {
  await assertCan(ctx, 'memberData.write', ofMember(networkId, number));
}

async function readableEntry(ctx: RequestContext, id: string): Promise<EntryRow> {
  requireUser(ctx);
  const [row] = await ctx.db.select().from(ownEffortEntries).where(eq(ownEffortEntries.id, id));
  if (!row) throw notFound();
  await assertCan(ctx, 'network.readInternals', inNetwork(row.networkId));
  return row;
}

// ---------------------------------------------------------------- rates

async function rateRow(db: DbOrTx, networkId: string, year: number) {
  const [row] = await db
    .select()
    .from(ownEffortRates)
    .where(and(eq(ownEffortRates.networkId, networkId), eq(ownEffortRates.year, year)));
  return row;
}

/** The network's hourly rate for the year in whole kroner, or null when it has none. */
export async function hourlyRateOf(db: DbOrTx, networkId: string, year: number): Promise<number | null> {
  return (await rateRow(db, networkId, year))?.rate ?? null;
}

async function ratesOf(db: DbOrTx, networkId: string): Promise<Map<number, number>> {
  const rows = await db
    .select({ year: ownEffortRates.year, rate: ownEffortRates.rate })
    .from(ownEffortRates)
    .where(eq(ownEffortRates.networkId, networkId));
  return new Map(rows.map((r) => [r.year, r.rate]));
}

async function presentRate(
  ctx: RequestContext,
  networkId: string,
  year: number,
  row: typeof ownEffortRates.$inferSelect | undefined,
): Promise<Rate> {
  return {
    year,
    rate: row?.rate ?? null,
    version: row?.version ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    editable: await can(ctx, 'network.administer', inNetwork(networkId)),
  };
}

/** The network's hourly rate for a year; `rate: null` when none is set. */
export async function getRate(ctx: RequestContext, networkRef: string, year: number): Promise<Rate> {
  const network = await readableNetwork(ctx, networkRef);
  return presentRate(ctx, network.id, year, await rateRow(ctx.db, network.id, year));
}

/** Sets the year's rate (the secretariat): the first time without a version, after that at the version read (409). */
export async function setRate(ctx: RequestContext, networkRef: string, year: number, input: RateInput): Promise<Rate> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'network.administer', inNetwork(network.id));
  const before = await rateRow(ctx.db, network.id, year);
  const after = await ctx.db.transaction(async (tx) => {
    let row: typeof ownEffortRates.$inferSelect;
    if (!before) {
      // Two first saves at once: the unique index refuses the second (409 conflict).
      if (input.version !== undefined) throw staleVersion();
      [row] = (await tx.insert(ownEffortRates).values({ networkId: network.id, year, rate: input.rate }).returning()) as [typeof row];
    } else {
      if (input.version === undefined) throw staleVersion();
      row = await updateVersioned(tx, ownEffortRates, before.id, input.version, { rate: input.rate });
    }
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'ownEffortRate',
      entityId: row.id,
      action: before ? 'update' : 'create',
      before,
      after: row,
    });
    return row;
  });
  return presentRate(ctx, network.id, year, after);
}

// ---------------------------------------------------------------- checking an entry's references

interface PersonRef {
  id: string;
  name: string;
  email: string | null;
  /** The person's own municipality and those they represent in one of the network's bodies. */
  municipalityNumbers: string[];
}

/**
 * What an entry may refer to in one network: its memberships (with dates), its projects and, as asked for, its
 * people. Loaded once for a whole import.
 */
export class References {
  private constructor(
    readonly networkId: string,
    private readonly memberships: { number: string; name: string; joinedOn: string; leftOn: string | null }[],
    readonly projectsById: Map<string, { id: string; reference: string; title: string }>,
    readonly projectsByReference: Map<string, { id: string; reference: string; title: string }>,
  ) {}

  static async load(db: DbOrTx, networkId: string): Promise<References> {
    const memberships = await db
      .select({
        number: networkMembers.municipalityNumber,
        name: municipalities.name,
        joinedOn: networkMembers.joinedOn,
        leftOn: networkMembers.leftOn,
      })
      .from(networkMembers)
      .innerJoin(municipalities, eq(municipalities.number, networkMembers.municipalityNumber))
      .where(eq(networkMembers.networkId, networkId));
    const projectRows = await db
      .select({ id: projects.id, year: projects.year, sequence: projects.sequence, title: projects.title })
      .from(projects)
      .where(eq(projects.networkId, networkId));
    const list = projectRows.map((p) => ({ id: p.id, reference: projectReference(p.year, p.sequence), title: p.title }));
    return new References(networkId, memberships, new Map(list.map((p) => [p.id, p])), new Map(list.map((p) => [p.reference, p])));
  }

  nameOf(number: string): string | undefined {
    return this.memberships.find((m) => m.number === number)?.name;
  }

  /** A member at some time in the month: joined by its last day, not left by its first. */
  memberIn(number: string, month: string): boolean {
    const first = `${month}-01`;
    const last = `${month}-31`;
    return this.memberships.some((m) => m.number === number && m.joinedOn <= last && (m.leftOn === null || m.leftOn > first));
  }

  /** The municipalities that were members in some month of the year, in Norwegian order. */
  membersInYear(year: number): { number: string; name: string }[] {
    const seen = new Map<string, string>();
    for (const m of this.memberships) {
      if (m.joinedOn <= `${year}-12-31` && (m.leftOn === null || m.leftOn > `${year}-01-01`)) seen.set(m.number, m.name);
    }
    return [...seen].map(([number, name]) => ({ number, name })).sort((a, b) => compareNorwegian(a.name, b.name));
  }

  /** People of the network by id or by e-mail (compared without case), with the municipalities they belong to. */
  async people(db: DbOrTx, by: { ids?: string[]; emails?: string[] }): Promise<PersonRef[]> {
    const conditions: SQL[] = [];
    if (by.ids && by.ids.length > 0) conditions.push(inArray(people.id, by.ids));
    if (by.emails && by.emails.length > 0)
      conditions.push(
        inArray(
          sql`lower(${people.email})`,
          by.emails.map((e) => e.toLowerCase()),
        ),
      );
    return peopleOf(db, this.networkId, conditions.length === 0 ? undefined : or(...conditions));
  }
}

async function peopleOf(db: DbOrTx, networkId: string, which: SQL | undefined): Promise<PersonRef[]> {
  if (which === undefined) return [];
  const rows = await db
    .select({ id: people.id, name: people.name, email: people.email, municipalityNumber: people.municipalityNumber })
    .from(people)
    .where(and(visibleInNetwork(networkId), which));
  if (rows.length === 0) return [];
  const seats = await db
    .selectDistinct({ personId: bodyMemberships.personId, number: bodyMemberships.municipalityNumber })
    .from(bodyMemberships)
    .innerJoin(bodies, eq(bodies.id, bodyMemberships.bodyId))
    .where(
      and(
        eq(bodies.networkId, networkId),
        inArray(
          bodyMemberships.personId,
          rows.map((r) => r.id),
        ),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    municipalityNumbers: [
      ...new Set([
        ...(r.municipalityNumber ? [r.municipalityNumber] : []),
        ...seats.filter((s) => s.personId === r.id && s.number).map((s) => s.number!),
      ]),
    ],
  }));
}

interface CheckedEntry {
  month: string;
  municipalityNumber: string;
  projectId: string | null;
  personId: string | null;
}

/** The field problems of an entry's references: membership that month, the project's network, the person's municipality. */
function referenceProblems(refs: References, entry: CheckedEntry, person: PersonRef | undefined): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  if (!refs.memberIn(entry.municipalityNumber, entry.month)) {
    problems.municipalityNumber = { key: 'notMemberInMonth', values: { value: entry.municipalityNumber, month: entry.month } };
  }
  if (entry.projectId !== null && !refs.projectsById.has(entry.projectId)) problems.projectId = { key: 'notNetworkProject' };
  if (entry.personId !== null && !person?.municipalityNumbers.includes(entry.municipalityNumber)) {
    problems.personId = { key: 'personMunicipality' };
  }
  return problems;
}

async function checkReferences(ctx: RequestContext, networkId: string, entry: CheckedEntry): Promise<void> {
  const refs = await References.load(ctx.db, networkId);
  const [person] = entry.personId ? await refs.people(ctx.db, { ids: [entry.personId] }) : [];
  const problems = referenceProblems(refs, entry, person);
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
}

// ---------------------------------------------------------------- reading

const yearRange = (year: number) => and(gte(ownEffortEntries.month, `${year}-01`), lte(ownEffortEntries.month, `${year}-12`));

interface JoinedEntry {
  entry: EntryRow;
  municipalityName: string;
  projectYear: number | null;
  projectSequence: number | null;
  projectTitle: string | null;
  personName: string | null;
  personEmail: string | null;
  createdBy: string | null;
}

async function joinedEntries(db: DbOrTx, where: SQL | undefined): Promise<JoinedEntry[]> {
  const rows = await db
    .select({
      entry: ownEffortEntries,
      municipalityName: municipalities.name,
      projectYear: projects.year,
      projectSequence: projects.sequence,
      projectTitle: projects.title,
      personName: people.name,
      personEmail: people.email,
      createdBy: users.name,
    })
    .from(ownEffortEntries)
    .innerJoin(municipalities, eq(municipalities.number, ownEffortEntries.municipalityNumber))
    .leftJoin(projects, eq(projects.id, ownEffortEntries.projectId))
    .leftJoin(people, eq(people.id, ownEffortEntries.personId))
    .leftJoin(users, eq(users.id, ownEffortEntries.createdBy))
    .where(where)
    .orderBy(asc(ownEffortEntries.month), asc(ownEffortEntries.createdAt), asc(ownEffortEntries.id));
  return rows;
}

function presentEntry(j: JoinedEntry, rate: number | null, writable: Set<string>): Entry {
  const e = j.entry;
  return {
    id: e.id,
    version: e.version,
    updatedAt: e.updatedAt.toISOString(),
    month: e.month,
    municipalityNumber: e.municipalityNumber,
    municipalityName: j.municipalityName,
    projectId: e.projectId,
    projectReference: j.projectYear !== null && j.projectSequence !== null ? projectReference(j.projectYear, j.projectSequence) : null,
    projectTitle: j.projectTitle,
    personId: e.personId,
    personName: j.personName,
    personEmail: j.personEmail,
    hundredths: e.hoursHundredths,
    value: effortValue(e.hoursHundredths, rate),
    note: e.note,
    createdBy: j.createdBy,
    editable: writable.has(e.municipalityNumber),
  };
}

function filterOf(networkId: string, query: EntryListQueryInput): SQL | undefined {
  return and(
    eq(ownEffortEntries.networkId, networkId),
    yearRange(query.year),
    query.municipality ? eq(ownEffortEntries.municipalityNumber, query.municipality) : undefined,
    query.project === 'common'
      ? isNull(ownEffortEntries.projectId)
      : query.project
        ? eq(ownEffortEntries.projectId, query.project)
        : undefined,
    query.person ? eq(ownEffortEntries.personId, query.person) : undefined,
  );
}

/** A year's entries of the network, filtered by municipality, project (or `common`) and person, with their values. */
export async function listEntries(ctx: RequestContext, networkRef: string, query: EntryListQueryInput): Promise<EntryList> {
  const network = await readableNetwork(ctx, networkRef);
  const rate = (await rateRow(ctx.db, network.id, query.year))?.rate ?? null;
  const joined = await joinedEntries(ctx.db, filterOf(network.id, query));
  const refs = await References.load(ctx.db, network.id);
  const members = refs.membersInYear(query.year).map((m) => m.number);
  const writable = await writableMunicipalities(ctx, network.id, [...members, ...joined.map((j) => j.entry.municipalityNumber)]);
  const entries = joined.map((j) => presentEntry(j, rate, writable));
  return {
    year: query.year,
    rate,
    entries,
    total: totalOf(entries),
    writableMunicipalities: members.filter((n) => writable.has(n)),
  };
}

/** A year's hours and value by municipality (every member that year), by project (common work first) and by month. */
export async function getSummary(ctx: RequestContext, networkRef: string, year: number): Promise<Summary> {
  const network = await readableNetwork(ctx, networkRef);
  const list = await listEntries(ctx, network.id, { year });
  const refs = await References.load(ctx.db, network.id);
  const entries = list.entries;
  const byNumber = sumBy(entries, (e) => e.municipalityNumber);
  const names = new Map(entries.map((e) => [e.municipalityNumber, e.municipalityName]));
  for (const m of refs.membersInYear(year)) names.set(m.number, m.name);
  const byMunicipality = [...names]
    .map(([municipalityNumber, municipalityName]) => ({
      municipalityNumber,
      municipalityName,
      ...(byNumber.get(municipalityNumber) ?? zeroAmount()),
    }))
    .sort((a, b) => compareNorwegian(a.municipalityName, b.municipalityName));
  const byProjectId = sumBy(entries, (e) => e.projectId);
  const byProject = [...byProjectId]
    .map(([projectId, amount]) => {
      const p = projectId ? refs.projectsById.get(projectId) : undefined;
      return { projectId, reference: p?.reference ?? null, title: p?.title ?? null, ...amount };
    })
    .sort((a, b) => (a.projectId === null ? -1 : b.projectId === null ? 1 : a.reference!.localeCompare(b.reference!)));
  const byMonthKey = sumBy(entries, (e) => e.month);
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    return { month, ...(byMonthKey.get(month) ?? zeroAmount()) };
  });
  return { year, rate: list.rate, total: list.total, byMunicipality, byProject, byMonth };
}

/** What the entry forms choose from: the members (this year and the ones before), the network's projects, its people. */
export async function getOptions(ctx: RequestContext, networkRef: string): Promise<Options> {
  const network = await readableNetwork(ctx, networkRef);
  const refs = await References.load(ctx.db, network.id);
  const memberRows = await ctx.db
    .selectDistinct({ number: networkMembers.municipalityNumber, name: municipalities.name })
    .from(networkMembers)
    .innerJoin(municipalities, eq(municipalities.number, networkMembers.municipalityNumber))
    .where(eq(networkMembers.networkId, network.id));
  const candidates = await peopleOf(ctx.db, network.id, sql`true`);
  return {
    municipalities: memberRows.sort((a, b) => compareNorwegian(a.name, b.name)),
    projects: [...refs.projectsById.values()].sort((a, b) => a.reference.localeCompare(b.reference)),
    people: candidates.filter((p) => p.municipalityNumbers.length > 0).sort((a, b) => compareNorwegian(a.name, b.name)),
  };
}

// ---------------------------------------------------------------- changing

async function entryDto(ctx: RequestContext, id: string): Promise<Entry> {
  const [joined] = await joinedEntries(ctx.db, eq(ownEffortEntries.id, id));
  const rate = (await rateRow(ctx.db, joined!.entry.networkId, yearOfMonth(joined!.entry.month)))?.rate ?? null;
  return presentEntry(joined!, rate, await writableMunicipalities(ctx, joined!.entry.networkId, [joined!.entry.municipalityNumber]));
}

/** Registers hours: the secretariat for any member, an editor for their own municipality (403 for another). */
export async function createEntry(ctx: RequestContext, networkRef: string, input: EntryCreateInput): Promise<Entry> {
  const user = requireUser(ctx);
  const network = await readableNetwork(ctx, networkRef);
  await assertMayWriteMunicipality(ctx, network.id, input.municipalityNumber);
  const values = {
    networkId: network.id,
    month: input.month,
    municipalityNumber: input.municipalityNumber,
    projectId: input.projectId ?? null,
    personId: input.personId ?? null,
    hoursHundredths: input.hoursHundredths,
    note: input.note ?? null,
    createdBy: user.id,
  };
  await checkReferences(ctx, network.id, values);
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(ownEffortEntries).values(values).returning();
    await recordAudit(tx, ctx, { networkId: network.id, entityType: 'ownEffortEntry', entityId: row!.id, action: 'create', after: row });
    return row!;
  });
  return entryDto(ctx, created.id);
}

/** Changes an entry at its version (409 when stale); moving it to another municipality needs the right to both. */
export async function updateEntry(ctx: RequestContext, id: string, input: EntryUpdateInput): Promise<Entry> {
  const before = await readableEntry(ctx, id);
  await assertMayWriteMunicipality(ctx, before.networkId, before.municipalityNumber);
  const { version, ...changes } = input;
  const after = { ...before, ...definedOnly(changes) };
  await assertMayWriteMunicipality(ctx, before.networkId, after.municipalityNumber);
  await checkReferences(ctx, before.networkId, {
    month: after.month,
    municipalityNumber: after.municipalityNumber,
    projectId: after.projectId ?? null,
    personId: after.personId ?? null,
  });
  await ctx.db.transaction(async (tx) => {
    const row = await updateVersioned(tx, ownEffortEntries, id, version, definedOnly(changes));
    await recordAudit(tx, ctx, {
      networkId: before.networkId,
      entityType: 'ownEffortEntry',
      entityId: id,
      action: 'update',
      before,
      after: row,
    });
  });
  return entryDto(ctx, id);
}

export async function deleteEntry(ctx: RequestContext, id: string, version: number): Promise<void> {
  const before = await readableEntry(ctx, id);
  await assertMayWriteMunicipality(ctx, before.networkId, before.municipalityNumber);
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(ownEffortEntries)
      .where(and(eq(ownEffortEntries.id, id), eq(ownEffortEntries.version, version)))
      .returning({ id: ownEffortEntries.id });
    if (deleted.length === 0) throw staleVersion();
    await recordAudit(tx, ctx, { networkId: before.networkId, entityType: 'ownEffortEntry', entityId: id, action: 'delete', before });
  });
}

// ---------------------------------------------------------------- import

/** The columns an import reads, in each language: an entries export in any language can be imported again. */
export const IMPORT_HEADERS: Record<Language, Record<'month' | 'municipality' | 'project' | 'person' | 'hours' | 'note', string>> = {
  nb: { month: 'Måned', municipality: 'Kommunenummer', project: 'Prosjekt', person: 'Person', hours: 'Timer', note: 'Merknad' },
  nn: { month: 'Månad', municipality: 'Kommunenummer', project: 'Prosjekt', person: 'Person', hours: 'Timar', note: 'Merknad' },
  en: { month: 'Month', municipality: 'Municipality number', project: 'Project', person: 'Person', hours: 'Hours', note: 'Note' },
};

type ImportColumn = keyof (typeof IMPORT_HEADERS)['nb'];
const REQUIRED_COLUMNS = ['month', 'municipality', 'hours'] as const;
const MAX_IMPORT_ROWS = 20_000;
const MAX_PROBLEMS = 200;
const fold = (s: string) => s.trim().toLowerCase();

/**
 * Imports hours from a CSV or XLSX file with the columns Måned, Kommunenummer, Prosjekt (P-ÅÅÅÅ-NNN, empty for the
 * common work), Person (e-mail, optional), Timer («7,5») and Merknad. All or nothing: every row is checked first
 * and a file with any bad row answers 422 with every problem and changes nothing; a good file is added in one
 * transaction with one audit entry. An editor's file may hold their own municipality's rows only.
 */
export async function importEntries(ctx: RequestContext, networkRef: string, bytes: Buffer): Promise<ImportResult> {
  const user = requireUser(ctx);
  const network = await readableNetwork(ctx, networkRef);
  const refs = await References.load(ctx.db, network.id);
  // Someone who may write no member's hours has nothing to import: 403.
  await assertCan(ctx, 'ownEffort.import', inNetwork(network.id));

  const messages = SERVER_MESSAGES[ctx.language];
  const say = (key: ValidationKey, field: string, values: Record<string, string | number> = {}) =>
    formatMessage(messages.validation[key], { field, ...values });
  const problems: RowProblem[] = [];
  let file;
  try {
    file = await readTableFile(bytes, ctx.language);
  } catch (error) {
    if (error instanceof UnreadableFile) throw rowProblems([{ sheet: '', row: 0, column: null, message: say('fileType', 'Fil') }]);
    throw error;
  }
  const columnNames = IMPORT_HEADERS[ctx.language];
  const known = (key: ImportColumn) => new Set(Object.values(IMPORT_HEADERS).map((h) => fold(h[key])));
  const index = Object.fromEntries(
    Object.keys(columnNames).map((key) => [key, file.headers.findIndex((h) => known(key as ImportColumn).has(fold(h)))]),
  ) as Record<ImportColumn, number>;
  for (const key of REQUIRED_COLUMNS) {
    if (index[key] < 0) problems.push({ sheet: file.sheet, row: 1, column: columnNames[key], message: say('required', columnNames[key]) });
  }
  if (problems.length > 0) throw rowProblems(problems);
  const rows = file.rows.filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length === 0) throw rowProblems([{ sheet: file.sheet, row: 2, column: null, message: say('fileEmpty', 'Fil') }]);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw rowProblems([{ sheet: file.sheet, row: 0, column: null, message: say('tooBig', 'Antall rader', { max: MAX_IMPORT_ROWS }) }]);
  }

  const cell = (cells: string[], key: ImportColumn) => (index[key] >= 0 ? (cells[index[key]] ?? '') : '');
  const emails = [...new Set(rows.map((r) => cell(r.cells, 'person').toLowerCase()).filter((e) => e !== ''))];
  const peopleByEmail = new Map<string, PersonRef>();
  for (const p of await refs.people(ctx.db, { emails })) if (p.email) peopleByEmail.set(p.email.toLowerCase(), p);

  const writable = await writableMunicipalities(
    ctx,
    network.id,
    rows.map((r) => cell(r.cells, 'municipality')).filter((n) => /^\d{4}$/.test(n)),
  );
  const values: (typeof ownEffortEntries.$inferInsert)[] = [];
  // In slices, with other requests answered in between.
  const pace = pacer();
  for (const { row, cells } of rows) {
    await pace();
    const problem = (key: ImportColumn, message: string) => problems.push({ sheet: file.sheet, row, column: columnNames[key], message });
    const month = cell(cells, 'month');
    const number = cell(cells, 'municipality');
    const reference = cell(cells, 'project').toUpperCase();
    const email = cell(cells, 'person').toLowerCase();
    const hoursText = cell(cells, 'hours');
    const note = cell(cells, 'note');
    const before = problems.length;
    const monthOk = MonthSchema.safeParse(month).success;
    if (!monthOk) problem('month', say(month ? 'month' : 'required', columnNames.month));
    if (!/^\d{4}$/.test(number)) problem('municipality', say(number ? 'municipalityNumber' : 'required', columnNames.municipality));
    else if (monthOk && !refs.memberIn(number, month))
      problem('municipality', say('notMemberInMonth', columnNames.municipality, { value: number, month }));
    else if (!writable.has(number)) {
      problem('municipality', say('notYourMunicipality', columnNames.municipality, { value: refs.nameOf(number) ?? number }));
    }
    const project = reference ? refs.projectsByReference.get(reference) : undefined;
    if (reference && !project) problem('project', say('notNetworkProject', columnNames.project));
    const person = email ? peopleByEmail.get(email) : undefined;
    if (email && !person?.municipalityNumbers.includes(number)) problem('person', say('personMunicipality', columnNames.person));
    const hours = parseHours(hoursText);
    if (hours === null || hours < 1 || hours > MAX_HOURS_HUNDREDTHS) {
      problem(
        'hours',
        hours !== null && hours > MAX_HOURS_HUNDREDTHS
          ? say('tooBig', columnNames.hours, { max: MAX_HOURS_HUNDREDTHS / 100 })
          : say(hoursText ? 'hours' : 'required', columnNames.hours),
      );
    }
    if (note.length > 1000) problem('note', say('tooLong', columnNames.note, { max: 1000 }));
    if (problems.length > before) continue;
    values.push({
      networkId: network.id,
      month,
      municipalityNumber: number,
      projectId: project?.id ?? null,
      personId: person?.id ?? null,
      hoursHundredths: hours!,
      note: note || null,
      createdBy: user.id,
    });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS)
      shown.push({ sheet: file.sheet, row: 0, column: null, message: `… +${problems.length - MAX_PROBLEMS}` });
    throw rowProblems(shown);
  }

  return ctx.db.transaction(async (tx) => {
    for (let i = 0; i < values.length; i += 1000) await tx.insert(ownEffortEntries).values(values.slice(i, i + 1000));
    const rates = await ratesOf(tx, network.id);
    const amount = totalOf(
      values.map((v) => ({
        hundredths: v.hoursHundredths,
        value: effortValue(v.hoursHundredths, rates.get(yearOfMonth(v.month)) ?? null),
      })),
    );
    const result: ImportResult = { created: values.length, ...amount };
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'ownEffortImport',
      entityId: network.id,
      action: 'import',
      after: result,
    });
    return result;
  });
}

// ---------------------------------------------------------------- for other pages and modules

function byMunicipalityOf(entries: { municipalityNumber: string; municipalityName: string; hundredths: number; value: number }[]) {
  const names = new Map(entries.map((e) => [e.municipalityNumber, e.municipalityName]));
  return [...sumBy(entries, (e) => e.municipalityNumber)]
    .map(([municipalityNumber, amount]) => ({ municipalityNumber, municipalityName: names.get(municipalityNumber)!, ...amount }))
    .sort((a, b) => compareNorwegian(a.municipalityName, b.municipalityName));
}

/** A project's own effort: hours and value by municipality over all years, and per year at the year's rate. */
export async function projectOwnEffort(ctx: RequestContext, projectId: string): Promise<ProjectOwnEffort> {
  const project = await readableProject(ctx, projectId);
  const network = await requireNetwork(ctx, project.networkId);
  const rates = await ratesOf(ctx.db, project.networkId);
  const rows = await joinedEntries(ctx.db, eq(ownEffortEntries.projectId, project.id));
  const valued = rows.map((j) => {
    const year = yearOfMonth(j.entry.month);
    return {
      year,
      municipalityNumber: j.entry.municipalityNumber,
      municipalityName: j.municipalityName,
      hundredths: j.entry.hoursHundredths,
      value: effortValue(j.entry.hoursHundredths, rates.get(year) ?? null),
    };
  });
  const years = [...new Set(valued.map((v) => v.year))].sort((a, b) => a - b);
  return {
    projectId: project.id,
    networkSlug: network.slug,
    total: totalOf(valued),
    byMunicipality: byMunicipalityOf(valued),
    years: years.map((year) => {
      const of = valued.filter((v) => v.year === year);
      return { year, rate: rates.get(year) ?? null, total: totalOf(of), byMunicipality: byMunicipalityOf(of) };
    }),
  };
}

export interface OwnEffortStatement extends EffortAmount {
  year: number;
  rate: number | null;
  /** `projectId` null: the network's common work (first), then the projects by reference. */
  byProject: ({ projectId: string | null; reference: string | null; title: string | null } & EffortAmount)[];
}

/**
 * A network's own effort in a year, for one municipality or all: hours and value by project and in total. Internal,
 * without access checks: for statements (such as the per-municipality finance statement) whose caller has checked.
 */
export async function ownEffortFor(db: DbOrTx, networkId: string, year: number, municipalityNumber?: string): Promise<OwnEffortStatement> {
  const rate = await hourlyRateOf(db, networkId, year);
  const rows = await joinedEntries(
    db,
    and(
      eq(ownEffortEntries.networkId, networkId),
      yearRange(year),
      municipalityNumber ? eq(ownEffortEntries.municipalityNumber, municipalityNumber) : undefined,
    ),
  );
  const valued = rows.map((j) => ({
    projectId: j.entry.projectId,
    reference: j.projectYear !== null && j.projectSequence !== null ? projectReference(j.projectYear, j.projectSequence) : null,
    title: j.projectTitle,
    hundredths: j.entry.hoursHundredths,
    value: effortValue(j.entry.hoursHundredths, rate),
  }));
  const meta = new Map(valued.map((v) => [v.projectId, { reference: v.reference, title: v.title }]));
  const byProject = [...sumBy(valued, (v) => v.projectId)]
    .map(([projectId, amount]) => ({ projectId, ...meta.get(projectId)!, ...amount }))
    .sort((a, b) => (a.projectId === null ? -1 : b.projectId === null ? 1 : a.reference!.localeCompare(b.reference!)));
  return { year, rate, ...totalOf(valued), byProject };
}
