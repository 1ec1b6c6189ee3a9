import { useMemo, useState } from 'react';
import { Button, Checkbox, Link, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import {
  MemberCreateSchema,
  MemberUpdateSchema,
  NetworkUpdateSchema,
  type Municipality,
  type NetworkMember,
  type NetworkOverview,
} from '../../../shared/network/schema.ts';
import { EndOnDateForm } from './EndOnDateForm.tsx';
import { BodiesTable } from './BodiesTable.tsx';
import { compareNorwegian } from '../../../shared/text.ts';
import { api, useApi } from '../../app/api.ts';
import { FailureAlert, SelectField, SuccessMessage, TextField } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { useAction } from '../../app/action.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork, useReloadNetwork } from '../../app/network-frame.tsx';
import { AppLink, ButtonRow, ModalDialog, todayIso, Section } from '../../app/ui.tsx';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { DataTable } from '../../app/table.tsx';

/** `/n/:slug`: a network's description, member municipalities and bodies; the secretariat edits here. */
export function NetworkPage() {
  const network = useNetwork();
  const reload = useReloadNetwork();
  return (
    <Page title={network.name}>
      <NetworkView network={network} reload={reload} />
    </Page>
  );
}

function NetworkView({ network, reload }: { network: NetworkOverview; reload: () => void }) {
  const { m, number } = useI18n();
  const admin = useNetworkCapabilities(network.id).administer;
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <>
      <div className="dr-stack">
        {network.description && <Paragraph>{network.description}</Paragraph>}
        <dl className="dr-facts">
          {network.umbrella && (
            <>
              <dt>{m.network.umbrella}</dt>
              <dd>
                <AppLink to={`/n/${network.umbrella.slug}`}>{network.umbrella.name}</AppLink>
              </dd>
            </>
          )}
          {network.host && (
            <>
              <dt>{m.network.host}</dt>
              <dd>
                <AppLink to={`/kommuner/${network.host.number}`}>{network.host.name}</AppLink>
              </dd>
            </>
          )}
          <dt>{m.network.population}</dt>
          <dd>{number(network.population)}</dd>
        </dl>
        {admin && (
          <ButtonRow>
            <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
              {m.network.editNetwork}
            </Button>
          </ButtonRow>
        )}
        <SuccessMessage message={status} />
      </div>

      {network.children.length > 0 && (
        <Section id="children-heading" title={fmt(m.network.children, { name: network.name })}>
          <ul>
            {network.children.map((c) => (
              <li key={c.id}>
                <AppLink to={`/n/${c.slug}`}>{c.name}</AppLink>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section id="members-heading" title={m.network.membersHeading}>
        {admin && (
          <ButtonRow>
            <Button type="button" onClick={() => setAdding(true)}>
              {m.network.addMember}
            </Button>
          </ButtonRow>
        )}
        <MembersTable network={network} admin={admin} reload={reload} onStatus={setStatus} />
        <Paragraph data-size="sm" className="dr-downloads">
          <Link href={`/api/networks/${network.slug}/members/export?format=xlsx`} download>
            {m.network.exportMembers}
          </Link>{' '}
          <Link href={`/api/networks/${network.slug}/members/export?format=csv`} download>
            {m.network.exportMembersCsv}
          </Link>
        </Paragraph>
      </Section>

      <Section id="bodies-heading" title={m.network.bodiesHeading}>
        <BodiesTable network={network} bodies={network.bodies} caption={fmt(m.network.bodiesCaption, { name: network.name })} />
      </Section>

      <ModalDialog open={editing} onClose={() => setEditing(false)} title={m.network.editNetwork}>
        <EditNetworkForm
          network={network}
          onSaved={() => {
            setEditing(false);
            setStatus(m.common.saved);
            reload();
          }}
          onReload={() => {
            setEditing(false);
            reload();
          }}
        />
      </ModalDialog>
      <ModalDialog open={adding} onClose={() => setAdding(false)} title={m.network.addMember}>
        <AddMemberForm
          network={network}
          onSaved={(name) => {
            setAdding(false);
            setStatus(fmt(m.network.memberAdded, { name }));
            reload();
          }}
          onCancel={() => setAdding(false)}
        />
      </ModalDialog>
    </>
  );
}

function MembersTable({
  network,
  admin,
  reload,
  onStatus,
}: {
  network: NetworkOverview;
  admin: boolean;
  reload: () => void;
  onStatus: (message: string | null) => void;
}) {
  const { m, number, date } = useI18n();
  const [ending, setEnding] = useState<NetworkMember | null>(null);
  const { busy, failure, setFailure, run } = useAction();
  const members = useMemo(
    () =>
      [...network.members].sort(
        (a, b) => Number(b.isCurrent) - Number(a.isCurrent) || compareNorwegian(a.municipalityName, b.municipalityName),
      ),
    [network.members],
  );

  const toggleHost = (member: NetworkMember) => {
    onStatus(null);
    return run(async () => {
      await api(`/network-members/${member.id}`, { method: 'PATCH', body: { isHost: !member.isHost, version: member.version } });
      onStatus(m.network.hostChanged);
      reload();
    });
  };

  return (
    <>
      <FailureAlert
        error={failure}
        onReload={() => {
          setFailure(null);
          reload();
        }}
      />
      <DataTable
        caption={fmt(m.network.membersCaption, { name: network.name })}
        columns={[
          m.network.municipality,
          m.network.county,
          m.municipality.population,
          m.network.joined,
          m.network.left,
          m.network.status,
          admin && m.common.actions,
        ]}
      >
        {members.map((member) => (
          <Table.Row key={member.id} className={member.isCurrent ? undefined : 'dr-former'}>
            <Table.Cell>
              <AppLink to={`/kommuner/${member.municipalityNumber}`}>{member.municipalityName}</AppLink>
            </Table.Cell>
            <Table.Cell>{member.countyName}</Table.Cell>
            <Table.Cell>{number(member.population)}</Table.Cell>
            <Table.Cell>{date(member.joinedOn)}</Table.Cell>
            <Table.Cell>{date(member.leftOn)}</Table.Cell>
            <Table.Cell>
              <span className="dr-tags">
                {member.isHost && (
                  <Tag data-color="accent" data-size="sm">
                    {m.network.host}
                  </Tag>
                )}
                {member.isCurrent ? (
                  <span>{m.network.current}</span>
                ) : (
                  <Tag data-color="neutral" data-size="sm">
                    {m.network.former}
                  </Tag>
                )}
              </span>
            </Table.Cell>
            {admin && (
              <Table.Cell>
                {member.isCurrent && (
                  <span className="dr-button-row">
                    <Button type="button" variant="tertiary" data-size="sm" disabled={busy} onClick={() => void toggleHost(member)}>
                      {fmt(member.isHost ? m.network.removeHost : m.network.makeHost, { name: member.municipalityName })}
                    </Button>
                    <Button type="button" variant="tertiary" data-size="sm" data-color="danger" onClick={() => setEnding(member)}>
                      {fmt(m.network.endMembership, { name: member.municipalityName })}
                    </Button>
                  </span>
                )}
              </Table.Cell>
            )}
          </Table.Row>
        ))}
      </DataTable>
      <ModalDialog
        open={ending !== null}
        onClose={() => setEnding(null)}
        title={ending ? fmt(m.network.endMembership, { name: ending.municipalityName }) : m.network.endMembershipShort}
      >
        {ending && (
          <EndMemberForm
            member={ending}
            onSaved={() => {
              setEnding(null);
              onStatus(m.network.membershipEnded);
              reload();
            }}
            onReload={() => {
              setEnding(null);
              reload();
            }}
          />
        )}
      </ModalDialog>
    </>
  );
}

function EditNetworkForm({ network, onSaved, onReload }: { network: NetworkOverview; onSaved: () => void; onReload: () => void }) {
  const { m } = useI18n();
  const { form, values, field } = useFormValues(() => ({
    name: network.name,
    shortName: network.shortName ?? '',
    description: network.description ?? '',
  }));
  const labels = { name: m.network.name, shortName: m.network.shortName, description: m.network.description };
  return (
    <SubmitForm
      form={form}
      onReload={onReload}
      submitLabel={m.common.save}
      submit={{
        schema: NetworkUpdateSchema,
        input: { ...values, version: network.version },
        labels,
        send: (body) => api(`/networks/${network.id}`, { method: 'PATCH', body }),
        done: () => onSaved(),
      }}
    >
      <TextField {...field('name', labels.name)} required autoComplete="off" />
      <TextField {...field('shortName', labels.shortName)} autoComplete="off" />
      <TextField {...field('description', labels.description)} multiline rows={5} />
    </SubmitForm>
  );
}

function AddMemberForm({
  network,
  onSaved,
  onCancel,
}: {
  network: NetworkOverview;
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const { m } = useI18n();
  const municipalities = useApi<Municipality[]>('/municipalities');
  const [search, setSearch] = useState('');
  const { form, values, set, field } = useFormValues(() => ({ municipalityNumber: '', joinedOn: todayIso(), isHost: false }));
  const labels = { municipalityNumber: m.network.municipality, joinedOn: m.network.joined, isHost: m.network.isHost };
  const options = useMemo(() => {
    const currentNumbers = new Set(network.members.filter((x) => x.isCurrent).map((x) => x.municipalityNumber));
    const q = search.trim().toLowerCase();
    return (municipalities.data ?? [])
      .filter((x) => !x.validTo && !currentNumbers.has(x.number))
      .filter((x) => !q || x.name.toLowerCase().includes(q) || x.number.startsWith(q) || x.countyName.toLowerCase().includes(q))
      .sort((a, b) => compareNorwegian(a.name, b.name));
  }, [municipalities.data, search, network.members]);
  const chosen = municipalities.data?.find((x) => x.number === values.municipalityNumber);

  return (
    <SubmitForm
      form={form}
      onCancel={onCancel}
      submitLabel={m.network.addMember}
      submit={{
        schema: MemberCreateSchema,
        input: values,
        labels,
        send: (body) => api<NetworkMember>(`/networks/${network.id}/members`, { method: 'POST', body }),
        done: (member) => onSaved(member.municipalityName),
      }}
    >
      <Textfield
        label={m.network.searchMunicipality}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        description={fmt(m.common.hits, { count: options.length })}
        autoComplete="off"
      />
      <SelectField {...field('municipalityNumber', labels.municipalityNumber)} required>
        <Select.Option value="">{m.common.choose}</Select.Option>
        {chosen && !options.includes(chosen) && (
          <Select.Option value={chosen.number}>
            {chosen.name} ({chosen.countyName})
          </Select.Option>
        )}
        {options.map((x) => (
          <Select.Option key={x.number} value={x.number}>
            {x.name} ({x.countyName})
          </Select.Option>
        ))}
      </SelectField>
      <TextField {...field('joinedOn', labels.joinedOn)} type="date" required />
      <Checkbox
        label={m.network.isHost}
        description={m.network.isHostDescription}
        checked={values.isHost}
        onChange={(e) => set({ isHost: e.target.checked })}
      />
    </SubmitForm>
  );
}

function EndMemberForm({ member, onSaved, onReload }: { member: NetworkMember; onSaved: () => void; onReload: () => void }) {
  const { m } = useI18n();
  return (
    <EndOnDateForm
      name="leftOn"
      label={m.network.leftOn}
      submitLabel={m.network.endMembershipShort}
      schema={MemberUpdateSchema}
      input={(leftOn) => ({ leftOn, joinedOn: member.joinedOn, version: member.version })}
      labels={{ joinedOn: m.network.joined }}
      path={`/network-members/${member.id}`}
      onSaved={() => onSaved()}
      onReload={onReload}
    />
  );
}
