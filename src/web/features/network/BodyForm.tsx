import { useState } from 'react';
import { Heading, Paragraph, Select } from '@digdir/designsystemet-react';
import {
  BODY_KINDS,
  DEPUTY_SUMMONS,
  SUMMONS_NOTICE_DAYS,
  BodyCreateSchema,
  BodyUpdateSchema,
  type Body,
  type BodyKind,
} from '../../../shared/network/schema.ts';
import { SelectField, TextField, useForm } from '../../app/forms.tsx';
import { SaveForm } from '../../app/kit.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Mandate } from './Mandate.tsx';

/** Creates a body in a network (no `body` given) or edits one: kind, name, short code, mandate in Markdown with a preview. */
export function BodyForm({
  networkId,
  body,
  onSaved,
  onCancel,
  onReload,
}: {
  networkId: string;
  body?: Body;
  onSaved: (body: Body) => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { m } = useI18n();
  const form = useForm();
  const [kind, setKind] = useState<string>(body?.kind ?? '');
  const [name, setName] = useState(body?.name ?? '');
  const [shortCode, setShortCode] = useState(body?.shortCode ?? '');
  const [mandate, setMandate] = useState(body?.mandate ?? '');
  const [deputySummons, setDeputySummons] = useState<string>(body?.deputySummons ?? 'information');
  const [noticeDays, setNoticeDays] = useState(String(body?.summonsNoticeDays ?? SUMMONS_NOTICE_DAYS.default));
  const labels = {
    kind: m.bodies.kind,
    name: m.bodies.name,
    shortCode: m.bodies.shortCode,
    mandate: m.bodies.mandate,
    deputySummons: m.bodies.deputySummons,
    summonsNoticeDays: m.bodies.summonsNoticeDays,
  };
  // An empty field leaves the period as it is (7 days for a new body); anything else the schema checks as a number.
  const summonsNoticeDays = noticeDays.trim() === '' ? undefined : Number(noticeDays.trim());
  const fields = { kind: kind === '' ? undefined : (kind as BodyKind), name, shortCode, mandate, deputySummons, summonsNoticeDays };

  return (
    <SaveForm
      form={form}
      onReload={onReload}
      onCancel={onCancel}
      submitLabel={body ? m.common.save : m.bodies.createBody}
      save={{
        item: body,
        create: { schema: BodyCreateSchema, path: `/networks/${networkId}/bodies` },
        update: { schema: BodyUpdateSchema, path: `/bodies/${body?.id}` },
        input: fields,
        labels,
        done: onSaved,
      }}
    >
      <SelectField state={form} name="kind" label={labels.kind} value={kind} onChange={setKind} required>
        <Select.Option value="">{m.common.choose}</Select.Option>
        {BODY_KINDS.map((k) => (
          <Select.Option key={k} value={k}>
            {m.enums.bodyKinds[k]}
          </Select.Option>
        ))}
      </SelectField>
      <TextField state={form} name="name" label={labels.name} value={name} onChange={setName} required autoComplete="off" />
      <TextField state={form} name="shortCode" label={labels.shortCode} value={shortCode} onChange={setShortCode} autoComplete="off" />
      <SelectField
        state={form}
        name="deputySummons"
        label={labels.deputySummons}
        description={m.bodies.deputySummonsDescription}
        value={deputySummons}
        onChange={setDeputySummons}
      >
        {DEPUTY_SUMMONS.map((d) => (
          <Select.Option key={d} value={d}>
            {m.bodies.deputySummonsOptions[d]}
          </Select.Option>
        ))}
      </SelectField>
      <TextField
        state={form}
        name="summonsNoticeDays"
        label={labels.summonsNoticeDays}
        description={fmt(m.bodies.summonsNoticeDaysDescription, SUMMONS_NOTICE_DAYS)}
        value={noticeDays}
        onChange={setNoticeDays}
        autoComplete="off"
      />
      <TextField
        state={form}
        name="mandate"
        label={labels.mandate}
        description={m.bodies.mandateDescription}
        multiline
        rows={10}
        value={mandate}
        onChange={setMandate}
      />
      <div className="dr-preview">
        <Heading level={3} data-size="2xs">
          {m.bodies.preview}
        </Heading>
        {mandate.trim() ? <Mandate text={mandate} /> : <Paragraph data-size="sm">{m.bodies.previewEmpty}</Paragraph>}
      </div>
    </SaveForm>
  );
}
