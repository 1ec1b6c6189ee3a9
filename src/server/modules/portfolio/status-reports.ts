import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { networks, people, projectStatusReports } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound, staleVersion } from '../../errors.ts';
import {
  CONTROL_PARAMETERS,
  periodEnd,
  periodLabel,
  periodsInYear,
  type LatestStatus,
  type ReportPeriodKind,
  type StatusReport,
  type StatusReportInput,
  type StatusReportList,
  type StatusReportUpdateInput,
} from '../../../shared/portfolio/status-reports.ts';
import { recordAudit } from '../audit/index.ts';
import { renderStatusReportPdf, type StatusReportDocument } from '../documents/index.ts';
import { storeWith, type FileStorage } from '../storage/index.ts';
import { mayWriteStatusReports, readableProject, statusReportsWritable, type ProjectRow } from './project-records.ts';
import { reference } from './projects-presenter.ts';
import { presentStatusReport, type StatusReportRow } from './status-reports-presenter.ts';
import { CONTROL_PARAMETER_LABELS, PHASE_LABELS, periodInWords } from './terms.ts';

/**
 * A project's status reports (statusrapporter), monthly or per tertial. The secretariat and the project's owner and
 * manager write them as drafts (versioned: 409 on a stale version); one report per project and period (409 naming
 * `period`). Publishing freezes a draft: it renders the PDF snapshot, keeps it in FileStorage with its SHA-256, and
 * from then on every change or removal answers 423 `locked`. The network's readers read them and the snapshot.
 * Every change is audited with the network (`projectStatusReport`).
 */

const ENTITY = 'projectStatusReport';

async function findReport(db: DbOrTx, id: string): Promise<StatusReportRow> {
  const [row] = await db.select().from(projectStatusReports).where(eq(projectStatusReports.id, id));
  if (!row) throw notFound();
  return row;
}

const periodTaken = (kind: ReportPeriodKind, year: number, period: number) =>
  new AppError('conflict', { period: { key: 'periodTaken', values: { value: periodLabel(kind, year, period) } } });

/** A unique-index violation, as PGlite and node-postgres report it (Drizzle wraps it in `cause`). */
function isUniqueViolation(error: unknown): boolean {
  const code = (e: unknown) => (e && typeof e === 'object' && 'code' in e ? e.code : undefined);
  return code(error) === '23505' || code((error as { cause?: unknown } | null)?.cause) === '23505';
}

/** Newest period first; a month and a tertial ending together, the month first. */
const byPeriodDescending = (
  a: Pick<StatusReportRow, 'periodKind' | 'year' | 'period'>,
  b: Pick<StatusReportRow, 'periodKind' | 'year' | 'period'>,
) =>
  periodEnd(b.periodKind, b.year, b.period) - periodEnd(a.periodKind, a.year, a.period) ||
  (a.periodKind === b.periodKind ? 0 : a.periodKind === 'month' ? -1 : 1);

// ---------------------------------------------------------------- reading

export async function listStatusReports(ctx: RequestContext, projectId: string): Promise<StatusReportList> {
  const project = await readableProject(ctx, projectId);
  const rows = await ctx.db.select().from(projectStatusReports).where(eq(projectStatusReports.projectId, project.id));
  return { items: rows.sort(byPeriodDescending).map(presentStatusReport), canWrite: await mayWriteStatusReports(ctx, project) };
}

export async function getStatusReport(ctx: RequestContext, id: string): Promise<StatusReport> {
  const row = await findReport(ctx.db, id);
  await readableProject(ctx, row.projectId);
  return presentStatusReport(row);
}

/**
 * Each project's latest published report (the one whose period ends last), for the portfolio. The caller has
 * already checked that these projects may be read.
 */
export async function latestStatuses(db: DbOrTx, projectIds: string[]): Promise<Map<string, LatestStatus>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(projectStatusReports)
    .where(and(inArray(projectStatusReports.projectId, projectIds), eq(projectStatusReports.state, 'published')));
  return latestOf(rows);
}

