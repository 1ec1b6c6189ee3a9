import type {
  actionMeasures,
  actionPlans,
  localStrategyVersions,
  measureReports,
  municipalities,
  strategies,
  strategyVersions,
} from '../../db/schema/index.ts';
import type {
  ActionPlan,
  LocalVersion,
  Measure,
  Strategy,
  StrategySection,
  StrategyVersion,
  TertialReport,
  VersionSummary,
} from '../../../shared/strategy/schema.ts';

type StrategyRow = typeof strategies.$inferSelect;
type VersionRow = typeof strategyVersions.$inferSelect;
type LocalRow = typeof localStrategyVersions.$inferSelect;
type PlanRow = typeof actionPlans.$inferSelect;
type MeasureRow = typeof actionMeasures.$inferSelect;
type ReportRow = typeof measureReports.$inferSelect;
type MunicipalityRow = Pick<typeof municipalities.$inferSelect, 'number' | 'name' | 'writtenStandard'>;

export interface NetworkRef {
  id: string;
  slug: string;
  name: string;
}

export function presentVersionSummary(row: VersionRow, adoptedCount: number): VersionSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    changeNote: row.changeNote,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    adoptedCount,
  };
}

export function presentStrategy(row: StrategyRow, network: NetworkRef, versions: VersionSummary[]): Strategy {
  return {
    id: row.id,
    networkId: network.id,
    networkSlug: network.slug,
    networkName: network.name,
    title: row.title,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    versions,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentVersion(row: VersionRow, strategy: Pick<StrategyRow, 'title'>, networkSlug: string): StrategyVersion {
  return {
    id: row.id,
    strategyId: row.strategyId,
    strategyTitle: strategy.title,
    networkSlug,
    number: row.number,
    status: row.status,
    changeNote: row.changeNote,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    content: row.content,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A municipality's political decision; without a saved version, not started. */
export function presentDecision(row: LocalRow | null | undefined): LocalVersion['decision'] {
  return {
    status: row?.decisionStatus ?? 'notStarted',
    bodyName: row?.decisionBody ?? null,
    date: row?.decisionDate ?? null,
    caseNumber: row?.decisionCaseNumber ?? null,
  };
}

/** A municipality's version; before its first save, an empty one with status notStarted and no id. */
export function presentLocalVersion(version: VersionRow, municipality: MunicipalityRow, row: LocalRow | null): LocalVersion {
  const localTexts: Partial<Record<StrategySection, string>> = {};
  for (const [section, text] of Object.entries(row?.localTexts ?? {})) if (text) localTexts[section as StrategySection] = text;
  return {
    id: row?.id ?? null,
    strategyVersionId: version.id,
    versionNumber: version.number,
    municipalityNumber: municipality.number,
    municipalityName: municipality.name,
    writtenStandard: municipality.writtenStandard,
    localTexts,
    decision: presentDecision(row),
    version: row?.version ?? null,
  };
}

/** `reportedBy` is the reporter's name as it stands now. */
export function presentReport(row: ReportRow, reporterName: string | null): TertialReport {
  return {
    id: row.id,
    tertial: row.tertial,
    status: row.status,
    comment: row.comment,
    spent: row.spent,
    reportedAt: row.reportedAt.toISOString(),
    reportedBy: reporterName,
    version: row.version,
  };
}

export function presentMeasure(
  row: MeasureRow,
  focusAreaTitle: string | null,
  reports: Array<{ report: ReportRow; reporterName: string | null }>,
): Measure {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    focusAreaKey: row.focusAreaKey,
    focusAreaTitle,
    owner: row.owner,
    budget: row.budget,
    status: row.status,
    reports: reports.map((r) => presentReport(r.report, r.reporterName)),
    version: row.version,
  };
}

export function presentActionPlan(row: PlanRow, measures: Measure[]): ActionPlan {
  return {
    id: row.id,
    strategyId: row.strategyId,
    year: row.year,
    measures,
    totalBudget: measures.reduce((sum, m) => sum + (m.budget ?? 0), 0),
    version: row.version,
  };
}
