import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { RespondentInputSchema, type Round, type RoundStatus, type Template } from '../../../shared/mapping/surveys.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { api, type ApiError, asApiError, useApi } from '../../app/api.ts';
import { FailureAlert, SuccessMessage, TextField, useForm } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { OptionSelect, sendTo } from '../../app/form-parts.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { AppLink, ButtonRow, LoadState, ModalDialog, Section } from '../../app/ui.tsx';
import { useSurveyMessages } from './messages.ts';
import { RoundResults } from './Results.tsx';
import './surveys.css';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { DataTable } from '../../app/table.tsx';
import { useNavigationMessage } from '../../app/kit.tsx';

const STATUS_COLORS: Record<RoundStatus, 'neutral' | 'info' | 'success'> = { draft: 'neutral', open: 'info', closed: 'success' };

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const sm = useSurveyMessages();
  return (
    <Tag data-color={STATUS_COLORS[status]} data-size="sm">
      {sm.statuses[status]}
    </Tag>
  );
}

/** `/n/:slug/undersokelser/:roundId`: a round's respondents and who has answered; the secretariat sends, reminds and closes; the results. */
export function RoundPage() {
  const { m } = useI18n();
  const { roundId = '' } = useParams();
  const network = useNetwork();
  const round = useApi<Round>(`/survey-rounds/${encodeURIComponent(roundId)}`);
  const title = round.data ? round.data.name : round.error ? m.notFound.title : m.common.loading;
  return (
    <Page title={title}>
      <LoadState loaded={round}>
        {(r) => <RoundView network={network} round={r} onChange={round.setData} onReload={round.reload} />}
      </LoadState>
    </Page>
  );
}

type Dialog = 'send' | 'close' | 'delete' | null;

