import { and, asc, desc, eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  municipalities,
  projectCostSplits,
  projectFinancing,
  projectParticipants,
  users,
  type StoredSplitLine,
} from '../../db/schema/index.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { invalidField, staleVersion } from '../../errors.ts';
import { splitCost } from '../../../shared/finance/cost-split.ts';
import type { CostSplit, FinancingInput, ProjectFinancing, SplitReason } from '../../../shared/finance/project-financing.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { recordAudit } from '../audit/index.ts';
import { renderTable, type ExportFormat, type RenderedFile } from '../documents/index.ts';
import { readableProject, writableProject, type ProjectRow } from './project-records.ts';
import { can, ofProject } from '../../access/index.ts';
import { reference } from './projects-presenter.ts';

/**
 * A project's financing and the split of the municipalities' part among the municipalities taking part (in). The
 * secretariat saves the financing whole (versioned, 409 on a stale version); the project's readers read it. Each save,
 * and each time a municipality joins or leaves (`recomputeSplit`, called by `setParticipation` in its transaction),
 * computes the split again and keeps it as a new row: the newest is the current split, the others its history.
 */

type FinancingRow = typeof projectFinancing.$inferSelect;

async function financingRow(db: DbOrTx, projectId: string): Promise<FinancingRow | undefined> {
  const [row] = await db.select().from(projectFinancing).where(eq(projectFinancing.projectId, projectId));
  return row;
}

/** What the sources of kind `municipalities` add up to. */
const municipalitiesAmount = (row: Pick<FinancingRow, 'sources'>) =>
  row.sources.filter((s) => s.kind === 'municipalities').reduce((a, s) => a + s.amount, 0);

/**
 * Computes the split of the project's municipalities' part among the municipalities in it now, and keeps it with the
 * reason, in the caller's transaction. Nothing when the project has no financing yet.
 */
export async function recomputeSplit(
  tx: DbOrTx,
  ctx: RequestContext,
  project: Pick<ProjectRow, 'id' | 'networkId'>,
  reason: SplitReason,
  municipalityNumber: string | null = null,
): Promise<void> {
  const financing = await financingRow(tx, project.id);
  if (!financing) return;
  const participants = await tx
    .select({ municipalityNumber: municipalities.number, name: municipalities.name, population: municipalities.population })
    .from(projectParticipants)
    .innerJoin(municipalities, eq(municipalities.number, projectParticipants.municipalityNumber))
    .where(and(eq(projectParticipants.projectId, project.id), eq(projectParticipants.participation, 'in')))
    .orderBy(asc(municipalities.number));
  const agreed = new Map(financing.percentages.map((p) => [p.municipalityNumber, p.basisPoints]));
  const amount = municipalitiesAmount(financing);
  const split = splitCost(
    amount,
    financing.method,
    participants.map((p) => ({
      municipalityNumber: p.municipalityNumber,
      population: p.population,
      basisPoints: agreed.get(p.municipalityNumber),
    })),
  );
  const lines: StoredSplitLine[] = participants.map((p, i) => ({
    municipalityNumber: p.municipalityNumber,
    municipalityName: p.name,
    population: p.population,
    basisPoints: financing.method === 'agreed' ? (agreed.get(p.municipalityNumber) ?? 0) : null,
    amount: split[i]!.amount,
  }));
  const [row] = await tx
    .insert(projectCostSplits)
    .values({
      projectId: project.id,
      reason,
      municipalityNumber,
      computedBy: ctx.user?.id ?? null,
      method: financing.method,
      amount,
      lines,
    })
    .returning();
  await recordAudit(tx, ctx, {
    networkId: project.networkId,
    entityType: 'projectCostSplit',
    entityId: row!.id,
    action: 'create',
    after: row,
  });
}

async function splitsOf(db: DbOrTx, projectId: string): Promise<CostSplit[]> {
  const rows = await db
    .select({ split: projectCostSplits, by: users.name, municipalityName: municipalities.name })
    .from(projectCostSplits)
    .leftJoin(users, eq(users.id, projectCostSplits.computedBy))
    .leftJoin(municipalities, eq(municipalities.number, projectCostSplits.municipalityNumber))
    .where(eq(projectCostSplits.projectId, projectId))
    .orderBy(desc(projectCostSplits.computedAt), desc(projectCostSplits.id));
  return rows.map(({ split, by, municipalityName }) => ({
    id: split.id,
    reason: split.reason,
    municipality: split.municipalityNumber
      ? { number: split.municipalityNumber, name: municipalityName ?? split.municipalityNumber }
      : null,
    computedBy: by,
    computedAt: split.computedAt.toISOString(),
    method: split.method,
    amount: split.amount,
    lines: split.lines,
  }));
}

