import { useCallback, useId, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import {
  Alert,
  Button,
  ErrorSummary,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { formatMessage, SERVER_MESSAGES, type ValidationKey } from '../../shared/i18n/server-messages.ts';
import type { Language } from '../../shared/i18n/languages.ts';
import { type ApiError, asApiError } from './api.ts';
import { ButtonRow, SuccessMessage } from './ui.tsx';
import { useI18n } from './i18n/index.tsx';

/** Field path (dot-separated, as the server sends it) → message. */
export type FieldErrors = Record<string, string>;

const VALIDATION_KEYS = new Set(Object.keys(SERVER_MESSAGES.nb.validation));
const isValidationKey = (message: string): message is ValidationKey => VALIDATION_KEYS.has(message);

/** The same reading of zod issues as the server's, so the browser and the server word a problem alike. */
function problemOf(issue: z.core.$ZodIssue): { key: ValidationKey; values?: Record<string, number> } {
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) return { key: 'required' };
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum);
    if (issue.origin === 'string') return min <= 1 ? { key: 'required' } : { key: 'tooShort', values: { min } };
    if (issue.origin === 'array' || issue.origin === 'set') return { key: 'required' };
    return { key: 'tooSmall', values: { min } };
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    return issue.origin === 'string' ? { key: 'tooLong', values: { max } } : { key: 'tooBig', values: { max } };
  }
  if (isValidationKey(issue.message)) return { key: issue.message };
  if (issue.code === 'invalid_format') return { key: issue.format === 'email' ? 'email' : issue.format === 'date' ? 'date' : 'format' };
  if (issue.code === 'invalid_value') return { key: 'choice' };
  if (issue.code === 'invalid_type') return { key: 'type' };
  return { key: 'invalid' };
}

/** Validates with a shared zod schema; messages name each field by the label the form shows. */
export function validate<T>(
  schema: z.ZodType<T>,
  input: unknown,
  labels: Record<string, string>,
  lang: Language,
): { ok: true; data: T } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (errors[path]) continue;
    const problem = problemOf(issue);
    errors[path] = formatMessage(SERVER_MESSAGES[lang].validation[problem.key], { field: labels[path] ?? path, ...problem.values });
  }
  return { ok: false, errors };
}

/** A message for one field, worded like the server's validation messages. */
export function fieldMessage(lang: Language, key: ValidationKey, label: string): string {
  return formatMessage(SERVER_MESSAGES[lang].validation[key], { field: label });
}

export interface SubmitOptions<T, R> {
  schema: z.ZodType<T>;
  input: unknown;
  /** Labels of the fields by path, used in the browser's own messages. */
  labels: Record<string, string>;
  /** Checks the schema cannot express (two fields that must agree). */
  check?: (data: T) => FieldErrors;
  send: (data: T) => Promise<R>;
  /** Runs after a successful save; a returned string is announced as success. */
  done?: (result: R) => string | void;
}

export interface FormState {
  id: (path: string) => string;
  errors: FieldErrors;
  failure: ApiError | null;
  saving: boolean;
  success: string | null;
  setSuccess: (message: string | null) => void;
  reset: () => void;
  submit: <T, R>(options: SubmitOptions<T, R>) => Promise<boolean>;
}

/**
 * State of one form: field errors from the browser check or the server, a general failure,
 * saving and success. `id(path)` gives the input id for a field, so the summary can link to it.
 */
