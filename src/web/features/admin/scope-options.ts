import { useEffect, useMemo, useState } from 'react';
import type { Municipality, NetworkOverview, NetworkSummary } from '../../../shared/network/schema.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { api, useApi } from '../../app/api.ts';
import { administeredNetworkIds, isPlatformAdmin, type User } from '../../app/session.tsx';

export interface ScopeOptions {
  networks: { id: string; name: string }[];
  municipalities: { number: string; name: string }[];
}

/**
 * Networks and municipalities the user may hand out roles for: everything for the platform
 * administrator; a secretariat's own networks and their current member municipalities otherwise.
 */
export function useScopeOptions(user: User): ScopeOptions {
  const platform = isPlatformAdmin(user);
  const networks = useApi<NetworkSummary[]>('/networks');
  const allMunicipalities = useApi<Municipality[]>(platform ? '/municipalities' : null);
  const [memberMunicipalities, setMemberMunicipalities] = useState<{ number: string; name: string }[]>([]);
  const idsKey = administeredNetworkIds(user).join(',');
  const ids = useMemo(() => (idsKey ? idsKey.split(',') : []), [idsKey]);

  useEffect(() => {
    if (platform || ids.length === 0) return;
    let live = true;
    Promise.all(ids.map((id) => api<NetworkOverview>(`/networks/${id}`))).then(
      (overviews) => {
        if (!live) return;
        const byNumber = new Map<string, string>();
        for (const o of overviews) for (const x of o.members) if (x.isCurrent) byNumber.set(x.municipalityNumber, x.municipalityName);
        setMemberMunicipalities([...byNumber].map(([number, name]) => ({ number, name })).sort((a, b) => compareNorwegian(a.name, b.name)));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [platform, ids]);

  const networkList = (networks.data ?? []).filter((n) => platform || ids.includes(n.id)).map((n) => ({ id: n.id, name: n.name }));
  const municipalities = platform
    ? (allMunicipalities.data ?? [])
        .filter((x) => !x.validTo)
        .map((x) => ({ number: x.number, name: x.name }))
        .sort((a, b) => compareNorwegian(a.name, b.name))
    : memberMunicipalities;
  return { networks: networkList, municipalities };
}
