import { PROPOSAL_STATUSES, type ProposalStatus } from '../../../shared/portfolio/proposals.ts';
import type { PublicStrategy } from '../../../shared/strategy/schema.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { query, useApi } from '../../app/api.ts';

/** Addresses of the proposal pages, in Norwegian as the rest of the app. */
export const proposalsPath = (slug: string, search = '') => `/n/${slug}/forslag${search}`;
export const proposalPath = (slug: string, id: string) => `/n/${slug}/forslag/${id}`;
export { publicProposalPath } from './paths.ts';

/** The list's filters, as kept in the page's address. */
export interface ProposalFilter {
  status: ProposalStatus | '';
  focusArea: string;
  municipality: string;
}

const isStatus = (value: string): value is ProposalStatus => (PROPOSAL_STATUSES as readonly string[]).includes(value);

export function readFilter(params: URLSearchParams): ProposalFilter {
  const status = params.get('status') ?? '';
  return {
    status: isStatus(status) ? status : '',
    focusArea: params.get('innsatsomrade') ?? '',
    municipality: params.get('kommune') ?? '',
  };
}

/** The filter as the page's query string (Norwegian names, as the addresses are). */
export const filterSearch = (f: ProposalFilter) => query({ status: f.status, innsatsomrade: f.focusArea, kommune: f.municipality });

/** The list in the API, filtered; with a format it is the spreadsheet download. */
export const proposalsApiPath = (networkId: string, f: ProposalFilter, format?: 'xlsx' | 'csv') =>
  `/networks/${networkId}/proposals${query({ status: f.status, focusArea: f.focusArea, municipality: f.municipality, format })}`;

export interface FocusAreaOption {
  key: string;
  title: string;
}

/**
 * The focus areas a proposal may point at: those of the strategy in force, which is the first the public strategy
 * list gives (newest period first), in its newest published version. The server picks them the same way.
 */
export function newestFocusAreas(strategies: PublicStrategy[]): FocusAreaOption[] {
  const newest = strategies[0];
  return newest ? newest.version.content.focusAreas.map((f) => ({ key: f.key, title: f.title })) : [];
}

/** A whole number typed in a field; the text itself when it is no number, so the schema names the field. */
export function parseWhole(text: string): number | string | undefined {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '');
  if (cleaned === '') return undefined;
  return /^\d+$/.test(cleaned) ? Number(cleaned) : text;
}

/** The focus areas of the strategy in force (none while loading, or when the network has published none). */
export function useFocusAreas(slug: string): FocusAreaOption[] {
  const strategies = useApi<PublicStrategy[]>(`/public/networks/${encodeURIComponent(slug)}/strategies`);
  return newestFocusAreas(strategies.data ?? []);
}

/** The network's current members by name: those who can be ticked as wanting a proposal, and the filter's choices. */
export function currentMembers(network: NetworkOverview): { number: string; name: string }[] {
  return network.members
    .filter((x) => x.isCurrent)
    .map((x) => ({ number: x.municipalityNumber, name: x.municipalityName }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}