/**
 * Each project `p`'s latest published status report as `rep` (its id, kind, period, light, when it was published and
 * the period's end as periodEnd() counts it), or nulls before the first: one probe of
 * `project_status_reports_latest_idx`, whose expression and order this repeats (newest end first, a month before a
 * tertial that ends with it, as `byPeriodDescending`; a project has one report per period).
 */
export const LATEST_REPORT = sql`left join lateral (
      select r.id, r.period_kind, r.year, r.period, r.overall, r.published_at,
        case when r.period_kind = 'month' then r.year * 12 + r.period else r.year * 12 + r.period * 4 end as last_end
      from project_status_reports r where r.project_id = p.id and r.state = 'published'
      order by case when r.period_kind = 'month' then r.year * 12 + r.period else r.year * 12 + r.period * 4 end desc, r.period_kind
      limit 1) rep on true`;

/**
 * The same for every project of a network, one index probe each (`LATEST_REPORT`) rather than every published report
 * of the network sorted here: what the portfolio overview reads (decision 0016).
 */
export async function latestStatusesInNetwork(db: DbOrTx, networkId: string): Promise<Map<string, LatestStatus>> {
  const rows = await queryRows<{
    project_id: string;
    id: string;
    overall: StatusReportRow['overall'];
    period_kind: StatusReportRow['periodKind'];
    year: number;
    period: number;
    published_at: string | Date;
  }>(
    db,
    sql`select p.id as project_id, rep.id, rep.overall, rep.period_kind, rep.year, rep.period, rep.published_at
        from projects p ${LATEST_REPORT} where p.network_id = ${networkId} and rep.published_at is not null`,
  );
  return new Map(
    rows.map((row) => [
      row.project_id,
      {
        reportId: row.id,
        overall: row.overall,
        periodKind: row.period_kind,
        year: row.year,
        period: row.period,
        periodLabel: periodLabel(row.period_kind, row.year, row.period),
        // The driver's text of a timestamp with time zone, read as Drizzle reads it for the other builders.
        publishedAt: new Date(row.published_at).toISOString(),
      },
    ]),
  );
}

type PublishedLine = Pick<StatusReportRow, 'id' | 'projectId' | 'overall' | 'periodKind' | 'year' | 'period' | 'publishedAt'>;

function latestOf(rows: PublishedLine[]): Map<string, LatestStatus> {
  const latest = new Map<string, LatestStatus>();
  for (const row of rows.sort(byPeriodDescending)) {
    if (latest.has(row.projectId) || !row.publishedAt) continue;
    latest.set(row.projectId, {
      reportId: row.id,
      overall: row.overall,
      periodKind: row.periodKind,
      year: row.year,
      period: row.period,
      periodLabel: periodLabel(row.periodKind, row.year, row.period),
      publishedAt: row.publishedAt.toISOString(),
    });
  }
  return latest;
}

// ---------------------------------------------------------------- writing

/** Every parameter with its comment, null when none was given, as the answer and the PDF show it. */
const normalized = (parameters: StatusReportInput['parameters']): StatusReport['parameters'] =>
  Object.fromEntries(
    CONTROL_PARAMETERS.map((p) => [p, { status: parameters[p].status, comment: parameters[p].comment ?? null }]),
  ) as StatusReport['parameters'];

export async function createStatusReport(ctx: RequestContext, projectId: string, input: StatusReportInput): Promise<StatusReport> {
  const project = await statusReportsWritable(ctx, projectId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projectStatusReports)
      .values({
        projectId: project.id,
        periodKind: input.periodKind,
        year: input.year,
        period: input.period,
        overall: input.overall,
        summary: input.summary ?? null,
        parameters: normalized(input.parameters),
        budget: input.budget ?? null,
        spent: input.spent ?? null,
        forecast: input.forecast ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw periodTaken(input.periodKind, input.year, input.period);
    await recordAudit(tx, ctx, { networkId: project.networkId, entityType: ENTITY, entityId: row.id, action: 'create', after: row });
    return presentStatusReport(row);
  });
}

