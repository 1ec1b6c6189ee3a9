import { useState } from 'react';
import { Alert, Button, Checkbox, Fieldset, Paragraph, Radio } from '@digdir/designsystemet-react';
import { JointHandlingSchema, type AgendaItem, type Meeting } from '../../../shared/meetings/schema.ts';
import { api } from '../../app/api.ts';
import { useAction } from '../../app/action.tsx';
import { FailureAlert, TextField, useForm } from '../../app/forms.tsx';
import { sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt } from '../../app/i18n/index.tsx';
import { ButtonRow } from '../../app/ui.tsx';
import { useMeetingMessages } from './messages.ts';
import { type MeetingDialogProps } from './meeting-api.ts';
import type {} from '../../app/kit.tsx';

/** Items that may join a joint handling: not moved on, not in a group already. */
const open = (i: AgendaItem) => i.outcome !== 'postponed' && i.outcome !== 'withdrawn' && i.jointHandlingId === null;

/**
 * Samlet behandling: the secretariat picks items (the information and report cases are picked to start with) and
 * records one decision for them all; each item gets it.
 */
export function JointHandlingForm({ meeting, onSaved, onCancel, onReload }: MeetingDialogProps) {
  const mm = useMeetingMessages();
  const j = mm.joint;
  const form = useForm();
  const candidates = meeting.items.filter(open);
  const [chosen, setChosen] = useState<string[]>(
    candidates.filter((i) => i.outcome === 'pending' && (i.type === 'information' || i.type === 'report')).map((i) => i.id),
  );
  const [outcome, setOutcome] = useState<'noted' | 'decided'>('noted');
  const [decision, setDecision] = useState(j.defaultDecision);
  const [deliberation, setDeliberation] = useState('');
  const labels = { itemIds: j.items, decision: j.decision, outcome: j.outcome, deliberation: j.deliberation };
  const submit = () =>
    form.submit({
      schema: JointHandlingSchema,
      input: {
        // In agenda order, whatever order they were ticked in.
        itemIds: candidates.filter((i) => chosen.includes(i.id)).map((i) => i.id),
        decision,
        outcome,
        ...(deliberation.trim() ? { deliberation } : {}),
        version: meeting.version,
      },
      labels,
      send: sendTo<Meeting>(`/meetings/${meeting.id}/joint-handling`, 'POST'),
      done: onSaved,
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={j.submit} onCancel={onCancel} onReload={onReload}>
      <Paragraph>{j.intro}</Paragraph>
      <Fieldset id={form.id('itemIds')}>
        <Fieldset.Legend>{j.items}</Fieldset.Legend>
        <Fieldset.Description>{j.itemsDescription}</Fieldset.Description>
        {candidates.map((i) => (
          <Checkbox
            key={i.id}
            label={`${i.number ? `${i.number} ` : ''}${i.title} (${mm.caseTypes[i.type]})`}
            value={i.id}
            checked={chosen.includes(i.id)}
            onChange={(e) => setChosen((c) => (e.target.checked ? [...c, i.id] : c.filter((id) => id !== i.id)))}
          />
        ))}
      </Fieldset>
      <Fieldset id={form.id('outcome')}>
        <Fieldset.Legend>{j.outcome}</Fieldset.Legend>
        {(['noted', 'decided'] as const).map((o) => (
          <Radio key={o} name="joint-outcome" label={mm.outcomes[o]} value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
        ))}
      </Fieldset>
      <TextField state={form} name="decision" label={j.decision} multiline rows={3} value={decision} onChange={setDecision} required />
      <TextField
        state={form}
        name="deliberation"
        label={j.deliberation}
        description={j.deliberationDescription}
        multiline
        rows={2}
        value={deliberation}
        onChange={setDeliberation}
      />
    </SubmitForm>
  );
}

/** On an item's page: the cases it was handled together with, and a way to take it out to handle it on its own. */
export function JointHandlingNote({
  meeting,
  item,
  editable,
  onChanged,
}: {
  meeting: Meeting;
  item: AgendaItem;
  editable: boolean;
  onChanged: (meeting: Meeting, message: string) => void;
}) {
  const mm = useMeetingMessages();
  const j = mm.joint;
  const { busy, failure, run } = useAction();
  if (!item.jointHandlingId) return null;
  const others = meeting.items.filter((i) => i.jointHandlingId === item.jointHandlingId && i.id !== item.id);
  const leave = () =>
    run(async () => {
      const saved = await api<Meeting>(`/agenda-items/${item.id}/joint-handling?version=${item.version}`, { method: 'DELETE' });
      onChanged(saved, j.left);
    });
  return (
    <Alert data-color="info">
      <Paragraph>{fmt(j.note, { numbers: others.map((i) => i.number || i.title).join(', ') })}</Paragraph>
      <FailureAlert error={failure} />
      {editable && (
        <ButtonRow>
          <Button type="button" variant="secondary" data-size="sm" disabled={busy} onClick={() => void leave()}>
            {j.leave}
          </Button>
        </ButtonRow>
      )}
    </Alert>
  );
}
