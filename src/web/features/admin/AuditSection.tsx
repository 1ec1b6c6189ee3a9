import { useState } from 'react';
import { Button, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import type { AuditEntry } from '../../../shared/auth/schema.ts';
import { query, useApi } from '../../app/api.ts';
import { SelectField, TextField, useForm } from '../../app/forms.tsx';
import { fmt, useI18n, type Messages } from '../../app/i18n/index.tsx';
import { LoadState, Section } from '../../app/ui.tsx';
import { diffRecords } from './audit-diff.ts';
import { useScopeOptions } from './scope-options.ts';
import { DataTable } from '../../app/table.tsx';

type EntityType = keyof Messages['admin']['entityTypes'];
const ENTITY_TYPES: EntityType[] = [
  'network',
  'networkMember',
  'person',
  'body',
  'bodyMembership',
  'municipality',
  'roleAssignment',
  'user',
  'personalLink',
  'outboxMessage',
];

/** The audit log of one network, filtered by record type and id, with a readable before/after. */
export function AuditSection() {
  const { m } = useI18n();
  const options = useScopeOptions();
  const form = useForm();
  const [networkId, setNetworkId] = useState('');
  const [entityType, setEntityType] = useState('');
  const [entityId, setEntityId] = useState('');
  const [shown, setShown] = useState<{ networkId: string; entityType: string; entityId: string } | null>(null);
  const chosen = networkId || options.networks[0]?.id || '';
  const entries = useApi<AuditEntry[]>(
    shown
      ? `/networks/${shown.networkId}/audit${query({ entityType: shown.entityType, entityId: shown.entityId.trim(), limit: 200 })}`
      : null,
  );
  const networkName = options.networks.find((n) => n.id === shown?.networkId)?.name ?? '';

  return (
    <Section id="audit-heading" title={m.admin.auditHeading}>
      <Paragraph>{m.admin.auditIntro}</Paragraph>
      <form
        className="dr-toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen) setShown({ networkId: chosen, entityType, entityId });
        }}
      >
        <SelectField state={form} name="networkId" label={m.admin.network} value={chosen} onChange={setNetworkId}>
          {options.networks.map((n) => (
            <Select.Option key={n.id} value={n.id}>
              {n.name}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField state={form} name="entityType" label={m.admin.entityType} value={entityType} onChange={setEntityType}>
          <Select.Option value="">{m.admin.allTypes}</Select.Option>
          {ENTITY_TYPES.map((t) => (
            <Select.Option key={t} value={t}>
              {m.admin.entityTypes[t]}
            </Select.Option>
          ))}
        </SelectField>
        <TextField state={form} name="entityId" label={m.admin.entityId} value={entityId} onChange={setEntityId} autoComplete="off" />
        <div>
          <Button type="submit" disabled={!chosen}>
            {m.admin.showAudit}
          </Button>
        </div>
      </form>
      {shown && (
        <LoadState loaded={entries}>
          {(list) =>
            list.length === 0 ? (
              <Paragraph role="status">{m.admin.noEntries}</Paragraph>
            ) : (
              <AuditTable entries={list} networkName={networkName} />
            )
          }
        </LoadState>
      )}
    </Section>
  );
}

function AuditTable({ entries, networkName }: { entries: AuditEntry[]; networkName: string }) {
  const { m, dateTime } = useI18n();
  const typeLabel = (t: string) => (t in m.admin.entityTypes ? m.admin.entityTypes[t as EntityType] : t);
  const actionLabel = (a: string) => (a in m.admin.actions ? m.admin.actions[a as keyof Messages['admin']['actions']] : a);
  return (
    <DataTable
      caption={fmt(m.admin.auditCaption, { name: networkName })}
      columns={[m.admin.when, m.admin.who, m.admin.what, m.admin.changes]}
    >
      {entries.map((entry) => {
        const rows = diffRecords(entry.before, entry.after, m.common.none);
        return (
          <Table.Row key={entry.id}>
            <Table.Cell className="dr-audit-when">{dateTime(entry.at)}</Table.Cell>
            <Table.Cell>
              {entry.actorName ?? m.admin.system}
              {entry.ip && (
                <Paragraph data-size="xs" className="dr-muted" title={entry.userAgent ?? undefined}>
                  {fmt(m.admin.fromAddress, { ip: entry.ip })}
                  {entry.userAgent ? ` · ${entry.userAgent}` : ''}
                </Paragraph>
              )}
            </Table.Cell>
            <Table.Cell>
              {actionLabel(entry.action)}: {typeLabel(entry.entityType)}
              <Paragraph data-size="xs" className="dr-muted">
                {entry.entityId}
              </Paragraph>
            </Table.Cell>
            <Table.Cell>
              {rows.length === 0 ? (
                m.admin.noChanges
              ) : (
                <table className="dr-diff" aria-label={fmt(m.admin.changesFor, { type: typeLabel(entry.entityType), id: entry.entityId })}>
                  <thead>
                    <tr>
                      <th scope="col">{m.admin.field}</th>
                      <th scope="col">{m.admin.before}</th>
                      <th scope="col">{m.admin.after}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.field}>
                        <th scope="row">{r.field}</th>
                        <td>
                          <del>{r.before}</del>
                        </td>
                        <td>
                          <ins>{r.after}</ins>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Table.Cell>
          </Table.Row>
        );
      })}
    </DataTable>
  );
}