/** A published report is frozen (423); a draft changes what was sent, under its version. */
export async function updateStatusReport(ctx: RequestContext, id: string, input: StatusReportUpdateInput): Promise<StatusReport> {
  const found = await findReport(ctx.db, id);
  const project = await statusReportsWritable(ctx, found.projectId);
  if (found.state === 'published') throw new AppError('locked');
  const { version, ...fields } = input;
  const kind = fields.periodKind ?? found.periodKind;
  const year = fields.year ?? found.year;
  const period = fields.period ?? found.period;
  if (period > periodsInYear(kind)) throw new AppError('validation_failed', { period: { key: 'invalid' } });
  if (kind !== found.periodKind || year !== found.year || period !== found.period) {
    const [taken] = await ctx.db
      .select({ id: projectStatusReports.id })
      .from(projectStatusReports)
      .where(
        and(
          eq(projectStatusReports.projectId, found.projectId),
          eq(projectStatusReports.periodKind, kind),
          eq(projectStatusReports.year, year),
          eq(projectStatusReports.period, period),
          ne(projectStatusReports.id, id),
        ),
      );
    if (taken) throw periodTaken(kind, year, period);
  }
  return ctx.db.transaction(async (tx) => {
    const before = await findReport(tx, id);
    let row: StatusReportRow;
    try {
      const values = { ...fields, parameters: fields.parameters && normalized(fields.parameters) };
      row = await updateVersioned(tx, projectStatusReports, id, version, definedOnly(values), eq(projectStatusReports.state, 'draft'));
    } catch (error) {
      if (isUniqueViolation(error)) throw periodTaken(kind, year, period);
      throw await whyNotChanged(tx, id, error);
    }
    await recordAudit(tx, ctx, { networkId: project.networkId, entityType: ENTITY, entityId: id, action: 'update', before, after: row });
    return presentStatusReport(row);
  });
}

/** A refused versioned change: published meanwhile (423), or changed by someone else (409). */
async function whyNotChanged(tx: DbOrTx, id: string, error: unknown): Promise<unknown> {
  if (!(error instanceof AppError) || error.code !== 'stale_version') return error;
  const [now] = await tx.select({ state: projectStatusReports.state }).from(projectStatusReports).where(eq(projectStatusReports.id, id));
  return now?.state === 'published' ? new AppError('locked') : staleVersion();
}

/** Only a draft is removed; a published report is kept for good (423). */
export async function deleteStatusReport(ctx: RequestContext, id: string, version: number): Promise<void> {
  const found = await findReport(ctx.db, id);
  const project = await statusReportsWritable(ctx, found.projectId);
  if (found.state === 'published') throw new AppError('locked');
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(projectStatusReports)
      .where(and(eq(projectStatusReports.id, id), eq(projectStatusReports.version, version), eq(projectStatusReports.state, 'draft')))
      .returning();
    if (!gone) throw await whyNotChanged(tx, id, staleVersion());
    await recordAudit(tx, ctx, { networkId: project.networkId, entityType: ENTITY, entityId: id, action: 'delete', before: gone });
  });
}

