import { and, asc, desc, eq, inArray, lte, gte, ne, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { grantAllocations, grantExpenses, grantReportingDeadlines, grants, people, projects, users } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, invalidField, notFound, staleVersion } from '../../errors.ts';
import {
  GrantAllocationCreateSchema,
  grantFigures,
  type Grant,
  type GrantAllocationCreateInput,
  type GrantAllocationUpdateInput,
  type GrantDeadlineCreateInput,
  type GrantDeadlineReportedInput,
  type GrantDeadlineUpdateInput,
  type GrantExpenseCreateInput,
  type GrantExpenseUpdateInput,
  type GrantCreateInput,
  type GrantFinancingLine,
  type GrantList,
  type GrantsFinancing,
  type GrantUpdateInput,
  type ProjectGrant,
} from '../../../shared/finance/grants.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import { recordAudit } from '../audit/index.ts';
import { requireNetwork } from '../network/index.ts';
import { readableProject } from '../portfolio/index.ts';
import { presentGrant, presentGrantSummary, type GrantParts, type GrantRow } from './grants-presenter.ts';
import { assertCan, fieldsOutside, inNetwork, requireUser } from '../../access/index.ts';

/**
 * Grants (tilskudd): who may read and change them is the member fees' rule: the network's internal readers read, its
 * secretariat (network administrator, or the platform administrator) writes, everyone outside the network gets 404.
 *
 * The sums are guarded in the transaction that changes them, with the grant's row locked (`for update`), so two
 * secretariat members saving at once cannot together allocate or spend more than the grant: the allocations may not
 * add up to more than its amount (400 `overAllocated` on `amount`), nor the expenses (400 `overSpent` on `amount`).
 */

// ---------------------------------------------------------------- access

async function findGrant(db: DbOrTx, id: string): Promise<GrantRow> {
  const [row] = await db.select().from(grants).where(eq(grants.id, id));
  if (!row) throw notFound();
  return row;
}

async function readableGrant(ctx: RequestContext, id: string): Promise<GrantRow> {
  requireUser(ctx);
  const row = await findGrant(ctx.db, id);
  await assertCan(ctx, 'network.readInternals', inNetwork(row.networkId));
  return row;
}

async function writableGrant(ctx: RequestContext, id: string): Promise<GrantRow> {
  requireUser(ctx);
  const row = await findGrant(ctx.db, id);
  await assertCan(ctx, 'network.administer', inNetwork(row.networkId));
  return row;
}

