import { useState } from 'react';
import { Button, Checkbox, Fieldset, Paragraph, Textfield } from '@digdir/designsystemet-react';
import {
  BENEFIT_TYPES,
  BenefitInputSchema,
  BenefitUpdateSchema,
  INDICATOR_DIRECTIONS,
  IndicatorInputSchema,
  IndicatorTargetInputSchema,
  IndicatorUpdateSchema,
  MEASUREMENT_FREQUENCIES,
  MeasurementInputSchema,
  type Benefit,
  type Indicator,
  type IndicatorTarget,
} from '../../../shared/benefits/schema.ts';
import { BENEFIT_AREAS } from '../../../shared/strategy/schema.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';
import { errorFor, fieldMessage, SelectField, TextField, type FieldErrors } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { SaveForm } from '../../app/kit.tsx';
import { OptionSelect, optionsOf, sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { ButtonRow, todayIso } from '../../app/ui.tsx';
import { PersonOptions } from '../projects/index.ts';
import { CheckboxGroup, RadioGroup, useFormValues, type BoundField } from '../../app/fields.tsx';
import { benefitsPath, numberText, parseNumber } from './benefits-api.ts';
import { useBenefitMessages } from './messages.ts';
import { RowAction } from '../../app/table.tsx';
import type { DialogActions } from '../../app/row-dialogs.tsx';

/** A number typed as text (a comma as decimal sign is fine), wired to the form's errors like TextField. */
function NumberField({ state: form, name, label, description, value, onChange, required }: BoundField & { required?: boolean }) {
  return (
    <Textfield
      id={form.id(name)}
      name={name}
      label={label}
      description={description}
      value={value}
      required={required}
      inputMode="decimal"
      autoComplete="off"
      error={errorFor(form, name)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

// ---------------------------------------------------------------- benefit

/** The secretariat's benefit: what it is, for whom, the changes and deliverables behind it, its benefit areas and owner. */
export function BenefitForm({
  project,
  networkId,
  item,
  onDone,
  onCancel,
  onReload,
}: DialogActions & { project: Project; networkId: string; item: Benefit | null }) {
  const bm = useBenefitMessages();
  const t = bm.benefitForm;
  const { form, values, set, field } = useFormValues({
    title: item?.title ?? '',
    description: item?.description ?? '',
    type: item?.type ?? '',
    beneficiaries: item?.beneficiaries ?? '',
    changes: item?.changes ?? '',
    deliverableIds: item?.deliverables.map((d) => d.id) ?? [],
    benefitAreas: item?.benefitAreas ?? [],
    ownerPersonId: item?.owner?.personId ?? '',
  });
  const labels = {
    title: t.title,
    description: t.description,
    type: t.type,
    beneficiaries: t.beneficiaries,
    changes: t.changes,
    deliverableIds: t.deliverables,
    benefitAreas: t.benefitAreas,
    ownerPersonId: t.owner,
  };
  const fields = {
    ...values,
    type: values.type || undefined,
    // A deliverable since deleted from the plan is let go rather than refused.
    deliverableIds: values.deliverableIds.filter((id) => project.deliverables.some((d) => d.id === id)),
    ownerPersonId: values.ownerPersonId || null,
  };
  return (
    <SaveForm
      form={form}
      save={{
        item,
        create: { schema: BenefitInputSchema, path: benefitsPath(project.id) },
        update: { schema: BenefitUpdateSchema, path: `/benefits/${item?.id}` },
        input: fields,
        labels,
        done: (_: Benefit) => onDone(fmt(item ? t.saved : t.added, { name: values.title.trim() })),
      }}
      submitLabel={t.save}
      onCancel={onCancel}
      onReload={onReload}
    >
      <TextField {...field('title', t.title)} required />
      <TextField {...field('description', t.description)} multiline rows={3} />
      <OptionSelect {...field('type', t.type)} empty={t.chooseType} options={optionsOf(BENEFIT_TYPES, bm.types)} required />
      <TextField {...field('beneficiaries', t.beneficiaries, t.beneficiariesDescription)} />
      <TextField {...field('changes', t.changes, t.changesDescription)} multiline rows={3} />
      <CheckboxGroup
        form={form}
        name="deliverableIds"
        legend={t.deliverables}
        description={project.deliverables.length > 0 ? t.deliverablesDescription : t.noDeliverables}
        className="dr-benefit-list"
        options={project.deliverables.map((d) => ({ value: d.id, label: d.title }))}
        chosen={values.deliverableIds}
        onChange={(deliverableIds) => set({ deliverableIds })}
      />
      <CheckboxGroup
        form={form}
        name="benefitAreas"
        legend={t.benefitAreas}
        className="dr-benefit-checkboxes"
        options={BENEFIT_AREAS.map((a) => ({ value: a, label: bm.areas[a] }))}
        chosen={values.benefitAreas}
        onChange={(benefitAreas) => set({ benefitAreas })}
      />
      <SelectField {...field('ownerPersonId', t.owner, t.ownerDescription)}>
        <PersonOptions networkId={networkId} current={item?.owner ?? null} noneLabel={t.noPerson} />
      </SelectField>
    </SaveForm>
  );
}

// ---------------------------------------------------------------- indicator

/** The secretariat's indicator: what is measured, in which unit and direction, whether it adds up, from where, how often. */
export function IndicatorForm({ benefit, item, onDone, onCancel, onReload }: DialogActions & { benefit: Benefit; item: Indicator | null }) {
  const bm = useBenefitMessages();
  const t = bm.indicatorForm;
  const { form, values, set, field } = useFormValues({
    name: item?.name ?? '',
    unit: item?.unit ?? '',
    direction: item?.direction ?? '',
    additive: item?.additive ?? false,
    dataSource: item?.dataSource ?? '',
    frequency: item?.frequency ?? '',
  });
  const labels = {
    name: t.name,
    unit: t.unit,
    direction: t.direction,
    additive: t.additive,
    dataSource: t.dataSource,
    frequency: t.frequency,
  };
  const fields = { ...values, direction: values.direction || undefined, frequency: values.frequency || undefined };
  return (
    <SaveForm
      form={form}
      save={{
        item,
        create: { schema: IndicatorInputSchema, path: `/benefits/${benefit.id}/indicators` },
        update: { schema: IndicatorUpdateSchema, path: `/benefit-indicators/${item?.id}` },
        input: fields,
        labels,
        done: (_: Benefit) => onDone(fmt(item ? t.saved : t.added, { name: values.name.trim() })),
      }}
      submitLabel={t.save}
      onCancel={onCancel}
      onReload={onReload}
    >
      <TextField {...field('name', t.name)} required />
      <TextField {...field('unit', t.unit, t.unitDescription)} required />
      <RadioGroup
        form={form}
        name="direction"
        legend={t.direction}
        options={INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: bm.directions[d] }))}
        value={values.direction}
        onChange={(direction) => set({ direction })}
      />
      <Fieldset>
        <Fieldset.Legend>{t.additive}</Fieldset.Legend>
        <Checkbox
          id={form.id('additive')}
          label={t.additiveLabel}
          description={t.additiveDescription}
          checked={values.additive}
          onChange={(e) => set({ additive: e.target.checked })}
        />
      </Fieldset>
      <TextField {...field('dataSource', t.dataSource)} />
      <OptionSelect {...field('frequency', t.frequency)} empty="–" options={optionsOf(MEASUREMENT_FREQUENCIES, bm.frequencies)} required />
    </SaveForm>
  );
}

// ---------------------------------------------------------------- a municipality's baseline and target

interface InterimText {
  /** Only to keep React's keys stable while rows are added and removed. */
  key: number;
  date: string;
  value: string;
}

/**
 * One municipality's baseline, target, interim targets, responsible person and weight, saved whole (PUT). The first
 * save has no version; a later one sends the version it saw, so a change made meanwhile answers 409.
 */
export function TargetForm({
  networkId,
  indicator,
  municipality,
  target,
  onDone,
  onCancel,
  onReload,
}: DialogActions & {
  networkId: string;
  indicator: Indicator;
  municipality: { number: string; name: string };
  target: IndicatorTarget | null;
}) {
  const { lang } = useI18n();
  const bm = useBenefitMessages();
  const t = bm.targetForm;
  const { form, values, field } = useFormValues({
    baselineValue: numberText(lang, target?.baselineValue),
    baselineDate: target?.baselineDate ?? '',
    targetValue: numberText(lang, target?.targetValue),
    targetDate: target?.targetDate ?? '',
    responsiblePersonId: target?.responsible?.personId ?? '',
    weight: target && target.weight !== 1 ? numberText(lang, target.weight) : '',
  });
  const [interim, setInterim] = useState<InterimText[]>(
    target?.interimTargets.map((x, key) => ({ key, date: x.date, value: numberText(lang, x.value) })) ?? [],
  );
  const labels: Record<string, string> = {
    baselineValue: t.baselineValue,
    baselineDate: t.baselineDate,
    targetValue: t.targetValue,
    targetDate: t.targetDate,
    interimTargets: t.interimTargets,
    responsiblePersonId: t.responsible,
    weight: t.weight,
  };
  interim.forEach((_, i) => {
    labels[`interimTargets.${i}.date`] = fmt(t.interimDate, { n: i + 1 });
    labels[`interimTargets.${i}.value`] = fmt(t.interimValue, { n: i + 1 });
  });
  const setRow = (key: number, patch: Partial<InterimText>) =>
    setInterim((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  // The direction is the indicator's, which the schema does not know: checked here as the server checks it.
  const inDirection = (baseline: number, value: number) => (indicator.direction === 'increase' ? value > baseline : value < baseline);
  return (
    <SubmitForm
      form={form}
      submitLabel={t.save}
      onCancel={onCancel}
      onReload={onReload}
      submit={{
        schema: IndicatorTargetInputSchema,
        input: {
          baselineValue: parseNumber(lang, values.baselineValue),
          baselineDate: values.baselineDate || undefined,
          targetValue: parseNumber(lang, values.targetValue),
          targetDate: values.targetDate || undefined,
          interimTargets: interim.map((x) => ({ date: x.date || undefined, value: parseNumber(lang, x.value) })),
          responsiblePersonId: values.responsiblePersonId || null,
          weight: parseNumber(lang, values.weight) ?? null,
          ...(target ? { version: target.version } : {}),
        },
        labels,
        check: (data) => {
          const errors: FieldErrors = {};
          if (!inDirection(data.baselineValue, data.targetValue))
            errors.targetValue = fieldMessage(lang, 'targetDirection', labels.targetValue!);
          data.interimTargets.forEach((x, i) => {
            const path = `interimTargets.${i}.value`;
            if (!inDirection(data.baselineValue, x.value)) errors[path] = fieldMessage(lang, 'targetDirection', labels[path]!);
          });
          return errors;
        },
        send: sendTo<Benefit>(`/benefit-indicators/${indicator.id}/targets/${municipality.number}`, 'PUT'),
        done: () => onDone(fmt(t.saved, { name: municipality.name })),
      }}
    >
      <Paragraph data-size="sm">
        {fmt(t.intro, { indicator: indicator.name, unit: indicator.unit, direction: bm.directions[indicator.direction].toLowerCase() })}
      </Paragraph>
      <div className="dr-toolbar">
        <NumberField {...field('baselineValue', t.baselineValue, t.numberDescription)} required />
        <TextField {...field('baselineDate', t.baselineDate)} type="date" required />
      </div>
      <div className="dr-toolbar">
        <NumberField {...field('targetValue', t.targetValue, t.numberDescription)} required />
        <TextField {...field('targetDate', t.targetDate)} type="date" required />
      </div>
      <Fieldset>
        <Fieldset.Legend>{t.interimTargets}</Fieldset.Legend>
        <Fieldset.Description>{t.interimDescription}</Fieldset.Description>
        {interim.map((row, i) => (
          <div key={row.key} className="dr-benefit-interim">
            <TextField
              state={form}
              name={`interimTargets.${i}.date`}
              type="date"
              label={fmt(t.interimDate, { n: i + 1 })}
              value={row.date}
              onChange={(date) => setRow(row.key, { date })}
              required
            />
            <NumberField
              state={form}
              name={`interimTargets.${i}.value`}
              label={fmt(t.interimValue, { n: i + 1 })}
              value={row.value}
              onChange={(value) => setRow(row.key, { value })}
              required
            />
            <RowAction onClick={() => setInterim((rows) => rows.filter((r) => r.key !== row.key))}>
              {fmt(t.removeInterim, { n: i + 1 })}
            </RowAction>
          </div>
        ))}
        <ButtonRow>
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => setInterim((rows) => [...rows, { key: Math.max(-1, ...rows.map((r) => r.key)) + 1, date: '', value: '' }])}
          >
            {t.addInterim}
          </Button>
        </ButtonRow>
      </Fieldset>
      <SelectField {...field('responsiblePersonId', t.responsible, t.responsibleDescription)}>
        <PersonOptions networkId={networkId} current={target?.responsible ?? null} noneLabel={t.noPerson} />
      </SelectField>
      <NumberField {...field('weight', t.weight, t.weightDescription)} />
    </SubmitForm>
  );
}

// ---------------------------------------------------------------- measurement

/** A measured value for one of the municipalities the user may write that has a target; the date defaults to today. */
export function MeasurementForm({
  indicator,
  municipalities,
  onDone,
  onCancel,
  onReload,
}: DialogActions & { indicator: Indicator; municipalities: { number: string; name: string }[] }) {
  const { lang } = useI18n();
  const bm = useBenefitMessages();
  const t = bm.measurementForm;
  const { form, values, field } = useFormValues({
    municipalityNumber: municipalities.length === 1 ? municipalities[0]!.number : '',
    measuredOn: todayIso(),
    value: '',
    note: '',
  });
  const labels = { municipalityNumber: t.municipality, measuredOn: t.measuredOn, value: t.value, note: t.note };
  const nameOf = (number: string) => municipalities.find((x) => x.number === number)?.name ?? number;
  return (
    <SubmitForm
      form={form}
      submitLabel={t.save}
      onCancel={onCancel}
      onReload={onReload}
      submit={{
        schema: MeasurementInputSchema,
        input: {
          municipalityNumber: values.municipalityNumber || undefined,
          measuredOn: values.measuredOn || undefined,
          value: parseNumber(lang, values.value),
          note: values.note,
        },
        labels,
        send: sendTo<Benefit>(`/benefit-indicators/${indicator.id}/measurements`, 'POST'),
        done: () => onDone(fmt(t.saved, { name: nameOf(values.municipalityNumber) })),
      }}
    >
      <Paragraph data-size="sm">{fmt(t.intro, { indicator: indicator.name, unit: indicator.unit })}</Paragraph>
      <OptionSelect
        {...field('municipalityNumber', t.municipality)}
        empty={t.chooseMunicipality}
        options={municipalities.map((x) => ({ value: x.number, label: x.name }))}
        required
      />
      <TextField {...field('measuredOn', t.measuredOn)} type="date" required />
      <NumberField {...field('value', `${t.value} (${indicator.unit})`)} required />
      <TextField {...field('note', t.note)} multiline rows={2} />
    </SubmitForm>
  );
}
