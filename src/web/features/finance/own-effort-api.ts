import { query } from '../../app/api.ts';
import { financePath } from './finance-paths.ts';

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
