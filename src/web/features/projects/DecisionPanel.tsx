import { useState } from 'react';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
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
import { useApi, type Loaded } from '../../app/api.ts';
import { SuccessMessage, TextField, type FormState } from '../../app/forms.tsx';
import { RadioGroup, useFormValues } from '../../app/fields.tsx';
import { OptionSelect, sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { useProjectCapabilities } from '../../app/capabilities.ts';
import { AppLink, Section } from '../../app/ui.tsx';
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
  const { form, values, set, field } = useFormValues<{ kind: DecisionKind; agendaItemId: string; text: string }>({
    kind: 'meetingCase',
    agendaItemId: '',
    text: '',
  });
  const { kind, agendaItemId, text } = values;
  const labels = { kind: t.how, agendaItemId: t.agendaItemId, text: t.text, projectVersion: t.how, basisDocuments: pm.documents.heading };
  const short = pm.decisionPointShort[point];
  const submit = () => {
    onStart();
    return form.submit({
      schema: DecisionRequestSchema,
      input:
        kind === 'meetingCase'
          ? { kind, agendaItemId: agendaItemId || undefined, projectVersion: project.version }
          : { kind, text, projectVersion: project.version },
      labels,
      send: sendTo<Project>(`/projects/${project.id}/decisions`, 'POST'),
      done: (saved) => {
        loaded.setData(saved);
        onPassed(saved);
      },
    });
  };
  return (
    <SubmitForm
      form={form}
      submit={submit}
      labelledBy="project-pass"
      onReload={loaded.reload}
      submitLabel={fmt(t.submit, { point: short })}
    >
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
        <RadioGroup
          form={form}
          name="kind"
          legend={t.how}
          options={[
            { value: 'meetingCase', label: t.meetingCase, description: t.meetingCaseDescription },
            { value: 'ownerDecision', label: t.ownerDecision, description: t.ownerDecisionDescription },
          ]}
          value={kind}
          onChange={(next) => set({ kind: next, agendaItemId: '' })}
        />
      ) : (
        <Paragraph data-size="sm" className="dr-muted">
          {ownerNote ? t.ownerOnly : t.meetingOnly}
        </Paragraph>
      )}
      {kind === 'meetingCase' ? (
        <DecidedCaseFields
          form={form}
          network={network}
          label={t.agendaItemId}
          value={agendaItemId}
          onChange={(id) => set({ agendaItemId: id })}
        />
      ) : (
        <TextField {...field('text', t.text, t.textDescription)} multiline rows={4} required />
      )}
    </SubmitForm>
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
      <OptionSelect
        state={form}
        name="bodyId"
        label={t.body}
        value={bodyId}
        onChange={(v) => {
          setBodyId(v);
          setMeetingId('');
          setAgendaItemId('');
        }}
        empty={t.chooseBody}
        options={network.bodies.map((b) => ({ value: b.id, label: b.name }))}
      />
      {bodyId && meetings.data && heldMeetings.length === 0 && <Paragraph data-size="sm">{t.noMeetings}</Paragraph>}
      {heldMeetings.length > 0 && (
        <OptionSelect
          state={form}
          name="meetingId"
          label={t.meeting}
          value={meetingId}
          onChange={(v) => {
            setMeetingId(v);
            setAgendaItemId('');
          }}
          empty={t.chooseMeeting}
          options={heldMeetings.map((x) => ({
            value: x.id,
            label: fmt(t.meetingOption, { date: date(x.date), status: MEETING_TERMS[lang].statuses[x.status] }),
          }))}
        />
      )}
      {meetingId && meeting.data && decidedItems.length === 0 && <Paragraph data-size="sm">{t.noCases}</Paragraph>}
      <OptionSelect
        state={form}
        name="agendaItemId"
        label={label}
        value={value}
        onChange={onChange}
        empty={t.chooseCase}
        options={decidedItems.map((i) => ({ value: i.id, label: fmt(t.caseOption, { number: i.number, title: i.title }).trim() }))}
        required
      />
    </>
  );
}