async function present(ctx: RequestContext, db: DbOrTx, project: ProjectRow): Promise<ProjectFinancing> {
  const row = await financingRow(db, project.id);
  const [current = null, ...history] = await splitsOf(db, project.id);
  return {
    projectId: project.id,
    financing: row
      ? {
          version: row.version,
          costTotal: row.costTotal,
          method: row.method,
          percentages: row.percentages,
          sources: row.sources,
          municipalitiesAmount: municipalitiesAmount(row),
          updatedAt: row.updatedAt.toISOString(),
        }
      : null,
    current,
    history,
    editable: await can(ctx, 'portfolio.write', ofProject(project)),
  };
}

/** The project's financing, its current split and the earlier ones: for the project's readers. */
export async function getFinancing(ctx: RequestContext, projectId: string): Promise<ProjectFinancing> {
  const project = await readableProject(ctx, projectId);
  return present(ctx, ctx.db, project);
}

/**
 * Saves the whole financing and splits the municipalities' part again. With agreed percentages, each one names a
 * municipality taking part in the project, and every one taking part has one.
 */
export async function saveFinancing(ctx: RequestContext, projectId: string, input: FinancingInput): Promise<ProjectFinancing> {
  const project = await writableProject(ctx, projectId);
  const values = {
    costTotal: input.costTotal,
    method: input.method,
    percentages: input.method === 'agreed' ? input.percentages : [],
    sources: input.sources,
  };
  return ctx.db.transaction(async (tx) => {
    if (input.method === 'agreed') await checkPercentages(tx, project.id, input);
    const before = await financingRow(tx, project.id);
    const audit = { networkId: project.networkId, entityType: 'projectFinancing' };
    if (!before) {
      if (input.version !== undefined) throw staleVersion();
      const [row] = await tx
        .insert(projectFinancing)
        .values({ ...values, projectId: project.id })
        .onConflictDoNothing()
        .returning();
      // Someone else saved the first financing a moment ago: this save did not see theirs.
      if (!row) throw staleVersion();
      await recordAudit(tx, ctx, { ...audit, entityId: row.id, action: 'create', after: row });
    } else {
      if (input.version === undefined) throw staleVersion();
      const row = await updateVersioned(tx, projectFinancing, before.id, input.version, values);
      await recordAudit(tx, ctx, { ...audit, entityId: row.id, action: 'update', before, after: row });
    }
    await recomputeSplit(tx, ctx, project, 'financingChanged');
    return present(ctx, tx, project);
  });
}

async function checkPercentages(db: DbOrTx, projectId: string, input: FinancingInput): Promise<void> {
  const rows = await db
    .select({ number: projectParticipants.municipalityNumber })
    .from(projectParticipants)
    .where(and(eq(projectParticipants.projectId, projectId), eq(projectParticipants.participation, 'in')));
  const taking = new Set(rows.map((r) => r.number));
  const seen = new Set<string>();
  input.percentages.forEach((p, i) => {
    if (!taking.has(p.municipalityNumber)) throw invalidField(`percentages.${i}.municipalityNumber`, 'notParticipant');
    if (seen.has(p.municipalityNumber)) throw invalidField(`percentages.${i}.municipalityNumber`, 'duplicate');
    seen.add(p.municipalityNumber);
  });
  if (seen.size !== taking.size) throw invalidField('percentages', 'percentSum');
}

const HEADINGS = {
  number: { nb: 'Kommunenummer', nn: 'Kommunenummer', en: 'Municipality number' },
  name: { nb: 'Kommune', nn: 'Kommune', en: 'Municipality' },
  population: { nb: 'Innbyggere', nn: 'Innbyggjarar', en: 'Population' },
  percent: { nb: 'Avtalt andel (%)', nn: 'Avtalt del (%)', en: 'Agreed share (%)' },
  amount: { nb: 'Beløp (kr)', nn: 'Beløp (kr)', en: 'Amount (NOK)' },
  total: { nb: 'Sum', nn: 'Sum', en: 'Total' },
} satisfies Record<string, Record<Language, string>>;

/** The current split as a spreadsheet, one row per municipality and the total last, in the caller's language. */
export async function exportSplit(ctx: RequestContext, projectId: string, format: ExportFormat): Promise<RenderedFile> {
  const project = await readableProject(ctx, projectId);
  const [current] = await splitsOf(ctx.db, project.id);
  const language = ctx.language;
  const lines: StoredSplitLine[] = current
    ? [
        ...current.lines,
        { municipalityNumber: '', municipalityName: HEADINGS.total[language], population: 0, basisPoints: null, amount: current.amount },
      ]
    : [];
  const isTotal = (line: StoredSplitLine) => line.municipalityNumber === '';
  return renderTable<StoredSplitLine>(
    format,
    `kostnadsfordeling-${reference(project)}`,
    [
      { header: HEADINGS.number[language], value: (l) => l.municipalityNumber || null, width: 14 },
      { header: HEADINGS.name[language], value: (l) => l.municipalityName, width: 24 },
      { header: HEADINGS.population[language], value: (l) => (isTotal(l) ? null : l.population), width: 12 },
      { header: HEADINGS.percent[language], value: (l) => (l.basisPoints === null ? null : l.basisPoints / 100), width: 14 },
      { header: HEADINGS.amount[language], value: (l) => l.amount, width: 16 },
    ],
    lines,
  );
}
