import { useState, type ComponentType, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Checkbox, Fieldset, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { ApproveMinutesSchema, MeetingUpdateSchema, type Meeting, type WrittenProcedure } from '../../../shared/meetings/schema.ts';
import { isWebLink } from '../../../shared/common.ts';
import { api, asApiError, useApi, type ApiError } from '../../app/api.ts';
import { ConfirmForm, FailureAlert, fieldMessage, SuccessMessage, TextField, useForm, type FieldErrors } from '../../app/forms.tsx';
import { sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { NetworkFrame, useNetwork } from '../../app/network-frame.tsx';
import { AppLink, ButtonRow, LoadState, ModalDialog, Section } from '../../app/ui.tsx';
import { AgendaList } from './AgendaList.tsx';
import { AttendancePanel } from './AttendancePanel.tsx';
import { CaseCreateForm } from './CaseForm.tsx';
import { meetingPath, minutesUrl, planPath, summonsDocxUrl, summonsPdfUrl, timeRange, type MeetingDialogProps } from './meeting-api.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { StatusTag } from './MeetingPlanPage.tsx';
import { useMeetingMessages, type MeetingMessages } from './messages.ts';
import { AdjournForm, AmendedAgendaForm } from './Timings.tsx';
import { JointHandlingForm } from './JointHandling.tsx';
import { ProceduresSection, StartWrittenProcedureForm, WrittenDecisions } from './WrittenProcedure.tsx';
import './meetings.css';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { RowAction, DataTable } from '../../app/table.tsx';
import type { DialogFormProps } from '../../app/kit.tsx';
import { useNavigationMessage } from '../../app/kit.tsx';

/** «Møte i Vesterålen regionråds arbeidsutvalg 25. mars 2022». */
export function meetingTitle(
  mm: MeetingMessages,
  meeting: Pick<Meeting, 'bodyName' | 'date' | 'writtenProcedure'>,
  date: (iso: string) => string,
) {
  return fmt(meeting.writtenProcedure ? mm.meeting.writtenTitle : mm.meeting.title, { body: meeting.bodyName, date: date(meeting.date) });
}

/**
 * A meeting's pages lie in its network's frame (navigation, breadcrumbs to the body, the header's network), once
 * the meeting has told which network that is.
 */
export function MeetingFrame({ meeting, children, item = false }: { meeting: Meeting | undefined; children: ReactNode; item?: boolean }) {
  const { date } = useI18n();
  const mm = useMeetingMessages();
  if (!meeting) return <>{children}</>;
  const crumbs = [{ to: `organer/${meeting.bodyId}`, label: meeting.bodyName }];
  if (item) crumbs.push({ to: meetingPath(meeting.id), label: meetingTitle(mm, meeting, date) });
  return (
    <NetworkFrame network={meeting.networkId} section="organer" crumbs={crumbs}>
      {children}
    </NetworkFrame>
  );
}

/** `/moter/:id`: one meeting, its agenda, attendance and documents; the secretariat moves it through its steps. */
export function MeetingPage() {
  const { m, date } = useI18n();
  const mm = useMeetingMessages();
  const { id = '' } = useParams();
  const meeting = useApi<Meeting>(`/meetings/${encodeURIComponent(id)}`);
  const title = meeting.data ? meetingTitle(mm, meeting.data, date) : meeting.error ? m.notFound.title : m.common.loading;
  return (
    <MeetingFrame meeting={meeting.data}>
      <Page title={title}>
        <LoadState loaded={meeting}>{(mt) => <MeetingView meeting={mt} setMeeting={meeting.setData} reload={meeting.reload} />}</LoadState>
      </Page>
    </MeetingFrame>
  );
}

type Dialog =
  | { kind: 'edit' }
  | { kind: 'summons' }
  | { kind: 'held' }
  | { kind: 'approve' }
  | { kind: 'signatures' }
  | { kind: 'cancel' }
  | { kind: 'addCase' }
  | { kind: 'adjourn' }
  | { kind: 'amend' }
  | { kind: 'joint' }
  | { kind: 'written'; consultationId: string; title: string };

function MeetingView({ meeting, setMeeting, reload }: { meeting: Meeting; setMeeting: (meeting: Meeting) => void; reload: () => void }) {
  const { m, date, dateTime } = useI18n();
  const mm = useMeetingMessages();
  const navigationMessage = useNavigationMessage();
  const navigate = useNavigate();
  const networkSlug = useNetwork().slug;
  const admin = useNetworkCapabilities(meeting.networkId).administer;
  const editable = admin && !meeting.locked;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState<string | null>(navigationMessage);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const year = Number(meeting.date.slice(0, 4));
  const close = () => setDialog(null);
  const saved = (next: Meeting, message: string) => {
    setDialog(null);
    setFailure(null);
    setMeeting(next);
    setStatus(message);
  };
  const reloadAndClose = () => {
    setDialog(null);
    setFailure(null);
    reload();
  };
  const statusChange = (path: string, message: string) => async () => {
    saved(await api<Meeting>(`/meetings/${meeting.id}/${path}`, { method: 'POST', body: { version: meeting.version } }), message);
  };
  const openButton = (kind: Exclude<Dialog['kind'], 'written'>, label: string, variant?: 'secondary' | 'tertiary', danger?: boolean) => (
    <Button type="button" variant={variant} data-color={danger ? 'danger' : undefined} onClick={() => setDialog({ kind })}>
      {label}
    </Button>
  );
  /** A dialog with one of the meeting's own forms: it saves the meeting, and the page says what was done. */
  const formDialog = (
    kind: Dialog['kind'],
    title: string,
    form: (props: DialogFormProps<Meeting>) => ReactNode,
    message: (next: Meeting) => string,
  ) => (
    <ModalDialog key={kind} open={dialog?.kind === kind} onClose={close} title={title}>
      {form({ onCancel: close, onReload: reloadAndClose, onSaved: (next) => saved(next, message(next)) })}
    </ModalDialog>
  );
  // The steps whose form takes the meeting as it is, each with what the page says after.
  const stepForms: [Dialog['kind'], string, ComponentType<MeetingDialogProps>, (next: Meeting) => string][] = [
    ['approve', mm.meeting.approveMinutes, ApproveMinutesForm, () => mm.meeting.approvedMessage],
    ['signatures', mm.meeting.requestSignatures, SignatoriesForm, () => mm.meeting.signaturesSent],
    ['adjourn', mm.timing.adjourn, AdjournForm, () => mm.timing.adjournSaved],
    ['amend', mm.timing.amend, AmendedAgendaForm, () => mm.timing.amended],
    [
      'joint',
      mm.joint.action,
      JointHandlingForm,
      (next) => fmt(mm.joint.done, { count: next.items.filter((i) => i.jointHandlingId !== null).length - countJoint(meeting) }),
    ],
  ];
  /** A dialog that asks before a step of the meeting (summons, held, cancelled). */
  const confirmDialog = (kind: Dialog['kind'], title: string, onConfirm: () => Promise<void>, text: ReactNode, danger?: boolean) => (
    <ModalDialog open={dialog?.kind === kind} onClose={close} title={title}>
      <ConfirmForm confirmLabel={title} danger={danger} onCancel={close} onReload={reloadAndClose} onConfirm={onConfirm}>
        {text}
      </ConfirmForm>
    </ModalDialog>
  );

  return (
    <div className="dr-stack">
      {networkSlug && (
        <Paragraph>
          <AppLink to={planPath(networkSlug, meeting.bodyId, year)}>{fmt(mm.meeting.backToPlan, { name: meeting.bodyName })}</AppLink>
        </Paragraph>
      )}
      <dl className="dr-facts">
        <dt>{mm.meeting.status}</dt>
        <dd>
          <StatusTag status={meeting.status} />
        </dd>
        <dt>{mm.meeting.date}</dt>
        <dd>{date(meeting.date)}</dd>
        <dt>{mm.meeting.time}</dt>
        <dd>{timeRange(meeting.startTime, meeting.endTime)}</dd>
        {meeting.expectedEnd && <Fact label={mm.meeting.expectedEnd}>{meeting.expectedEnd}</Fact>}
        {meeting.adjournedAt && <Fact label={mm.meeting.adjournedAt}>{meeting.adjournedAt}</Fact>}
        <dt>{mm.meeting.place}</dt>
        <dd>{meeting.place ?? m.common.none}</dd>
        {meeting.remoteLink && isWebLink(meeting.remoteLink) && (
          <>
            <dt>{mm.meeting.remote}</dt>
            <dd>
              <Link href={meeting.remoteLink}>{meeting.remoteLink}</Link>
            </dd>
          </>
        )}
        <dt>{mm.meeting.isPublic}</dt>
        <dd>{meeting.isPublic ? m.common.yes : m.common.no}</dd>
        {meeting.summonsPublishedAt && <Fact label={mm.meeting.summonsSent}>{dateTime(meeting.summonsPublishedAt)}</Fact>}
        {meeting.minutesApprovedAt && <Fact label={mm.meeting.minutesApproved}>{dateTime(meeting.minutesApprovedAt)}</Fact>}
        {meeting.minutesApprovalNote && <Fact label={mm.meeting.approvalNote}>{meeting.minutesApprovalNote}</Fact>}
      </dl>

      {meeting.locked && (
        <Alert data-color="info">
          <Heading level={2} data-size="xs">
            {mm.meeting.lockedHeading}
          </Heading>
          <Paragraph>{fmt(mm.meeting.locked, { date: dateTime(meeting.minutesApprovedAt) })}</Paragraph>
        </Alert>
      )}
      <SuccessMessage message={status} />
      <FailureAlert error={failure} onReload={reloadAndClose} />

      {editable && (
        <Section id="meeting-actions-heading" title={mm.meeting.actions} className="dr-stack" size="xs">
          <ButtonRow>
            {meeting.status === 'planned' && !meeting.writtenProcedure && openButton('summons', mm.meeting.sendSummons)}
            {meeting.status === 'summoned' && !meeting.writtenProcedure && openButton('held', mm.meeting.markHeld)}
            {meeting.status === 'held' && openButton('approve', mm.meeting.approveMinutes)}
            {meeting.status === 'held' && openButton('signatures', mm.meeting.requestSignatures, 'secondary')}
            {(meeting.status === 'summoned' || meeting.status === 'held') &&
              !meeting.writtenProcedure &&
              openButton('adjourn', mm.timing.adjourn, 'secondary')}
            {!meeting.writtenProcedure && openButton('edit', mm.meeting.edit, 'secondary')}
            {meeting.status !== 'held' && !meeting.writtenProcedure && openButton('cancel', mm.meeting.cancel, 'tertiary', true)}
          </ButtonRow>
        </Section>
      )}

      <Section id="meeting-downloads-heading" title={mm.meeting.downloads} className="dr-stack" size="xs">
        <div className="dr-downloads">
          {!meeting.writtenProcedure && (
            <>
              <Link href={summonsPdfUrl(meeting.id)} download>
                {mm.meeting.summonsPdf}
              </Link>
              <Link href={summonsDocxUrl(meeting.id)} download>
                {mm.meeting.summonsDocx}
              </Link>
            </>
          )}
          {meeting.status !== 'planned' && (
            <>
              <Link href={minutesUrl(meeting.id, 'pdf')} download>
                {mm.meeting.minutesPdf}
              </Link>
              <Link href={minutesUrl(meeting.id, 'docx')} download>
                {mm.meeting.minutesDocx}
              </Link>
            </>
          )}
        </div>
        {meeting.status !== 'planned' && !meeting.locked && (
          <Paragraph data-size="sm" className="dr-muted">
            {mm.meeting.minutesDraft}
          </Paragraph>
        )}
      </Section>

      {meeting.signatures.length > 0 && <Signatures meeting={meeting} />}

      <Section id="agenda-heading" title={mm.agenda.heading}>
        {editable && !meeting.writtenProcedure && (
          <ButtonRow>
            {openButton('addCase', mm.agenda.addCase, 'secondary')}
            {meeting.status === 'summoned' && meeting.items.length > 1 && openButton('amend', mm.timing.amend, 'secondary')}
            {(meeting.status === 'summoned' || meeting.status === 'held') &&
              meeting.items.length > 1 &&
              openButton('joint', mm.joint.action, 'secondary')}
          </ButtonRow>
        )}
        <AgendaList
          meeting={meeting}
          setMeeting={setMeeting}
          // The numbers are fixed once the summons is out: no drag or move buttons from then on.
          editable={editable && !meeting.writtenProcedure && meeting.status === 'planned'}
          onFailure={(error) => {
            setFailure(error);
            reload();
          }}
        />
      </Section>

      {editable && !meeting.writtenProcedure && (
        <PendingCases
          meeting={meeting}
          onAdded={saved}
          onFailure={setFailure}
          onWritten={(consultationId, title) => setDialog({ kind: 'written', consultationId, title })}
        />
      )}

      {meeting.writtenProcedure && <ProceduresSection meetingId={meeting.id} />}
      {meeting.writtenDecisions.length > 0 && <WrittenDecisions decisions={meeting.writtenDecisions} />}

      <AttendancePanel meeting={meeting} setMeeting={setMeeting} editable={editable} reload={reload} onStatus={setStatus} />

      {formDialog(
        'edit',
        mm.meeting.edit,
        (p) => (
          <MeetingForm bodyId={meeting.bodyId} meeting={meeting} {...p} />
        ),
        () => m.common.saved,
      )}
      {confirmDialog(
        'summons',
        mm.meeting.sendSummons,
        statusChange('summons', mm.meeting.summonsSentMessage),
        <>
          <Paragraph>{mm.meeting.sendSummonsConfirm}</Paragraph>
          <Paragraph>{fmt(mm.meeting.sendSummonsCount, { count: meeting.items.length })}</Paragraph>
        </>,
      )}
      {confirmDialog(
        'held',
        mm.meeting.markHeld,
        statusChange('held', mm.meeting.heldMessage),
        <Paragraph>{mm.meeting.markHeldConfirm}</Paragraph>,
      )}
      {confirmDialog(
        'cancel',
        mm.meeting.cancel,
        async () => {
          await api(`/meetings/${meeting.id}?version=${meeting.version}`, { method: 'DELETE' });
          setDialog(null);
          if (networkSlug) void navigate(planPath(networkSlug, meeting.bodyId, year), { state: { message: mm.meeting.cancelled } });
          else reload();
        },
        <Paragraph>{mm.meeting.cancelConfirm}</Paragraph>,
        true,
      )}
      {stepForms.map(([kind, title, Form, message]) => formDialog(kind, title, (p) => <Form meeting={meeting} {...p} />, message))}
      <ModalDialog open={dialog?.kind === 'addCase'} onClose={close} title={mm.agenda.addCase}>
        <CaseCreateForm meeting={meeting} onCancel={close} onSaved={(next, title) => saved(next, fmt(mm.agenda.caseAdded, { title }))} />
      </ModalDialog>
      <ModalDialog
        open={dialog?.kind === 'written'}
        onClose={close}
        title={dialog?.kind === 'written' ? fmt(mm.agenda.startWrittenLabel, { title: dialog.title }) : ''}
      >
        {dialog?.kind === 'written' && (
          <StartWrittenProcedureForm
            consultationId={dialog.consultationId}
            onCancel={close}
            onStarted={(procedure: WrittenProcedure) => {
              setDialog(null);
              setStatus(fmt(mm.procedure.started, { title: procedure.title, deadline: dateTime(procedure.deadline) }));
              reload();
            }}
          />
        )}
      </ModalDialog>
    </div>
  );
}

/** One line of the meeting's facts. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const countJoint = (meeting: Meeting) => meeting.items.filter((i) => i.jointHandlingId !== null).length;

/** Approves the minutes with an optional note; the meeting is locked from then on. */
function ApproveMinutesForm({ meeting, onSaved, onCancel, onReload }: MeetingDialogProps) {
  const mm = useMeetingMessages();
  const form = useForm();
  const [note, setNote] = useState('');
  const submit = () =>
    form.submit({
      schema: ApproveMinutesSchema,
      input: { note, version: meeting.version },
      labels: { note: mm.meeting.approveNote },
      send: sendTo<Meeting>(`/meetings/${meeting.id}/minutes/approve`, 'POST'),
      done: onSaved,
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={mm.meeting.approveMinutes} onCancel={onCancel} onReload={onReload}>
      <Alert data-color="warning">{mm.meeting.approveWarning}</Alert>
      <TextField
        state={form}
        name="note"
        label={mm.meeting.approveNote}
        description={mm.meeting.approveNoteDescription}
        multiline
        rows={2}
        value={note}
        onChange={setNote}
      />
    </SubmitForm>
  );
}

/**
 * Chooses who signs the minutes and sends them the draft, each with a personal link; the last
 * signature approves the minutes and locks the meeting.
 */
function SignatoriesForm({ meeting, onSaved, onCancel, onReload }: MeetingDialogProps) {
  const { lang } = useI18n();
  const mm = useMeetingMessages();
  const form = useForm();
  const [chosen, setChosen] = useState<string[]>(meeting.minutesSignatoryIds);
  const candidates = meeting.attendees.filter((a) => a.status === 'present');
  const label = mm.meeting.signatoriesLabel;
  const unchanged = chosen.length === meeting.minutesSignatoryIds.length && chosen.every((id) => meeting.minutesSignatoryIds.includes(id));
  const submit = () =>
    form.submit({
      schema: MeetingUpdateSchema,
      input: { minutesSignatoryIds: chosen, version: meeting.version },
      labels: { minutesSignatoryIds: label },
      check: (data): FieldErrors =>
        data.minutesSignatoryIds?.length ? {} : { minutesSignatoryIds: fieldMessage(lang, 'required', label) },
      send: async (input) => {
        // The choice is saved on the meeting first; the request then goes to those chosen.
        const current = unchanged ? meeting : await api<Meeting>(`/meetings/${meeting.id}`, { method: 'PATCH', body: input });
        return api<Meeting>(`/meetings/${meeting.id}/minutes/signatures`, { method: 'POST', body: { version: current.version } });
      },
      done: onSaved,
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={mm.meeting.requestSignatures} onCancel={onCancel} onReload={onReload}>
      <Fieldset id={form.id('minutesSignatoryIds')}>
        <Fieldset.Legend>{mm.meeting.signatoriesLegend}</Fieldset.Legend>
        <Fieldset.Description>{mm.meeting.signatoriesDescription}</Fieldset.Description>
        {candidates.map((a) => (
          <Checkbox
            key={a.personId}
            label={`${a.name} (${mm.roles[a.role]})`}
            value={a.personId}
            checked={chosen.includes(a.personId)}
            onChange={(e) => setChosen((c) => (e.target.checked ? [...c, a.personId] : c.filter((id) => id !== a.personId)))}
          />
        ))}
      </Fieldset>
    </SubmitForm>
  );
}

/** Who was asked to sign the minutes, when, and who has signed. */
function Signatures({ meeting }: { meeting: Meeting }) {
  const { dateTime } = useI18n();
  const mm = useMeetingMessages();
  return (
    <Section id="signatures-heading" title={mm.meeting.signaturesHeading} className="dr-stack" size="xs">
      <DataTable
        caption={mm.meeting.signaturesCaption}
        columns={[mm.meeting.signer, mm.meeting.signatureRequested, mm.meeting.signatureSigned]}
        size="sm"
      >
        {meeting.signatures.map((x) => (
          <Table.Row key={x.personId}>
            <Table.Cell>{x.name}</Table.Cell>
            <Table.Cell>{dateTime(x.requestedAt)}</Table.Cell>
            <Table.Cell>{x.signedAt ? dateTime(x.signedAt) : mm.meeting.notSigned}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
    </Section>
  );
}

/** The body's waiting cases: put one on this agenda, or start a written procedure for it. */
function PendingCases({
  meeting,
  onAdded,
  onFailure,
  onWritten,
}: {
  meeting: Meeting;
  onAdded: (meeting: Meeting, message: string) => void;
  onFailure: (error: ApiError) => void;
  onWritten: (consultationId: string, title: string) => void;
}) {
  const mm = useMeetingMessages();
  const [busy, setBusy] = useState(false);
  const add = async (consultationId: string, title: string) => {
    setBusy(true);
    try {
      onAdded(
        await api<Meeting>(`/meetings/${meeting.id}/pending-cases`, { method: 'POST', body: { consultationId } }),
        fmt(mm.agenda.pendingAdded, { title }),
      );
    } catch (error) {
      onFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section id="pending-heading" title={mm.agenda.pendingHeading}>
      <Paragraph data-size="sm" className="dr-muted">
        {mm.agenda.pendingIntro}
      </Paragraph>
      {meeting.pendingCases.length === 0 ? (
        <Paragraph>{mm.agenda.pendingNone}</Paragraph>
      ) : (
        <ul className="dr-agenda">
          {meeting.pendingCases.map((p) => (
            <li key={p.consultationId} className="dr-agenda-item">
              <span />
              <span className="dr-agenda-number" data-empty={!p.number || undefined}>
                {p.number || mm.agenda.newNumber}
              </span>
              <div className="dr-agenda-main">
                <span>{p.title}</span>
                <span className="dr-muted">{mm.caseTypes[p.type]}</span>
              </div>
              <span className="dr-button-row">
                <Button
                  type="button"
                  variant="secondary"
                  data-size="sm"
                  disabled={busy}
                  aria-label={fmt(mm.agenda.addPendingLabel, { title: p.title })}
                  onClick={() => void add(p.consultationId, p.title)}
                >
                  {mm.agenda.addPending}
                </Button>
                <RowAction
                  label={fmt(mm.agenda.startWrittenLabel, { title: p.title })}
                  onClick={() => onWritten(p.consultationId, p.title)}
                >
                  {mm.agenda.startWritten}
                </RowAction>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