/** The grant's row, locked until the transaction ends: the sums below it are checked against it. */
async function lockGrant(tx: DbOrTx, id: string): Promise<GrantRow> {
  const [row] = await tx.select().from(grants).where(eq(grants.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

// ---------------------------------------------------------------- reading

/** The allocations (with their project), expenses and deadlines (with who marked them reported) of some grants. */
async function partsOf(db: DbOrTx, grantIds: string[]): Promise<Map<string, GrantParts>> {
  const byGrant = new Map<string, GrantParts>(grantIds.map((id) => [id, { allocations: [], expenses: [], deadlines: [] }]));
  if (grantIds.length === 0) return byGrant;
  const allocations = await db
    .select({
      allocation: grantAllocations,
      project: { id: projects.id, year: projects.year, sequence: projects.sequence, title: projects.title },
    })
    .from(grantAllocations)
    .leftJoin(projects, eq(projects.id, grantAllocations.projectId))
    .where(inArray(grantAllocations.grantId, grantIds))
    .orderBy(
      asc(grantAllocations.target),
      asc(grantAllocations.year),
      asc(projects.year),
      asc(projects.sequence),
      asc(grantAllocations.createdAt),
    );
  for (const { allocation, project } of allocations) byGrant.get(allocation.grantId)!.allocations.push({ ...allocation, project });
  const expenses = await db
    .select()
    .from(grantExpenses)
    .where(inArray(grantExpenses.grantId, grantIds))
    .orderBy(asc(grantExpenses.date), asc(grantExpenses.createdAt));
  for (const expense of expenses) byGrant.get(expense.grantId)!.expenses.push(expense);
  const deadlines = await db
    .select({ deadline: grantReportingDeadlines, reportedByName: users.name })
    .from(grantReportingDeadlines)
    .leftJoin(users, eq(users.id, grantReportingDeadlines.reportedBy))
    .where(inArray(grantReportingDeadlines.grantId, grantIds))
    .orderBy(asc(grantReportingDeadlines.dueDate), asc(grantReportingDeadlines.createdAt));
  for (const { deadline, reportedByName } of deadlines) byGrant.get(deadline.grantId)!.deadlines.push({ ...deadline, reportedByName });
  return byGrant;
}

async function grantDto(ctx: RequestContext, row: GrantRow): Promise<Grant> {
  const network = await requireNetwork(ctx, row.networkId);
  const parts = (await partsOf(ctx.db, [row.id])).get(row.id)!;
  let contact: Grant['contactPerson'] = null;
  if (row.contactPersonId) {
    const [person] = await ctx.db
      .select({ id: people.id, name: people.name, email: people.email })
      .from(people)
      .where(eq(people.id, row.contactPersonId));
    contact = person ?? null;
  }
  return presentGrant(row, parts, network, contact);
}

/** A network's grants, the newest period first, each with its figures and next deadline, and the totals of them all. */
export async function listGrants(ctx: RequestContext, networkRefOrSlug: string): Promise<GrantList> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRefOrSlug);
  await assertCan(ctx, 'network.readInternals', inNetwork(network.id));
  const rows = await ctx.db
    .select()
    .from(grants)
    .where(eq(grants.networkId, network.id))
    .orderBy(desc(grants.periodStart), asc(grants.title), asc(grants.createdAt));
  const parts = await partsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const list = rows.map((row) => presentGrantSummary(row, parts.get(row.id)!));
  const total = (key: 'amount' | 'allocated' | 'unallocated' | 'spent' | 'remaining') => list.reduce((s, g) => s + g[key], 0);
  return {
    grants: list,
    totals: {
      amount: total('amount'),
      allocated: total('allocated'),
      unallocated: total('unallocated'),
      spent: total('spent'),
      remaining: total('remaining'),
    },
  };
}

/** One grant with its allocations, expenses and reporting deadlines. */
export async function getGrant(ctx: RequestContext, id: string): Promise<Grant> {
  return grantDto(ctx, await readableGrant(ctx, id));
}

// ---------------------------------------------------------------- checks

// Whether the ids belong is asked where every module asks it (access/belongs.ts); the grant's own words answer.
async function assertNetworkPerson(db: DbOrTx, networkId: string, personId: string | null | undefined): Promise<void> {
  const problems = await fieldsOutside(db, networkId, { person: { contactPersonId: personId } }, 'notNetworkPerson');
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
}

async function assertNetworkProject(db: DbOrTx, networkId: string, projectId: string | null | undefined): Promise<void> {
  const problems = await fieldsOutside(db, networkId, { project: { projectId } }, 'notNetworkProject');
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
}

const kroner = (n: number) => new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 }).format(n);

/** What the grant's allocations and expenses add up to, leaving out one row being changed. */
async function sumsOf(tx: DbOrTx, grantId: string, except: string | null = null) {
  const [allocated] = await tx
    .select({ total: sql<string>`coalesce(sum(${grantAllocations.amount}), 0)` })
    .from(grantAllocations)
    .where(and(eq(grantAllocations.grantId, grantId), except ? ne(grantAllocations.id, except) : undefined));
  const [spent] = await tx
    .select({ total: sql<string>`coalesce(sum(${grantExpenses.amount}), 0)` })
    .from(grantExpenses)
    .where(and(eq(grantExpenses.grantId, grantId), except ? ne(grantExpenses.id, except) : undefined));
  // bigint sums come back as text: whole kroner, well within Number's safe range.
  return { allocated: Number(allocated!.total), spent: Number(spent!.total) };
}

function assertAllocatable(grant: GrantRow, otherAllocations: number, amount: number): void {
  if (otherAllocations + amount > grant.amount)
    throw invalidField('amount', 'overAllocated', {
      max: kroner(grant.amount),
      available: kroner(Math.max(0, grant.amount - otherAllocations)),
    });
}

function assertSpendable(grant: GrantRow, otherExpenses: number, amount: number): void {
  if (otherExpenses + amount > grant.amount)
    throw invalidField('amount', 'overSpent', { max: kroner(grant.amount), available: kroner(Math.max(0, grant.amount - otherExpenses)) });
}

function assertInPeriod(grant: Pick<GrantRow, 'periodStart' | 'periodEnd'>, date: string): void {
  if (date < grant.periodStart || date > grant.periodEnd)
    throw invalidField('date', 'outsidePeriod', { from: grant.periodStart, to: grant.periodEnd });
}

