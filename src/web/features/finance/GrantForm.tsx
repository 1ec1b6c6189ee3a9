import { GRANT_GIVER_KINDS, GrantCreateSchema, GrantUpdateSchema, type Grant } from '../../../shared/finance/grants.ts';
import { SelectField, TextField } from '../../app/forms.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { OptionSelect, optionsOf } from '../../app/form-parts.tsx';
import { SaveForm } from '../../app/kit.tsx';
import { PersonOptions } from '../projects/index.ts';
import { parseWhole } from '../../app/format.ts';
import { useGrantMessages } from './grant-messages.ts';

/** Registers a grant for a network, or changes one: giver, title, amount, dates, conditions, purpose, contact. */
export function GrantForm({
  networkId,
  grant,
  ...dialog
}: {
  networkId: string;
  grant: Grant | null;
  onSaved: (grant: Grant) => string | void;
  onCancel?: () => void;
  onReload: () => void;
}) {
  const gm = useGrantMessages();
  const f = gm.form;
  const contact = grant?.contactPerson ?? null;
  const { form, values, field } = useFormValues({
    giverKind: grant?.giverKind ?? 'statsforvalteren',
    giverName: grant?.giverName ?? '',
    title: grant?.title ?? '',
    reference: grant?.reference ?? '',
    amount: grant ? String(grant.amount) : '',
    decisionDate: grant?.decisionDate ?? '',
    periodStart: grant?.periodStart ?? '',
    periodEnd: grant?.periodEnd ?? '',
    conditions: grant?.conditions ?? '',
    purpose: grant?.purpose ?? '',
    contactPersonId: contact?.id ?? '',
  });
  const input = {
    ...values,
    amount: parseWhole(values.amount),
    decisionDate: values.decisionDate || undefined,
    periodStart: values.periodStart || undefined,
    periodEnd: values.periodEnd || undefined,
    contactPersonId: values.contactPersonId || null,
  };
  return (
    <SaveForm
      form={form}
      save={{
        item: grant,
        create: { schema: GrantCreateSchema, path: `/networks/${networkId}/grants` },
        update: { schema: GrantUpdateSchema, path: `/grants/${grant?.id}` },
        input,
        labels: { ...f },
        done: dialog.onSaved,
      }}
      submitLabel={grant ? f.save : f.create}
      onCancel={dialog.onCancel}
      onReload={dialog.onReload}
    >
      <OptionSelect {...field('giverKind', f.giverKind)} required options={optionsOf(GRANT_GIVER_KINDS, gm.giverKinds)} />
      <TextField {...field('giverName', f.giverName, f.giverNameDescription)} required />
      <TextField {...field('title', f.title)} required />
      <div className="dr-toolbar">
        <TextField {...field('amount', f.amount)} required />
        <TextField {...field('reference', f.reference)} />
      </div>
      <div className="dr-toolbar">
        {(['decisionDate', 'periodStart', 'periodEnd'] as const).map((date) => (
          <TextField key={date} {...field(date, f[date])} type="date" required />
        ))}
      </div>
      <TextField {...field('conditions', f.conditions)} multiline />
      <TextField {...field('purpose', f.purpose)} multiline />
      <SelectField {...field('contactPersonId', f.contactPersonId)}>
        <PersonOptions networkId={networkId} noneLabel={f.noContact} current={contact && { personId: contact.id, name: contact.name }} />
      </SelectField>
    </SaveForm>
  );
}
