import { useState } from 'react';
import { Button, Select } from '@digdir/designsystemet-react';
import {
  GRANT_GIVER_KINDS,
  GrantCreateSchema,
  GrantUpdateSchema,
  type Grant,
  type GrantGiverKind,
} from '../../../shared/finance/grants.ts';
import { api } from '../../app/api.ts';
import { FormMessages, SelectField, SubmitButton, TextField, useForm } from '../../app/forms.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow } from '../../app/ui.tsx';
import { usePeople } from '../projects/index.ts';
import { parseWhole } from '../../app/format.ts';
import { useGrantMessages } from './grant-messages.ts';

/** Registers a grant for a network, or changes one: giver, title, amount, dates, conditions, purpose, contact. */
export function GrantForm({
  networkId,
  grant,
  onSaved,
  onCancel,
  onReload,
}: {
  networkId: string;
  grant: Grant | null;
  onSaved: (grant: Grant) => string | void;
  onCancel?: () => void;
  onReload: () => void;
}) {
  const { m } = useI18n();
  const gm = useGrantMessages();
  const f = gm.form;
  const form = useForm();
  const people = usePeople(networkId, true);
  const [giverKind, setGiverKind] = useState<GrantGiverKind>(grant?.giverKind ?? 'statsforvalteren');
  const [giverName, setGiverName] = useState(grant?.giverName ?? '');
  const [title, setTitle] = useState(grant?.title ?? '');
  const [reference, setReference] = useState(grant?.reference ?? '');
  const [amount, setAmount] = useState(grant ? String(grant.amount) : '');
  const [decisionDate, setDecisionDate] = useState(grant?.decisionDate ?? '');
  const [periodStart, setPeriodStart] = useState(grant?.periodStart ?? '');
  const [periodEnd, setPeriodEnd] = useState(grant?.periodEnd ?? '');
  const [conditions, setConditions] = useState(grant?.conditions ?? '');
  const [purpose, setPurpose] = useState(grant?.purpose ?? '');
  const [contact, setContact] = useState(grant?.contactPerson?.id ?? '');
  const labels: Record<string, string> = { ...f };
  const contactOptions =
    grant?.contactPerson && !people.some((p) => p.id === grant.contactPerson!.id) ? [grant.contactPerson, ...people] : people;
  return (
    <form
      className="dr-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const input = {
          giverKind,
          giverName,
          title,
          reference,
          amount: parseWhole(amount),
          decisionDate: decisionDate || undefined,
          periodStart: periodStart || undefined,
          periodEnd: periodEnd || undefined,
          conditions,
          purpose,
          contactPersonId: contact || null,
        };
        void (grant
          ? form.submit({
              schema: GrantUpdateSchema,
              input: { ...input, version: grant.version },
              labels,
              send: (body) => api<Grant>(`/grants/${grant.id}`, { method: 'PATCH', body }),
              done: onSaved,
            })
          : form.submit({
              schema: GrantCreateSchema,
              input,
              labels,
              send: (body) => api<Grant>(`/networks/${networkId}/grants`, { method: 'POST', body }),
              done: onSaved,
            }));
      }}
    >
      <FormMessages form={form} onReload={onReload} />
      <SelectField
        state={form}
        name="giverKind"
        label={f.giverKind}
        value={giverKind}
        onChange={(v) => setGiverKind(v as GrantGiverKind)}
        required
      >
        {GRANT_GIVER_KINDS.map((kind) => (
          <Select.Option key={kind} value={kind}>
            {gm.giverKinds[kind]}
          </Select.Option>
        ))}
      </SelectField>
      <TextField
        state={form}
        name="giverName"
        label={f.giverName}
        description={f.giverNameDescription}
        value={giverName}
        onChange={setGiverName}
        required
      />
      <TextField state={form} name="title" label={f.title} value={title} onChange={setTitle} required />
      <div className="dr-toolbar">
        <TextField state={form} name="amount" label={f.amount} value={amount} onChange={setAmount} required />
        <TextField state={form} name="reference" label={f.reference} value={reference} onChange={setReference} />
      </div>
      <div className="dr-toolbar">
        <TextField
          state={form}
          name="decisionDate"
          type="date"
          label={f.decisionDate}
          value={decisionDate}
          onChange={setDecisionDate}
          required
        />
        <TextField
          state={form}
          name="periodStart"
          type="date"
          label={f.periodStart}
          value={periodStart}
          onChange={setPeriodStart}
          required
        />
        <TextField state={form} name="periodEnd" type="date" label={f.periodEnd} value={periodEnd} onChange={setPeriodEnd} required />
      </div>
      <TextField state={form} name="conditions" label={f.conditions} value={conditions} onChange={setConditions} multiline />
      <TextField state={form} name="purpose" label={f.purpose} value={purpose} onChange={setPurpose} multiline />
      <SelectField state={form} name="contactPersonId" label={f.contactPersonId} value={contact} onChange={setContact}>
        <Select.Option value="">{f.noContact}</Select.Option>
        {contactOptions.map((p) => (
          <Select.Option key={p.id} value={p.id}>
            {p.name}
          </Select.Option>
        ))}
      </SelectField>
      <ButtonRow>
        <SubmitButton form={form}>{grant ? f.save : f.create}</SubmitButton>
        {onCancel && (
          <Button type="button" variant="tertiary" onClick={onCancel}>
            {m.common.cancel}
          </Button>
        )}
      </ButtonRow>
    </form>
  );
}
