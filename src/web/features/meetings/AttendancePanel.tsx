import { useState } from 'react';
import { Button, Checkbox, Fieldset, Heading, Paragraph, Radio, Select, Table } from '@digdir/designsystemet-react';
import {
  ABSENCE_STATUSES,
  ATTENDANCE_ROLES,
  AttendeeCreateSchema,
  AttendeeUpdateSchema,
  type AttendanceRole,
  type Attendee,
  type Meeting,
} from '../../../shared/meetings/schema.ts';
import { api, ApiError, asApiError } from '../../app/api.ts';
import { useAction } from '../../app/action.tsx';
import { FailureAlert, SelectField, TextField, useForm } from '../../app/forms.tsx';
import { dialogHandlers, sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, ModalDialog, Section } from '../../app/ui.tsx';
import { attendanceMark } from '../../../shared/meetings/attendance.ts';
import { useMeetingMessages } from './messages.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { RowAction, DataTable } from '../../app/table.tsx';
import type { DialogFormProps } from '../../app/kit.tsx';

const VOTING_ROLES = ['chair', 'viceChair', 'member'];

type Dialog = { kind: 'edit'; attendee: Attendee } | { kind: 'add' };

/**
 * Who is called to the meeting and who came. The secretariat records attendance and absence with
 * its reason, calls in the deputy of a member who reported absence, and adds guests; below, the log
 * of every e-mail sent about the meeting.
 */
