import { useState } from 'react';
import { Button, Fieldset, Select } from '@digdir/designsystemet-react';
import {
  FEE_MODEL_KINDS,
  FeeScheduleCreateSchema,
  FeeScheduleUpdateSchema,
  type FeeModel,
  type FeeModelKind,
  type FeeSchedule,
} from '../../../shared/finance/fees.ts';
import { SelectField, TextField } from '../../app/forms.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { fmt } from '../../app/i18n/index.tsx';
import { ButtonRow } from '../../app/ui.tsx';
import { parseWhole } from '../../app/format.ts';
import { useFinanceMessages } from './messages.ts';
import { RowAction } from '../../app/table.tsx';
import { SaveForm } from '../../app/kit.tsx';

/** What the fields hold: text as typed, so the schema can name a field whose text is no whole number. */
interface ModelDraft {
  kind: FeeModelKind;
  bands: Array<{ upTo: string; amount: string }>;
  rateOre: string;
  total: string;
  fixed: string;
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function draftOf(model: FeeModel | null): ModelDraft {
  const draft: ModelDraft = {
    kind: model?.kind ?? 'populationBands',
    bands: [{ upTo: '', amount: '' }],
    rateOre: '',
    total: '',
    fixed: '',
  };
  if (!model) return draft;
  switch (model.kind) {
    case 'populationBands':
      return { ...draft, bands: model.bands.map((b) => ({ upTo: text(b.upTo), amount: text(b.amount) })) };
    case 'perInhabitant':
      return { ...draft, rateOre: text(model.rateOre) };
    case 'equalShare':
      return { ...draft, total: text(model.total) };
    case 'fixedPlusPerInhabitant':
      return { ...draft, fixed: text(model.fixed), rateOre: text(model.rateOre) };
  }
}

function modelInput(d: ModelDraft): unknown {
  switch (d.kind) {
    case 'populationBands':
      return { kind: d.kind, bands: d.bands.map((b) => ({ upTo: parseWhole(b.upTo), amount: parseWhole(b.amount) })) };
    case 'perInhabitant':
      return { kind: d.kind, rateOre: parseWhole(d.rateOre) };
    case 'equalShare':
      return { kind: d.kind, total: parseWhole(d.total) };
    case 'fixedPlusPerInhabitant':
      return { kind: d.kind, fixed: parseWhole(d.fixed), rateOre: parseWhole(d.rateOre) };
  }
}

/**
 * Creates a fee schedule for a network, or changes a draft's: title, years and the model. The model editor shows
 * the fields of the chosen kind; population bands are a list the user adds to and removes from.
 */
export function ScheduleForm({
  networkId,
  schedule,
  onSaved,
  ...dialog
}: {
  networkId: string;
  schedule: FeeSchedule | null;
  onSaved: (schedule: FeeSchedule) => string | void;
  onCancel?: () => void;
  onReload: () => void;
}) {
  const fm = useFinanceMessages();
  const f = fm.form;
  const nextYear = new Date().getFullYear() + 1;
  const { form, values, field } = useFormValues({
    title: schedule?.title ?? '',
    year: text(schedule?.year ?? nextYear),
    populationYear: text(schedule?.populationYear ?? nextYear - 2),
  });
  const [model, setModel] = useState<ModelDraft>(() => draftOf(schedule?.model ?? null));
  const labels: Record<string, string> = {
    title: f.title,
    year: f.year,
    populationYear: f.populationYear,
    model: f.kind,
    'model.kind': f.kind,
    'model.bands': f.bands,
    'model.rateOre': f.rateOre,
    'model.total': f.total,
    'model.fixed': f.fixed,
  };
  model.bands.forEach((_, i) => {
    labels[`model.bands.${i}.upTo`] = fmt(f.upToError, { n: i + 1 });
    labels[`model.bands.${i}.amount`] = fmt(f.amountError, { n: i + 1 });
  });
  const setBand = (i: number, key: 'upTo' | 'amount', value: string) =>
    setModel((d) => ({ ...d, bands: d.bands.map((b, j) => (j === i ? { ...b, [key]: value } : b)) }));
  // The model's fields by their path in the body (`model.total`, `model.bands.0.upTo`), as the server names them.
  const modelField = (key: 'rateOre' | 'total' | 'fixed', label: string) => ({
    state: form,
    name: `model.${key}`,
    label,
    value: model[key],
    onChange: (value: string) => setModel((d) => ({ ...d, [key]: value })),
  });
  const bandField = (i: number, key: 'upTo' | 'amount', label: string) => ({
    state: form,
    name: `model.bands.${i}.${key}`,
    label,
    value: model.bands[i]?.[key] ?? '',
    onChange: (value: string) => setBand(i, key, value),
  });
  const input = {
    title: values.title,
    year: parseWhole(values.year),
    populationYear: parseWhole(values.populationYear),
    model: modelInput(model),
  };
  return (
    <SaveForm
      form={form}
      save={{
        item: schedule,
        create: { schema: FeeScheduleCreateSchema, path: `/networks/${networkId}/fee-schedules` },
        update: { schema: FeeScheduleUpdateSchema, path: `/fee-schedules/${schedule?.id}` },
        input,
        labels,
        done: onSaved,
      }}
      submitLabel={schedule ? f.save : f.create}
      {...dialog}
    >
      <TextField {...field('title', f.title, f.titleDescription)} required />
      <div className="dr-toolbar">
        <TextField {...field('year', f.year)} required />
        <TextField {...field('populationYear', f.populationYear, f.populationYearDescription)} required />
      </div>
      <SelectField
        state={form}
        name="model.kind"
        label={f.kind}
        description={fm.kindDescriptions[model.kind]}
        value={model.kind}
        onChange={(v) => setModel((d) => ({ ...d, kind: v as FeeModelKind }))}
        required
      >
        {FEE_MODEL_KINDS.map((kind) => (
          <Select.Option key={kind} value={kind}>
            {fm.kinds[kind]}
          </Select.Option>
        ))}
      </SelectField>
      {model.kind === 'populationBands' && (
        <Fieldset id={form.id('model.bands')} tabIndex={-1}>
          <Fieldset.Legend>{f.bands}</Fieldset.Legend>
          <Fieldset.Description>{f.bandsDescription}</Fieldset.Description>
          {model.bands.map((_, i) => (
            <Fieldset key={i} className="dr-fee-band">
              <Fieldset.Legend>{fmt(f.bandN, { n: i + 1 })}</Fieldset.Legend>
              <div className="dr-toolbar">
                <TextField {...bandField(i, 'upTo', f.upTo)} description={i === model.bands.length - 1 ? f.upToLast : undefined} />
                <TextField {...bandField(i, 'amount', f.amount)} required />
              </div>
              {model.bands.length > 1 && (
                <ButtonRow>
                  <RowAction onClick={() => setModel((d) => ({ ...d, bands: d.bands.filter((_, j) => j !== i) }))}>
                    {fmt(f.removeBand, { n: i + 1 })}
                  </RowAction>
                </ButtonRow>
              )}
            </Fieldset>
          ))}
          <ButtonRow>
            <Button
              type="button"
              variant="secondary"
              onClick={() => setModel((d) => ({ ...d, bands: [...d.bands, { upTo: '', amount: '' }] }))}
            >
              {f.addBand}
            </Button>
          </ButtonRow>
        </Fieldset>
      )}
      {model.kind === 'equalShare' && <TextField {...modelField('total', f.total)} required />}
      {model.kind === 'fixedPlusPerInhabitant' && <TextField {...modelField('fixed', f.fixed)} required />}
      {(model.kind === 'perInhabitant' || model.kind === 'fixedPlusPerInhabitant') && (
        <TextField {...modelField('rateOre', f.rateOre)} description={f.rateOreDescription} required />
      )}
    </SaveForm>
  );
}