async function assertAllocationOfGrant(tx: DbOrTx, grantId: string, allocationId: string | null | undefined): Promise<void> {
  if (!allocationId) return;
  const [row] = await tx
    .select({ id: grantAllocations.id })
    .from(grantAllocations)
    .where(and(eq(grantAllocations.id, allocationId), eq(grantAllocations.grantId, grantId)));
  if (!row) throw invalidField('allocationId', 'invalid');
}

// ---------------------------------------------------------------- grants

/** A new grant of the network. Only its secretariat registers one. */
export async function createGrant(ctx: RequestContext, networkRefOrSlug: string, input: GrantCreateInput): Promise<Grant> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRefOrSlug);
  await assertCan(ctx, 'network.administer', inNetwork(network.id));
  await assertNetworkPerson(ctx.db, network.id, input.contactPersonId);
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(grants)
      .values({
        networkId: network.id,
        giverKind: input.giverKind,
        giverName: input.giverName,
        title: input.title,
        reference: input.reference ?? null,
        amount: input.amount,
        decisionDate: input.decisionDate,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        conditions: input.conditions ?? null,
        purpose: input.purpose ?? null,
        contactPersonId: input.contactPersonId ?? null,
      })
      .returning();
    await recordAudit(tx, ctx, { networkId: network.id, entityType: 'grant', entityId: row!.id, action: 'create', after: row });
    return row!;
  });
  return grantDto(ctx, created);
}

/**
 * Changes a grant at `version` (409 when stale). The amount may not fall below what is allocated or spent
 * (`belowCommitted`), nor the period leave out an expense's date (`expensesOutside`).
 */
export async function updateGrant(ctx: RequestContext, id: string, input: GrantUpdateInput): Promise<Grant> {
  const before = await writableGrant(ctx, id);
  const { version, ...changes } = input;
  const merged = { ...before, ...definedOnly(changes) };
  if (merged.periodEnd < merged.periodStart) throw invalidField('periodEnd', 'dateOrder');
  await assertNetworkPerson(ctx.db, before.networkId, changes.contactPersonId);
  const after = await ctx.db.transaction(async (tx) => {
    const locked = await lockGrant(tx, id);
    if (locked.version !== version) throw staleVersion();
    const { allocated, spent } = await sumsOf(tx, id);
    if (merged.amount < Math.max(allocated, spent))
      throw invalidField('amount', 'belowCommitted', { min: kroner(Math.max(allocated, spent)) });
    const [outside] = await tx
      .select({ date: grantExpenses.date })
      .from(grantExpenses)
      .where(
        and(
          eq(grantExpenses.grantId, id),
          sql`(${grantExpenses.date} < ${merged.periodStart} or ${grantExpenses.date} > ${merged.periodEnd})`,
        ),
      )
      .orderBy(asc(grantExpenses.date))
      .limit(1);
    if (outside) {
      const field = outside.date < merged.periodStart ? 'periodStart' : 'periodEnd';
      throw invalidField(field, 'expensesOutside', { date: outside.date });
    }
    const row = await updateVersioned(tx, grants, id, version, definedOnly(changes));
    await recordAudit(tx, ctx, { networkId: before.networkId, entityType: 'grant', entityId: id, action: 'update', before, after: row });
    return row;
  });
  return grantDto(ctx, after);
}

/**
 * Deletes a grant registered by mistake, with its allocations and deadlines. A grant with expenses is the record of
 * money spent: refused (409 `in_use`, naming `expenses`); delete the expenses first if they too were a mistake.
 */
export async function deleteGrant(ctx: RequestContext, id: string, version: number): Promise<void> {
  const before = await writableGrant(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const locked = await lockGrant(tx, id);
    if (locked.version !== version) throw staleVersion();
    const [expense] = await tx.select({ id: grantExpenses.id }).from(grantExpenses).where(eq(grantExpenses.grantId, id)).limit(1);
    if (expense) throw new AppError('in_use', { expenses: { key: 'hasExpenses' } });
    const allocations = await tx.delete(grantAllocations).where(eq(grantAllocations.grantId, id)).returning();
    const deadlines = await tx.delete(grantReportingDeadlines).where(eq(grantReportingDeadlines.grantId, id)).returning();
    await tx.delete(grants).where(eq(grants.id, id));
    await recordAudit(tx, ctx, {
      networkId: before.networkId,
      entityType: 'grant',
      entityId: id,
      action: 'delete',
      before: { ...before, allocations, deadlines },
    });
  });
}

// ---------------------------------------------------------------- the rows below a grant

