import { MeasurementInputSchema, type Benefit } from '../../../shared/benefits/schema.ts';
import type { DueMeasurement } from '../../../shared/myWork/schema.ts';
import { TextField } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { todayIso } from '../../app/ui.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { parseNumber } from '../benefits/index.ts';
import { useMyWorkMessages } from './messages.ts';

/** Registers a due measurement on the start page: date, value in the indicator's unit, and a note. */
export function MeasurementForm({
  item,
  onSaved,
  onCancel,
}: {
  item: DueMeasurement;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useMyWorkMessages();
  const { lang } = useI18n();
  const { form, values, field } = useFormValues({ measuredOn: todayIso(), value: '', note: '' });
  const labels = {
    measuredOn: t.measuredOn,
    value: fmt(t.value, { unit: item.unit }),
    note: t.note,
    municipalityNumber: item.municipalityName,
  };
  return (
    <SubmitForm
      form={form}
      className="dr-form dr-my-work-form"
      label={fmt(t.registerFor, { indicator: item.indicatorName, municipality: item.municipalityName })}
      submit={{
        schema: MeasurementInputSchema,
        input: {
          municipalityNumber: item.municipalityNumber,
          measuredOn: values.measuredOn || undefined,
          value: parseNumber(lang, values.value),
          note: values.note,
        },
        labels,
        send: sendTo<Benefit>(`/benefit-indicators/${item.indicatorId}/measurements`, 'POST'),
        done: () => onSaved(fmt(t.saved, { municipality: item.municipalityName })),
      }}
      submitLabel={t.register}
      onCancel={onCancel}
    >
      <TextField {...field('measuredOn', labels.measuredOn)} type="date" required />
      <TextField {...field('value', labels.value)} required />
      <TextField {...field('note', labels.note)} />
    </SubmitForm>
  );
}
