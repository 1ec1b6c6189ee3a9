import { useEffect, useState } from 'react';
import { Select, Textfield } from '@digdir/designsystemet-react';
import {
  BODY_ROLES,
  BodyMembershipCreateSchema,
  BodyMembershipUpdateSchema,
  VOTING_RIGHTS,
  type Body,
  type BodyMembership,
  type BodyRole,
  type NetworkOverview,
  type PeoplePage,
} from '../../../shared/network/schema.ts';
import { EndOnDateForm } from './EndOnDateForm.tsx';
import { compareNorwegian } from '../../../shared/text.ts';
import { query, useApi } from '../../app/api.ts';
import { fieldMessage, SelectField, TextField, type FieldErrors } from '../../app/forms.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { SaveForm } from '../../app/kit.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { todayIso } from '../../app/ui.tsx';

/**
 * Adds a member to a body (no `membership` given) or edits one. A deputy must name the member they
 * stand in for, chosen among the body's members who are not deputies themselves.
 */
export function MembershipForm({
  body,
  network,
  membership,
  onSaved,
  onCancel,
  onReload,
}: {
  body: Body;
  network: NetworkOverview;
  membership?: BodyMembership;
  onSaved: (body: Body, personName: string) => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { m, lang } = useI18n();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const { form, values, field } = useFormValues(() => ({
    personId: membership?.personId ?? '',
    role: membership?.role ?? 'member',
    deputyForId: membership?.deputyForId ?? '',
    votingRight: membership?.votingRight ?? 'vote',
    municipalityNumber: membership?.municipalityNumber ?? '',
    fromDate: membership?.fromDate ?? todayIso(),
    toDate: membership?.toDate ?? '',
  }));
  const { personId, role, deputyForId, votingRight, municipalityNumber, fromDate, toDate } = values;
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const people = useApi<PeoplePage>(membership ? null : `/networks/${body.networkId}/people${query({ q, limit: 100 })}`);

  const labels = {
    personId: m.bodies.person,
    role: m.bodies.role,
    deputyForId: m.bodies.deputyFor,
    votingRight: m.bodies.votingRight,
    municipalityNumber: m.bodies.municipality,
    fromDate: m.bodies.fromDate,
    toDate: m.bodies.toDate,
  };
  const deputyTargets = body.memberships.filter((x) => x.isCurrent && x.role !== 'deputy' && x.id !== membership?.id);
  const members = network.members.filter((x) => x.isCurrent).sort((a, b) => compareNorwegian(a.municipalityName, b.municipalityName));
  const chosenPerson = people.data?.items.find((p) => p.id === personId);
  const fields = {
    role: role,
    deputyForId: role === 'deputy' ? deputyForId || null : null,
    votingRight: votingRight,
    municipalityNumber: municipalityNumber || null,
    fromDate,
    toDate: toDate || null,
  };
  const checkDeputy = (data: { role?: BodyRole; deputyForId?: string | null }): FieldErrors =>
    data.role === 'deputy' && !data.deputyForId ? { deputyForId: fieldMessage(lang, 'required', labels.deputyForId) } : {};

  return (
    <SaveForm
      form={form}
      onReload={onReload}
      onCancel={onCancel}
      submitLabel={membership ? m.common.save : m.bodies.addMember}
      save={{
        item: membership,
        create: { schema: BodyMembershipCreateSchema, path: `/bodies/${body.id}/memberships` },
        update: { schema: BodyMembershipUpdateSchema, path: `/body-memberships/${membership?.id}` },
        input: membership ? fields : { ...fields, personId: personId || undefined },
        labels,
        check: checkDeputy,
        done: (saved: Body) => onSaved(saved, membership ? membership.personName : (chosenPerson?.name ?? '')),
      }}
    >
      {!membership && (
        <>
          <Textfield
            label={m.bodies.personSearch}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            autoComplete="off"
            description={people.data ? fmt(m.common.hits, { count: people.data.total }) : undefined}
          />
          <SelectField {...field('personId', labels.personId)} required>
            <Select.Option value="">{m.common.choose}</Select.Option>
            {(people.data?.items ?? []).map((p) => (
              <Select.Option key={p.id} value={p.id}>
                {p.title ? `${p.name}, ${p.title}` : p.name}
              </Select.Option>
            ))}
          </SelectField>
        </>
      )}
      <SelectField {...field('role', labels.role)} required>
        {BODY_ROLES.map((r) => (
          <Select.Option key={r} value={r}>
            {m.enums.bodyRoles[r]}
          </Select.Option>
        ))}
      </SelectField>
      {role === 'deputy' && (
        <SelectField {...field('deputyForId', labels.deputyForId)} required>
          <Select.Option value="">{m.common.choose}</Select.Option>
          {deputyTargets.map((x) => (
            <Select.Option key={x.id} value={x.id}>
              {x.personName} ({m.enums.bodyRoles[x.role]})
            </Select.Option>
          ))}
        </SelectField>
      )}
      <SelectField {...field('votingRight', labels.votingRight)} required>
        {VOTING_RIGHTS.map((v) => (
          <Select.Option key={v} value={v}>
            {m.enums.votingRights[v]}
          </Select.Option>
        ))}
      </SelectField>
      <SelectField {...field('municipalityNumber', labels.municipalityNumber)}>
        <Select.Option value="">{m.common.noneOption}</Select.Option>
        {membership?.municipalityNumber && !members.some((x) => x.municipalityNumber === membership.municipalityNumber) && (
          <Select.Option value={membership.municipalityNumber}>
            {membership.municipalityName ?? membership.municipalityNumber}
          </Select.Option>
        )}
        {members.map((x) => (
          <Select.Option key={x.municipalityNumber} value={x.municipalityNumber}>
            {x.municipalityName}
          </Select.Option>
        ))}
      </SelectField>
      <TextField {...field('fromDate', labels.fromDate)} type="date" required />
      <TextField {...field('toDate', labels.toDate, m.bodies.toDateDescription)} type="date" />
    </SaveForm>
  );
}

/** Ends a membership on a date; the row stays as history. */
export function EndMembershipForm({
  membership,
  onSaved,
  onReload,
}: {
  membership: BodyMembership;
  onSaved: (body: Body) => void;
  onReload: () => void;
}) {
  const { m } = useI18n();
  return (
    <EndOnDateForm
      name="toDate"
      label={m.bodies.toDate}
      submitLabel={m.bodies.endShort}
      schema={BodyMembershipUpdateSchema}
      input={(toDate) => ({ toDate: toDate || undefined, fromDate: membership.fromDate, version: membership.version })}
      labels={{ fromDate: m.bodies.fromDate }}
      path={`/body-memberships/${membership.id}`}
      onSaved={onSaved}
      onReload={onReload}
    />
  );
}