/** Runs a change below a writable grant in one transaction with the grant locked, and answers the grant. */
async function changeBelow(ctx: RequestContext, grantId: string, change: (tx: DbOrTx, grant: GrantRow) => Promise<void>): Promise<Grant> {
  await writableGrant(ctx, grantId);
  const grant = await ctx.db.transaction(async (tx) => {
    const locked = await lockGrant(tx, grantId);
    await change(tx, locked);
    return locked;
  });
  return grantDto(ctx, grant);
}

/** The grant a row below belongs to, or 404. */
async function grantOf(db: DbOrTx, table: typeof grantAllocations | typeof grantExpenses | typeof grantReportingDeadlines, id: string) {
  const [row] = await db.select({ grantId: table.grantId }).from(table).where(eq(table.id, id));
  if (!row) throw notFound();
  return row.grantId;
}

/** Deletes a row below a grant at `version`: 409 when stale, 404 when gone. */
async function deleteVersioned(
  tx: DbOrTx,
  table: typeof grantAllocations | typeof grantExpenses | typeof grantReportingDeadlines,
  id: string,
  version: number,
) {
  const [row] = await tx.select().from(table).where(eq(table.id, id));
  if (!row) throw notFound();
  if (row.version !== version) throw staleVersion();
  await tx.delete(table).where(and(eq(table.id, id), eq(table.version, version)));
  return row;
}

