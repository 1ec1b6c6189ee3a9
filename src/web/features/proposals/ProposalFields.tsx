import { Checkbox, Paragraph, Radio, Select, Tag } from '@digdir/designsystemet-react';
import { PROPOSAL_KINDS, type ProposalKind, type ProposalStatus } from '../../../shared/portfolio/proposals.ts';
import { ChoiceGroup, errorFor, SelectField, TextField, type FormState } from '../../app/forms.tsx';
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
  const kindError = !!errorFor(form, 'kind');
  return (
    <>
      <ChoiceGroup form={form} name="kind" legend={f.kind}>
        {PROPOSAL_KINDS.map((kind, i) => (
          <Radio
            key={kind}
            id={i === 0 ? form.id('kind') : undefined}
            name={form.id('kind')}
            value={kind}
            label={pm.kinds[kind]}
            description={pm.kindDescriptions[kind]}
            checked={values.kind === kind}
            aria-invalid={kindError || undefined}
            onChange={() => set({ kind })}
          />
        ))}
      </ChoiceGroup>
      <TextField
        state={form}
        name="title"
        label={f.title}
        description={f.titleDescription}
        value={values.title}
        onChange={(title) => set({ title })}
        required
      />
      <TextField
        state={form}
        name="problem"
        label={f.problem}
        description={f.problemDescription}
        value={values.problem}
        onChange={(problem) => set({ problem })}
        multiline
        rows={5}
        required
      />
      <TextField
        state={form}
        name="affected"
        label={`${f.affected} ${f.optional}`}
        description={f.affectedDescription}
        value={values.affected}
        onChange={(affected) => set({ affected })}
        multiline
        rows={3}
      />
      <TextField
        state={form}
        name="expectedBenefit"
        label={`${f.expectedBenefit} ${f.optional}`}
        description={f.expectedBenefitDescription}
        value={values.expectedBenefit}
        onChange={(expectedBenefit) => set({ expectedBenefit })}
        multiline
        rows={3}
      />
      {focusAreas.length === 0 ? (
        <Paragraph data-size="sm" className="dr-muted">
          {f.noFocusAreas}
        </Paragraph>
      ) : (
        <SelectField
          state={form}
          name="focusAreaKey"
          label={`${f.focusArea} ${f.optional}`}
          description={f.focusAreaDescription}
          value={values.focusAreaKey}
          onChange={(focusAreaKey) => set({ focusAreaKey })}
        >
          <Select.Option value="">{f.noFocusArea}</Select.Option>
          {focusAreas.map((a) => (
            <Select.Option key={a.key} value={a.key}>
              {a.title}
            </Select.Option>
          ))}
        </SelectField>
      )}
      {municipalities.length > 0 && (
        <ChoiceGroup
          form={form}
          name="municipalities"
          legend={`${f.municipalities} ${f.optional}`}
          description={f.municipalitiesDescription}
        >
          <div className="dr-proposal-checkboxes">
            {municipalities.map((x, i) => (
              <Checkbox
                key={x.number}
                id={i === 0 ? form.id('municipalities') : undefined}
                label={x.name}
                value={x.number}
                checked={values.municipalities.includes(x.number)}
                onChange={(e) =>
                  set({
                    municipalities: e.target.checked
                      ? [...values.municipalities, x.number]
                      : values.municipalities.filter((n) => n !== x.number),
                  })
                }
              />
            ))}
          </div>
        </ChoiceGroup>
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
