import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { StrategyCreateSchema, StrategyUpdateSchema, type Strategy } from '../../../shared/strategy/schema.ts';
import { useApi } from '../../app/api.ts';
import { TextField, useForm } from '../../app/forms.tsx';
import { fmt } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { AppLink, LoadState } from '../../app/ui.tsx';
import { useStrategyMessages } from './messages.ts';
import { parseWhole, strategyPath, versionPath } from './strategy-api.ts';
import { usePeriod, VersionStatusTag } from './StrategyDocument.tsx';
import './strategy.css';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { DataTable } from '../../app/table.tsx';
import { type DialogFormProps, ListWithCreate, SaveForm } from '../../app/kit.tsx';

/** `/n/:slug/strategi`: the network's strategies with their newest version; the secretariat starts a new one. */
export function StrategiesPage() {
  const sm = useStrategyMessages();
  const network = useNetwork();
  const title = fmt(sm.list.title, { name: network.name });
  return (
    <Page title={title}>
      <StrategiesView network={network} />
    </Page>
  );
}

function StrategiesView({ network }: { network: NetworkOverview }) {
  const sm = useStrategyMessages();
  const navigate = useNavigate();
  const period = usePeriod();
  const admin = useNetworkCapabilities(network.id).administer;
  const strategies = useApi<Strategy[]>(`/networks/${network.id}/strategies`);
  const memberCount = network.members.filter((x) => x.isCurrent).length;
  const l = sm.list;
  return (
    <ListWithCreate
      intro={l.intro}
      create={{
        label: l.newStrategy,
        readOnly: l.readOnly,
        form: admin
          ? (close) => (
              <StrategyForm
                networkId={network.id}
                strategy={null}
                onCancel={close}
                onReload={close}
                onSaved={(created) => {
                  close();
                  // A new strategy comes with an empty draft as its version 1: straight to the editor.
                  const draft = created.versions[0];
                  void navigate(draft ? versionPath(network.slug, created.id, draft.id) : strategyPath(network.slug, created.id), {
                    state: { message: l.created },
                  });
                }}
              />
            )
          : null,
      }}
    >
      <LoadState loaded={strategies}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{l.none}</Paragraph>
          ) : (
            <DataTable caption={fmt(l.caption, { name: network.name })} columns={[l.strategy, l.period, l.newest, l.adopted]}>
              {list.map((s) => {
                const newest = s.versions[0];
                const published = s.versions.find((v) => v.status === 'published');
                return (
                  <Table.Row key={s.id}>
                    <Table.Cell>
                      <AppLink to={strategyPath(network.slug, s.id)}>{s.title}</AppLink>
                    </Table.Cell>
                    <Table.Cell>{period(s.periodStart, s.periodEnd)}</Table.Cell>
                    <Table.Cell>
                      {newest ? (
                        <span className="dr-tags">
                          {fmt(sm.common.versionN, { n: newest.number })} <VersionStatusTag status={newest.status} />
                        </span>
                      ) : (
                        l.noVersion
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {published
                        ? `${fmt(l.adoptedOf, { count: published.adoptedCount, total: memberCount })} (${fmt(sm.common.versionN, { n: published.number })})`
                        : l.noVersion}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </DataTable>
          )
        }
      </LoadState>
    </ListWithCreate>
  );
}

/** Creates a strategy (title and period), or changes an existing one's. */
export function StrategyForm({
  networkId,
  strategy,
  onSaved,
  onCancel,
  onReload,
}: DialogFormProps<Strategy> & {
  networkId: string;
  strategy: Strategy | null;
}) {
  const sm = useStrategyMessages();
  const f = sm.strategyForm;
  const form = useForm();
  const thisYear = new Date().getFullYear();
  const [title, setTitle] = useState(strategy?.title ?? '');
  const [periodStart, setPeriodStart] = useState(String(strategy?.periodStart ?? thisYear));
  const [periodEnd, setPeriodEnd] = useState(String(strategy?.periodEnd ?? thisYear + 3));
  const labels = { title: f.title, periodStart: f.periodStart, periodEnd: f.periodEnd };
  const input = { title, periodStart: parseWhole(periodStart), periodEnd: parseWhole(periodEnd) };
  return (
    <SaveForm
      form={form}
      save={{
        item: strategy,
        create: { schema: StrategyCreateSchema, path: `/networks/${networkId}/strategies` },
        update: { schema: StrategyUpdateSchema, path: `/strategies/${strategy?.id}` },
        input,
        labels,
        done: onSaved,
      }}
      submitLabel={strategy ? f.save : f.create}
      onCancel={onCancel}
      onReload={onReload}
    >
      <TextField state={form} name="title" label={f.title} description={f.titleDescription} value={title} onChange={setTitle} required />
      <div className="dr-toolbar">
        <TextField state={form} name="periodStart" label={f.periodStart} value={periodStart} onChange={setPeriodStart} required />
        <TextField state={form} name="periodEnd" label={f.periodEnd} value={periodEnd} onChange={setPeriodEnd} required />
      </div>
    </SaveForm>
  );
}
