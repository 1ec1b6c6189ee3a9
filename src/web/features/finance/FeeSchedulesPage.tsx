import { Navigate, useParams } from 'react-router';
import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { FeeScheduleStatus, FeeScheduleSummary } from '../../../shared/finance/fees.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { useApi } from '../../app/api.ts';
import { ListWithCreate } from '../../app/kit.tsx';
import { fmt } from '../../app/i18n/index.tsx';
import { AppLink, LoadState } from '../../app/ui.tsx';
import { FinanceFrame } from './FinanceFrame.tsx';
import { feeSchedulesPath, feeSchedulePath } from './fees-api.ts';
import { useFinanceMessages } from './messages.ts';
import { ScheduleForm } from './ScheduleForm.tsx';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { DataTable } from '../../app/table.tsx';
import { useOpenCreated } from './finance-parts.tsx';

const STATUS_COLORS: Record<FeeScheduleStatus, 'neutral' | 'success'> = { draft: 'neutral', adopted: 'success' };

export function FeeStatusTag({ status }: { status: FeeScheduleStatus }) {
  const fm = useFinanceMessages();
  return (
    <Tag data-color={STATUS_COLORS[status]} data-size="sm">
      {fm.statuses[status]}
    </Tag>
  );
}

/** `/n/:slug/okonomi/kontingent`: the network's fee schedules by year; the secretariat makes a new one. */
export function FeeSchedulesPage() {
  const fm = useFinanceMessages();
  return <FinanceFrame title={fm.list.title}>{(n) => <SchedulesView network={n} />}</FinanceFrame>;
}

function SchedulesView({ network }: { network: NetworkOverview }) {
  const fm = useFinanceMessages();
  const l = fm.list;
  const admin = useNetworkCapabilities(network.id).administer;
  const schedules = useApi<FeeScheduleSummary[]>(`/networks/${network.id}/fee-schedules`);
  const opened = useOpenCreated((id) => feeSchedulePath(network.slug, id), l.created);
  return (
    <ListWithCreate
      intro={l.intro}
      create={{
        label: l.newSchedule,
        readOnly: l.readOnly,
        form: admin ? (close) => <ScheduleForm networkId={network.id} schedule={null} {...opened(close)} /> : null,
      }}
    >
      <LoadState loaded={schedules}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{l.none}</Paragraph>
          ) : (
            <DataTable caption={fmt(l.caption, { name: network.name })} columns={[l.schedule, l.year, l.model, l.status]}>
              {list.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>
                    <AppLink to={feeSchedulePath(network.slug, s.id)}>{s.title}</AppLink>
                  </Table.Cell>
                  <Table.Cell>{s.year}</Table.Cell>
                  <Table.Cell>{fm.kinds[s.kind]}</Table.Cell>
                  <Table.Cell>
                    <FeeStatusTag status={s.status} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </DataTable>
          )
        }
      </LoadState>
    </ListWithCreate>
  );
}

/** `/n/:slug/kontingent`, the fee pages' first address, kept for links already shared. */
export function OldFeesAddress() {
  const { slug = '' } = useParams();
  return <Navigate to={feeSchedulesPath(slug)} replace />;
}
