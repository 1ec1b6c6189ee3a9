import { useState } from 'react';
import { Checkbox } from '@digdir/designsystemet-react';
import { MeetingCreateSchema, MeetingUpdateSchema, type Meeting } from '../../../shared/meetings/schema.ts';
import { TextField, useForm } from '../../app/forms.tsx';
import { SaveForm } from '../../app/kit.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { TimeField } from './TimeField.tsx';
import { useMeetingMessages } from './messages.ts';

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
    <SaveForm
      form={form}
      save={{
        item: meeting,
        create: { schema: MeetingCreateSchema, path: `/bodies/${bodyId}/meetings` },
        update: { schema: MeetingUpdateSchema, path: `/meetings/${meeting?.id}` },
        input: fields,
        labels,
        done: onSaved,
      }}
      submitLabel={meeting ? m.common.save : f.create}
      onCancel={onCancel}
      onReload={onReload}
    >
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
    </SaveForm>
  );
}