export function useForm(): FormState {
  const prefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const { lang } = useI18n();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [success, setSuccess] = useState<string | null>(null);

  const id = useCallback((path: string) => `f${prefix}-${path.replace(/\./g, '-')}`, [prefix]);
  const reset = useCallback(() => {
    setErrors({});
    setFailure(null);
    setSuccess(null);
  }, []);

  const submit = useCallback(
    async <T, R>(options: SubmitOptions<T, R>): Promise<boolean> => {
      setSuccess(null);
      setFailure(null);
      const result = validate(options.schema, options.input, options.labels, lang);
      const extra = result.ok ? (options.check?.(result.data) ?? {}) : {};
      if (!result.ok || Object.keys(extra).length > 0) {
        setErrors(result.ok ? extra : { ...result.errors });
        return false;
      }
      setErrors({});
      setSaving(true);
      try {
        const answer = await options.send(result.data);
        const message = options.done?.(answer);
        if (message) setSuccess(message);
        return true;
      } catch (error) {
        const apiError = asApiError(error);
        if (apiError.code === 'validation_failed' && Object.keys(apiError.fields).length > 0) setErrors(apiError.fields);
        else setFailure(apiError);
        return false;
      } finally {
        setSaving(false);
      }
    },
    [lang],
  );

  return { id, errors, failure, saving, success, setSuccess, reset, submit };
}

/** The input for a path, or for its nearest parent (`competences.2` → `competences`). */
function findField(form: FormState, path: string): HTMLElement | null {
  const parts = path.split('.');
  while (parts.length > 0) {
    const element = document.getElementById(form.id(parts.join('.')));
    if (element) return element;
    parts.pop();
  }
  return null;
}

/** The error for a field, or for any item inside it. */
export function errorFor(form: FormState, name: string): string | undefined {
  return form.errors[name] ?? Object.entries(form.errors).find(([path]) => path.startsWith(`${name}.`))?.[1];
}

