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
import { SelectField, TextField } from '../../app/forms.tsx';
import { useFormValues } from '../../app/fields.tsx';
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
  const { form, values, field } = useFormValues(() => ({
    kind: body?.kind ?? '',
    name: body?.name ?? '',
    shortCode: body?.shortCode ?? '',
    mandate: body?.mandate ?? '',
    deputySummons: body?.deputySummons ?? 'information',
    summonsNoticeDays: String(body?.summonsNoticeDays ?? SUMMONS_NOTICE_DAYS.default),
  }));
  const { kind, name, shortCode, mandate, deputySummons } = values;
  const labels = {
    kind: m.bodies.kind,
    name: m.bodies.name,
    shortCode: m.bodies.shortCode,
    mandate: m.bodies.mandate,
    deputySummons: m.bodies.deputySummons,
    summonsNoticeDays: m.bodies.summonsNoticeDays,
  };
  // An empty field leaves the period as it is (7 days for a new body); anything else the schema checks as a number.
  const noticeDays = values.summonsNoticeDays.trim();
  const summonsNoticeDays = noticeDays === '' ? undefined : Number(noticeDays);
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
      <SelectField {...field('kind', labels.kind)} required>
        <Select.Option value="">{m.common.choose}</Select.Option>
        {BODY_KINDS.map((k) => (
          <Select.Option key={k} value={k}>
            {m.enums.bodyKinds[k]}
          </Select.Option>
        ))}
      </SelectField>
      <TextField {...field('name', labels.name)} required autoComplete="off" />
      <TextField {...field('shortCode', labels.shortCode)} autoComplete="off" />
      <SelectField {...field('deputySummons', labels.deputySummons, m.bodies.deputySummonsDescription)}>
        {DEPUTY_SUMMONS.map((d) => (
          <Select.Option key={d} value={d}>
            {m.bodies.deputySummonsOptions[d]}
          </Select.Option>
        ))}
      </SelectField>
      <TextField
        {...field('summonsNoticeDays', labels.summonsNoticeDays, fmt(m.bodies.summonsNoticeDaysDescription, SUMMONS_NOTICE_DAYS))}
        autoComplete="off"
      />
      <TextField {...field('mandate', labels.mandate, m.bodies.mandateDescription)} multiline rows={10} />
      <div className="dr-preview">
        <Heading level={3} data-size="2xs">
          {m.bodies.preview}
        </Heading>
        {mandate.trim() ? <Mandate text={mandate} /> : <Paragraph data-size="sm">{m.bodies.previewEmpty}</Paragraph>}
      </div>
    </SaveForm>
  );
}