function RoundView({
  network,
  round,
  onChange,
  onReload,
}: {
  network: NetworkOverview;
  round: Round;
  onChange: (round: Round) => void;
  onReload: () => void;
}) {
  const sm = useSurveyMessages();
  const { date, dateTime } = useI18n();
  const navigate = useNavigate();
  const navigationMessage = useNavigationMessage();
  const [message, setMessage] = useState<string | null>(navigationMessage);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const admin = useNetworkCapabilities(round.networkId).administer;
  const templates = useApi<Template[]>(`/networks/${network.id}/survey-templates`);
  const templateName = templates.data?.find((t) => t.id === round.templateId)?.name;
  const r = sm.round;
  const listPath = `/n/${network.slug}/undersokelser`;

  const act = async (call: () => Promise<Round | null>, done: string | ((round: Round) => string)) => {
    setBusy(true);
    setFailure(null);
    setMessage(null);
    try {
      const next = await call();
      setDialog(null);
      if (next) {
        onChange(next);
        setMessage(typeof done === 'string' ? done : done(next));
      }
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  // The three actions that ask first: each opens its dialog, and its confirmation does the request.
  const confirmations: { dialog: Exclude<Dialog, null>; label: string; text: string; danger?: boolean; confirm: () => void }[] = [
    {
      dialog: 'send',
      label: r.send,
      text: r.sendConfirm,
      confirm: () =>
        void act(() => api<Round>(`/survey-rounds/${round.id}/send`, { method: 'POST', body: { version: round.version } }), r.sent),
    },
    {
      dialog: 'close',
      label: r.close,
      text: r.closeConfirm,
      confirm: () =>
        void act(
          () => api<Round>(`/survey-rounds/${round.id}/close`, { method: 'POST', body: { version: round.version } }),
          r.closedMessage,
        ),
    },
    {
      dialog: 'delete',
      label: r.deleteDraft,
      text: round.name,
      danger: true,
      confirm: () =>
        void act(async () => {
          await api(`/survey-rounds/${round.id}?version=${round.version}`, { method: 'DELETE' });
          void navigate(listPath, { state: { message: sm.list.deleted } });
          return null;
        }, ''),
    },
  ];

  return (
    <div className="dr-stack">
      <Paragraph>
        <AppLink to={listPath}>{r.back}</AppLink>
      </Paragraph>
      <SuccessMessage message={message} />
      {!dialog && <FailureAlert error={failure} onReload={onReload} />}
      <dl className="dr-facts">
        <dt>{r.status}</dt>
        <dd>
          <RoundStatusTag status={round.status} />
        </dd>
        <dt>{r.template}</dt>
        <dd>{templateName ?? '…'}</dd>
        <dt>{r.deadline}</dt>
        <dd>{date(round.deadline)}</dd>
        <dt>{r.reminder}</dt>
        <dd>{round.reminderDaysBefore ? fmt(r.reminderDays, { days: round.reminderDaysBefore }) : r.noReminder}</dd>
        {round.openedAt && (
          <>
            <dt>{r.opened}</dt>
            <dd>{dateTime(round.openedAt)}</dd>
          </>
        )}
        {round.closedAt && (
          <>
            <dt>{r.closed}</dt>
            <dd>{dateTime(round.closedAt)}</dd>
          </>
        )}
      </dl>
      <Paragraph>{fmt(r.progress, { submitted: round.submittedCount, total: round.respondentCount })}</Paragraph>
      {admin && (
        <ButtonRow>
          {round.status === 'draft' && (
            <>
              <Button type="button" onClick={() => setDialog('send')} disabled={round.respondentCount === 0}>
                {r.send}
              </Button>
              <Button type="button" variant="tertiary" data-color="danger" onClick={() => setDialog('delete')}>
                {r.deleteDraft}
              </Button>
            </>
          )}
          {round.status === 'open' && (
            <>
              <Button
                type="button"
                variant="secondary"
                disabled={busy || round.submittedCount === round.respondentCount}
                onClick={() =>
                  void act(
                    () => api<Round>(`/survey-rounds/${round.id}/remind`, { method: 'POST' }),
                    fmt(r.reminded2, { count: round.respondentCount - round.submittedCount }),
                  )
                }
              >
                {r.remind}
              </Button>
              <Button type="button" onClick={() => setDialog('close')}>
                {r.close}
              </Button>
            </>
          )}
        </ButtonRow>
      )}

      <Section id="respondents-heading" title={r.respondentsHeading} className="dr-section dr-stack">
        {round.respondents.length === 0 ? (
          <Paragraph>{r.noRespondents}</Paragraph>
        ) : (
          <DataTable
            caption={fmt(r.respondentsCaption, { name: round.name })}
            columns={[r.municipality, r.name, r.email, r.answerStatus, admin && round.status !== 'closed' && r.actions]}
            size="sm"
          >
            {round.respondents.map((x) => (
              <Table.Row key={x.id}>
                <Table.Cell>{x.municipalityName}</Table.Cell>
                <Table.Cell>{x.name}</Table.Cell>
                <Table.Cell>{x.email}</Table.Cell>
                <Table.Cell>
                  {x.submittedAt ? (
                    <Tag data-color="success" data-size="sm">
                      {fmt(r.submitted, { when: dateTime(x.submittedAt) })}
                    </Tag>
                  ) : round.status === 'draft' ? (
                    r.notSent
                  ) : (
                    <>
                      {x.startedAt ? r.started : r.notStarted}
                      {x.lastRemindedAt && (
                        <>
                          <br />
                          <span className="dr-muted">{fmt(r.reminded, { when: dateTime(x.lastRemindedAt) })}</span>
                        </>
                      )}
                    </>
                  )}
                </Table.Cell>
                {admin && round.status !== 'closed' && (
                  <Table.Cell>
                    {!x.startedAt && (
                      <Button
                        type="button"
                        variant="tertiary"
                        data-size="sm"
                        disabled={busy}
                        onClick={() =>
                          void act(() => api<Round>(`/survey-rounds/${round.id}/respondents/${x.id}`, { method: 'DELETE' }), r.removed)
                        }
                      >
                        {fmt(r.remove, { name: x.name })}
                      </Button>
                    )}
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </DataTable>
        )}
        {admin && round.status !== 'closed' && (
          <AddRespondentForm
            network={network}
            round={round}
            onAdded={(next, name) => {
              onChange(next);
              setMessage(fmt(round.status === 'open' ? r.addedAndSent : r.added, { name }));
            }}
          />
        )}
      </Section>

      {round.status !== 'draft' && <RoundResults round={round} networkSlug={network.slug} />}

      {confirmations.map((c) => (
        <ModalDialog key={c.dialog} open={dialog === c.dialog} onClose={() => setDialog(null)} title={c.label}>
          <Confirm busy={busy} failure={failure} label={c.label} danger={c.danger} onCancel={() => setDialog(null)} onConfirm={c.confirm}>
            <Paragraph>{c.text}</Paragraph>
          </Confirm>
        </ModalDialog>
      ))}
    </div>
  );
}

function Confirm({
  children,
  label,
  busy,
  failure,
  danger,
  onConfirm,
  onCancel,
}: {
  children: ReactNode;
  label: string;
  busy: boolean;
  failure: ApiError | null;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { m } = useI18n();
  return (
    <div className="dr-stack">
      <FailureAlert error={failure} />
      {children}
      <ButtonRow>
        <Button type="button" data-color={danger ? 'danger' : undefined} disabled={busy} onClick={onConfirm}>
          {busy ? m.common.saving : label}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {m.common.cancel}
        </Button>
      </ButtonRow>
    </div>
  );
}

function AddRespondentForm({
  network,
  round,
  onAdded,
}: {
  network: NetworkOverview;
  round: Round;
  onAdded: (round: Round, name: string) => void;
}) {
  const sm = useSurveyMessages();
  const r = sm.round;
  const form = useForm();
  const [municipalityNumber, setMunicipalityNumber] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const members = network.members.filter((x) => x.isCurrent);
  return (
    <SubmitForm
      form={form}
      labelledBy="add-respondent-heading"
      intro={
        <Heading level={3} data-size="sm" id="add-respondent-heading">
          {r.addHeading}
        </Heading>
      }
      submit={{
        schema: RespondentInputSchema,
        input: { municipalityNumber, name, email },
        labels: { municipalityNumber: r.addMunicipality, name: r.addName, email: r.addEmail },
        send: sendTo<Round>(`/survey-rounds/${round.id}/respondents`, 'POST'),
        done: (next) => {
          onAdded(next, name);
          setName('');
          setEmail('');
        },
      }}
      submitLabel={r.add}
    >
      <OptionSelect
        state={form}
        name="municipalityNumber"
        label={r.addMunicipality}
        value={municipalityNumber}
        onChange={setMunicipalityNumber}
        empty={r.chooseMunicipality}
        options={members.map((x) => ({ value: x.municipalityNumber, label: x.municipalityName }))}
        required
      />
      <TextField state={form} name="name" label={r.addName} value={name} onChange={setName} required autoComplete="off" />
      <TextField state={form} name="email" label={r.addEmail} type="email" value={email} onChange={setEmail} required autoComplete="off" />
    </SubmitForm>
  );
}
