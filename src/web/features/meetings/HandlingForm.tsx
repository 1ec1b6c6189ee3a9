import { useState } from 'react';
import { Checkbox, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { AgendaItemUpdateSchema, BALLOT_CHOICES, type AgendaItem, type Attendee } from '../../../shared/meetings/schema.ts';
import { errorFor, RepeatedRows, TextField, useForm, type FormState } from '../../app/forms.tsx';
import { fieldBinder } from '../../app/fields.tsx';
import { OptionSelect, sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { MarkdownField } from './MarkdownText.tsx';
import { useMeetingMessages, type MeetingMessages } from './messages.ts';
import type { ItemFormProps } from './meeting-api.ts';

type VoteKind = 'none' | 'unanimous' | 'counts' | 'roll';
type Ballot = (typeof BALLOT_CHOICES)[number];
type EditableOutcome = 'pending' | 'decided' | 'noted' | 'withdrawn';
const EDITABLE_OUTCOMES: EditableOutcome[] = ['pending', 'decided', 'noted', 'withdrawn'];

interface ProposalRow {
  id: string;
  proposedBy: string;
  text: string;
  result: '' | 'adopted' | 'rejected' | 'withdrawn';
}
interface DisqualificationRow {
  key: string;
  personId: string;
  reason: string;
  ruling: '' | 'disqualified' | 'notDisqualified';
  deputyPersonId: string;
}
interface RemarkRow {
  id: string;
  authorKind: 'person' | 'municipality';
  personId: string;
  municipalityNumber: string;
  text: string;
}
interface HandlingValues {
  deliberation: string;
  proposals: ProposalRow[];
  voteKind: VoteKind;
  counts: { for: string; against: string; blank: string };
  ballots: Record<string, Ballot | ''>;
  decision: string;
  outcome: EditableOutcome;
  disqualifications: DisqualificationRow[];
  remarks: RemarkRow[];
  absent: string[];
}

function valuesOf(item: AgendaItem): HandlingValues {
  const vote = item.vote;
  return {
    deliberation: item.deliberation,
    proposals: item.proposals.map((p) => ({ id: p.id, proposedBy: p.proposedBy, text: p.text, result: p.result ?? '' })),
    voteKind: vote ? vote.kind : 'none',
    counts:
      vote?.kind === 'counts'
        ? { for: String(vote.for), against: String(vote.against), blank: String(vote.blank) }
        : { for: '', against: '', blank: '' },
    ballots: vote?.kind === 'roll' ? Object.fromEntries(vote.ballots.map((b) => [b.personId, b.choice])) : {},
    decision: item.decision ?? '',
    outcome: item.outcome === 'postponed' ? 'pending' : item.outcome,
    disqualifications: item.disqualifications.map((d, i) => ({
      key: `${d.personId}-${i}`,
      personId: d.personId,
      reason: d.reason,
      ruling: d.ruling ?? '',
      deputyPersonId: d.deputyPersonId ?? '',
    })),
    remarks: item.protocolRemarks.map((r) => ({
      id: r.id,
      authorKind: r.authorKind,
      personId: r.personId ?? '',
      municipalityNumber: r.municipalityNumber ?? '',
      text: r.text,
    })),
    absent: item.absentPersonIds,
  };
}

const count = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** Only what the user changed is sent, so a save never undoes what others (or the case form) changed meanwhile. */
function inputOf(values: HandlingValues, edited: Partial<HandlingValues>, voters: Attendee[]) {
  const has = (key: keyof HandlingValues) => key in edited;
  const vote = () => {
    switch (values.voteKind) {
      case 'none':
        return null;
      case 'unanimous':
        return { kind: 'unanimous' as const };
      case 'counts':
        return {
          kind: 'counts' as const,
          for: count(values.counts.for),
          against: count(values.counts.against),
          blank: count(values.counts.blank) ?? 0,
        };
      case 'roll':
        return {
          kind: 'roll' as const,
          ballots: voters.flatMap((v) => {
            const choice = values.ballots[v.personId];
            return choice ? [{ personId: v.personId, choice }] : [];
          }),
        };
    }
  };
  return {
    ...(has('deliberation') ? { deliberation: values.deliberation } : {}),
    ...(has('proposals')
      ? { proposals: values.proposals.map((p) => ({ id: p.id, proposedBy: p.proposedBy, text: p.text, result: p.result || null })) }
      : {}),
    ...(has('voteKind') || has('counts') || has('ballots') ? { vote: vote() } : {}),
    ...(has('decision') ? { decision: values.decision.trim() === '' ? null : values.decision } : {}),
    ...(has('outcome') ? { outcome: values.outcome } : {}),
    ...(has('disqualifications')
      ? {
          disqualifications: values.disqualifications.map((d) => ({
            personId: d.personId || undefined,
            reason: d.reason,
            ruling: d.ruling || null,
            deputyPersonId: d.deputyPersonId || null,
          })),
        }
      : {}),
    ...(has('remarks')
      ? {
          protocolRemarks: values.remarks.map((r) => ({
            id: r.id,
            authorKind: r.authorKind,
            personId: r.authorKind === 'person' ? r.personId || null : null,
            municipalityNumber: r.authorKind === 'municipality' ? r.municipalityNumber || null : null,
            text: r.text,
          })),
        }
      : {}),
    ...(has('absent') ? { absentPersonIds: values.absent } : {}),
  };
}

function labelsOf(mm: MeetingMessages, values: HandlingValues): Record<string, string> {
  const h = mm.handling;
  const labels: Record<string, string> = {
    deliberation: h.deliberation,
    proposals: h.proposals,
    vote: h.vote,
    'vote.for': h.votesFor,
    'vote.against': h.votesAgainst,
    'vote.blank': h.votesBlank,
    decision: h.decision,
    outcome: h.outcome,
    disqualifications: h.disqualifications,
    protocolRemarks: h.remarks,
    absentPersonIds: h.partial,
  };
  values.proposals.forEach((_, i) => {
    const n = fmt(h.proposal, { n: i + 1 });
    labels[`proposals.${i}.proposedBy`] = `${n}: ${h.proposedBy}`;
    labels[`proposals.${i}.text`] = `${n}: ${h.proposalText}`;
    labels[`proposals.${i}.result`] = `${n}: ${h.proposalResult}`;
  });
  values.disqualifications.forEach((_, i) => {
    const n = fmt(h.disqualification, { n: i + 1 });
    labels[`disqualifications.${i}.personId`] = `${n}: ${h.disqualifiedPerson}`;
    labels[`disqualifications.${i}.reason`] = `${n}: ${h.disqualificationReason}`;
    labels[`disqualifications.${i}.ruling`] = `${n}: ${h.ruling}`;
  });
  values.remarks.forEach((_, i) => {
    const n = fmt(h.remark, { n: i + 1 });
    labels[`protocolRemarks.${i}.personId`] = `${n}: ${h.remarkPerson}`;
    labels[`protocolRemarks.${i}.municipalityNumber`] = `${n}: ${h.remarkMunicipality}`;
    labels[`protocolRemarks.${i}.text`] = `${n}: ${h.remarkText}`;
  });
  return labels;
}

/** A number field wired to the form's errors. */
function CountField({
  form,
  name,
  label,
  value,
  onChange,
}: {
  form: FormState;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Textfield
      id={form.id(name)}
      name={name}
      label={label}
      type="number"
      inputMode="numeric"
      min={0}
      value={value}
      error={errorFor(form, name)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/**
 * What happened to an item in the meeting: deliberation, proposals and their result, the vote, the
 * decision (prefilled with the recommendation), the outcome, questions of impartiality, protocol
 * remarks, and who was out of the room. One save; on a stale version the typed text stays.
 */
export function HandlingForm({
  meeting,
  item,
  municipalities,
  onSaved,
  onReload,
}: ItemFormProps & { municipalities: Array<{ number: string; name: string }> }) {
  const { m } = useI18n();
  const mm = useMeetingMessages();
  const h = mm.handling;
  const form = useForm();
  const [edited, setEdited] = useState<Partial<HandlingValues>>({});
  const values: HandlingValues = { ...valuesOf(item), ...edited };
  const set = (patch: Partial<HandlingValues>) => setEdited((e) => ({ ...e, ...patch }));
  // When the newer copy arrives after a stale version, the warning has done its job; the typed changes stay.
  const [seenVersion, setSeenVersion] = useState(item.version);
  if (seenVersion !== item.version) {
    setSeenVersion(item.version);
    if (form.failure?.code === 'stale_version') form.reset();
  }
  const present = meeting.attendees.filter((a) => a.status === 'present');
  const voters = present.filter((a) => a.votingRight && !values.absent.includes(a.personId));
  const people = meeting.attendees;
  const labels = labelsOf(mm, values);

  const setRow = <K extends 'proposals' | 'disqualifications' | 'remarks'>(
    key: K,
    index: number,
    patch: Partial<HandlingValues[K][number]>,
  ) => set({ [key]: values[key].map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  const removeRow = (key: 'proposals' | 'disqualifications' | 'remarks', index: number) =>
    set({ [key]: values[key].filter((_, i) => i !== index) });

  const submit = () =>
    form.submit({
      schema: AgendaItemUpdateSchema,
      input: { ...inputOf(values, edited, voters), version: item.version },
      labels,
      send: sendTo<AgendaItem>(`/agenda-items/${item.id}`),
      done: (saved) => {
        setEdited({});
        onSaved(saved);
        return h.saved;
      },
    });
  const field = fieldBinder(form, values, set);
  const personOptions = people.map((p) => ({ value: p.personId, label: p.name }));

  return (
    <SubmitForm form={form} labelledBy="handling-heading" submit={submit} submitLabel={h.save} onReload={onReload}>
      <MarkdownField {...field('deliberation')} label={h.deliberation} description={h.deliberationDescription} rows={4} />

      <RepeatedRows
        legend={h.proposals}
        none={h.proposalsNone}
        rows={values.proposals}
        rowKey={(p) => p.id}
        rowTitle={(n) => fmt(h.proposal, { n })}
        removeLabel={(n) => fmt(h.removeProposal, { n })}
        onRemove={(i) => removeRow('proposals', i)}
        addLabel={h.addProposal}
        onAdd={() => set({ proposals: [...values.proposals, { id: crypto.randomUUID(), proposedBy: '', text: '', result: '' }] })}
      >
        {(p, i) => (
          <>
            <TextField
              state={form}
              name={`proposals.${i}.proposedBy`}
              label={h.proposedBy}
              value={p.proposedBy}
              onChange={(proposedBy) => setRow('proposals', i, { proposedBy })}
            />
            <TextField
              state={form}
              name={`proposals.${i}.text`}
              label={h.proposalText}
              multiline
              rows={3}
              value={p.text}
              onChange={(text) => setRow('proposals', i, { text })}
            />
            <OptionSelect
              state={form}
              name={`proposals.${i}.result`}
              label={h.proposalResult}
              value={p.result}
              onChange={(result) => setRow('proposals', i, { result: result as ProposalRow['result'] })}
              empty={h.notDecided}
              options={(['adopted', 'rejected', 'withdrawn'] as const).map((r) => ({ value: r, label: mm.proposalResults[r] }))}
            />
          </>
        )}
      </RepeatedRows>

      <Fieldset id={form.id('vote')}>
        <Fieldset.Legend>{h.vote}</Fieldset.Legend>
        {(['none', 'unanimous', 'counts', 'roll'] as const).map((kind) => (
          <Radio
            key={kind}
            name="voteKind"
            value={kind}
            label={{ none: h.voteNone, unanimous: h.voteUnanimous, counts: h.voteCounts, roll: h.voteRoll }[kind]}
            checked={values.voteKind === kind}
            onChange={() => set({ voteKind: kind })}
          />
        ))}
        {values.voteKind === 'counts' && (
          <div className="dr-counts">
            <CountField
              form={form}
              name="vote.for"
              label={h.votesFor}
              value={values.counts.for}
              onChange={(v) => set({ counts: { ...values.counts, for: v } })}
            />
            <CountField
              form={form}
              name="vote.against"
              label={h.votesAgainst}
              value={values.counts.against}
              onChange={(v) => set({ counts: { ...values.counts, against: v } })}
            />
            <CountField
              form={form}
              name="vote.blank"
              label={h.votesBlank}
              value={values.counts.blank}
              onChange={(v) => set({ counts: { ...values.counts, blank: v } })}
            />
          </div>
        )}
        {values.voteKind === 'roll' &&
          (voters.length === 0 ? (
            <Paragraph data-size="sm">{h.rollNone}</Paragraph>
          ) : (
            voters.map((v) => (
              <Fieldset key={v.personId} data-size="sm">
                <Fieldset.Legend>{fmt(h.ballotFor, { name: v.name })}</Fieldset.Legend>
                <div className="dr-button-row">
                  {BALLOT_CHOICES.map((choice) => (
                    <Radio
                      key={choice}
                      name={`ballot-${v.personId}`}
                      value={choice}
                      label={mm.ballots[choice]}
                      checked={values.ballots[v.personId] === choice}
                      onChange={() => set({ ballots: { ...values.ballots, [v.personId]: choice } })}
                    />
                  ))}
                </div>
              </Fieldset>
            ))
          ))}
      </Fieldset>

      <MarkdownField {...field('decision')} label={h.decision} description={h.decisionDescription} />

      {item.outcome === 'postponed' ? (
        <Paragraph>
          <strong>{h.outcome}:</strong> {mm.outcomes.postponed}
        </Paragraph>
      ) : (
        <Fieldset id={form.id('outcome')}>
          <Fieldset.Legend>{h.outcome}</Fieldset.Legend>
          {EDITABLE_OUTCOMES.map((o) => (
            <Radio
              key={o}
              name="outcome"
              value={o}
              label={mm.outcomes[o]}
              checked={values.outcome === o}
              onChange={() =>
                // A withdrawn case has no decision; an untouched copy of the recommendation would be printed as one.
                set(o === 'withdrawn' && values.decision === item.recommendation ? { outcome: o, decision: '' } : { outcome: o })
              }
            />
          ))}
        </Fieldset>
      )}

      <RepeatedRows
        legend={h.disqualifications}
        none={h.disqualificationsNone}
        rows={values.disqualifications}
        rowKey={(d) => d.key}
        rowTitle={(n) => fmt(h.disqualification, { n })}
        removeLabel={(n) => fmt(h.removeDisqualification, { n })}
        onRemove={(i) => removeRow('disqualifications', i)}
        addLabel={h.addDisqualification}
        onAdd={() =>
          set({
            disqualifications: [
              ...values.disqualifications,
              { key: crypto.randomUUID(), personId: '', reason: '', ruling: '', deputyPersonId: '' },
            ],
          })
        }
      >
        {(d, i) => (
          <>
            <OptionSelect
              state={form}
              name={`disqualifications.${i}.personId`}
              label={h.disqualifiedPerson}
              value={d.personId}
              onChange={(personId) => setRow('disqualifications', i, { personId })}
              required
              empty={m.common.choose}
              options={personOptions}
            />
            <TextField
              state={form}
              name={`disqualifications.${i}.reason`}
              label={h.disqualificationReason}
              value={d.reason}
              onChange={(reason) => setRow('disqualifications', i, { reason })}
              required
            />
            <OptionSelect
              state={form}
              name={`disqualifications.${i}.ruling`}
              label={h.ruling}
              value={d.ruling}
              onChange={(ruling) => setRow('disqualifications', i, { ruling: ruling as DisqualificationRow['ruling'] })}
              empty={h.notDecided}
              options={(['disqualified', 'notDisqualified'] as const).map((r) => ({ value: r, label: mm.rulings[r] }))}
            />
            {d.ruling === 'disqualified' && (
              <OptionSelect
                state={form}
                name={`disqualifications.${i}.deputyPersonId`}
                label={h.deputyPerson}
                value={d.deputyPersonId}
                onChange={(deputyPersonId) => setRow('disqualifications', i, { deputyPersonId })}
                empty={m.common.noneOption}
                options={personOptions.filter((p) => p.value !== d.personId)}
              />
            )}
          </>
        )}
      </RepeatedRows>

      <RepeatedRows
        legend={h.remarks}
        none={h.remarksNone}
        rows={values.remarks}
        rowKey={(r) => r.id}
        rowTitle={(n) => fmt(h.remark, { n })}
        removeLabel={(n) => fmt(h.removeRemark, { n })}
        onRemove={(i) => removeRow('remarks', i)}
        addLabel={h.addRemark}
        onAdd={() =>
          set({
            remarks: [
              ...values.remarks,
              { id: crypto.randomUUID(), authorKind: 'municipality', personId: '', municipalityNumber: '', text: '' },
            ],
          })
        }
      >
        {(r, i) => (
          <>
            <OptionSelect
              state={form}
              name={`protocolRemarks.${i}.authorKind`}
              label={h.remarkAuthorKind}
              value={r.authorKind}
              onChange={(authorKind) => setRow('remarks', i, { authorKind: authorKind as RemarkRow['authorKind'] })}
              options={[
                { value: 'municipality', label: h.remarkFromMunicipality },
                { value: 'person', label: h.remarkFromPerson },
              ]}
            />
            {r.authorKind === 'person' ? (
              <OptionSelect
                state={form}
                name={`protocolRemarks.${i}.personId`}
                label={h.remarkPerson}
                value={r.personId}
                onChange={(personId) => setRow('remarks', i, { personId })}
                required
                empty={m.common.choose}
                options={personOptions}
              />
            ) : (
              <OptionSelect
                state={form}
                name={`protocolRemarks.${i}.municipalityNumber`}
                label={h.remarkMunicipality}
                value={r.municipalityNumber}
                onChange={(municipalityNumber) => setRow('remarks', i, { municipalityNumber })}
                required
                empty={m.common.choose}
                options={municipalities.map((x) => ({ value: x.number, label: x.name }))}
              />
            )}
            <TextField
              state={form}
              name={`protocolRemarks.${i}.text`}
              label={h.remarkText}
              multiline
              rows={4}
              value={r.text}
              onChange={(text) => setRow('remarks', i, { text })}
              required
            />
          </>
        )}
      </RepeatedRows>

      <Fieldset id={form.id('absentPersonIds')}>
        <Fieldset.Legend>{h.partial}</Fieldset.Legend>
        <Fieldset.Description>{h.partialDescription}</Fieldset.Description>
        {present.length === 0 ? (
          <Paragraph data-size="sm">{h.partialNone}</Paragraph>
        ) : (
          present.map((p) => (
            <Checkbox
              key={p.personId}
              label={p.name}
              value={p.personId}
              checked={values.absent.includes(p.personId)}
              onChange={(e) =>
                set({ absent: e.target.checked ? [...values.absent, p.personId] : values.absent.filter((x) => x !== p.personId) })
              }
            />
          ))
        )}
      </Fieldset>
    </SubmitForm>
  );
}
