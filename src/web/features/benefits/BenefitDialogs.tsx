import { useState } from 'react';
import { Button, Checkbox, Fieldset, Paragraph, Radio, Select, Textfield } from '@digdir/designsystemet-react';
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
import { api } from '../../app/api.ts';
import { errorFor, fieldMessage, SelectField, TextField, useForm, type FieldErrors, ChoiceGroup } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { SaveForm } from '../../app/kit.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { ButtonRow, todayIso } from '../../app/ui.tsx';
import { usePeople } from '../projects/index.ts';
import { benefitsPath, numberText, parseNumber } from './benefits-api.ts';
import { useBenefitMessages } from './messages.ts';
import { RowAction } from '../../app/table.tsx';

/** What every dialog's form is told: how to report a save (its message is announced), to cancel, and to reload. */
interface DialogProps {
  onDone: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}

type Form = ReturnType<typeof useForm>;

/** A number typed as text (a comma as decimal sign is fine), wired to the form's errors like TextField. */
function NumberField({
  form,
  name,
  label,
  description,
  value,
  onChange,
  required,
}: {
  form: Form;
  name: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}) {
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

/** The network's people to choose from, with the one already chosen even when the list does not hold them. */
function PersonOptions({
  networkId,
  current,
  noneLabel,
}: {
  networkId: string;
  current: { personId: string; name: string } | null;
  noneLabel: string;
}) {
  const people = usePeople(networkId, true);
  const options =
    current && !people.some((p) => p.id === current.personId) ? [{ id: current.personId, name: current.name }, ...people] : people;
  return (
    <>
      <Select.Option value="">{noneLabel}</Select.Option>
      {options.map((p) => (
        <Select.Option key={p.id} value={p.id}>
          {p.name}
        </Select.Option>
      ))}
    </>
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
}: DialogProps & { project: Project; networkId: string; item: Benefit | null }) {
  const bm = useBenefitMessages();
  const t = bm.benefitForm;
  const form = useForm();
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [type, setType] = useState<string>(item?.type ?? '');
  const [beneficiaries, setBeneficiaries] = useState(item?.beneficiaries ?? '');
  const [changes, setChanges] = useState(item?.changes ?? '');
  const [deliverableIds, setDeliverableIds] = useState<string[]>(item?.deliverables.map((d) => d.id) ?? []);
  const [benefitAreas, setBenefitAreas] = useState<string[]>(item?.benefitAreas ?? []);
  const [owner, setOwner] = useState(item?.owner?.personId ?? '');
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
    title,
    description,
    type: type || undefined,
    beneficiaries,
    changes,
    // A deliverable since deleted from the plan is let go rather than refused.
    deliverableIds: deliverableIds.filter((id) => project.deliverables.some((d) => d.id === id)),
    benefitAreas,
    ownerPersonId: owner || null,
  };
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));
  return (
    <SaveForm
      form={form}
      save={{
        item,
        create: { schema: BenefitInputSchema, path: benefitsPath(project.id) },
        update: { schema: BenefitUpdateSchema, path: `/benefits/${item?.id}` },
        input: fields,
        labels,
        done: (_: Benefit) => onDone(fmt(item ? t.saved : t.added, { name: title.trim() })),
      }}
      submitLabel={t.save}
      onCancel={onCancel}
      onReload={onReload}
    >
      <TextField state={form} name="title" label={t.title} value={title} onChange={setTitle} required />
      <TextField state={form} name="description" label={t.description} value={description} onChange={setDescription} multiline rows={3} />
      <SelectField state={form} name="type" label={t.type} value={type} onChange={setType} required>
        <Select.Option value="">{t.chooseType}</Select.Option>
        {BENEFIT_TYPES.map((x) => (
          <Select.Option key={x} value={x}>
            {bm.types[x]}
          </Select.Option>
        ))}
      </SelectField>
      <TextField
        state={form}
        name="beneficiaries"
        label={t.beneficiaries}
        description={t.beneficiariesDescription}
        value={beneficiaries}
        onChange={setBeneficiaries}
      />
      <TextField
        state={form}
        name="changes"
        label={t.changes}
        description={t.changesDescription}
        value={changes}
        onChange={setChanges}
        multiline
        rows={3}
      />
      <ChoiceGroup
        form={form}
        name="deliverableIds"
        legend={t.deliverables}
        description={project.deliverables.length > 0 ? t.deliverablesDescription : t.noDeliverables}
      >
        {project.deliverables.length > 0 && (
          <div className="dr-benefit-list">
            {project.deliverables.map((d, i) => (
              <Checkbox
                key={d.id}
                id={i === 0 ? form.id('deliverableIds') : undefined}
                label={d.title}
                value={d.id}
                checked={deliverableIds.includes(d.id)}
                onChange={(e) => setDeliverableIds(toggle(deliverableIds, d.id, e.target.checked))}
              />
            ))}
          </div>
        )}
      </ChoiceGroup>
      <ChoiceGroup form={form} name="benefitAreas" legend={t.benefitAreas}>
        <div className="dr-benefit-checkboxes">
          {BENEFIT_AREAS.map((a, i) => (
            <Checkbox
              key={a}
              id={i === 0 ? form.id('benefitAreas') : undefined}
              label={bm.areas[a]}
              value={a}
              checked={benefitAreas.includes(a)}
              onChange={(e) => setBenefitAreas(toggle(benefitAreas, a, e.target.checked))}
            />
          ))}
        </div>
      </ChoiceGroup>
      <SelectField state={form} name="ownerPersonId" label={t.owner} description={t.ownerDescription} value={owner} onChange={setOwner}>
        <PersonOptions networkId={networkId} current={item?.owner ?? null} noneLabel={t.noPerson} />
      </SelectField>
    </SaveForm>
  );
}

