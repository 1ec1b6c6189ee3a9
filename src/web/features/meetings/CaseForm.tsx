import { useState } from 'react';
import { Checkbox } from '@digdir/designsystemet-react';
import {
  AgendaItemUpdateSchema,
  CASE_TYPES,
  CaseCreateSchema,
  type AgendaItem,
  type CaseType,
  type Meeting,
} from '../../../shared/meetings/schema.ts';
import { TextField, useForm, type FormState } from '../../app/forms.tsx';
import { fieldBinder } from '../../app/fields.tsx';
import { OptionSelect, sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { MarkdownField } from './MarkdownText.tsx';
import { useMeetingMessages, type MeetingMessages } from './messages.ts';
import { type ItemFormProps } from './meeting-api.ts';
import { PersonPicker } from './PersonPicker.tsx';

interface CaseValues {
  type: string;
  title: string;
  caseOfficerId: string;
  caseOfficerName: string | null;
  casePaper: string;
  recommendation: string;
  exemptFromPublic: boolean;
  exemptLegalBasis: string;
  publicTitle: string;
  closedBasis: string;
}

const valuesOf = (item?: AgendaItem): CaseValues => ({
  type: item?.type ?? 'decision',
  title: item?.title ?? '',
  caseOfficerId: item?.caseOfficerId ?? '',
  caseOfficerName: item?.caseOfficerName ?? null,
  casePaper: item?.casePaper ?? '',
  recommendation: item?.recommendation ?? '',
  exemptFromPublic: item?.exemptFromPublic ?? false,
  exemptLegalBasis: item?.exemptLegalBasis ?? '',
  publicTitle: item?.publicTitle ?? '',
  closedBasis: item?.closedBasis ?? '',
});

const inputOf = (v: CaseValues) => ({
  type: v.type === '' ? undefined : (v.type as CaseType),
  title: v.title,
  caseOfficerId: v.caseOfficerId || null,
  casePaper: v.casePaper,
  recommendation: v.recommendation,
  exemptFromPublic: v.exemptFromPublic,
  exemptLegalBasis: v.exemptFromPublic ? v.exemptLegalBasis : null,
  publicTitle: v.exemptFromPublic ? v.publicTitle : null,
  closedBasis: v.closedBasis,
});

/**
 * Only the fields the user changed: a save then never undoes a change made meanwhile elsewhere (the
 * decision following a new recommendation, say), and a reload after a stale version keeps what was typed.
 */
function changedInput(values: CaseValues, edited: Partial<CaseValues>) {
  const all = inputOf(values);
  const has = (key: keyof CaseValues) => key in edited;
  return {
    ...(has('type') ? { type: all.type } : {}),
    ...(has('title') ? { title: all.title } : {}),
    ...(has('caseOfficerId') ? { caseOfficerId: all.caseOfficerId } : {}),
    ...(has('casePaper') ? { casePaper: all.casePaper } : {}),
    ...(has('recommendation') ? { recommendation: all.recommendation } : {}),
    ...(has('exemptFromPublic') || has('exemptLegalBasis') || has('publicTitle')
      ? { exemptFromPublic: all.exemptFromPublic, exemptLegalBasis: all.exemptLegalBasis, publicTitle: all.publicTitle }
      : {}),
    ...(has('closedBasis') ? { closedBasis: all.closedBasis } : {}),
  };
}

const labelsOf = (mm: MeetingMessages) => ({
  type: mm.caseForm.type,
  title: mm.caseForm.title,
  caseOfficerId: mm.caseForm.caseOfficer,
  casePaper: mm.caseForm.casePaper,
  recommendation: mm.caseForm.recommendation,
  exemptFromPublic: mm.caseForm.exemptFromPublic,
  exemptLegalBasis: mm.caseForm.exemptLegalBasis,
  publicTitle: mm.caseForm.publicTitle,
  closedBasis: mm.caseForm.closedBasis,
});

/** The fields of a case: type, title, officer, case paper, recommendation, exemption and closed-meeting basis. */
function CaseFields({
  form,
  networkId,
  values,
  set,
}: {
  form: FormState;
  networkId: string;
  values: CaseValues;
  set: (patch: Partial<CaseValues>) => void;
}) {
  const mm = useMeetingMessages();
  const f = mm.caseForm;
  const field = fieldBinder(form, values, set);
  return (
    <>
      <OptionSelect {...field('type')} label={f.type} required options={CASE_TYPES.map((t) => ({ value: t, label: mm.caseTypes[t] }))} />
      <TextField {...field('title')} label={f.title} required autoComplete="off" />
      <PersonPicker
        form={form}
        networkId={networkId}
        name="caseOfficerId"
        label={f.caseOfficer}
        searchLabel={f.caseOfficerSearch}
        value={values.caseOfficerId}
        currentName={values.caseOfficerName}
        onChange={(caseOfficerId, caseOfficerName) => set({ caseOfficerId, caseOfficerName })}
      />
      <MarkdownField {...field('casePaper')} label={f.casePaper} description={f.casePaperDescription} rows={8} />
      <MarkdownField {...field('recommendation')} label={f.recommendation} description={f.recommendationDescription} />
      <Checkbox
        id={form.id('exemptFromPublic')}
        label={f.exemptFromPublic}
        checked={values.exemptFromPublic}
        onChange={(e) => set({ exemptFromPublic: e.target.checked })}
      />
      {values.exemptFromPublic && (
        <TextField
          {...field('exemptLegalBasis')}
          label={f.exemptLegalBasis}
          description={f.exemptLegalBasisDescription}
          required
          autoComplete="off"
        />
      )}
      {values.exemptFromPublic && (
        <TextField {...field('publicTitle')} label={f.publicTitle} description={f.publicTitleDescription} autoComplete="off" />
      )}
      <TextField {...field('closedBasis')} label={f.closedBasis} description={f.closedBasisDescription} autoComplete="off" />
    </>
  );
}

/** Adds a new case to the end of a meeting's agenda. */
export function CaseCreateForm({
  meeting,
  onSaved,
  onCancel,
}: {
  meeting: Meeting;
  onSaved: (meeting: Meeting, title: string) => void;
  onCancel: () => void;
}) {
  const mm = useMeetingMessages();
  const form = useForm();
  const [values, setValues] = useState(valuesOf());
  const set = (patch: Partial<CaseValues>) => setValues((v) => ({ ...v, ...patch }));
  const submit = () =>
    form.submit({
      schema: CaseCreateSchema,
      input: inputOf(values),
      labels: labelsOf(mm),
      send: sendTo<Meeting>(`/meetings/${meeting.id}/cases`, 'POST'),
      done: (saved) => onSaved(saved, values.title.trim()),
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={mm.caseForm.create} onCancel={onCancel}>
      <CaseFields form={form} networkId={meeting.networkId} values={values} set={set} />
    </SubmitForm>
  );
}

/**
 * Changes the case of an agenda item. The form shows the latest copy with the user's changes on top;
 * on a stale version they stay while the user reloads, and the next save goes on top of the newer copy.
 */
export function CaseEditForm({ meeting, item, onSaved, onReload }: ItemFormProps) {
  const { m } = useI18n();
  const mm = useMeetingMessages();
  const form = useForm();
  const [edited, setEdited] = useState<Partial<CaseValues>>({});
  const values: CaseValues = { ...valuesOf(item), ...edited };
  const set = (patch: Partial<CaseValues>) => setEdited((e) => ({ ...e, ...patch }));
  // When the newer copy arrives after a stale version, the warning has done its job; the typed changes stay.
  const [seenVersion, setSeenVersion] = useState(item.version);
  if (seenVersion !== item.version) {
    setSeenVersion(item.version);
    if (form.failure?.code === 'stale_version') form.reset();
  }
  const submit = () =>
    form.submit({
      schema: AgendaItemUpdateSchema,
      input: { ...changedInput(values, edited), version: item.version },
      labels: labelsOf(mm),
      send: sendTo<AgendaItem>(`/agenda-items/${item.id}`),
      done: (saved) => {
        setEdited({});
        onSaved(saved);
        return m.common.saved;
      },
    });
  return (
    <SubmitForm form={form} label={mm.item.caseHeading} submit={submit} submitLabel={m.common.save} onReload={onReload}>
      <CaseFields form={form} networkId={meeting.networkId} values={values} set={set} />
    </SubmitForm>
  );
}
