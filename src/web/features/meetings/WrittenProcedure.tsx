import { useState } from 'react';
import { Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { WrittenProcedureCreateSchema, type ProcedureStatus, type WrittenProcedure } from '../../../shared/meetings/schema.ts';
import { useApi } from '../../app/api.ts';
import { errorFor, TextField, useForm } from '../../app/forms.tsx';
import { sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { AppLink, LoadState, Section } from '../../app/ui.tsx';
import { meetingPath, osloLocalToIso } from './meeting-api.ts';
import { MarkdownText } from './MarkdownText.tsx';
import { useMeetingMessages } from './messages.ts';
import { DataTable } from '../../app/table.tsx';

const PROCEDURE_COLORS: Record<ProcedureStatus, 'info' | 'success' | 'warning'> = {
  open: 'info',
  decided: 'success',
  sentToMeeting: 'warning',
};

/**
 * Starts a written procedure (skriftlig behandling) for a waiting case or one on a planned agenda:
 * why it cannot wait, and the deadline for the answers, in Norwegian time.
 */
export function StartWrittenProcedureForm({
  consultationId,
  onStarted,
  onCancel,
}: {
  consultationId: string;
  onStarted: (procedure: WrittenProcedure) => void;
  onCancel: () => void;
}) {
  const mm = useMeetingMessages();
  const p = mm.procedure;
  const form = useForm();
  const [reason, setReason] = useState('');
  const [deadline, setDeadline] = useState('');
  const submit = () =>
    form.submit({
      schema: WrittenProcedureCreateSchema,
      input: { reason, deadline: deadline ? (osloLocalToIso(deadline) ?? deadline) : undefined },
      labels: { reason: p.reason, deadline: p.deadline },
      send: sendTo<WrittenProcedure>(`/consultations/${consultationId}/written-procedure`, 'POST'),
      done: onStarted,
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={p.submit} onCancel={onCancel}>
      <Paragraph>{p.rules}</Paragraph>
      <TextField
        state={form}
        name="reason"
        label={p.reason}
        description={p.reasonDescription}
        multiline
        rows={3}
        value={reason}
        onChange={setReason}
        required
      />
      <Textfield
        id={form.id('deadline')}
        name="deadline"
        type="datetime-local"
        label={p.deadline}
        description={p.deadlineDescription}
        value={deadline}
        required
        error={errorFor(form, 'deadline')}
        onChange={(e) => setDeadline(e.target.value)}
      />
    </SubmitForm>
  );
}

/** On a meeting held in writing: each procedure's reason, deadline, status and every member's answer. */
export function ProceduresSection({ meetingId }: { meetingId: string }) {
  const mm = useMeetingMessages();
  const procedures = useApi<WrittenProcedure[]>(`/meetings/${meetingId}/written-procedures`);
  return (
    <Section id="procedures-heading" title={mm.procedure.heading}>
      <LoadState loaded={procedures}>
        {(list) =>
          list.length === 0 ? <Paragraph>{mm.procedure.none}</Paragraph> : list.map((x) => <ProcedureView key={x.id} procedure={x} />)
        }
      </LoadState>
    </Section>
  );
}

function ProcedureView({ procedure }: { procedure: WrittenProcedure }) {
  const { dateTime } = useI18n();
  const mm = useMeetingMessages();
  const p = mm.procedure;
  return (
    <div className="dr-stack">
      <Heading level={3} data-size="sm">
        {fmt(p.itemHeading, { number: procedure.number, title: procedure.title })}
      </Heading>
      <dl className="dr-facts">
        <dt>{p.status}</dt>
        <dd>
          <Tag data-color={PROCEDURE_COLORS[procedure.status]} data-size="sm">
            {mm.procedureStatuses[procedure.status]}
          </Tag>
        </dd>
        <dt>{p.deadlineLabel}</dt>
        <dd>{dateTime(procedure.deadline)}</dd>
        <dt>{p.reasonLabel}</dt>
        <dd className="dr-pre-line">{procedure.reason}</dd>
      </dl>
      <Paragraph data-size="sm" className="dr-muted">
        {p.rules}
      </Paragraph>
      {procedure.status === 'sentToMeeting' &&
        (procedure.followUpMeetingId ? (
          <Paragraph>
            {p.followUp} <AppLink to={meetingPath(procedure.followUpMeetingId)}>{mm.agenda.heading}</AppLink>
          </Paragraph>
        ) : (
          <Paragraph>{p.followUpNone}</Paragraph>
        ))}
      <DataTable caption={p.answersCaption} columns={[p.member, p.answer, p.comment, p.answeredAt]}>
        {procedure.answers.map((x) => (
          <Table.Row key={x.personId}>
            <Table.Cell>{x.name}</Table.Cell>
            <Table.Cell>{x.answer ? mm.answers[x.answer] : p.notAnswered}</Table.Cell>
            <Table.Cell className="dr-pre-line">{x.comment ?? ''}</Table.Cell>
            <Table.Cell>{x.answeredAt ? dateTime(x.answeredAt) : ''}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
    </div>
  );
}

/** Decisions made in writing since the body's previous meeting, entered in this meeting's minutes. */
export function WrittenDecisions({
  decisions,
}: {
  decisions: Array<{ number: string; title: string; decidedOn: string; decision: string }>;
}) {
  const { date } = useI18n();
  const mm = useMeetingMessages();
  return (
    <Section id="written-decisions-heading" title={mm.meeting.writtenDecisionsHeading}>
      <Paragraph>{mm.meeting.writtenDecisionsIntro}</Paragraph>
      {decisions.map((d) => (
        <div key={d.number} className="dr-stack">
          <Heading level={3} data-size="xs">
            {d.number}: {d.title}
          </Heading>
          <Paragraph data-size="sm" className="dr-muted">
            {fmt(mm.meeting.decidedOn, { date: date(d.decidedOn) })}
          </Paragraph>
          <MarkdownText text={d.decision} />
        </div>
      ))}
    </Section>
  );
}
