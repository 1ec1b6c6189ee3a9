import { DOMAINS, domainPath } from '../../../shared/mapping/domains.ts';
import type { Language } from '../../../shared/i18n/languages.ts';

/** The three dashboards of a network, each at its own address under /n/:slug/kartlegging. */
export const VIEWS = ['adoption', 'landscape', 'contracts'] as const;
export type DashboardView = (typeof VIEWS)[number];

const SEGMENTS: Record<DashboardView, string> = { adoption: '', landscape: '/fagsystemer', contracts: '/avtaler' };

export const dashboardPath = (slug: string, view: DashboardView, search = '') =>
  `/n/${encodeURIComponent(slug)}/kartlegging${SEGMENTS[view]}${search}`;

export const publicMappingPath = (slug: string) => `/innsyn/n/${encodeURIComponent(slug)}/kartlegging`;

/** The filter as the page's address holds it: `?kommune=1820&kommune=1824&fagomrade=helse&maneder=24`. */
export interface Filter {
  municipalities: string[];
  domain: string;
  months: number;
}

export const DEFAULT_MONTHS = 36;

export function readFilter(params: URLSearchParams): Filter {
  const municipalities = params
    .getAll('kommune')
    .flatMap((v) => v.split(','))
    .filter((v) => /^\d{4}$/.test(v));
  const domain = params.get('fagomrade') ?? '';
  const months = Number(params.get('maneder'));
  return {
    municipalities: [...new Set(municipalities)],
    domain: DOMAINS.some((d) => d.key === domain) ? domain : '',
    months: Number.isInteger(months) && months >= 1 && months <= 120 ? months : DEFAULT_MONTHS,
  };
}

export function filterSearch(filter: Filter): string {
  const params = new URLSearchParams();
  for (const n of filter.municipalities) params.append('kommune', n);
  if (filter.domain) params.set('fagomrade', filter.domain);
  if (filter.months !== DEFAULT_MONTHS) params.set('maneder', String(filter.months));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API address of a dashboard with the filter, optionally as a file. */
export function apiPath(networkId: string, view: DashboardView, filter: Filter, format?: 'xlsx' | 'csv'): string {
  const params = new URLSearchParams();
  if (filter.municipalities.length > 0) params.set('municipality', filter.municipalities.join(','));
  if (filter.domain && view !== 'adoption') params.set('domain', filter.domain);
  if (view === 'contracts' && filter.months !== DEFAULT_MONTHS) params.set('months', String(filter.months));
  if (format) params.set('format', format);
  const text = params.toString();
  return `/networks/${encodeURIComponent(networkId)}/mapping/${view}${text ? `?${text}` : ''}`;
}

/** Domains for a choice: each main domain, then its subdomains, named by their path. */
export function domainOptions(lang: Language) {
  return DOMAINS.map((d) => ({ key: d.key, label: domainPath(d.key, lang) }));
}

/**
 * Domains as the landscape lists them: the standardization candidates first, then by how many products are in use,
 * the vocabulary's order (the server's) breaking ties.
 */
export function byWhatMatters<D extends { standardizationCandidate: boolean; productCount: number }>(domains: readonly D[]): D[] {
  return domains
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        Number(b.d.standardizationCandidate) - Number(a.d.standardizationCandidate) || b.d.productCount - a.d.productCount || a.i - b.i,
    )
    .map(({ d }) => d);
}
