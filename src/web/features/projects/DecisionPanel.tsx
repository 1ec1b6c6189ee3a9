import { useState } from 'react';
import { Alert, Paragraph, Radio, Select } from '@digdir/designsystemet-react';
import type { Meeting, MeetingSummary } from '../../../shared/meetings/schema.ts';
import { MEETING_TERMS } from '../../../shared/meetings/terms.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import {
  DECISION_POINT_RULES,
  DecisionRequestSchema,
  type DecisionKind,
  type DecisionPoint,
  type Project,
} from '../../../shared/portfolio/projects.ts';
import { api, useApi, type Loaded } from '../../app/api.ts';
import {
  errorFor,
  FormMessages,
  SelectField,
  SubmitButton,
  SuccessMessage,
  TextField,
  useForm,
  type FormState,
  ChoiceGroup,
} from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { useProjectCapabilities } from '../../app/capabilities.ts';
import { AppLink, ButtonRow, Section } from '../../app/ui.tsx';
import { LessonsReminder } from '../lessons/index.ts';
import { useProjectMessages } from './messages.ts';
import { projectTabPath } from './projects-api.ts';

/**
 * «Passere BPn»: the next decision point, what its basis lacks, and how it was decided — a case decided in a held
 * meeting of one of the network's bodies (chosen body → meeting → case), or the owner's own signed decision where the
 * model lets the owner decide and the server says the account is the owner. The server checks all of it again.
 */
export function DecisionPanel({
  network,
  project,
  loaded,
  admin,
}: {
  network: NetworkOverview;
  project: Project;
  loaded: Loaded<Project>;
  admin: boolean;
}) {
  const pm = useProjectMessages();
  const t = pm.pass;
  const [status, setStatus] = useState<string | null>(null);
  // Whether the account is the project's owner is the server's answer, not a comparison made here.
  const isOwner = useProjectCapabilities(project.id).decideAsOwner;
  const next = project.next;
  const point = next.decisionPoint;
  const rule = DECISION_POINT_RULES[point];
  if (!admin && !isOwner) return null;
  const short = pm.decisionPointShort[point];
  return (
    <Section id="project-pass" title={fmt(t.heading, { point: short })} className="dr-section dr-project-pass">
      <SuccessMessage message={status} />
      <Paragraph>
        {rule.from === rule.to
          ? fmt(t.introStays, { purpose: pm.decisionPointPurpose[point] })
          : fmt(t.intro, { purpose: pm.decisionPointPurpose[point], from: pm.phases[rule.from], to: pm.phases[rule.to] })}
      </Paragraph>
      <DecisionForm
        key={`${point}-${project.version}`}
        network={network}
        project={project}
        point={point}
        ownerMayDecide={next.ownerMayDecide && isOwner}
        ownerNote={next.ownerMayDecide && !isOwner}
        loaded={loaded}
        onPassed={(saved) =>
          setStatus(
            rule.from === rule.to ? fmt(t.passedStays, { point: short }) : fmt(t.passed, { point: short, phase: pm.phases[saved.phase] }),
          )
        }
        onStart={() => setStatus(null)}
      />
    </Section>
  );
}

const DECIDED_MEETINGS = new Set<MeetingSummary['status']>(['held', 'minutesApproved']);

