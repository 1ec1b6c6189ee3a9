import { useState } from 'react';
import { Paragraph } from '@digdir/designsystemet-react';
import {
  AgendaAmendmentSchema,
  AgendaItemUpdateSchema,
  MeetingUpdateSchema,
  type AgendaItem,
  type Meeting,
} from '../../../shared/meetings/schema.ts';
import { TextField, useForm, type FieldErrors } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { useMeetingMessages } from './messages.ts';
import { type MeetingDialogProps, type ItemFormProps } from './meeting-api.ts';
import { TimeField } from './TimeField.tsx';
import { MoveButtons } from './MoveButtons.tsx';
import type {} from '../../app/kit.tsx';

/**
 * An item's time: the planned duration (the agenda's planned times count from the meeting's start), and once the
 * meeting runs, when its handling started and ended.
 */
export function ItemTimingForm({ meeting, item, onSaved, onReload }: ItemFormProps) {
  const mm = useMeetingMessages();
  const t = mm.timing;
  const running = meeting.status !== 'planned';
  const { form, values, set, field } = useFormValues(() => ({
    plannedMinutes: item.plannedMinutes === null ? '' : String(item.plannedMinutes),
    startedAt: item.startedAt ?? '',
    endedAt: item.endedAt ?? '',
  }));
  const { startedAt, endedAt } = values;
  const labels = { plannedMinutes: t.plannedMinutes, startedAt: t.startedAt, endedAt: t.endedAt };
  const submit = () => {
    const planned = values.plannedMinutes.trim();
    const minutes = planned === '' ? null : Number(planned);
    return form.submit({
      schema: AgendaItemUpdateSchema,
      input: {
        plannedMinutes: minutes,
        ...(running ? { startedAt: startedAt || null, endedAt: endedAt || null } : {}),
        version: item.version,
      },
      labels,
      check: (data): FieldErrors =>
        data.startedAt && data.endedAt && data.endedAt < data.startedAt ? { endedAt: fmt(t.endBeforeStart, { field: t.endedAt }) } : {},
      send: sendTo<AgendaItem>(`/agenda-items/${item.id}`),
      done: (saved) => {
        onSaved(saved);
        return t.saved;
      },
    });
  };
  return (
    <SubmitForm form={form} label={t.itemHeading} submit={submit} submitLabel={t.save} onReload={onReload}>
      <Paragraph data-size="sm">
        {item.plannedMinutes !== null ? fmt(t.plannedRange, { start: item.plannedStart, end: item.plannedEnd }) : t.noPlan}
      </Paragraph>
      <TextField {...field('plannedMinutes', labels.plannedMinutes, t.plannedDescription)} autoComplete="off" />
      {running && (
        <>
          <TimeField
            form={form}
            name="startedAt"
            label={labels.startedAt}
            value={startedAt}
            onChange={(v) => set({ startedAt: v })}
            nowLabel={t.now}
          />
          <TimeField
            form={form}
            name="endedAt"
            label={labels.endedAt}
            value={endedAt}
            onChange={(v) => set({ endedAt: v })}
            nowLabel={t.now}
          />
        </>
      )}
    </SubmitForm>
  );
}

/** When the meeting was closed; the minutes end «Møtet ble hevet kl. …». */
export function AdjournForm({ meeting, onSaved, onCancel, onReload }: MeetingDialogProps) {
  const { m } = useI18n();
  const t = useMeetingMessages().timing;
  const form = useForm();
  const [at, setAt] = useState(meeting.adjournedAt ?? '');
  const submit = () =>
    form.submit({
      schema: MeetingUpdateSchema,
      input: { adjournedAt: at || null, version: meeting.version },
      labels: { adjournedAt: t.adjournedAt },
      send: sendTo<Meeting>(`/meetings/${meeting.id}`),
      done: onSaved,
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={m.common.save} onCancel={onCancel} onReload={onReload}>
      <Paragraph>{t.adjournIntro}</Paragraph>
      <TimeField form={form} name="adjournedAt" label={t.adjournedAt} value={at} onChange={setAt} nowLabel={t.now} />
    </SubmitForm>
  );
}

/**
 * «Endret saksliste»: after the summons the order changes only this way. The secretariat puts the items in their new
 * order with the move buttons and gives the reason; the cases are numbered again and everyone called gets the
 * corrected summons.
 */
export function AmendedAgendaForm({ meeting, onSaved, onCancel, onReload }: MeetingDialogProps) {
  const mm = useMeetingMessages();
  const t = mm.timing;
  const form = useForm();
  const [order, setOrder] = useState(meeting.items);
  const [reason, setReason] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const move = (from: number, to: number) => {
    const item = order[from];
    if (!item || to < 0 || to >= order.length) return;
    const next = [...order];
    next.splice(from, 1);
    next.splice(to, 0, item);
    setOrder(next);
    setAnnouncement(fmt(mm.agenda.moved, { title: item.title, position: to + 1, total: order.length }));
  };
  const submit = () =>
    form.submit({
      schema: AgendaAmendmentSchema,
      input: { itemIds: order.map((i) => i.id), reason, version: meeting.version },
      labels: { itemIds: mm.agenda.heading, reason: t.amendReason },
      send: sendTo<Meeting>(`/meetings/${meeting.id}/amended-agenda`, 'POST'),
      done: onSaved,
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={t.amendSubmit} onCancel={onCancel} onReload={onReload}>
      <Paragraph>{t.amendIntro}</Paragraph>
      <div role="status" aria-live="polite" className="dr-visually-hidden">
        {announcement}
      </div>
      <ol className="dr-agenda" id={form.id('itemIds')} aria-label={t.amendOrder}>
        {order.map((item, index) => (
          <li key={item.id} className="dr-agenda-item">
            <span />
            <span className="dr-agenda-number">{item.number || mm.agenda.newNumber}</span>
            <span className="dr-agenda-main">{item.title}</span>
            <MoveButtons title={item.title} index={index} count={order.length} onMove={(to) => move(index, to)} />
          </li>
        ))}
      </ol>
      <TextField state={form} name="reason" label={t.amendReason} multiline rows={2} value={reason} onChange={setReason} required />
    </SubmitForm>
  );
}
