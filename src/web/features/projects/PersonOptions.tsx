import { Select } from '@digdir/designsystemet-react';
import { usePeople } from './projects-api.ts';

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
