import type { Language } from '../../../shared/i18n/languages.ts';
import type { ProposalKind, ProposalStatus } from '../../../shared/portfolio/proposals.ts';
import type { BasisDocumentKind, DecisionPoint, Phase, RiskKind, RiskLevel, RiskStatus } from '../../../shared/portfolio/projects.ts';
import type { MatrixAxis } from '../../../shared/portfolio/prioritization.ts';
import type { ControlParameter, ReportPeriodKind, StatusLight } from '../../../shared/portfolio/status-reports.ts';

/** The words of the portfolio module's spreadsheets, in the caller's language. */
type Terms = Record<Language, string>;

export const KIND_LABELS: Record<ProposalKind, Terms> = {
  need: { nb: 'Behov', nn: 'Behov', en: 'Need' },
  idea: { nb: 'Idé', nn: 'Idé', en: 'Idea' },
};

export const STATUS_LABELS: Record<ProposalStatus, Terms> = {
  new: { nb: 'Ny', nn: 'Ny', en: 'New' },
  underAssessment: { nb: 'Under vurdering', nn: 'Under vurdering', en: 'Under assessment' },
  prioritized: { nb: 'Prioritert', nn: 'Prioritert', en: 'Prioritized' },
  rejected: { nb: 'Avvist', nn: 'Avvist', en: 'Rejected' },
  becameProject: { nb: 'Ble prosjekt', nn: 'Vart prosjekt', en: 'Became a project' },
};

export const PROPOSAL_HEADINGS = {
  reference: { nb: 'Referanse', nn: 'Referanse', en: 'Reference' },
  title: { nb: 'Tittel', nn: 'Tittel', en: 'Title' },
  kind: { nb: 'Type', nn: 'Type', en: 'Kind' },
  status: { nb: 'Status', nn: 'Status', en: 'Status' },
  focusArea: { nb: 'Innsatsområde', nn: 'Innsatsområde', en: 'Focus area' },
  municipalities: { nb: 'Antall kommuner', nn: 'Tal på kommunar', en: 'Municipalities' },
  total: { nb: 'Totalpoeng', nn: 'Totalpoeng', en: 'Total score' },
  rank: { nb: 'Rangering', nn: 'Rangering', en: 'Rank' },
  submitted: { nb: 'Innsendt', nn: 'Innsendt', en: 'Submitted' },
} satisfies Record<string, Terms>;

export const PHASE_LABELS: Record<Phase, Terms> = {
  idea: { nb: 'Idé', nn: 'Idé', en: 'Idea' },
  concept: { nb: 'Konsept', nn: 'Konsept', en: 'Concept' },
  planning: { nb: 'Planlegge', nn: 'Planleggje', en: 'Planning' },
  execution: { nb: 'Gjennomføre', nn: 'Gjennomføre', en: 'Execution' },
  closing: { nb: 'Avslutte', nn: 'Avslutte', en: 'Closing' },
  realization: { nb: 'Realisere', nn: 'Realisere', en: 'Realization' },
};

/** A basis document's kind as a refusal names what is missing. */
export const BASIS_KIND_LABELS: Record<BasisDocumentKind, Terms> = {
  mandate: { nb: 'Mandat', nn: 'Mandat', en: 'Mandate' },
  proposal: { nb: 'Prosjektforslag', nn: 'Prosjektforslag', en: 'Project proposal' },
  governingDocument: { nb: 'Styringsdokument', nn: 'Styringsdokument', en: 'Governing document' },
  benefitsPlan: { nb: 'Gevinstrealiseringsplan', nn: 'Gevinstrealiseringsplan', en: 'Benefits plan' },
  finalReport: { nb: 'Sluttrapport', nn: 'Sluttrapport', en: 'Final report' },
};

/** «BP2»: the decision points go by their short names in every language. */
export const decisionPointLabel = (point: DecisionPoint) => point.toUpperCase();

