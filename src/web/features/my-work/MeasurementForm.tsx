import { useState } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { MeasurementInputSchema, type Benefit } from '../../../shared/benefits/schema.ts';
import type { DueMeasurement } from '../../../shared/myWork/schema.ts';
import { api } from '../../app/api.ts';
import { FormMessages, SubmitButton, TextField, useForm } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, todayIso } from '../../app/ui.tsx';
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
  const { lang, m } = useI18n();
  const form = useForm();
  const [measuredOn, setMeasuredOn] = useState(todayIso());
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const labels = {
    measuredOn: t.measuredOn,
    value: fmt(t.value, { unit: item.unit }),
    note: t.note,
    municipalityNumber: item.municipalityName,
  };
  return (
    <form
      className="dr-form dr-my-work-form"
      noValidate
      aria-label={fmt(t.registerFor, { indicator: item.indicatorName, municipality: item.municipalityName })}
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit({
          schema: MeasurementInputSchema,
          input: {
            municipalityNumber: item.municipalityNumber,
            measuredOn: measuredOn || undefined,
            value: parseNumber(lang, value),
            note,
          },
          labels,
          send: (body) => api<Benefit>(`/benefit-indicators/${item.indicatorId}/measurements`, { method: 'POST', body }),
          done: () => onSaved(fmt(t.saved, { municipality: item.municipalityName })),
        });
      }}
    >
      <FormMessages form={form} />
      <TextField
        state={form}
        name="measuredOn"
        type="date"
        label={labels.measuredOn}
        value={measuredOn}
        onChange={setMeasuredOn}
        required
      />
      <TextField state={form} name="value" label={labels.value} value={value} onChange={setValue} required />
      <TextField state={form} name="note" label={labels.note} value={note} onChange={setNote} />
      <ButtonRow>
        <SubmitButton form={form}>{t.register}</SubmitButton>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {m.common.cancel}
        </Button>
      </ButtonRow>
    </form>
  );
}