export function AttendancePanel({
  meeting,
  setMeeting,
  editable,
  reload,
  onStatus,
}: {
  meeting: Meeting;
  setMeeting: (meeting: Meeting) => void;
  editable: boolean;
  reload: () => void;
  onStatus: (message: string) => void;
}) {
  const { m, dateTime } = useI18n();
  const mm = useMeetingMessages();
  const a = mm.attendance;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { busy, failure, setFailure, run: act } = useAction();
  const started = meeting.status !== 'planned';

  const run = (action: () => Promise<string>) => act(async () => onStatus(await action()));

  const summonDeputy = (attendee: Attendee) =>
    run(async () => {
      try {
        const saved = await api<Meeting>(`/meeting-attendees/${attendee.id}/summon-deputy`, { method: 'POST' });
        setMeeting(saved);
        const deputy = saved.attendees.find((x) => x.deputyForPersonId === attendee.personId && x.role === 'deputy');
        return fmt(a.deputySummoned, { deputy: deputy?.name ?? '', name: attendee.name });
      } catch (error) {
        const apiError = asApiError(error);
        // The server names the deputy field; here the useful answer is that there is no deputy.
        if (apiError.code === 'validation_failed' && apiError.fields.deputyForPersonId) {
          throw new ApiError(apiError.status, apiError.code, fmt(a.noDeputy, { name: attendee.name }), {}, apiError.requestId);
        }
        throw apiError;
      }
    });

  const allPresent = () =>
    run(async () => {
      let latest = meeting;
      for (const attendee of meeting.attendees.filter((x) => x.status === 'called')) {
        latest = await api<Meeting>(`/meeting-attendees/${attendee.id}`, {
          method: 'PATCH',
          body: { status: 'present', absenceReason: null, version: attendee.version },
        });
      }
      setMeeting(latest);
      return a.allPresentDone;
    });

  const rows = meeting.attendees;
  return (
    <Section id="attendance-heading" title={a.heading}>
      <FailureAlert
        error={failure}
        onReload={() => {
          setFailure(null);
          reload();
        }}
      />
      {editable && (
        <ButtonRow>
          {started && rows.some((x) => x.status === 'called') && (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void allPresent()}>
              {a.allPresent}
            </Button>
          )}
          <Button type="button" variant="secondary" onClick={() => setDialog({ kind: 'add' })}>
            {a.add}
          </Button>
        </ButtonRow>
      )}
      {rows.length === 0 ? (
        <Paragraph>{a.notYet}</Paragraph>
      ) : (
        <DataTable caption={a.caption} columns={[a.name, a.role, a.municipality, a.votingRight, a.status, editable && m.common.actions]}>
          {rows.map((x) => {
            // The deputy called in for someone takes over their vote; until then the button stays.
            const deputyCalled = rows.some((d) => d.role === 'deputy' && d.deputyForPersonId === x.personId && d.votingRight);
            const canSummonDeputy = meeting.status === 'summoned' && x.status === 'absent' && x.role !== 'deputy' && !deputyCalled;
            const mark = attendanceMark(x);
            return (
              <Table.Row key={x.id}>
                <Table.Cell>{x.name}</Table.Cell>
                <Table.Cell>
                  {mm.roles[x.role]}
                  {x.deputyForName && (
                    <Paragraph data-size="sm" className="dr-muted">
                      {mark?.kind === 'meetsFor' ? fmt(a.meetsFor, { name: mark.name }) : fmt(a.deputyFor, { name: x.deputyForName })}
                    </Paragraph>
                  )}
                </Table.Cell>
                <Table.Cell>{x.municipalityName ?? m.common.none}</Table.Cell>
                <Table.Cell>{x.votingRight ? m.common.yes : m.common.no}</Table.Cell>
                <Table.Cell>
                  {mark?.kind === 'forInformation' && x.status === 'called' ? a.forInformation : mm.attendanceStatuses[x.status]}
                  {x.status === 'absent' && x.absenceReason && (
                    <Paragraph data-size="sm" className="dr-muted">
                      {fmt(a.reason, { reason: x.absenceReason })}
                    </Paragraph>
                  )}
                  {x.status === 'absent' && x.absenceReportedAt && (
                    <Paragraph data-size="sm" className="dr-muted">
                      {fmt(a.reportedAt, { when: dateTime(x.absenceReportedAt) })}
                    </Paragraph>
                  )}
                </Table.Cell>
                {editable && (
                  <Table.Cell>
                    <span className="dr-button-row">
                      <RowAction label={fmt(a.editLabel, { name: x.name })} onClick={() => setDialog({ kind: 'edit', attendee: x })}>
                        {a.edit}
                      </RowAction>
                      {canSummonDeputy && (
                        <Button
                          type="button"
                          variant="secondary"
                          data-size="sm"
                          disabled={busy}
                          aria-label={fmt(a.summonDeputyLabel, { name: x.name })}
                          onClick={() => void summonDeputy(x)}
                        >
                          {a.summonDeputy}
                        </Button>
                      )}
                    </span>
                  </Table.Cell>
                )}
              </Table.Row>
            );
          })}
        </DataTable>
      )}

      <Deliveries meeting={meeting} />

      <ModalDialog
        open={dialog?.kind === 'edit'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'edit' ? fmt(a.editTitle, { name: dialog.attendee.name }) : ''}
      >
        {dialog?.kind === 'edit' && (
          <AttendanceForm
            attendee={dialog.attendee}
            {...dialogHandlers<Meeting>(
              () => setDialog(null),
              reload,
              (saved) => {
                setMeeting(saved);
                onStatus(fmt(a.saved, { name: dialog.attendee.name }));
              },
            )}
          />
        )}
      </ModalDialog>
      <ModalDialog open={dialog?.kind === 'add'} onClose={() => setDialog(null)} title={a.add}>
        {dialog?.kind === 'add' && (
          <AddAttendeeForm
            meeting={meeting}
            onCancel={() => setDialog(null)}
            onSaved={(saved, name) => {
              setDialog(null);
              setMeeting(saved);
              onStatus(fmt(a.added, { name }));
            }}
          />
        )}
      </ModalDialog>
    </Section>
  );
}