export const PROJECT_HEADINGS = {
  reference: { nb: 'Referanse', nn: 'Referanse', en: 'Reference' },
  title: { nb: 'Tittel', nn: 'Tittel', en: 'Title' },
  phase: { nb: 'Fase', nn: 'Fase', en: 'Phase' },
  focusAreas: { nb: 'Innsatsområder', nn: 'Innsatsområde', en: 'Focus areas' },
  owner: { nb: 'Prosjekteier', nn: 'Prosjekteigar', en: 'Project owner' },
  manager: { nb: 'Prosjektleder', nn: 'Prosjektleiar', en: 'Project manager' },
  participants: { nb: 'Deltakende kommuner', nn: 'Deltakande kommunar', en: 'Participating municipalities' },
  lastDecision: { nb: 'Siste beslutning', nn: 'Siste avgjerd', en: 'Last decision' },
  decidedOn: { nb: 'Besluttet', nn: 'Avgjort', en: 'Decided on' },
  startDate: { nb: 'Start', nn: 'Start', en: 'Start' },
  plannedEndDate: { nb: 'Planlagt slutt', nn: 'Planlagd slutt', en: 'Planned end' },
  programme: { nb: 'Program', nn: 'Program', en: 'Programme' },
  status: { nb: 'Status', nn: 'Status', en: 'Status' },
  statusPeriod: { nb: 'Statusperiode', nn: 'Statusperiode', en: 'Status period' },
} satisfies Record<string, Terms>;

/** The risk register's export. */
export const RISK_HEADINGS = {
  kind: { nb: 'Type', nn: 'Type', en: 'Kind' },
  description: { nb: 'Risiko', nn: 'Risiko', en: 'Risk' },
  probabilityBefore: { nb: 'Sannsynlighet før tiltak', nn: 'Sannsyn før tiltak', en: 'Probability before measures' },
  consequenceBefore: { nb: 'Konsekvens før tiltak', nn: 'Konsekvens før tiltak', en: 'Consequence before measures' },
  scoreBefore: { nb: 'Risiko før tiltak', nn: 'Risiko før tiltak', en: 'Score before measures' },
  levelBefore: { nb: 'Nivå før tiltak', nn: 'Nivå før tiltak', en: 'Level before measures' },
  measures: { nb: 'Tiltak', nn: 'Tiltak', en: 'Measures' },
  probabilityAfter: { nb: 'Sannsynlighet etter tiltak', nn: 'Sannsyn etter tiltak', en: 'Probability after measures' },
  consequenceAfter: { nb: 'Konsekvens etter tiltak', nn: 'Konsekvens etter tiltak', en: 'Consequence after measures' },
  scoreAfter: { nb: 'Risiko etter tiltak', nn: 'Risiko etter tiltak', en: 'Score after measures' },
  levelAfter: { nb: 'Nivå etter tiltak', nn: 'Nivå etter tiltak', en: 'Level after measures' },
  owner: { nb: 'Ansvarlig', nn: 'Ansvarleg', en: 'Owner' },
  status: { nb: 'Status', nn: 'Status', en: 'Status' },
} satisfies Record<string, Terms>;

/** The portfolio's risk map export: its sheets and the columns the register's export does not have. */
export const RISK_MAP_HEADINGS = {
  before: { nb: 'Før tiltak', nn: 'Før tiltak', en: 'Before measures' },
  after: { nb: 'Etter tiltak', nn: 'Etter tiltak', en: 'After measures' },
  probability: { nb: 'Sannsynlighet', nn: 'Sannsyn', en: 'Probability' },
  consequence: { nb: 'Konsekvens', nn: 'Konsekvens', en: 'Consequence' },
  reference: { nb: 'Prosjektnr.', nn: 'Prosjektnr.', en: 'Project no.' },
  project: { nb: 'Prosjekt', nn: 'Prosjekt', en: 'Project' },
  phase: { nb: 'Fase', nn: 'Fase', en: 'Phase' },
} satisfies Record<string, Terms>;

