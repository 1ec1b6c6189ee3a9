import { Button, Textfield } from '@digdir/designsystemet-react';
import { errorFor, type FormState } from '../../app/forms.tsx';

/** «HH:MM» now in Norway, for the «now» buttons of a meeting in progress. */
const osloNow = () =>
  new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());

/** A time of day (TT:MM) wired to the form's errors; with `nowLabel`, a button beside it that fills in the time now. */
export function TimeField({
  form,
  name,
  label,
  value,
  onChange,
  required,
  nowLabel,
}: {
  form: FormState;
  name: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
  nowLabel?: string;
}) {
  const input = (
    <Textfield
      id={form.id(name)}
      name={name}
      label={label}
      type="time"
      value={value}
      required={required}
      error={errorFor(form, name)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  if (!nowLabel) return input;
  return (
    <div className="dr-time-row">
      {input}
      <Button type="button" variant="tertiary" data-size="sm" onClick={() => onChange(osloNow())}>
        {nowLabel}
      </Button>
    </div>
  );
}
