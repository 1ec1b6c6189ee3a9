import type { FeeDecision, FeeLine, FeeSchedule, FeeScheduleSummary } from '../../../shared/finance/fees.ts';
import type { FeeScheduleRow } from './fee-records.ts';

export interface NetworkRef {
  id: string;
  slug: string;
  name: string;
}

export function presentScheduleSummary(row: FeeScheduleRow): FeeScheduleSummary {
  return {
    id: row.id,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    networkId: row.networkId,
    year: row.year,
    title: row.title,
    populationYear: row.populationYear,
    kind: row.model.kind,
    status: row.status,
    adoptedAt: row.adoptedAt?.toISOString() ?? null,
  };
}

export function presentSchedule(
  row: FeeScheduleRow,
  network: NetworkRef,
  lines: FeeLine[],
  decision: FeeDecision | null,
  adoptedBy: string | null,
): FeeSchedule {
  return {
    ...presentScheduleSummary(row),
    networkSlug: network.slug,
    networkName: network.name,
    model: row.model,
    adoptedBy,
    decision,
    lines,
    total: lines.reduce((sum, l) => sum + l.amount, 0),
  };
}
