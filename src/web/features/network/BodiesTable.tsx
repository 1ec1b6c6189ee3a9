import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { BodySummary, NetworkOverview } from '../../../shared/network/schema.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import { DataTable } from '../../app/table.tsx';
import { AppLink } from '../../app/ui.tsx';

/** The network's bodies, each linked to its page, with kind, short code and number of members. */
export function BodiesTable({ network, bodies, caption }: { network: NetworkOverview; bodies: BodySummary[]; caption: string }) {
  const { m, number } = useI18n();
  if (bodies.length === 0) return <Paragraph>{m.network.noBodies}</Paragraph>;
  return (
    <DataTable caption={caption} columns={[m.bodies.name, m.network.kind, m.network.shortCode, m.network.memberCount]}>
      {bodies.map((b) => (
        <Table.Row key={b.id}>
          <Table.Cell>
            <AppLink to={`/n/${network.slug}/organer/${b.id}`}>{b.name}</AppLink>
          </Table.Cell>
          <Table.Cell>{m.enums.bodyKinds[b.kind]}</Table.Cell>
          <Table.Cell>{b.shortCode ?? m.common.none}</Table.Cell>
          <Table.Cell>{number(b.memberCount)}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}
