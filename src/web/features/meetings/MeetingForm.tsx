import { useState } from 'react';
import { Button, Checkbox, Textfield } from '@digdir/designsystemet-react';
import { MeetingCreateSchema, MeetingUpdateSchema, type Meeting } from '../../../shared/meetings/schema.ts';
import { api } from '../../app/api.ts';
import { errorFor, FormMessages, SubmitButton, TextField, useForm, type FormState } from '../../app/forms.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow } from '../../app/ui.tsx';
import { useMeetingMessages } from './messages.ts';

/** A time of day (TT:MM) wired to the form's errors. */
function TimeField({
  form,
  name,
  label,
  value,
  onChange,
  required,
}: {
  form: FormState;
  name: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
}) {
  return (
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
}

/** Plans a meeting of a body (no `meeting` given) or changes one: date, time, place, online link, e-mail procedure, public. */
export function MeetingForm({
  bodyId,
  meeting,
  defaultDate,
  onSaved,
  onCancel,
  onReload,
}: {
  bodyId: string;
  meeting?: Meeting;
  defaultDate?: string;
  onSaved: (meeting: Meeting) => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { m } = useI18n();
  const mm = useMeetingMessages();
  const form = useForm();
  const [date, setDate] = useState(meeting?.date ?? defaultDate ?? '');
  const [startTime, setStartTime] = useState(meeting?.startTime ?? '');
  const [endTime, setEndTime] = useState(meeting?.endTime ?? '');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [remoteLink, setRemoteLink] = useState(meeting?.remoteLink ?? '');
  const [writtenProcedure, setWrittenProcedure] = useState(meeting?.writtenProcedure ?? false);
  const [isPublic, setIsPublic] = useState(meeting?.isPublic ?? true);
  const f = mm.meetingForm;
  const labels = {
    date: f.date,
    startTime: f.startTime,
    endTime: f.endTime,
    place: f.place,
    remoteLink: f.remoteLink,
    writtenProcedure: f.writtenProcedure,
    isPublic: f.isPublic,
  };
  const fields = {
    date: date || undefined,
    startTime: startTime || undefined,
    endTime: endTime || null,
    place,
    remoteLink: remoteLink.trim() || null,
    writtenProcedure,
    isPublic,
  };

  return (
    <form
      className="dr-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (meeting) {
          void form.submit({
            schema: MeetingUpdateSchema,
            input: { ...fields, version: meeting.version },
            labels,
            send: (input) => api<Meeting>(`/meetings/${meeting.id}`, { method: 'PATCH', body: input }),
            done: onSaved,
          });
        } else {
          void form.submit({
            schema: MeetingCreateSchema,
            input: fields,
            labels,
            send: (input) => api<Meeting>(`/bodies/${bodyId}/meetings`, { method: 'POST', body: input }),
            done: onSaved,
          });
        }
      }}
    >
      <FormMessages form={form} onReload={onReload} />
      <TextField state={form} name="date" label={f.date} type="date" value={date} onChange={setDate} required />
      <TimeField form={form} name="startTime" label={f.startTime} value={startTime} onChange={setStartTime} required />
      <TimeField form={form} name="endTime" label={f.endTime} value={endTime} onChange={setEndTime} />
      <TextField state={form} name="place" label={f.place} value={place} onChange={setPlace} autoComplete="off" />
      <TextField
        state={form}
        name="remoteLink"
        label={f.remoteLink}
        description={f.remoteLinkDescription}
        type="url"
        value={remoteLink}
        onChange={setRemoteLink}
        autoComplete="off"
      />
      {!meeting && (
        <Checkbox
          id={form.id('writtenProcedure')}
          label={f.writtenProcedure}
          description={f.writtenProcedureDescription}
          checked={writtenProcedure}
          onChange={(e) => setWrittenProcedure(e.target.checked)}
        />
      )}
      <Checkbox
        id={form.id('isPublic')}
        label={f.isPublic}
        description={f.isPublicDescription}
        checked={isPublic}
        onChange={(e) => setIsPublic(e.target.checked)}
      />
      <ButtonRow>
        <SubmitButton form={form}>{meeting ? m.common.save : f.create}</SubmitButton>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {m.common.cancel}
        </Button>
      </ButtonRow>
    </form>
  );
}
