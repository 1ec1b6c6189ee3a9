import { PHASES, type BasisDocument, type Decision, type DecisionPoint, type Phase } from '../../../shared/portfolio/projects.ts';
import { PORTFOLIO_STATUSES, type PortfolioStatus } from '../../../shared/portfolio/status-reports.ts';
import { query } from '../../app/api.ts';
// Kept beside PersonOptions, so a feature borrowing those options does not load this file's schemas with them.
export { usePeople } from './PersonOptions.tsx';

/** Addresses of the project pages, in Norwegian as the rest of the app. */
export const projectsPath = (slug: string, search = '') => `/n/${slug}/prosjekter${search}`;
export const projectPath = (slug: string, id: string) => `/n/${slug}/prosjekter/${id}`;

/**
 * The project page's tabs, each its own address below the project's: the summary is the project's address itself.
 * The segments are the Norwegian words the rest of the app uses (`nytte` as the network's benefits section).
 */
export const PROJECT_TABS = [
  '',
  'plan',
  'beslutninger',
  'statusrapporter',
  'nytte',
  'finansiering',
  'deltakere',
  'dokumenter',
  'erfaringer',
] as const;
export type ProjectTab = (typeof PROJECT_TABS)[number];
export const projectTabPath = (slug: string, id: string, tab: ProjectTab) =>
  tab ? `${projectPath(slug, id)}/${tab}` : projectPath(slug, id);
export const isProjectTab = (value: string): value is ProjectTab => (PROJECT_TABS as readonly string[]).includes(value);
export const projectDocumentUrl = (documentId: string) => `/api/project-documents/${documentId}/file`;

/** The overview's filters and view, as kept in the page's address. */
export interface PortfolioFilter {
  phase: Phase | '';
  focusArea: string;
  municipality: string;
  /** The overall light of the latest published status report, or `none`. */
  status: PortfolioStatus | '';
  /** A programme's id, or `none` for the projects in no programme. */
  programme: string;
}
export type PortfolioView = 'table' | 'board' | 'timeline' | 'programmes';

const isPhase = (value: string): value is Phase => (PHASES as readonly string[]).includes(value);
const isStatus = (value: string): value is PortfolioStatus => (PORTFOLIO_STATUSES as readonly string[]).includes(value);

/** The filter with nothing chosen. */
export const NO_FILTER: PortfolioFilter = { phase: '', focusArea: '', municipality: '', status: '', programme: '' };

export function readFilter(params: URLSearchParams): PortfolioFilter {
  const phase = params.get('fase') ?? '';
  const status = params.get('status') ?? '';
  return {
    phase: isPhase(phase) ? phase : '',
    focusArea: params.get('innsatsomrade') ?? '',
    municipality: params.get('kommune') ?? '',
    status: isStatus(status) ? status : '',
    programme: params.get('program') ?? '',
  };
}

const VIEW_PARAMS: Record<PortfolioView, string | undefined> = {
  table: undefined,
  board: 'tavle',
  timeline: 'tidslinje',
  programmes: 'program',
};

/** The board is «?visning=tavle», the timeline «?visning=tidslinje»; the table is the default and has no parameter. */
export const readView = (params: URLSearchParams): PortfolioView => {
  const view = (Object.keys(VIEW_PARAMS) as PortfolioView[]).find((v) => VIEW_PARAMS[v] === params.get('visning'));
  return view ?? 'table';
};

/** The filter and view as the page's query string (Norwegian names, as the addresses are). */
export const portfolioSearch = (f: PortfolioFilter, view: PortfolioView) =>
  query({
    fase: f.phase,
    innsatsomrade: f.focusArea,
    kommune: f.municipality,
    status: f.status,
    program: f.programme,
    visning: VIEW_PARAMS[view],
  });

/** The portfolio in the API, filtered; with a format it is the spreadsheet download. */
export const portfolioApiPath = (networkId: string, f: PortfolioFilter, format?: 'xlsx' | 'csv') =>
  `/networks/${networkId}/projects${query({
    phase: f.phase,
    focusArea: f.focusArea,
    municipality: f.municipality,
    status: f.status,
    programme: f.programme,
    format,
  })}`;

/** The decision point whose decision froze a document, or null while it can still be changed. */
export function frozenBy(document: BasisDocument, decisions: Decision[]): DecisionPoint | null {
  if (!document.frozenByDecisionId) return null;
  return decisions.find((d) => d.id === document.frozenByDecisionId)?.decisionPoint ?? null;
}

/** The file types a basis document may be, by file name ending (as for a case's attachments). */
export const DOCUMENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const DOCUMENT_ACCEPT = Object.entries(DOCUMENT_TYPES)
  .flatMap(([ending, type]) => [ending, type])
  .join(',');

export function documentType(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  const ending = Object.keys(DOCUMENT_TYPES).find((e) => lower.endsWith(e));
  return ending ? DOCUMENT_TYPES[ending]! : null;
}