/** The prioritization matrix's export: its sheets and columns. */
export const MATRIX_HEADINGS = {
  sheet: { nb: 'Prioriteringsmatrise', nn: 'Prioriteringsmatrise', en: 'Prioritization matrix' },
  weights: { nb: 'Vekter', nn: 'Vekter', en: 'Weights' },
  criterion: { nb: 'Kriterium', nn: 'Kriterium', en: 'Criterion' },
  weight: { nb: 'Vekt', nn: 'Vekt', en: 'Weight' },
  type: { nb: 'Type', nn: 'Type', en: 'Type' },
  proposal: { nb: 'Forslag', nn: 'Forslag', en: 'Proposal' },
  project: { nb: 'Prosjekt', nn: 'Prosjekt', en: 'Project' },
  reference: { nb: 'Referanse', nn: 'Referanse', en: 'Reference' },
  title: { nb: 'Tittel', nn: 'Tittel', en: 'Title' },
  statusOrPhase: { nb: 'Status eller fase', nn: 'Status eller fase', en: 'Status or phase' },
  focusAreas: { nb: 'Innsatsområder', nn: 'Innsatsområde', en: 'Focus areas' },
  municipalityCount: { nb: 'Antall kommuner', nn: 'Tal på kommunar', en: 'Municipalities' },
  x: { nb: 'Vannrett akse', nn: 'Vassrett akse', en: 'Horizontal axis' },
  y: { nb: 'Loddrett akse', nn: 'Loddrett akse', en: 'Vertical axis' },
} satisfies Record<string, Terms>;

/** The scoring model's criteria and the total, as the matrix's axes and the export name them. */
export const MATRIX_AXIS_LABELS: Record<MatrixAxis, Terms> = {
  benefit: { nb: 'Nytte', nn: 'Nytte', en: 'Benefit' },
  cost: { nb: 'Kostnad', nn: 'Kostnad', en: 'Cost' },
  risk: { nb: 'Risiko', nn: 'Risiko', en: 'Risk' },
  feasibility: { nb: 'Gjennomførbarhet', nn: 'Gjennomførbarheit', en: 'Feasibility' },
  strategicFit: { nb: 'Strategisk treff', nn: 'Strategisk treff', en: 'Strategic fit' },
  municipalities: { nb: 'Kommuner', nn: 'Kommunar', en: 'Municipalities' },
  total: { nb: 'Totalpoeng', nn: 'Totalpoeng', en: 'Total score' },
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, Terms> = {
  low: { nb: 'Lav', nn: 'Låg', en: 'Low' },
  medium: { nb: 'Middels', nn: 'Middels', en: 'Medium' },
  high: { nb: 'Høy', nn: 'Høg', en: 'High' },
};

export const RISK_KIND_LABELS: Record<RiskKind, Terms> = {
  threat: { nb: 'Trussel', nn: 'Trussel', en: 'Threat' },
  opportunity: { nb: 'Mulighet', nn: 'Moglegheit', en: 'Opportunity' },
};

export const RISK_STATUS_LABELS: Record<RiskStatus, Terms> = {
  open: { nb: 'Åpen', nn: 'Open', en: 'Open' },
  closed: { nb: 'Lukket', nn: 'Lukka', en: 'Closed' },
};

/** A status report's lights in words: never the colour alone. */
export const STATUS_LIGHT_LABELS: Record<StatusLight, Terms> = {
  green: { nb: 'Grønn', nn: 'Grøn', en: 'Green' },
  yellow: { nb: 'Gul', nn: 'Gul', en: 'Yellow' },
  red: { nb: 'Rød', nn: 'Raud', en: 'Red' },
};

/** The control parameters (styringsparametere) of Prosjektveiviseren. */
export const CONTROL_PARAMETER_LABELS: Record<ControlParameter, Terms> = {
  benefits: { nb: 'Gevinster', nn: 'Gevinstar', en: 'Benefits' },
  cost: { nb: 'Kostnad', nn: 'Kostnad', en: 'Cost' },
  time: { nb: 'Tid', nn: 'Tid', en: 'Time' },
  quality: { nb: 'Kvalitet', nn: 'Kvalitet', en: 'Quality' },
  scope: { nb: 'Omfang', nn: 'Omfang', en: 'Scope' },
  sustainability: { nb: 'Bærekraft', nn: 'Berekraft', en: 'Sustainability' },
  risk: { nb: 'Risiko', nn: 'Risiko', en: 'Risk' },
};

const MONTHS: Record<Language, string[]> = {
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  nn: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A report's period in words: «mars 2026», «2. tertial 2026». */
export function periodInWords(kind: ReportPeriodKind, year: number, period: number, language: Language): string {
  if (kind === 'month') return `${MONTHS[language][period - 1] ?? period} ${year}`;
  return language === 'en' ? `Tertial ${period} ${year}` : `${period}. tertial ${year}`;
}
