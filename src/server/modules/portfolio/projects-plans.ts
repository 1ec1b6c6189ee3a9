import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { projectDeliverables, projectMilestones, projectRisks, projects } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { invalidField, notFound, staleVersion } from '../../errors.ts';
import type {
  DeliverableInput,
  DeliverableUpdateInput,
  MilestoneInput,
  MilestoneUpdateInput,
  Project,
  RiskInput,
  Risk,
  RiskUpdateInput,
} from '../../../shared/portfolio/projects.ts';
import { recordAudit } from '../audit/index.ts';
import { renderTable, type ExportFormat, type RenderedFile } from '../documents/index.ts';
import { projectDto } from './projects.ts';
import { readableProject, writableProject } from './project-records.ts';
import { presentRisks, reference } from './projects-presenter.ts';
import { RISK_HEADINGS, RISK_KIND_LABELS, RISK_LEVEL_LABELS, RISK_STATUS_LABELS } from './terms.ts';

/**
 * A project's plan: milestones, the risk register and deliverables. The project's writers keep it — the secretariat,
 * by the same rule as the project itself (`writableProject`); its readers read it with the project. Every change
 * answers the whole project, is versioned (409 on a stale version) and audited with the network.
 */

type Generic = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn; projectId: PgColumn };

const PLAN_KINDS = {
  milestone: { table: projectMilestones, entityType: 'projectMilestone' },
  risk: { table: projectRisks, entityType: 'projectRisk' },
  deliverable: { table: projectDeliverables, entityType: 'projectDeliverable' },
} as const;
type PlanKind = keyof typeof PLAN_KINDS;
type RowOf<K extends PlanKind> = (typeof PLAN_KINDS)[K]['table']['$inferSelect'];
type InsertOf<K extends PlanKind> = Omit<(typeof PLAN_KINDS)[K]['table']['$inferInsert'], 'projectId'>;

async function projectRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  if (!row) throw notFound();
  return row;
}

async function findItem<K extends PlanKind>(db: DbOrTx, kind: K, id: string): Promise<RowOf<K>> {
  // Drizzle cannot infer the row type of a union of tables; the casts say what it is.
  const table = PLAN_KINDS[kind].table as unknown as Generic;
  const [row] = (await db.select().from(table).where(eq(table.id, id))) as RowOf<K>[];
  if (!row) throw notFound();
  return row;
}

// Each write answers its project as read after its commit: the writer holds its turn on the portfolio counter no
// longer than the write itself.
async function addItem<K extends PlanKind>(ctx: RequestContext, kind: K, projectId: string, values: InsertOf<K>): Promise<Project> {
  const project = await writableProject(ctx, projectId);
  const { table, entityType } = PLAN_KINDS[kind];
  await ctx.db.transaction(async (tx) => {
    const [row] = (await tx
      .insert(table)
      .values({ ...values, projectId } as never)
      .returning()) as RowOf<K>[];
    await recordAudit(tx, ctx, { networkId: project.networkId, entityType, entityId: row!.id, action: 'create', after: row });
  });
  return projectDto(ctx.db, await projectRow(ctx.db, projectId));
}

async function changeItem<K extends PlanKind>(
  ctx: RequestContext,
  kind: K,
  id: string,
  version: number,
  values: Partial<InsertOf<K>>,
  check?: (merged: RowOf<K>) => void,
): Promise<Project> {
  const found = await findItem(ctx.db, kind, id);
  const project = await writableProject(ctx, found.projectId);
  check?.({ ...found, ...values });
  const { table, entityType } = PLAN_KINDS[kind];
  await ctx.db.transaction(async (tx) => {
    const before = await findItem(tx, kind, id);
    const row = await updateVersioned(tx, table as unknown as Generic, id, version, values as never);
    await recordAudit(tx, ctx, { networkId: project.networkId, entityType, entityId: id, action: 'update', before, after: row });
  });
  return projectDto(ctx.db, await projectRow(ctx.db, project.id));
}

async function removeItem(ctx: RequestContext, kind: PlanKind, id: string, version: number): Promise<Project> {
  const found = await findItem(ctx.db, kind, id);
  const project = await writableProject(ctx, found.projectId);
  const { entityType } = PLAN_KINDS[kind];
  const table = PLAN_KINDS[kind].table as unknown as Generic;
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(table)
      .where(and(eq(table.id, id), eq(table.version, version)))
      .returning();
    if (!gone) throw staleVersion();
    await recordAudit(tx, ctx, { networkId: project.networkId, entityType, entityId: id, action: 'delete', before: gone });
  });
  return projectDto(ctx.db, await projectRow(ctx.db, project.id));
}

// ---------------------------------------------------------------- milestones

