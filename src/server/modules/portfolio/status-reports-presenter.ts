import { periodLabel, type StatusReport } from '../../../shared/portfolio/status-reports.ts';
import type { projectStatusReports } from '../../db/schema/index.ts';

export type StatusReportRow = typeof projectStatusReports.$inferSelect;

/** A report as the API gives it: its period named, and once published who published it and where its PDF is. */
export function presentStatusReport(row: StatusReportRow): StatusReport {
  return {
    id: row.id,
    projectId: row.projectId,
    periodKind: row.periodKind,
    year: row.year,
    period: row.period,
    periodLabel: periodLabel(row.periodKind, row.year, row.period),
    overall: row.overall,
    summary: row.summary,
    parameters: row.parameters as StatusReport['parameters'],
    budget: row.budget,
    spent: row.spent,
    forecast: row.forecast,
    state: row.state,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.state === 'published' ? row.publishedByName : null,
    snapshotSha256: row.snapshotSha256,
    pdfUrl: row.state === 'published' ? `/api/status-reports/${row.id}/pdf` : null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
