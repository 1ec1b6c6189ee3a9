import { ApiError, api, query } from '../../app/api.ts';
import type { ImportResult } from '../../../shared/finance/own-effort.ts';
import type { ImportProblem } from '../../../shared/mapping/schema.ts';
import { financePath } from './FinanceFrame.tsx';

/** The page's filters as they stand in its address: `aar` (as on every finance page), `kommune`, `prosjekt` (a project's id or `felles`). */
export interface OwnEffortFilter {
  year: number;
  municipality: string;
  project: string;
}

export const COMMON_WORK = 'felles';

export function ownEffortPath(slug: string, filter: Partial<OwnEffortFilter> = {}): string {
  return `${financePath(slug, 'egeninnsats')}${query({ aar: filter.year, kommune: filter.municipality, prosjekt: filter.project })}`;
}

export function readOwnEffortFilter(params: URLSearchParams): OwnEffortFilter {
  const year = Number(params.get('aar'));
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : new Date().getFullYear(),
    municipality: /^\d{4}$/.test(params.get('kommune') ?? '') ? params.get('kommune')! : '',
    project: params.get('prosjekt') ?? '',
  };
}

/** The API's query for the filter: `project=common` for the common work. */
export function entriesQuery(filter: OwnEffortFilter, format?: 'xlsx' | 'csv'): string {
  return query({
    year: filter.year,
    municipality: filter.municipality,
    project: filter.project === COMMON_WORK ? 'common' : filter.project,
    format,
  });
}

export const ownEffortApi = (networkId: string) => `/networks/${encodeURIComponent(networkId)}/own-effort`;

export class OwnEffortImportRefused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('refused');
  }
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Uploads the file as the raw body; a refused file (every bad row listed, nothing changed) throws OwnEffortImportRefused. */
export async function uploadOwnEffort(networkId: string, file: File): Promise<ImportResult> {
  const contentType = file.name.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : 'text/csv';
  try {
    return await api<ImportResult>(`${ownEffortApi(networkId)}/import${query({ fileName: file.name })}`, {
      method: 'POST',
      file: { data: file, contentType },
    });
  } catch (error) {
    if (error instanceof ApiError && error.problems.length > 0) throw new OwnEffortImportRefused(error.problems);
    throw error;
  }
}
