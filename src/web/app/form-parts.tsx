import { Select } from '@digdir/designsystemet-react';
import { api } from './api.ts';
import { SelectField, type FormState } from './forms.tsx';
import { type DialogFormProps } from './kit.tsx';

/** The `send` of a form that changes one record: the validated body to `path` (PATCH unless told otherwise). */
export function sendTo<R>(path: string, method: 'PATCH' | 'POST' | 'PUT' = 'PATCH'): (body: unknown) => Promise<R> {
  return (body) => api<R>(path, { method, body });
}

/** One choice among options, wired to the form's errors: an empty first option («Velg», «Ingen», …), then the options. */
export function OptionSelect({
  state,
  name,
  label,
  value,
  onChange,
  empty,
  options,
  required,
}: {
  state: FormState;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The first option's text; without it the list has no empty choice. */
  empty?: string;
  options: readonly { value: string; label: string }[];
  required?: boolean;
}) {
  return (
    <SelectField state={state} name={name} label={label} value={value} onChange={onChange} required={required}>
      {empty !== undefined && <Select.Option value="">{empty}</Select.Option>}
      {options.map((o) => (
        <Select.Option key={o.value} value={o.value}>
          {o.label}
        </Select.Option>
      ))}
    </SelectField>
  );
}

/**
 * What a form in a dialog is told, from the page's `close` and `reload`: cancel closes; a save refused as stale closes
 * and loads the page's data again; a save closes and then does `saved`.
 */
export function dialogHandlers<T>(close: () => void, reload: () => void, saved: (value: T) => void): DialogFormProps<T> {
  return {
    onCancel: close,
    onReload: () => {
      close();
      reload();
    },
    onSaved: (value) => {
      close();
      saved(value);
    },
  };
}

/** Options from a list of keys and their names: `optionsOf(HOSTINGS, t.hostings)`. */
export function optionsOf<K extends string>(keys: readonly K[], names: Record<K, string>): { value: K; label: string }[] {
  return keys.map((key) => ({ value: key, label: names[key] }));
}
