import { Select } from '@digdir/designsystemet-react';
import { useApi } from '../../app/api.ts';
import type { PeoplePage } from '../../../shared/network/schema.ts';

/** The network's people by name, to choose a project owner and manager from (none while loading). */
export function usePeople(networkId: string, enabled: boolean): { id: string; name: string }[] {
  const people = useApi<PeoplePage>(enabled ? `/networks/${networkId}/people?limit=500` : null);
  return (people.data?.items ?? []).map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

/**
 * The options of a person select: «none» first, then the network's people, with the one already chosen even when
 * the list no longer holds them.
 */
export function PersonOptions({
  networkId,
  noneLabel,
  current = null,
}: {
  networkId: string;
  noneLabel: string;
  current?: { personId: string; name: string } | null;
}) {
  const people = usePeople(networkId, true);
  const options =
    current && !people.some((p) => p.id === current.personId) ? [{ id: current.personId, name: current.name }, ...people] : people;
  return (
    <>
      <Select.Option value="">{noneLabel}</Select.Option>
      {options.map((p) => (
        <Select.Option key={p.id} value={p.id}>
          {p.name}
        </Select.Option>
      ))}
    </>
  );
}
