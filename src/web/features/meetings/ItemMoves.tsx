import { useState } from 'react';
import { Paragraph, Select } from '@digdir/designsystemet-react';
import { ForwardSchema, PostponeSchema, type AgendaItem, type Meeting, type MeetingSummary } from '../../../shared/meetings/schema.ts';
import type { BodySummary } from '../../../shared/network/schema.ts';
import { useApi } from '../../app/api.ts';
import { SelectField, useForm } from '../../app/forms.tsx';
import { sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { timeRange } from './meeting-api.ts';
import { MarkdownField } from './MarkdownText.tsx';
import { useMeetingMessages } from './messages.ts';

/**
 * Postpones an item: to a later meeting of the same body from its plan, or to the body's waiting list.
 * The case keeps its number; this meeting's minutes record the postponement.
 */
export function PostponeForm({
  meeting,
  item,
  onSaved,
  onCancel,
  onReload,
}: {
  meeting: Meeting;
  item: AgendaItem;
  onSaved: (meeting: Meeting, targetDate: string | null) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { date } = useI18n();
  const mm = useMeetingMessages();
  const p = mm.postpone;
  const form = useForm();
  const plan = useApi<MeetingSummary[]>(`/bodies/${meeting.bodyId}/meetings`);
  const later = (plan.data ?? []).filter(
    (x) => x.id !== meeting.id && x.date >= meeting.date && !x.writtenProcedure && x.status !== 'minutesApproved',
  );
  const [target, setTarget] = useState('');
  const [deliberation, setDeliberation] = useState(item.deliberation);
  // The API empties a decision that is still only the prefilled recommendation, so the minutes say the case was postponed.
  const decisionIsRecommendation = item.recommendation.trim() !== '' && (item.decision ?? '') === item.recommendation;
  const submit = () =>
    form.submit({
      schema: PostponeSchema,
      input: { toMeetingId: target || null, deliberation, version: item.version },
      labels: { toMeetingId: p.target, deliberation: p.deliberation },
      send: sendTo<Meeting>(`/agenda-items/${item.id}/postpone`, 'POST'),
      done: (saved) => onSaved(saved, later.find((x) => x.id === target)?.date ?? null),
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={p.submit} onCancel={onCancel} onReload={onReload}>
      <SelectField state={form} name="toMeetingId" label={p.target} value={target} onChange={setTarget}>
        <Select.Option value="">{p.waitingList}</Select.Option>
        {later.map((x) => (
          <Select.Option key={x.id} value={x.id}>
            {`${date(x.date)} ${timeRange(x.startTime, x.endTime)} (${mm.statuses[x.status]})`}
          </Select.Option>
        ))}
      </SelectField>
      {plan.data && later.length === 0 && <Paragraph data-size="sm">{p.noLater}</Paragraph>}
      {decisionIsRecommendation && <Paragraph data-size="sm">{p.clearsDecision}</Paragraph>}
      <MarkdownField
        state={form}
        name="deliberation"
        label={p.deliberation}
        description={p.deliberationDescription}
        rows={3}
        value={deliberation}
        onChange={setDeliberation}
      />
    </SubmitForm>
  );
}

/** Sends an item on to a meeting of another body of the network, where it gets a number of its own. */
export function ForwardForm({
  meeting,
  item,
  onSaved,
  onCancel,
}: {
  meeting: Meeting;
  item: AgendaItem;
  onSaved: (target: Meeting) => void;
  onCancel: () => void;
}) {
  const { m, date } = useI18n();
  const mm = useMeetingMessages();
  const f = mm.forward;
  const form = useForm();
  const bodies = useApi<BodySummary[]>(`/networks/${meeting.networkId}/bodies`);
  const [bodyId, setBodyId] = useState('');
  const [target, setTarget] = useState('');
  const [recommendation, setRecommendation] = useState(item.decision ?? item.recommendation);
  const plan = useApi<MeetingSummary[]>(bodyId ? `/bodies/${bodyId}/meetings` : null);
  const open = (plan.data ?? []).filter((x) => !x.writtenProcedure && x.status !== 'minutesApproved');
  const submit = () =>
    form.submit({
      schema: ForwardSchema,
      input: { toMeetingId: target || undefined, recommendation },
      labels: { toMeetingId: f.meeting, recommendation: f.recommendation },
      send: sendTo<Meeting>(`/agenda-items/${item.id}/forward`, 'POST'),
      done: onSaved,
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={f.submit} onCancel={onCancel}>
      <SelectField
        state={form}
        name="bodyId"
        label={f.body}
        value={bodyId}
        onChange={(id) => {
          setBodyId(id);
          setTarget('');
        }}
        required
      >
        <Select.Option value="">{m.common.choose}</Select.Option>
        {(bodies.data ?? [])
          .filter((b) => b.id !== meeting.bodyId)
          .map((b) => (
            <Select.Option key={b.id} value={b.id}>
              {b.name}
            </Select.Option>
          ))}
      </SelectField>
      {bodyId && (
        <SelectField state={form} name="toMeetingId" label={f.meeting} value={target} onChange={setTarget} required>
          <Select.Option value="">{m.common.choose}</Select.Option>
          {open.map((x) => (
            <Select.Option key={x.id} value={x.id}>
              {`${date(x.date)} ${timeRange(x.startTime, x.endTime)} (${mm.statuses[x.status]})`}
            </Select.Option>
          ))}
        </SelectField>
      )}
      {plan.data && open.length === 0 && <Paragraph data-size="sm">{f.noMeetings}</Paragraph>}
      <MarkdownField state={form} name="recommendation" label={f.recommendation} value={recommendation} onChange={setRecommendation} />
    </SubmitForm>
  );
}