export function addMilestone(ctx: RequestContext, projectId: string, input: MilestoneInput): Promise<Project> {
  return addItem(ctx, 'milestone', projectId, {
    title: input.title,
    dueDate: input.dueDate,
    doneDate: input.doneDate ?? null,
    note: input.note ?? null,
  });
}

export function changeMilestone(ctx: RequestContext, id: string, input: MilestoneUpdateInput): Promise<Project> {
  const { version, ...fields } = input;
  return changeItem(ctx, 'milestone', id, version, definedOnly(fields));
}

export const removeMilestone = (ctx: RequestContext, id: string, version: number) => removeItem(ctx, 'milestone', id, version);

// ---------------------------------------------------------------- risks

/** The values after the measures come as a pair: one without the other is named as missing. */
function checkAfterPair(risk: { probabilityAfter?: number | null; consequenceAfter?: number | null }): void {
  const p = risk.probabilityAfter ?? null;
  const c = risk.consequenceAfter ?? null;
  if (p !== null && c === null) throw invalidField('consequenceAfter', 'required');
  if (p === null && c !== null) throw invalidField('probabilityAfter', 'required');
}

export function addRisk(ctx: RequestContext, projectId: string, input: RiskInput): Promise<Project> {
  checkAfterPair(input);
  return addItem(ctx, 'risk', projectId, {
    kind: input.kind ?? 'threat',
    description: input.description,
    probabilityBefore: input.probabilityBefore,
    consequenceBefore: input.consequenceBefore,
    measures: input.measures ?? null,
    probabilityAfter: input.probabilityAfter ?? null,
    consequenceAfter: input.consequenceAfter ?? null,
    owner: input.owner ?? null,
    status: input.status ?? 'open',
  });
}

export function changeRisk(ctx: RequestContext, id: string, input: RiskUpdateInput): Promise<Project> {
  const { version, ...fields } = input;
  return changeItem(ctx, 'risk', id, version, definedOnly(fields), checkAfterPair);
}

export const removeRisk = (ctx: RequestContext, id: string, version: number) => removeItem(ctx, 'risk', id, version);

/** The project's risk register as a spreadsheet, highest score first, in the caller's language. */
export async function exportRisks(ctx: RequestContext, projectId: string, format: ExportFormat): Promise<RenderedFile> {
  const project = await readableProject(ctx, projectId);
  const rows = await ctx.db.select().from(projectRisks).where(eq(projectRisks.projectId, project.id));
  const language = ctx.language;
  const label = (heading: keyof typeof RISK_HEADINGS) => RISK_HEADINGS[heading][language];
  const level = (value: Risk['levelBefore'] | null) => (value === null ? null : RISK_LEVEL_LABELS[value][language]);
  return renderTable<Risk>(
    format,
    `risikoregister-${reference(project)}`,
    [
      { header: label('kind'), value: (r) => RISK_KIND_LABELS[r.kind][language], width: 12 },
      { header: label('description'), value: (r) => r.description, width: 40 },
      { header: label('probabilityBefore'), value: (r) => r.probabilityBefore, width: 12 },
      { header: label('consequenceBefore'), value: (r) => r.consequenceBefore, width: 12 },
      { header: label('scoreBefore'), value: (r) => r.scoreBefore, width: 10 },
      { header: label('levelBefore'), value: (r) => level(r.levelBefore), width: 12 },
      { header: label('measures'), value: (r) => r.measures, width: 40 },
      { header: label('probabilityAfter'), value: (r) => r.probabilityAfter, width: 12 },
      { header: label('consequenceAfter'), value: (r) => r.consequenceAfter, width: 12 },
      { header: label('scoreAfter'), value: (r) => r.scoreAfter, width: 10 },
      { header: label('levelAfter'), value: (r) => level(r.levelAfter), width: 12 },
      { header: label('owner'), value: (r) => r.owner, width: 24 },
      { header: label('status'), value: (r) => RISK_STATUS_LABELS[r.status][language], width: 10 },
    ],
    presentRisks(rows),
  );
}

// ---------------------------------------------------------------- deliverables

export function addDeliverable(ctx: RequestContext, projectId: string, input: DeliverableInput): Promise<Project> {
  return addItem(ctx, 'deliverable', projectId, {
    title: input.title,
    description: input.description ?? null,
    dueDate: input.dueDate ?? null,
    status: input.status ?? 'planned',
  });
}

export function changeDeliverable(ctx: RequestContext, id: string, input: DeliverableUpdateInput): Promise<Project> {
  const { version, ...fields } = input;
  return changeItem(ctx, 'deliverable', id, version, definedOnly(fields));
}

export const removeDeliverable = (ctx: RequestContext, id: string, version: number) => removeItem(ctx, 'deliverable', id, version);
