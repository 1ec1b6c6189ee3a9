import { Paragraph, Select, Tag } from '@digdir/designsystemet-react';
import { PROPOSAL_KINDS, type ProposalKind, type ProposalStatus } from '../../../shared/portfolio/proposals.ts';
import { SelectField, TextField, type FormState } from '../../app/forms.tsx';
import { CheckboxGroup, RadioGroup, textFieldBinder } from '../../app/fields.tsx';
import { useProposalMessages, type ProposalMessages } from './messages.ts';
import type { FocusAreaOption } from './proposals-api.ts';

/** What the proposal form holds while it is being filled in. */
export interface ProposalValues {
  kind: ProposalKind | '';
  title: string;
  problem: string;
  affected: string;
  expectedBenefit: string;
  focusAreaKey: string;
  municipalities: string[];
}

export const EMPTY_PROPOSAL: ProposalValues = {
  kind: '',
  title: '',
  problem: '',
  affected: '',
  expectedBenefit: '',
  focusAreaKey: '',
  municipalities: [],
};

/** The values as the API reads them: an unchosen kind is missing (so the schema names it), no focus area is null. */
export function proposalInput(v: ProposalValues) {
  return {
    kind: v.kind || undefined,
    title: v.title,
    problem: v.problem,
    affected: v.affected,
    expectedBenefit: v.expectedBenefit,
    focusAreaKey: v.focusAreaKey || null,
    municipalities: v.municipalities,
  };
}

/** The fields' labels by path, for the browser's own messages. */
export function proposalLabels(pm: ProposalMessages): Record<string, string> {
  const f = pm.fields;
  return {
    kind: f.kind,
    title: f.title,
    problem: f.problem,
    affected: f.affected,
    expectedBenefit: f.expectedBenefit,
    focusAreaKey: f.focusArea,
    municipalities: f.municipalities,
  };
}

/** The fields every proposal has, for members and for the public form alike. */
export function ProposalFieldset({
  form,
  values,
  onChange,
  focusAreas,
  municipalities,
}: {
  form: FormState;
  values: ProposalValues;
  onChange: (values: ProposalValues) => void;
  focusAreas: FocusAreaOption[];
  /** The network's current members, who may be ticked as wanting it. */
  municipalities: { number: string; name: string }[];
}) {
  const pm = useProposalMessages();
  const f = pm.fields;
  const set = (patch: Partial<ProposalValues>) => onChange({ ...values, ...patch });
  const field = textFieldBinder(form, values, set);
  return (
    <>
      <RadioGroup
        form={form}
        name="kind"
        legend={f.kind}
        options={PROPOSAL_KINDS.map((kind) => ({ value: kind, label: pm.kinds[kind], description: pm.kindDescriptions[kind] }))}
        value={values.kind}
        onChange={(kind) => set({ kind })}
      />
      <TextField {...field('title', f.title, f.titleDescription)} required />
      <TextField {...field('problem', f.problem, f.problemDescription)} multiline rows={5} required />
      <TextField {...field('affected', `${f.affected} ${f.optional}`, f.affectedDescription)} multiline rows={3} />
      <TextField {...field('expectedBenefit', `${f.expectedBenefit} ${f.optional}`, f.expectedBenefitDescription)} multiline rows={3} />
      {focusAreas.length === 0 ? (
        <Paragraph data-size="sm" className="dr-muted">
          {f.noFocusAreas}
        </Paragraph>
      ) : (
        <SelectField {...field('focusAreaKey', `${f.focusArea} ${f.optional}`, f.focusAreaDescription)}>
          <Select.Option value="">{f.noFocusArea}</Select.Option>
          {focusAreas.map((a) => (
            <Select.Option key={a.key} value={a.key}>
              {a.title}
            </Select.Option>
          ))}
        </SelectField>
      )}
      {municipalities.length > 0 && (
        <CheckboxGroup
          form={form}
          name="municipalities"
          legend={`${f.municipalities} ${f.optional}`}
          description={f.municipalitiesDescription}
          className="dr-proposal-checkboxes"
          options={municipalities.map((x) => ({ value: x.number, label: x.name }))}
          chosen={values.municipalities}
          onChange={(chosen) => set({ municipalities: chosen })}
        />
      )}
    </>
  );
}

const STATUS_COLORS: Record<ProposalStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent'> = {
  new: 'info',
  underAssessment: 'warning',
  prioritized: 'success',
  rejected: 'danger',
  becameProject: 'accent',
};

/** A proposal's status: the colour and its words, never the colour alone. */
export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const pm = useProposalMessages();
  return (
    <Tag data-color={STATUS_COLORS[status]} data-size="sm">
      {pm.statuses[status]}
    </Tag>
  );
}