// ---------------------------------------------------------------- indicator

/** The secretariat's indicator: what is measured, in which unit and direction, whether it adds up, from where, how often. */
export function IndicatorForm({ benefit, item, onDone, onCancel, onReload }: DialogProps & { benefit: Benefit; item: Indicator | null }) {
  const bm = useBenefitMessages();
  const t = bm.indicatorForm;
  const form = useForm();
  const [name, setName] = useState(item?.name ?? '');
  const [unit, setUnit] = useState(item?.unit ?? '');
  const [direction, setDirection] = useState<string>(item?.direction ?? '');
  const [additive, setAdditive] = useState(item?.additive ?? false);
  const [dataSource, setDataSource] = useState(item?.dataSource ?? '');
  const [frequency, setFrequency] = useState<string>(item?.frequency ?? '');
  const labels = {
    name: t.name,
    unit: t.unit,
    direction: t.direction,
    additive: t.additive,
    dataSource: t.dataSource,
    frequency: t.frequency,
  };
  const fields = { name, unit, direction: direction || undefined, additive, dataSource, frequency: frequency || undefined };
  const directionInvalid = !!errorFor(form, 'direction');
  return (
    <SaveForm
      form={form}
      save={{
        item,
        create: { schema: IndicatorInputSchema, path: `/benefits/${benefit.id}/indicators` },
        update: { schema: IndicatorUpdateSchema, path: `/benefit-indicators/${item?.id}` },
        input: fields,
        labels,
        done: (_: Benefit) => onDone(fmt(item ? t.saved : t.added, { name: name.trim() })),
      }}
      submitLabel={t.save}
      onCancel={onCancel}
      onReload={onReload}
    >
      <TextField state={form} name="name" label={t.name} value={name} onChange={setName} required />
      <TextField state={form} name="unit" label={t.unit} description={t.unitDescription} value={unit} onChange={setUnit} required />
      <ChoiceGroup form={form} name="direction" legend={t.direction}>
        {INDICATOR_DIRECTIONS.map((value, i) => (
          <Radio
            key={value}
            id={i === 0 ? form.id('direction') : undefined}
            name={form.id('direction')}
            value={value}
            label={bm.directions[value]}
            checked={direction === value}
            aria-invalid={directionInvalid || undefined}
            onChange={() => setDirection(value)}
          />
        ))}
      </ChoiceGroup>
      <Fieldset>
        <Fieldset.Legend>{t.additive}</Fieldset.Legend>
        <Checkbox
          id={form.id('additive')}
          label={t.additiveLabel}
          description={t.additiveDescription}
          checked={additive}
          onChange={(e) => setAdditive(e.target.checked)}
        />
      </Fieldset>
      <TextField state={form} name="dataSource" label={t.dataSource} value={dataSource} onChange={setDataSource} />
      <SelectField state={form} name="frequency" label={t.frequency} value={frequency} onChange={setFrequency} required>
        <Select.Option value="">–</Select.Option>
        {MEASUREMENT_FREQUENCIES.map((f) => (
          <Select.Option key={f} value={f}>
            {bm.frequencies[f]}
          </Select.Option>
        ))}
      </SelectField>
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
}: DialogProps & {
  networkId: string;
  indicator: Indicator;
  municipality: { number: string; name: string };
  target: IndicatorTarget | null;
}) {
  const { lang } = useI18n();
  const bm = useBenefitMessages();
  const t = bm.targetForm;
  const form = useForm();
  const [baselineValue, setBaselineValue] = useState(numberText(lang, target?.baselineValue));
  const [baselineDate, setBaselineDate] = useState(target?.baselineDate ?? '');
  const [targetValue, setTargetValue] = useState(numberText(lang, target?.targetValue));
  const [targetDate, setTargetDate] = useState(target?.targetDate ?? '');
  const [interim, setInterim] = useState<InterimText[]>(
    target?.interimTargets.map((x, key) => ({ key, date: x.date, value: numberText(lang, x.value) })) ?? [],
  );
  const [responsible, setResponsible] = useState(target?.responsible?.personId ?? '');
  const [weight, setWeight] = useState(target && target.weight !== 1 ? numberText(lang, target.weight) : '');
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
      onSubmit={() =>
        form.submit({
          schema: IndicatorTargetInputSchema,
          input: {
            baselineValue: parseNumber(lang, baselineValue),
            baselineDate: baselineDate || undefined,
            targetValue: parseNumber(lang, targetValue),
            targetDate: targetDate || undefined,
            interimTargets: interim.map((x) => ({ date: x.date || undefined, value: parseNumber(lang, x.value) })),
            responsiblePersonId: responsible || null,
            weight: parseNumber(lang, weight) ?? null,
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
          send: (body) =>
            api<Benefit>(`/benefit-indicators/${indicator.id}/targets/${municipality.number}`, {
              method: 'PUT',
              body,
            }),
          done: () => onDone(fmt(t.saved, { name: municipality.name })),
        })
      }
    >
      <Paragraph data-size="sm">
        {fmt(t.intro, { indicator: indicator.name, unit: indicator.unit, direction: bm.directions[indicator.direction].toLowerCase() })}
      </Paragraph>
      <div className="dr-toolbar">
        <NumberField
          form={form}
          name="baselineValue"
          label={t.baselineValue}
          description={t.numberDescription}
          value={baselineValue}
          onChange={setBaselineValue}
          required
        />
        <TextField
          state={form}
          name="baselineDate"
          type="date"
          label={t.baselineDate}
          value={baselineDate}
          onChange={setBaselineDate}
          required
        />
      </div>
      <div className="dr-toolbar">
        <NumberField
          form={form}
          name="targetValue"
          label={t.targetValue}
          description={t.numberDescription}
          value={targetValue}
          onChange={setTargetValue}
          required
        />
        <TextField state={form} name="targetDate" type="date" label={t.targetDate} value={targetDate} onChange={setTargetDate} required />
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
              form={form}
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
      <SelectField
        state={form}
        name="responsiblePersonId"
        label={t.responsible}
        description={t.responsibleDescription}
        value={responsible}
        onChange={setResponsible}
      >
        <PersonOptions networkId={networkId} current={target?.responsible ?? null} noneLabel={t.noPerson} />
      </SelectField>
      <NumberField form={form} name="weight" label={t.weight} description={t.weightDescription} value={weight} onChange={setWeight} />
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
}: DialogProps & { indicator: Indicator; municipalities: { number: string; name: string }[] }) {
  const { lang } = useI18n();
  const bm = useBenefitMessages();
  const t = bm.measurementForm;
  const form = useForm();
  const [municipality, setMunicipality] = useState(municipalities.length === 1 ? municipalities[0]!.number : '');
  const [measuredOn, setMeasuredOn] = useState(todayIso());
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const labels = { municipalityNumber: t.municipality, measuredOn: t.measuredOn, value: t.value, note: t.note };
  const nameOf = (number: string) => municipalities.find((x) => x.number === number)?.name ?? number;
  return (
    <SubmitForm
      form={form}
      submitLabel={t.save}
      onCancel={onCancel}
      onReload={onReload}
      onSubmit={() =>
        form.submit({
          schema: MeasurementInputSchema,
          input: {
            municipalityNumber: municipality || undefined,
            measuredOn: measuredOn || undefined,
            value: parseNumber(lang, value),
            note,
          },
          labels,
          send: (body) => api<Benefit>(`/benefit-indicators/${indicator.id}/measurements`, { method: 'POST', body }),
          done: () => onDone(fmt(t.saved, { name: nameOf(municipality) })),
        })
      }
    >
      <Paragraph data-size="sm">{fmt(t.intro, { indicator: indicator.name, unit: indicator.unit })}</Paragraph>
      <SelectField state={form} name="municipalityNumber" label={t.municipality} value={municipality} onChange={setMunicipality} required>
        <Select.Option value="">{t.chooseMunicipality}</Select.Option>
        {municipalities.map((x) => (
          <Select.Option key={x.number} value={x.number}>
            {x.name}
          </Select.Option>
        ))}
      </SelectField>
      <TextField state={form} name="measuredOn" type="date" label={t.measuredOn} value={measuredOn} onChange={setMeasuredOn} required />
      <NumberField form={form} name="value" label={`${t.value} (${indicator.unit})`} value={value} onChange={setValue} required />
      <TextField state={form} name="note" label={t.note} value={note} onChange={setNote} multiline rows={2} />
    </SubmitForm>
  );
}