/** The list of problems at the top of a form; it takes focus when it appears, for screen reader users. */
export function FormErrorSummary({ form }: { form: FormState }) {
  const { m } = useI18n();
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return null;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{m.common.errorSummaryHeading}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {entries.map(([path, message]) => (
          <ErrorSummary.Item key={path}>
            <ErrorSummary.Link
              href={`#${form.id(path)}`}
              onClick={(event) => {
                const target = findField(form, path);
                if (target) {
                  event.preventDefault();
                  target.focus();
                }
              }}
            >
              {message}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** A failure that belongs to no field; a stale version offers to reload instead of overwriting. */
export function FailureAlert({ error, onReload }: { error: ApiError | null; onReload?: () => void }) {
  const { m } = useI18n();
  if (!error) return null;
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{error.message}</Paragraph>
      {error.code === 'stale_version' && onReload && (
        <Button type="button" variant="secondary" data-size="sm" onClick={onReload}>
          {m.common.reload}
        </Button>
      )}
    </Alert>
  );
}

// A success message is shown by pages without a form too: it lives in ui.tsx, with no form code around it.
export { SuccessMessage };

/** Everything above the fields: summary of problems, failure, success. */
export function FormMessages({ form, onReload }: { form: FormState; onReload?: () => void }) {
  return (
    <>
      <FormErrorSummary form={form} />
      <FailureAlert error={form.failure} onReload={onReload} />
      <SuccessMessage message={form.success} />
    </>
  );
}

interface TextFieldProps {
  state: FormState;
  name: string;
  label: string;
  description?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'search' | 'url';
  multiline?: boolean;
  rows?: number;
  required?: boolean;
  autoComplete?: string;
}

/** A text input wired to the form's errors (aria-invalid and aria-describedby come from Designsystemet's field). */
export function TextField({
  state,
  name,
  label,
  description,
  value,
  onChange,
  type = 'text',
  multiline,
  rows,
  required,
  autoComplete,
}: TextFieldProps) {
  const common = { id: state.id(name), name, label, description, value, required, error: errorFor(state, name) };
  return multiline ? (
    <Textfield {...common} multiline rows={rows ?? 4} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <Textfield {...common} type={type} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} />
  );
}

export function SelectField({
  state: form,
  name,
  label,
  description,
  value,
  onChange,
  children,
  required,
}: Pick<TextFieldProps, 'state' | 'name' | 'label' | 'description' | 'value' | 'onChange' | 'required'> & { children: ReactNode }) {
  const error = errorFor(form, name);
  return (
    <Field>
      <Label>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Select
        id={form.id(name)}
        name={name}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

/** The submit button, disabled while saving. */
export function SubmitButton({ form, children }: { form: FormState; children: ReactNode }) {
  const { m } = useI18n();
  return (
    <Button type="submit" disabled={form.saving} aria-disabled={form.saving || undefined}>
      {form.saving ? m.common.saving : children}
    </Button>
  );
}

/**
 * A confirmation in a dialog: what will happen, the button that does it, and the failure if it fails. `focusCancel`
 * gives «Avbryt» the focus, for what cannot be undone (a removal, a revocation), so that Enter does not do it.
 */
export function ConfirmForm({
  children,
  confirmLabel,
  danger,
  focusCancel,
  onConfirm,
  onCancel,
  onReload,
}: {
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  focusCancel?: boolean;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { m } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  return (
    <div className="dr-stack">
      <FailureAlert error={failure} onReload={onReload} />
      {children}
      <ButtonRow>
        <Button
          type="button"
          data-color={danger ? 'danger' : undefined}
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setFailure(null);
            onConfirm().then(
              () => setBusy(false),
              (error: unknown) => {
                setBusy(false);
                setFailure(asApiError(error));
              },
            );
          }}
        >
          {busy ? m.common.saving : confirmLabel}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel} autoFocus={focusCancel}>
          {m.common.cancel}
        </Button>
      </ButtonRow>
    </div>
  );
}

/**
 * A group of radio buttons or checkboxes under one legend, with the group's error below it. The first choice
 * carries the field's id (the caller gives it), so the error summary's link lands on it.
 */
export function ChoiceGroup({
  form,
  name,
  legend,
  description,
  children,
}: {
  form: FormState;
  name: string;
  legend: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const error = errorFor(form, name);
  const errorId = `${form.id(name)}-error`;
  return (
    <Fieldset aria-describedby={error ? errorId : undefined}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      {children}
      {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </Fieldset>
  );
}

/**
 * A fieldset of rows a person adds and removes (proposals, disqualifications, remarks…): an empty state, each row under
 * a numbered heading with its fields and a button that removes it (named with its number, so a screen reader tells
 * which), and a button that adds one.
 */
export function RepeatedRows<R>({
  legend,
  none,
  rows,
  rowKey,
  rowTitle,
  removeLabel,
  onRemove,
  addLabel,
  onAdd,
  children,
}: {
  legend: string;
  none: string;
  rows: R[];
  rowKey: (row: R) => string;
  /** The row's heading and its remove button's name, from the row's number (1, 2, …). */
  rowTitle: (n: number) => string;
  removeLabel: (n: number) => string;
  onRemove: (index: number) => void;
  addLabel: string;
  onAdd: () => void;
  children: (row: R, index: number) => ReactNode;
}) {
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {rows.length === 0 && <Paragraph data-size="sm">{none}</Paragraph>}
      {rows.map((row, i) => (
        <div key={rowKey(row)} className="dr-repeat">
          <Heading level={3} data-size="2xs">
            {rowTitle(i + 1)}
          </Heading>
          {children(row, i)}
          <ButtonRow>
            <Button type="button" variant="tertiary" data-size="sm" data-color="danger" onClick={() => onRemove(i)}>
              {removeLabel(i + 1)}
            </Button>
          </ButtonRow>
        </div>
      ))}
      <ButtonRow>
        <Button type="button" variant="secondary" data-size="sm" onClick={onAdd}>
          {addLabel}
        </Button>
      </ButtonRow>
    </Fieldset>
  );
}

/**
 * One choice of a filter form: «all» (the empty value) first, then the options, then any extra option (e.g. «none»).
 * A filter has no errors to show, so it needs no form state.
 */
export function FilterSelect({
  label,
  value,
  onChange,
  all,
  options,
  after,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  all: string;
  options: readonly { value: string; label: string }[];
  after?: { value: string; label: string };
}) {
  return (
    <Field>
      <Label>{label}</Label>
      <Select value={value} onChange={(e) => onChange(e.target.value)}>
        <Select.Option value="">{all}</Select.Option>
        {[...options, ...(after ? [after] : [])].map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