/** What the PDF shows of a report: the project as it stands, the publisher's name and the time as given. */
async function snapshotDocument(
  db: DbOrTx,
  project: ProjectRow,
  row: StatusReportRow,
  publishedAt: Date,
  publishedBy: string,
): Promise<StatusReportDocument> {
  const [network] = await db.select({ name: networks.name }).from(networks).where(eq(networks.id, project.networkId));
  const personIds = [project.ownerPersonId, project.managerPersonId].filter((p): p is string => p !== null);
  const names = new Map(
    (personIds.length === 0
      ? []
      : await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, personIds))
    ).map((p) => [p.id, p.name]),
  );
  const language = 'nb';
  const parameters = row.parameters as StatusReport['parameters'];
  return {
    language,
    networkName: network?.name ?? '',
    projectReference: reference(project),
    projectTitle: project.title,
    phase: PHASE_LABELS[project.phase][language],
    ownerName: project.ownerPersonId ? (names.get(project.ownerPersonId) ?? null) : null,
    managerName: project.managerPersonId ? (names.get(project.managerPersonId) ?? null) : null,
    period: periodInWords(row.periodKind, row.year, row.period, language),
    overall: row.overall,
    summary: row.summary,
    parameters: CONTROL_PARAMETERS.map((p) => ({
      name: CONTROL_PARAMETER_LABELS[p][language],
      status: parameters[p].status,
      comment: parameters[p].comment,
    })),
    budget: row.budget,
    spent: row.spent,
    forecast: row.forecast,
    publishedAt,
    publishedBy,
  };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Publishes a draft at the version the publisher saw: renders the PDF snapshot (in bokmål, the network's working
 * language), stores it, and freezes the report with who published it, when, and the snapshot's SHA-256, audited.
 * `at` places it earlier for the demo data.
 */
export async function publishStatusReport(
  ctx: RequestContext,
  storage: FileStorage,
  id: string,
  version: number,
  at = new Date(),
): Promise<StatusReport> {
  const user = ctx.user;
  if (!user) throw new AppError('unauthenticated');
  const found = await findReport(ctx.db, id);
  const project = await statusReportsWritable(ctx, found.projectId);
  if (found.state === 'published') throw new AppError('locked');
  if (found.version !== version) throw staleVersion();
  // A PDF keeps milliseconds out of its dates: the snapshot is dated to the second, and so is the report.
  const publishedAt = new Date(Math.floor(at.getTime() / 1000) * 1000);
  const bytes = await renderStatusReportPdf(await snapshotDocument(ctx.db, project, found, publishedAt, user.name));
  const storageKey = `status-reports/${project.id}/${randomUUID()}.pdf`;
  return storeWith(storage, storageKey, bytes, () =>
    ctx.db.transaction(async (tx) => {
      const before = await findReport(tx, id);
      let row: StatusReportRow;
      try {
        row = await updateVersioned(
          tx,
          projectStatusReports,
          id,
          version,
          {
            state: 'published',
            publishedAt,
            publishedByUserId: user.id,
            publishedByName: user.name,
            snapshotStorageKey: storageKey,
            snapshotSha256: sha256(bytes),
          },
          eq(projectStatusReports.state, 'draft'),
        );
      } catch (error) {
        throw await whyNotChanged(tx, id, error);
      }
      await recordAudit(tx, ctx, { networkId: project.networkId, entityType: ENTITY, entityId: id, action: 'publish', before, after: row });
      return presentStatusReport(row);
    }),
  );
}

/**
 * The PDF snapshot frozen at publishing, for the project's readers: the same bytes every time, checked against the
 * SHA-256 kept with the report. A draft has none (404).
 */
export async function statusReportPdf(ctx: RequestContext, storage: FileStorage, id: string): Promise<{ fileName: string; bytes: Buffer }> {
  const row = await findReport(ctx.db, id);
  const project = await readableProject(ctx, row.projectId);
  if (row.state !== 'published' || !row.snapshotStorageKey || !row.snapshotSha256 || !row.publishedAt) throw notFound();
  const fileName = `statusrapport-${reference(project)}-${periodLabel(row.periodKind, row.year, row.period).replace(' ', '-')}.pdf`;
  const bytes = await storage.get(row.snapshotStorageKey);
  if (sha256(bytes) !== row.snapshotSha256) throw new Error(`the snapshot of status report ${id} does not match its SHA-256`);
  return { fileName, bytes };
}
