import type { Municipality, NetworkSummary } from '../../../shared/network/schema.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { useApi } from '../../app/api.ts';
import { useAccountCapabilities } from '../../app/capabilities.ts';

export interface ScopeOptions {
  networks: { id: string; name: string }[];
  municipalities: { number: string; name: string }[];
  /** Also the platform administrator's role. */
  everyRole: boolean;
}

/**
 * Networks and municipalities the account may hand out roles for, as the server answers it: everything for the
 * platform administrator; a secretariat's own networks and their current member municipalities otherwise.
 */
export function useScopeOptions(): ScopeOptions {
  const account = useAccountCapabilities();
  const networks = useApi<NetworkSummary[]>('/networks');
  const allMunicipalities = useApi<Municipality[]>(
    account.grantsEveryRole || account.grantsEditorRolesFor.length > 0 ? '/municipalities' : null,
  );
  const networkList = (networks.data ?? [])
    .filter((n) => account.grantsEveryRole || account.grantsNetworkRolesIn.includes(n.id))
    .map((n) => ({ id: n.id, name: n.name }));
  const municipalities = (allMunicipalities.data ?? [])
    .filter((x) => (account.grantsEveryRole ? !x.validTo : account.grantsEditorRolesFor.includes(x.number)))
    .map((x) => ({ number: x.number, name: x.name }))
    .sort((a, b) => compareNorwegian(a.name, b.name));
  return { networks: networkList, municipalities, everyRole: account.grantsEveryRole };
}