function DecisionForm({
  network,
  project,
  point,
  ownerMayDecide,
  ownerNote,
  loaded,
  onPassed,
  onStart,
}: {
  network: NetworkOverview;
  project: Project;
  point: DecisionPoint;
  ownerMayDecide: boolean;
  ownerNote: boolean;
  loaded: Loaded<Project>;
  onPassed: (saved: Project) => void;
  onStart: () => void;
}) {
  const pm = useProjectMessages();
  const t = pm.pass;
  const form = useForm();
  const [kind, setKind] = useState<DecisionKind>('meetingCase');
  const [agendaItemId, setAgendaItemId] = useState('');
  const [text, setText] = useState('');
  const labels = { kind: t.how, agendaItemId: t.agendaItemId, text: t.text, projectVersion: t.how, basisDocuments: pm.documents.heading };
  const kindInvalid = !!errorFor(form, 'kind');
  const short = pm.decisionPointShort[point];
  return (
    <form
      className="dr-form"
      noValidate
      aria-labelledby="project-pass"
      onSubmit={(e) => {
        e.preventDefault();
        onStart();
        void form.submit({
          schema: DecisionRequestSchema,
          input:
            kind === 'meetingCase'
              ? { kind, agendaItemId: agendaItemId || undefined, projectVersion: project.version }
              : { kind, text, projectVersion: project.version },
          labels,
          send: (body) => api<Project>(`/projects/${project.id}/decisions`, { method: 'POST', body }),
          done: (saved) => {
            loaded.setData(saved);
            onPassed(saved);
          },
        });
      }}
    >
      <FormMessages form={form} onReload={loaded.reload} />
      {/* The server names «basisDocuments» when something is missing; the summary's link lands here. */}
      <div id={form.id('basisDocuments')} tabIndex={-1}>
        {project.next.missingBasis.length > 0 ? (
          <Alert data-color="warning">
            <Paragraph>{fmt(t.missing, { kinds: project.next.missingBasis.map((k) => pm.documentKinds[k]).join(', ') })}</Paragraph>
            {/* The documents are a tab of their own. */}
            <Paragraph>
              <AppLink to={projectTabPath(network.slug, project.id, 'dokumenter')}>{pm.summary.documentsLink}</AppLink>
            </Paragraph>
          </Alert>
        ) : (
          <Paragraph data-size="sm">{t.complete}</Paragraph>
        )}
        <LessonsReminder project={project} networkSlug={network.slug} />
      </div>
      {ownerMayDecide ? (
        <ChoiceGroup form={form} name="kind" legend={t.how}>
          {(['meetingCase', 'ownerDecision'] as const).map((value, i) => (
            <Radio
              key={value}
              id={i === 0 ? form.id('kind') : undefined}
              name={form.id('kind')}
              value={value}
              label={value === 'meetingCase' ? t.meetingCase : t.ownerDecision}
              description={value === 'meetingCase' ? t.meetingCaseDescription : t.ownerDecisionDescription}
              checked={kind === value}
              aria-invalid={kindInvalid || undefined}
              onChange={() => {
                setKind(value);
                setAgendaItemId('');
              }}
            />
          ))}
        </ChoiceGroup>
      ) : (
        <Paragraph data-size="sm" className="dr-muted">
          {ownerNote ? t.ownerOnly : t.meetingOnly}
        </Paragraph>
      )}
      {kind === 'meetingCase' ? (
        <DecidedCaseFields form={form} network={network} label={t.agendaItemId} value={agendaItemId} onChange={setAgendaItemId} />
      ) : (
        <TextField
          state={form}
          name="text"
          label={t.text}
          description={t.textDescription}
          value={text}
          onChange={setText}
          multiline
          rows={4}
          required
        />
      )}
      <ButtonRow>
        <SubmitButton form={form}>{fmt(t.submit, { point: short })}</SubmitButton>
      </ButtonRow>
    </form>
  );
}

/**
 * Body → held meeting → decided case: the three choices that name the agenda item of a case one of the network's
 * bodies decided in a held meeting (the field is `agendaItemId`, as the server names it when it refuses one).
 */
export function DecidedCaseFields({
  form,
  network,
  label,
  value,
  onChange,
}: {
  form: FormState;
  network: NetworkOverview;
  label: string;
  value: string;
  onChange: (agendaItemId: string) => void;
}) {
  const { date, lang } = useI18n();
  const t = useProjectMessages().pass;
  const [bodyId, setBodyId] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const setAgendaItemId = onChange;
  const meetings = useApi<MeetingSummary[]>(bodyId ? `/bodies/${bodyId}/meetings` : null);
  const meeting = useApi<Meeting>(meetingId ? `/meetings/${meetingId}` : null);
  const heldMeetings = (meetings.data ?? []).filter((x) => DECIDED_MEETINGS.has(x.status)).sort((a, b) => b.date.localeCompare(a.date));
  const decidedItems = (meeting.data?.items ?? []).filter((i) => i.outcome === 'decided');
  return (
    <>
      <SelectField
        state={form}
        name="bodyId"
        label={t.body}
        value={bodyId}
        onChange={(v) => {
          setBodyId(v);
          setMeetingId('');
          setAgendaItemId('');
        }}
      >
        <Select.Option value="">{t.chooseBody}</Select.Option>
        {network.bodies.map((b) => (
          <Select.Option key={b.id} value={b.id}>
            {b.name}
          </Select.Option>
        ))}
      </SelectField>
      {bodyId && meetings.data && heldMeetings.length === 0 && <Paragraph data-size="sm">{t.noMeetings}</Paragraph>}
      {heldMeetings.length > 0 && (
        <SelectField
          state={form}
          name="meetingId"
          label={t.meeting}
          value={meetingId}
          onChange={(v) => {
            setMeetingId(v);
            setAgendaItemId('');
          }}
        >
          <Select.Option value="">{t.chooseMeeting}</Select.Option>
          {heldMeetings.map((x) => (
            <Select.Option key={x.id} value={x.id}>
              {fmt(t.meetingOption, { date: date(x.date), status: MEETING_TERMS[lang].statuses[x.status] })}
            </Select.Option>
          ))}
        </SelectField>
      )}
      {meetingId && meeting.data && decidedItems.length === 0 && <Paragraph data-size="sm">{t.noCases}</Paragraph>}
      <SelectField state={form} name="agendaItemId" label={label} value={value} onChange={onChange} required>
        <Select.Option value="">{t.chooseCase}</Select.Option>
        {decidedItems.map((i) => (
          <Select.Option key={i.id} value={i.id}>
            {fmt(t.caseOption, { number: i.number, title: i.title }).trim()}
          </Select.Option>
        ))}
      </SelectField>
    </>
  );
}
