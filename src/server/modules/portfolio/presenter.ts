import { totalScore, type Assessment, type Criterion, type Proposal, type Weights } from '../../../shared/portfolio/proposals.ts';
import { municipalitiesValue, strategicFitValue } from '../../../shared/portfolio/proposals.ts';
import { formatReference } from '../../../shared/portfolio/references.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import type { StoredAssessment } from '../../db/schema/index.ts';
import type { ProposalRow } from './proposal-records.ts';

/** What presenting a list of proposals needs besides their rows: looked up once per answer. */
export interface ProposalLookups {
  weights: Weights;
  /** The network's current member municipalities. */
  memberNumbers: Set<string>;
  municipalityNames: Map<string, string>;
  focusAreaTitles: Map<string, string>;
  showEmail: boolean;
}

export function reference(row: Pick<ProposalRow, 'year' | 'sequence'>): string {
  return formatReference('proposal', row.year, row.sequence);
}

/** Each criterion's value on 1–5 and the weighted total, computed now with the network's weights and members. */
export function presentAssessment(stored: StoredAssessment, row: ProposalRow, lookups: ProposalLookups): Assessment {
  const wanting = row.municipalityNumbers.filter((n) => lookups.memberNumbers.has(n)).length;
  const values: Record<Criterion, number> = {
    strategicFit: strategicFitValue(stored.focusAreaFit),
    ...stored.scores,
    municipalities: municipalitiesValue(wanting, lookups.memberNumbers.size),
  };
  return {
    scores: stored.scores,
    focusAreaFit: stored.focusAreaFit,
    note: stored.note,
    values,
    total: totalScore(values, lookups.weights),
    assessedAt: stored.assessedAt,
    assessedBy: stored.assessedBy,
  };
}

export function presentProposal(row: ProposalRow, lookups: ProposalLookups, rank: number | null): Proposal {
  const name = (number: string) => lookups.municipalityNames.get(number) ?? number;
  return {
    id: row.id,
    networkId: row.networkId,
    reference: reference(row),
    kind: row.kind,
    title: row.title,
    problem: row.problem,
    affected: row.affected,
    expectedBenefit: row.expectedBenefit,
    focusAreaKey: row.focusAreaKey,
    focusAreaTitle: row.focusAreaKey ? (lookups.focusAreaTitles.get(row.focusAreaKey) ?? null) : null,
    municipalities: row.municipalityNumbers
      .map((number) => ({ number, name: name(number) }))
      .sort((a, b) => compareNorwegian(a.name, b.name)),
    channel: row.channel,
    submitter: {
      name: row.submitterName,
      email: lookups.showEmail ? row.submitterEmail : null,
      municipalityName: row.submitterMunicipality ? name(row.submitterMunicipality) : null,
    },
    submittedAt: row.submittedAt.toISOString(),
    status: row.status,
    statusReason: row.statusReason,
    assessment: row.assessment ? presentAssessment(row.assessment, row, lookups) : null,
    rank,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