/** Present, absent with a reason, or back to only called. */
function AttendanceForm({
  attendee,
  onSaved,
  onCancel,
  onReload,
}: DialogFormProps<Meeting> & {
  attendee: Attendee;
}) {
  const { m } = useI18n();
  const mm = useMeetingMessages();
  const a = mm.attendance;
  const form = useForm();
  const [status, setStatus] = useState<string>(attendee.status);
  const [reason, setReason] = useState(attendee.absenceReason ?? '');
  const submit = () =>
    form.submit({
      schema: AttendeeUpdateSchema,
      input: { status, absenceReason: status === 'absent' ? reason : null, version: attendee.version },
      labels: { status: a.statusLegend, absenceReason: a.absenceReason },
      send: sendTo<Meeting>(`/meeting-attendees/${attendee.id}`),
      done: onSaved,
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={m.common.save} onCancel={onCancel} onReload={onReload}>
      <Fieldset id={form.id('status')}>
        <Fieldset.Legend>{a.statusLegend}</Fieldset.Legend>
        {ABSENCE_STATUSES.map((s) => (
          <Radio key={s} name="status" value={s} label={mm.attendanceStatuses[s]} checked={status === s} onChange={() => setStatus(s)} />
        ))}
      </Fieldset>
      {status === 'absent' && (
        <TextField state={form} name="absenceReason" label={a.absenceReason} value={reason} onChange={setReason} autoComplete="off" />
      )}
    </SubmitForm>
  );
}

/** Adds someone the body's memberships did not call: a case officer, a guest, an observer. */
function AddAttendeeForm({
  meeting,
  onSaved,
  onCancel,
}: {
  meeting: Meeting;
  onSaved: (meeting: Meeting, name: string) => void;
  onCancel: () => void;
}) {
  const mm = useMeetingMessages();
  const a = mm.attendance;
  const form = useForm();
  const [personId, setPersonId] = useState('');
  const [personName, setPersonName] = useState('');
  const [role, setRole] = useState<string>('guest');
  const [votingRight, setVotingRight] = useState(false);
  const submit = () =>
    form.submit({
      schema: AttendeeCreateSchema,
      input: { personId: personId || undefined, role: role as AttendanceRole, votingRight },
      labels: { personId: mm.people.person, role: a.addRole, votingRight: a.addVoting },
      send: sendTo<Meeting>(`/meetings/${meeting.id}/attendees`, 'POST'),
      done: (saved) => onSaved(saved, personName),
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={a.add} onCancel={onCancel}>
      <PersonPicker
        form={form}
        networkId={meeting.networkId}
        name="personId"
        label={mm.people.person}
        searchLabel={mm.people.search}
        value={personId}
        required
        onChange={(id, name) => {
          setPersonId(id);
          setPersonName(name);
        }}
      />
      <SelectField
        state={form}
        name="role"
        label={a.addRole}
        value={role}
        onChange={(r) => {
          setRole(r);
          if (!VOTING_ROLES.includes(r)) setVotingRight(false);
        }}
        required
      >
        {ATTENDANCE_ROLES.map((r) => (
          <Select.Option key={r} value={r}>
            {mm.roles[r]}
          </Select.Option>
        ))}
      </SelectField>
      <Checkbox id={form.id('votingRight')} label={a.addVoting} checked={votingRight} onChange={(e) => setVotingRight(e.target.checked)} />
    </SubmitForm>
  );
}

/** The log of e-mail about the meeting: who got what, when. */
function Deliveries({ meeting }: { meeting: Meeting }) {
  const { dateTime } = useI18n();
  const mm = useMeetingMessages();
  const a = mm.attendance;
  return (
    <>
      <Heading level={3} data-size="sm" id="deliveries-heading">
        {a.deliveriesHeading}
      </Heading>
      {meeting.deliveries.length === 0 ? (
        <Paragraph>{a.deliveriesNone}</Paragraph>
      ) : (
        <DataTable caption={a.deliveriesCaption} columns={[a.recipient, a.email, a.kind, a.subject, a.attachments, a.sentAt]} size="sm">
          {meeting.deliveries.map((d) => (
            <Table.Row key={d.id}>
              <Table.Cell>{d.name ?? d.email}</Table.Cell>
              <Table.Cell>{d.email}</Table.Cell>
              <Table.Cell>{mm.deliveryKinds[d.kind]}</Table.Cell>
              <Table.Cell>{d.subject}</Table.Cell>
              <Table.Cell>{d.attachmentNames.join(', ')}</Table.Cell>
              <Table.Cell>{dateTime(d.sentAt)}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
    </>
  );
}
