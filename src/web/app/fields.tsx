import { useState, type ComponentProps, type ReactNode } from 'react';
import { Checkbox, Radio } from '@digdir/designsystemet-react';
import { ChoiceGroup, errorFor, useForm, type FormState, type SelectField } from './forms.tsx';

type TextKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/** What a TextField or SelectField takes for one text value of a form: its state, name, label, value and change. */
export type BoundField = Pick<ComponentProps<typeof SelectField>, 'state' | 'name' | 'label' | 'description' | 'value' | 'onChange'>;

/**
 * A form's values kept as one record, and `field(name, label, description?)` that wires a text value to its field, so
 * a form names each value once instead of repeating its name, value and setter on every field.
 */
export function useFormValues<V extends object>(initial: V | (() => V)) {
  const form = useForm();
  const [values, setValues] = useState<V>(initial);
  const set = (patch: Partial<V>) => setValues((v) => ({ ...v, ...patch }));
  return { form, values, set, field: textFieldBinder(form, values, set) };
}

/**
 * Wires the fields of a record of values to the form: `<TextField {...field('name')} label={…} />` gets the form, the
 * field's name (the path the server names in its errors, the key unless told), its value and a change that sets it.
 */
export function fieldBinder<V extends object>(form: FormState, values: V, set: (patch: Partial<V>) => void) {
  return <K extends keyof V & string>(key: K, path: string = key) => ({
    state: form,
    name: path,
    value: values[key],
    onChange: (value: V[K]) => set({ [key]: value } as unknown as Partial<V>),
  });
}

/** `field(name, label, description?)` for a form's text values: `fieldBinder` with the field's label beside. */
export function textFieldBinder<V extends object>(form: FormState, values: V, set: (patch: Partial<V>) => void) {
  const bind = fieldBinder(form, values, set);
  return (name: TextKeys<V>, label: string, description?: ReactNode): BoundField => ({
    ...bind(name),
    value: values[name] as string,
    onChange: (value: string) => set({ [name]: value } as Partial<V>),
    label,
    description,
  });
}

/**
 * Checkboxes for a list of chosen values under one legend, with the group's error; the first box carries the field's
 * id so the error summary's link lands on it. No boxes (an empty `options`) leaves only the legend and description.
 */
export function CheckboxGroup<T extends string>({
  form,
  name,
  legend,
  description,
  className,
  options,
  chosen,
  onChange,
}: {
  form: FormState;
  name: string;
  legend: string;
  description?: ReactNode;
  /** The boxes' wrapper, where they are laid out in columns. */
  className?: string;
  options: readonly { value: T; label: string }[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
}) {
  const boxes = options.map((o, i) => (
    <Checkbox
      key={o.value}
      id={i === 0 ? form.id(name) : undefined}
      label={o.label}
      value={o.value}
      checked={chosen.includes(o.value)}
      onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value))}
    />
  ));
  return (
    <ChoiceGroup form={form} name={name} legend={legend} description={description}>
      {options.length > 0 && (className ? <div className={className}>{boxes}</div> : boxes)}
    </ChoiceGroup>
  );
}

/** Radio buttons for one choice under one legend, with the group's error; the first carries the field's id. */
export function RadioGroup<T extends string>({
  form,
  name,
  legend,
  description,
  options,
  value,
  onChange,
}: {
  form: FormState;
  name: string;
  legend: string;
  description?: ReactNode;
  options: readonly { value: T; label: string; description?: string }[];
  value: T | '';
  onChange: (value: T) => void;
}) {
  const invalid = !!errorFor(form, name);
  return (
    <ChoiceGroup form={form} name={name} legend={legend} description={description}>
      {options.map((o, i) => (
        <Radio
          key={o.value}
          id={i === 0 ? form.id(name) : undefined}
          name={form.id(name)}
          value={o.value}
          label={o.label}
          description={o.description}
          checked={value === o.value}
          aria-invalid={invalid || undefined}
          onChange={() => onChange(o.value)}
        />
      ))}
    </ChoiceGroup>
  );
}
