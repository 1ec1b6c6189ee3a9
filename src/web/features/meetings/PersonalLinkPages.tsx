import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Fieldset, Heading, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { AbsenceReportSchema, ProcedureAnswerSchema, type TokenView } from '../../../shared/meetings/schema.ts';
import { api, useApi, type Loaded } from '../../app/api.ts';
import { errorFor, FailureAlert, TextField, useForm } from '../../app/forms.tsx';
import { sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { useAction } from '../../app/action.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { AppLink, ButtonRow, LoadState } from '../../app/ui.tsx';
import { MarkdownText } from './MarkdownText.tsx';
import { useMeetingMessages } from './messages.ts';
import './meetings.css';

/** A confirmation that takes focus when it appears, so the answer is read out and the form is not missed. */
function Confirmation({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="status">
      <Alert data-color="success">{children}</Alert>
    </div>
  );
}

/** The link's view, or a plain message when the token is unknown. */
function LinkState({ loaded, children }: { loaded: Loaded<TokenView>; children: (view: TokenView) => ReactNode }) {
  const mm = useMeetingMessages();
  if (loaded.error?.status === 404) {
    return (
      <Alert data-color="warning">
        <Paragraph>{mm.links.invalid}</Paragraph>
      </Alert>
    );
  }
  return <LoadState loaded={loaded}>{children}</LoadState>;
}

const LINK_PATHS: Record<TokenView['kind'], string> = { absence: 'forfall', writtenProcedure: 'skriftlig', minutesSignature: 'signer' };

/** A link opened on the page of another kind of link: the way to the right page. */
function OtherKind({ token, kind }: { token: string; kind: TokenView['kind'] }) {
  const mm = useMeetingMessages();
  return (
    <Paragraph>
      {mm.links.otherKind} <AppLink to={`/${LINK_PATHS[kind]}/${token}`}>{mm.links.goTo[kind]}</AppLink>
    </Paragraph>
  );
}

interface LinkViewProps {
  token: string;
  view: TokenView;
  /** Answered on this page just now. */
  done: boolean;
  onAnswered: (view: TokenView) => void;
}

/** Where the link's answer stands: just given, given before, too late, or the way to give it (`children`). */
function AnswerState({
  view,
  done,
  doneText,
  already,
  closed,
  children,
}: {
  view: TokenView;
  done: boolean;
  doneText: string;
  already: ReactNode;
  closed: string;
  children: ReactNode;
}) {
  if (done) return <Confirmation>{doneText}</Confirmation>;
  if (view.answered) return <Alert data-color="info">{already}</Alert>;
  if (!view.open) return <Alert data-color="warning">{closed}</Alert>;
  return children;
}

/** A personal link's page: the link's view when it is of the page's kind, the way to the right page when not. */
function LinkPage({
  kind,
  title,
  View,
}: {
  kind: TokenView['kind'];
  title: (view: Loaded<TokenView>) => string;
  View: ComponentType<LinkViewProps>;
}) {
  const { token = '' } = useParams();
  const view = useApi<TokenView>(`/links/${encodeURIComponent(token)}`);
  const [done, setDone] = useState(false);
  const answered = (next: TokenView) => {
    setDone(true);
    view.setData(next);
  };
  return (
    <Page title={title(view)}>
      <LinkState loaded={view}>
        {(v) =>
          v.kind === kind ? <View token={token} view={v} done={done} onAnswered={answered} /> : <OtherKind token={token} kind={v.kind} />
        }
      </LinkState>
    </Page>
  );
}

/** `/forfall/:token`: the personal link in a summons; the member reports absence without logging in. */
export function AbsenceLinkPage() {
  const mm = useMeetingMessages();
  return <LinkPage kind="absence" title={() => mm.links.absenceTitle} View={AbsenceView} />;
}

function AbsenceView({ token, view, done, onAnswered }: LinkViewProps) {
  const { date } = useI18n();
  const mm = useMeetingMessages();
  const l = mm.links;
  const form = useForm();
  const [reason, setReason] = useState('');
  return (
    <div className="dr-stack">
      <Paragraph>
        {fmt(l.absenceIntro, { name: view.personName, body: view.bodyName, date: date(view.meetingDate), time: view.startTime ?? '' })}
      </Paragraph>
      <AnswerState
        view={view}
        done={done}
        doneText={l.absenceDone}
        already={
          <>
            <Paragraph>{l.absenceAlready}</Paragraph>
            {view.reason && <Paragraph>{fmt(mm.attendance.reason, { reason: view.reason })}</Paragraph>}
          </>
        }
        closed={l.absenceClosed}
      >
        <SubmitForm
          form={form}
          submitLabel={l.absenceSubmit}
          submit={{
            schema: AbsenceReportSchema,
            input: { reason },
            labels: { reason: l.absenceReason },
            send: sendTo<TokenView>(`/links/${encodeURIComponent(token)}/absence`, 'POST'),
            done: onAnswered,
          }}
        >
          <TextField
            state={form}
            name="reason"
            label={l.absenceReason}
            description={l.absenceReasonDescription}
            multiline
            rows={3}
            value={reason}
            onChange={setReason}
          />
        </SubmitForm>
      </AnswerState>
    </div>
  );
}

/** `/skriftlig/:token`: a member answers a written procedure, agreeing or objecting, without logging in. */
export function WrittenAnswerPage() {
  const { m } = useI18n();
  const mm = useMeetingMessages();
  const title = (view: Loaded<TokenView>) =>
    view.data?.kind === 'writtenProcedure'
      ? fmt(mm.links.writtenTitle, { number: view.data.caseNumber ?? '' })
      : view.error
        ? mm.procedure.heading
        : view.data
          ? mm.procedure.heading
          : m.common.loading;
  return <LinkPage kind="writtenProcedure" title={title} View={WrittenView} />;
}

function WrittenView({ token, view, done, onAnswered }: LinkViewProps) {
  const { dateTime } = useI18n();
  const mm = useMeetingMessages();
  const l = mm.links;
  const form = useForm();
  const [answer, setAnswer] = useState<'' | 'agree' | 'object'>('');
  const [comment, setComment] = useState('');
  const answerLabel = (value: string | null) => (value === 'agree' || value === 'object' ? mm.answers[value] : '');
  return (
    <div className="dr-stack">
      <Paragraph>{fmt(l.writtenIntro, { name: view.personName, body: view.bodyName, title: view.caseTitle ?? '' })}</Paragraph>
      <dl className="dr-facts">
        <dt>{l.writtenReason}</dt>
        <dd className="dr-pre-line">{view.reason}</dd>
        <dt>{l.writtenDeadline}</dt>
        <dd>{dateTime(view.deadline)}</dd>
      </dl>
      <Heading level={2} data-size="sm">
        {l.writtenRecommendation}
      </Heading>
      <MarkdownText text={view.recommendation ?? ''} level={3} />
      <Paragraph data-size="sm" className="dr-muted">
        {l.writtenRules}
      </Paragraph>
      {view.outcome && (
        <Alert data-color={view.outcome === 'decided' ? 'success' : 'info'}>
          <Paragraph>{view.outcome === 'decided' ? l.writtenDecided : l.writtenSentToMeeting}</Paragraph>
          {view.decision && <MarkdownText text={view.decision} level={3} />}
        </Alert>
      )}
      <AnswerState
        view={view}
        done={done}
        doneText={fmt(l.writtenDone, { answer: answerLabel(view.answer) })}
        already={fmt(l.writtenAlready, { answer: answerLabel(view.answer) })}
        closed={l.writtenClosed}
      >
        <SubmitForm
          form={form}
          submitLabel={l.writtenSubmit}
          submit={{
            schema: ProcedureAnswerSchema,
            input: { answer: answer || undefined, comment },
            labels: { answer: l.writtenLegend, comment: l.writtenComment },
            send: sendTo<TokenView>(`/links/${encodeURIComponent(token)}/answer`, 'POST'),
            done: onAnswered,
          }}
        >
          <Fieldset id={form.id('answer')}>
            <Fieldset.Legend>{l.writtenLegend}</Fieldset.Legend>
            <Radio name="answer" value="agree" label={l.writtenAgree} checked={answer === 'agree'} onChange={() => setAnswer('agree')} />
            <Radio
              name="answer"
              value="object"
              label={l.writtenObject}
              checked={answer === 'object'}
              onChange={() => setAnswer('object')}
            />
            {errorFor(form, 'answer') && <ValidationMessage>{errorFor(form, 'answer')}</ValidationMessage>}
          </Fieldset>
          <TextField
            state={form}
            name="comment"
            label={l.writtenComment}
            description={l.writtenCommentDescription}
            multiline
            rows={3}
            value={comment}
            onChange={setComment}
          />
        </SubmitForm>
      </AnswerState>
    </div>
  );
}

/** `/signer/:token`: a member chosen to sign the minutes signs them; the last signature approves them. */
export function SignLinkPage() {
  const mm = useMeetingMessages();
  return <LinkPage kind="minutesSignature" title={() => mm.links.signTitle} View={SignView} />;
}

function SignView({ token, view, done, onAnswered: onSigned }: LinkViewProps) {
  const { m, date } = useI18n();
  const mm = useMeetingMessages();
  const l = mm.links;
  const { busy, failure, run } = useAction();
  const sign = () => run(async () => onSigned(await api<TokenView>(`/links/${encodeURIComponent(token)}/sign`, { method: 'POST' })));
  return (
    <div className="dr-stack">
      <Paragraph>{fmt(l.signIntro, { name: view.personName, body: view.bodyName, date: date(view.meetingDate) })}</Paragraph>
      <AnswerState view={view} done={done} doneText={l.signDone} already={l.signAlready} closed={l.signClosed}>
        <Paragraph>{l.signAdvice}</Paragraph>
        <FailureAlert error={failure} />
        <ButtonRow>
          <Button type="button" disabled={busy} onClick={() => void sign()}>
            {busy ? m.common.saving : l.signSubmit}
          </Button>
        </ButtonRow>
      </AnswerState>
    </div>
  );
}
