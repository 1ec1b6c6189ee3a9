import type { ResultsFilter } from '../../../shared/mapping/surveys.ts';

/** The results' filter as the round page's address holds it: `?kommune=1870&kommune=1871&del=leadership`. */
export interface PageFilter {
  municipalities: string[];
  dimensions: string[];
}

export function readResultsFilter(params: URLSearchParams): PageFilter {
  const list = (name: string, pattern: RegExp) => [
    ...new Set(
      params
        .getAll(name)
        .flatMap((v) => v.split(','))
        .filter((v) => pattern.test(v)),
    ),
  ];
  return { municipalities: list('kommune', /^\d{4}$/), dimensions: list('del', /^[a-z0-9][a-zA-Z0-9_-]{0,59}$/) };
}

export function resultsSearch(filter: PageFilter): string {
  const params = new URLSearchParams();
  for (const n of filter.municipalities) params.append('kommune', n);
  for (const key of filter.dimensions) params.append('del', key);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filter as the API's exports take it. */
export const asQuery = (filter: PageFilter): ResultsFilter => ({ municipality: filter.municipalities, dimension: filter.dimensions });

/** An export's address with the filter: `…/export?format=csv&municipality=1870&dimension=leadership`. */
export function exportPath(path: string, filter: PageFilter, format: 'xlsx' | 'csv'): string {
  const params = new URLSearchParams({ format });
  for (const n of filter.municipalities) params.append('municipality', n);
  for (const key of filter.dimensions) params.append('dimension', key);
  return `/api${path}?${params.toString()}`;
}
