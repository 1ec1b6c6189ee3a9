import { useEffect, useState } from 'react';
import { Button, Select, Textfield } from '@digdir/designsystemet-react';
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
  type VotingRight,
} from '../../../shared/network/schema.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { api, query, useApi } from '../../app/api.ts';
import { fieldMessage, FormMessages, SelectField, SubmitButton, TextField, useForm, type FieldErrors } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, todayIso } from '../../app/ui.tsx';

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
  const form = useForm();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [personId, setPersonId] = useState(membership?.personId ?? '');
  const [role, setRole] = useState<string>(membership?.role ?? 'member');
  const [deputyForId, setDeputyForId] = useState(membership?.deputyForId ?? '');
  const [votingRight, setVotingRight] = useState<string>(membership?.votingRight ?? 'vote');
  const [municipalityNumber, setMunicipalityNumber] = useState(membership?.municipalityNumber ?? '');
  const [fromDate, setFromDate] = useState(membership?.fromDate ?? todayIso());
  const [toDate, setToDate] = useState(membership?.toDate ?? '');
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
    role: role as BodyRole,
    deputyForId: role === 'deputy' ? deputyForId || null : null,
    votingRight: votingRight as VotingRight,
    municipalityNumber: municipalityNumber || null,
    fromDate,
    toDate: toDate || null,
  };
  const checkDeputy = (data: { role?: BodyRole; deputyForId?: string | null }): FieldErrors =>
    data.role === 'deputy' && !data.deputyForId ? { deputyForId: fieldMessage(lang, 'required', labels.deputyForId) } : {};

  return (
    <form
      className="dr-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (membership) {
          void form.submit({
            schema: BodyMembershipUpdateSchema,
            input: { ...fields, version: membership.version },
            labels,
            check: checkDeputy,
            send: (input) => api<Body>(`/body-memberships/${membership.id}`, { method: 'PATCH', body: input }),
            done: (saved) => onSaved(saved, membership.personName),
          });
        } else {
          void form.submit({
            schema: BodyMembershipCreateSchema,
            input: { ...fields, personId: personId || undefined },
            labels,
            check: checkDeputy,
            send: (input) => api<Body>(`/bodies/${body.id}/memberships`, { method: 'POST', body: input }),
            done: (saved) => onSaved(saved, chosenPerson?.name ?? ''),
          });
        }
      }}
    >
      <FormMessages form={form} onReload={onReload} />
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
          <SelectField state={form} name="personId" label={labels.personId} value={personId} onChange={setPersonId} required>
            <Select.Option value="">{m.common.choose}</Select.Option>
            {(people.data?.items ?? []).map((p) => (
              <Select.Option key={p.id} value={p.id}>
                {p.title ? `${p.name}, ${p.title}` : p.name}
              </Select.Option>
            ))}
          </SelectField>
        </>
      )}
      <SelectField state={form} name="role" label={labels.role} value={role} onChange={setRole} required>
        {BODY_ROLES.map((r) => (
          <Select.Option key={r} value={r}>
            {m.enums.bodyRoles[r]}
          </Select.Option>
        ))}
      </SelectField>
      {role === 'deputy' && (
        <SelectField state={form} name="deputyForId" label={labels.deputyForId} value={deputyForId} onChange={setDeputyForId} required>
          <Select.Option value="">{m.common.choose}</Select.Option>
          {deputyTargets.map((x) => (
            <Select.Option key={x.id} value={x.id}>
              {x.personName} ({m.enums.bodyRoles[x.role]})
            </Select.Option>
          ))}
        </SelectField>
      )}
      <SelectField state={form} name="votingRight" label={labels.votingRight} value={votingRight} onChange={setVotingRight} required>
        {VOTING_RIGHTS.map((v) => (
          <Select.Option key={v} value={v}>
            {m.enums.votingRights[v]}
          </Select.Option>
        ))}
      </SelectField>
      <SelectField
        state={form}
        name="municipalityNumber"
        label={labels.municipalityNumber}
        value={municipalityNumber}
        onChange={setMunicipalityNumber}
      >
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
      <TextField state={form} name="fromDate" label={labels.fromDate} type="date" value={fromDate} onChange={setFromDate} required />
      <TextField
        state={form}
        name="toDate"
        label={labels.toDate}
        description={m.bodies.toDateDescription}
        type="date"
        value={toDate}
        onChange={setToDate}
      />
      <ButtonRow>
        <SubmitButton form={form}>{membership ? m.common.save : m.bodies.addMember}</SubmitButton>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {m.common.cancel}
        </Button>
      </ButtonRow>
    </form>
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
  const { m, lang } = useI18n();
  const form = useForm();
  const [toDate, setToDate] = useState(todayIso());
  const labels = { toDate: m.bodies.toDate, fromDate: m.bodies.fromDate };
  return (
    <form
      className="dr-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit({
          schema: BodyMembershipUpdateSchema,
          input: { toDate: toDate || undefined, fromDate: membership.fromDate, version: membership.version },
          labels,
          check: (data): FieldErrors => (data.toDate ? {} : { toDate: fieldMessage(lang, 'required', labels.toDate) }),
          send: (input) => api<Body>(`/body-memberships/${membership.id}`, { method: 'PATCH', body: input }),
          done: onSaved,
        });
      }}
    >
      <FormMessages form={form} onReload={onReload} />
      <TextField state={form} name="toDate" label={labels.toDate} type="date" value={toDate} onChange={setToDate} required />
      <ButtonRow>
        <SubmitButton form={form}>{m.bodies.endShort}</SubmitButton>
      </ButtonRow>
    </form>
  );
}