export async function addAllocation(ctx: RequestContext, grantId: string, input: GrantAllocationCreateInput): Promise<Grant> {
  return changeBelow(ctx, grantId, async (tx, grant) => {
    const target = targetOf(input);
    // The id as sent, also where the target drops it: an id of another network is refused, never silently ignored.
    await assertNetworkProject(tx, grant.networkId, input.projectId);
    assertAllocatable(grant, (await sumsOf(tx, grant.id)).allocated, input.amount);
    const [row] = await tx
      .insert(grantAllocations)
      .values({ grantId: grant.id, ...target, amount: input.amount, note: input.note ?? null })
      .returning();
    await recordAudit(tx, ctx, {
      networkId: grant.networkId,
      entityType: 'grantAllocation',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
  });
}

/** The base budget keeps its year and no project; a project its id and no year. */
function targetOf(input: Pick<GrantAllocationCreateInput, 'target' | 'year' | 'projectId'>) {
  return input.target === 'baseBudget'
    ? { target: input.target, year: input.year ?? null, projectId: null }
    : { target: input.target, year: null, projectId: input.projectId ?? null };
}

export async function updateAllocation(ctx: RequestContext, id: string, input: GrantAllocationUpdateInput): Promise<Grant> {
  const grantId = await grantOf(ctx.db, grantAllocations, id);
  return changeBelow(ctx, grantId, async (tx, grant) => {
    const [before] = await tx.select().from(grantAllocations).where(eq(grantAllocations.id, id));
    if (!before) throw notFound();
    const { version, ...changes } = input;
    const merged = GrantAllocationCreateSchema.safeParse({ ...before, ...definedOnly(changes) });
    if (!merged.success) throw invalidField(String(merged.error.issues[0]?.path[0] ?? 'target'), 'required');
    const target = targetOf(merged.data);
    await assertNetworkProject(tx, grant.networkId, changes.projectId ?? target.projectId);
    assertAllocatable(grant, (await sumsOf(tx, grant.id, id)).allocated, merged.data.amount);
    const row = await updateVersioned(tx, grantAllocations, id, version, {
      ...target,
      amount: merged.data.amount,
      note: merged.data.note ?? null,
    });
    await recordAudit(tx, ctx, {
      networkId: grant.networkId,
      entityType: 'grantAllocation',
      entityId: id,
      action: 'update',
      before,
      after: row,
    });
  });
}

/** Removes an allocation; expenses recorded under it keep counting for the grant, under no allocation. */
export async function deleteAllocation(ctx: RequestContext, id: string, version: number): Promise<Grant> {
  const grantId = await grantOf(ctx.db, grantAllocations, id);
  return changeBelow(ctx, grantId, async (tx, grant) => {
    // A stale version throws below, which rolls this back too.
    await tx.update(grantExpenses).set({ allocationId: null }).where(eq(grantExpenses.allocationId, id));
    const before = await deleteVersioned(tx, grantAllocations, id, version);
    await recordAudit(tx, ctx, { networkId: grant.networkId, entityType: 'grantAllocation', entityId: id, action: 'delete', before });
  });
}

export async function addExpense(ctx: RequestContext, grantId: string, input: GrantExpenseCreateInput): Promise<Grant> {
  return changeBelow(ctx, grantId, async (tx, grant) => {
    assertInPeriod(grant, input.date);
    await assertAllocationOfGrant(tx, grant.id, input.allocationId);
    assertSpendable(grant, (await sumsOf(tx, grant.id)).spent, input.amount);
    const [row] = await tx
      .insert(grantExpenses)
      .values({ grantId: grant.id, date: input.date, amount: input.amount, text: input.text, allocationId: input.allocationId ?? null })
      .returning();
    await recordAudit(tx, ctx, { networkId: grant.networkId, entityType: 'grantExpense', entityId: row!.id, action: 'create', after: row });
  });
}

export async function updateExpense(ctx: RequestContext, id: string, input: GrantExpenseUpdateInput): Promise<Grant> {
  const grantId = await grantOf(ctx.db, grantExpenses, id);
  return changeBelow(ctx, grantId, async (tx, grant) => {
    const [before] = await tx.select().from(grantExpenses).where(eq(grantExpenses.id, id));
    if (!before) throw notFound();
    const { version, ...changes } = input;
    const merged = { ...before, ...definedOnly(changes) };
    assertInPeriod(grant, merged.date);
    await assertAllocationOfGrant(tx, grant.id, merged.allocationId);
    assertSpendable(grant, (await sumsOf(tx, grant.id, id)).spent, merged.amount);
    const row = await updateVersioned(tx, grantExpenses, id, version, definedOnly(changes));
    await recordAudit(tx, ctx, {
      networkId: grant.networkId,
      entityType: 'grantExpense',
      entityId: id,
      action: 'update',
      before,
      after: row,
    });
  });
}

export async function deleteExpense(ctx: RequestContext, id: string, version: number): Promise<Grant> {
  const grantId = await grantOf(ctx.db, grantExpenses, id);
  return changeBelow(ctx, grantId, async (tx, grant) => {
    const before = await deleteVersioned(tx, grantExpenses, id, version);
    await recordAudit(tx, ctx, { networkId: grant.networkId, entityType: 'grantExpense', entityId: id, action: 'delete', before });
  });
}

export async function addDeadline(ctx: RequestContext, grantId: string, input: GrantDeadlineCreateInput): Promise<Grant> {
  return changeBelow(ctx, grantId, async (tx, grant) => {
    const [row] = await tx
      .insert(grantReportingDeadlines)
      .values({ grantId: grant.id, dueDate: input.dueDate, description: input.description })
      .returning();
    await recordAudit(tx, ctx, {
      networkId: grant.networkId,
      entityType: 'grantReportingDeadline',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
  });
}

export async function updateDeadline(ctx: RequestContext, id: string, input: GrantDeadlineUpdateInput): Promise<Grant> {
  const grantId = await grantOf(ctx.db, grantReportingDeadlines, id);
  return changeBelow(ctx, grantId, async (tx, grant) => {
    const [before] = await tx.select().from(grantReportingDeadlines).where(eq(grantReportingDeadlines.id, id));
    if (!before) throw notFound();
    const { version, ...changes } = input;
    const row = await updateVersioned(tx, grantReportingDeadlines, id, version, definedOnly(changes));
    await recordAudit(tx, ctx, {
      networkId: grant.networkId,
      entityType: 'grantReportingDeadline',
      entityId: id,
      action: 'update',
      before,
      after: row,
    });
  });
}

export async function deleteDeadline(ctx: RequestContext, id: string, version: number): Promise<Grant> {
  const grantId = await grantOf(ctx.db, grantReportingDeadlines, id);
  return changeBelow(ctx, grantId, async (tx, grant) => {
    const before = await deleteVersioned(tx, grantReportingDeadlines, id, version);
    await recordAudit(tx, ctx, {
      networkId: grant.networkId,
      entityType: 'grantReportingDeadline',
      entityId: id,
      action: 'delete',
      before,
    });
  });
}

/** Marks a deadline reported now by the caller (no more reminders), or, with `reported: false`, not reported after all. */
export async function markDeadlineReported(ctx: RequestContext, id: string, input: GrantDeadlineReportedInput): Promise<Grant> {
  const user = requireUser(ctx);
  const grantId = await grantOf(ctx.db, grantReportingDeadlines, id);
  return changeBelow(ctx, grantId, async (tx, grant) => {
    const [before] = await tx.select().from(grantReportingDeadlines).where(eq(grantReportingDeadlines.id, id));
    if (!before) throw notFound();
    const row = await updateVersioned(
      tx,
      grantReportingDeadlines,
      id,
      input.version,
      input.reported ? { reportedAt: new Date(), reportedBy: user.id } : { reportedAt: null, reportedBy: null },
    );
    await recordAudit(tx, ctx, {
      networkId: grant.networkId,
      entityType: 'grantReportingDeadline',
      entityId: id,
      action: input.reported ? 'report' : 'unreport',
      before,
      after: row,
    });
  });
}

// ---------------------------------------------------------------- for other parts of finance and for projects

/** The allocations of some grants as financing lines, with spent and remaining per allocation. */
async function financingLines(
  db: DbOrTx,
  rows: GrantRow[],
): Promise<(GrantFinancingLine & { target: 'baseBudget' | 'project'; year: number | null })[]> {
  const parts = await partsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.flatMap((grant) => {
    const p = parts.get(grant.id)!;
    const { spentByAllocation } = grantFigures({ amount: grant.amount, allocations: p.allocations, expenses: p.expenses });
    return p.allocations.map((a) => {
      const spent = spentByAllocation[a.id] ?? 0;
      return {
        grantId: grant.id,
        grantTitle: grant.title,
        giverKind: grant.giverKind,
        giverName: grant.giverName,
        allocationId: a.id,
        amount: a.amount,
        spent,
        remaining: a.amount - spent,
        project: a.project
          ? { id: a.project.id, reference: projectReference(a.project.year, a.project.sequence), title: a.project.title }
          : null,
        target: a.target,
        year: a.year,
      };
    });
  });
}

/**
 * What the network's grants finance in `year`: the allocations to that year's base budget, and the allocations to
 * projects of grants whose period touches the year. No access check: for the finance overview and the
 * municipalities' statements, whose services have checked the caller already.
 */
export async function grantsFinancing(db: DbOrTx, networkId: string, year: number): Promise<GrantsFinancing> {
  const rows = await db
    .select()
    .from(grants)
    .where(and(eq(grants.networkId, networkId), lte(grants.periodStart, `${year}-12-31`), gte(grants.periodEnd, `${year}-01-01`)))
    .orderBy(asc(grants.periodStart), asc(grants.title));
  // A base-budget allocation names its year, which may lie outside the grant's period: those grants count too.
  const budgetGrantIds = await db
    .selectDistinct({ id: grantAllocations.grantId })
    .from(grantAllocations)
    .innerJoin(grants, eq(grants.id, grantAllocations.grantId))
    .where(and(eq(grants.networkId, networkId), eq(grantAllocations.year, year)));
  const known = new Set(rows.map((r) => r.id));
  const extra = budgetGrantIds.filter((g) => !known.has(g.id)).map((g) => g.id);
  if (extra.length > 0) rows.push(...(await db.select().from(grants).where(inArray(grants.id, extra))));
  const lines = await financingLines(db, rows);
  const strip = ({ target: _t, year: _y, ...line }: (typeof lines)[number]): GrantFinancingLine => line;
  return {
    year,
    baseBudget: lines.filter((l) => l.target === 'baseBudget' && l.year === year).map(strip),
    projects: lines.filter((l) => l.target === 'project' && known.has(l.grantId)).map(strip),
  };
}

/** The grants that finance a project: each allocation to it with the grant's title and giver, amount and spent. */
export async function projectGrants(ctx: RequestContext, projectId: string): Promise<ProjectGrant[]> {
  const project = await readableProject(ctx, projectId);
  const grantIds = await ctx.db
    .selectDistinct({ id: grantAllocations.grantId })
    .from(grantAllocations)
    .where(eq(grantAllocations.projectId, project.id));
  if (grantIds.length === 0) return [];
  const rows = await ctx.db
    .select()
    .from(grants)
    .where(
      and(
        inArray(
          grants.id,
          grantIds.map((g) => g.id),
        ),
        eq(grants.networkId, project.networkId),
      ),
    )
    .orderBy(asc(grants.periodStart), asc(grants.title));
  const lines = await financingLines(ctx.db, rows);
  return lines
    .filter((l) => l.project?.id === project.id)
    .map((l) => ({
      allocationId: l.allocationId,
      grantId: l.grantId,
      grantTitle: l.grantTitle,
      giverKind: l.giverKind,
      giverName: l.giverName,
      amount: l.amount,
      spent: l.spent,
      remaining: l.remaining,
    }));
}

export { readableGrant };
