import { useState } from 'react';
import { Button, Checkbox, Fieldset } from '@digdir/designsystemet-react';
import {
  QUESTION_KINDS,
  TemplateInputSchema,
  TemplateUpdateSchema,
  type QuestionKind,
  type Template,
} from '../../../shared/mapping/surveys.ts';
import { SelectField, TextField, useForm } from '../../app/forms.tsx';
import { SaveForm } from '../../app/kit.tsx';
import { fmt } from '../../app/i18n/index.tsx';
import { ButtonRow } from '../../app/ui.tsx';
import { useSurveyMessages } from './messages.ts';
import { RowAction } from '../../app/table.tsx';

interface DraftQuestion {
  key: string;
  text: string;
  answerKind: QuestionKind;
  options: string;
  required: boolean;
}
interface DraftSection {
  key: string;
  title: string;
  questions: DraftQuestion[];
}

let counter = 0;
/** A key for a new section or question; keys are never shown and never change once saved. */
const newKey = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;
const blankQuestion = (): DraftQuestion => ({ key: newKey('q'), text: '', answerKind: 'scale', options: '', required: false });
const blankSection = (): DraftSection => ({ key: newKey('s'), title: '', questions: [blankQuestion()] });
const DEFAULT_LABELS = [
  'Ikke startet',
  'Initiert',
  'Etablert i deler av kommunen',
  'Etablert og styrt i hele kommunen',
  'Optimalisert og samhandlende i regionen',
];

/**
 * Builds or edits a network's own template: name, an optional 1–N scale with a label per step, and sections
 * of questions (scale, single or multiple choice, number, free text). The shared schema checks it in the
 * browser and again on the server.
 */
export function TemplateBuilder({
  networkId,
  template,
  onSaved,
  onCancel,
}: {
  networkId: string;
  template: Template | null;
  onSaved: (template: Template) => void;
  onCancel: () => void;
}) {
  const sm = useSurveyMessages();
  const b = sm.builder;
  const form = useForm();
  const [name, setName] = useState(template?.name ?? '');
  const [description, setDescription] = useState(template?.description ?? '');
  const [useScale, setUseScale] = useState(template ? template.definition.scale !== null : true);
  const [scaleMax, setScaleMax] = useState(String(template?.definition.scale?.max ?? 5));
  const [labels, setLabels] = useState<string[]>(template?.definition.scale?.labels ?? DEFAULT_LABELS);
  const [sections, setSections] = useState<DraftSection[]>(
    template
      ? template.definition.sections.map((s) => ({
          key: s.key,
          title: s.title,
          questions: s.questions.map((q) => ({
            key: q.key,
            text: q.text,
            answerKind: q.answerKind,
            options: q.options.join('\n'),
            required: q.required,
          })),
        }))
      : [blankSection()],
  );
  const max = Math.min(10, Math.max(2, Number(scaleMax) || 5));

  const updateSection = (i: number, change: Partial<DraftSection>) =>
    setSections((all) => all.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const updateQuestion = (i: number, k: number, change: Partial<DraftQuestion>) =>
    setSections((all) =>
      all.map((s, j) => (j === i ? { ...s, questions: s.questions.map((q, l) => (l === k ? { ...q, ...change } : q)) } : s)),
    );

  const labelsFor: Record<string, string> = { name: b.name, description: b.description };
  sections.forEach((s, i) => {
    labelsFor[`definition.sections.${i}.title`] = `${fmt(b.sectionLegend, { n: i + 1 })}: ${b.sectionTitle}`;
    s.questions.forEach((_, k) => {
      const where = fmt(b.questionLegend, { n: k + 1, section: i + 1 });
      labelsFor[`definition.sections.${i}.questions.${k}.text`] = `${where}: ${b.questionText}`;
      labelsFor[`definition.sections.${i}.questions.${k}.options`] = `${where}: ${b.options}`;
    });
  });

  const definition = () => ({
    scale: useScale ? { min: 1, max, labels: Array.from({ length: max }, (_, i) => labels[i]?.trim() || String(i + 1)) } : null,
    sections: sections.map((s) => ({
      key: s.key,
      title: s.title,
      questions: s.questions.map((q) => ({
        key: q.key,
        text: q.text,
        answerKind: q.answerKind,
        required: q.required,
        options:
          q.answerKind === 'single' || q.answerKind === 'multiple'
            ? q.options
                .split('\n')
                .map((o) => o.trim())
                .filter(Boolean)
            : [],
      })),
    })),
  });

  return (
    <SaveForm
      form={form}
      onCancel={onCancel}
      submitLabel={b.save}
      save={{
        item: template,
        create: { schema: TemplateInputSchema, path: `/networks/${networkId}/survey-templates` },
        update: { schema: TemplateUpdateSchema, path: `/survey-templates/${template?.id}` },
        input: { name, description, definition: definition() },
        labels: labelsFor,
        done: onSaved,
      }}
    >
      <TextField state={form} name="name" label={b.name} value={name} onChange={setName} required />
      <TextField state={form} name="description" label={b.description} value={description} onChange={setDescription} multiline rows={2} />
      <Checkbox label={b.useScale} checked={useScale} onChange={(e) => setUseScale(e.target.checked)} />
      {useScale && (
        <>
          <TextField state={form} name="definition.scale.max" label={b.scaleMax} value={scaleMax} onChange={setScaleMax} />
          {Array.from({ length: max }, (_, i) => (
            <TextField
              key={i}
              state={form}
              name={`definition.scale.labels.${i}`}
              label={fmt(b.scaleLabel, { step: i + 1 })}
              value={labels[i] ?? ''}
              onChange={(v) => setLabels((all) => Object.assign([...all], { [i]: v }))}
            />
          ))}
        </>
      )}
      {sections.map((s, i) => (
        <Fieldset key={s.key} className="dr-survey-builder-section">
          <Fieldset.Legend>{fmt(b.sectionLegend, { n: i + 1 })}</Fieldset.Legend>
          <TextField
            state={form}
            name={`definition.sections.${i}.title`}
            label={b.sectionTitle}
            value={s.title}
            onChange={(title) => updateSection(i, { title })}
            required
          />
          {s.questions.map((q, k) => (
            <Fieldset key={q.key} className="dr-survey-builder-question">
              <Fieldset.Legend>{fmt(b.questionLegend, { n: k + 1, section: i + 1 })}</Fieldset.Legend>
              <TextField
                state={form}
                name={`definition.sections.${i}.questions.${k}.text`}
                label={b.questionText}
                value={q.text}
                onChange={(text) => updateQuestion(i, k, { text })}
                required
              />
              <SelectField
                state={form}
                name={`definition.sections.${i}.questions.${k}.answerKind`}
                label={b.kind}
                value={q.answerKind}
                onChange={(kind) => updateQuestion(i, k, { answerKind: kind as QuestionKind })}
              >
                {QUESTION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {sm.kinds[kind]}
                  </option>
                ))}
              </SelectField>
              {(q.answerKind === 'single' || q.answerKind === 'multiple') && (
                <TextField
                  state={form}
                  name={`definition.sections.${i}.questions.${k}.options`}
                  label={b.options}
                  value={q.options}
                  onChange={(options) => updateQuestion(i, k, { options })}
                  multiline
                  rows={4}
                />
              )}
              <Checkbox label={b.required} checked={q.required} onChange={(e) => updateQuestion(i, k, { required: e.target.checked })} />
              {s.questions.length > 1 && (
                <RowAction onClick={() => updateSection(i, { questions: s.questions.filter((_, l) => l !== k) })}>
                  {fmt(b.removeQuestion, { n: k + 1 })}
                </RowAction>
              )}
            </Fieldset>
          ))}
          <ButtonRow>
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() => updateSection(i, { questions: [...s.questions, blankQuestion()] })}
            >
              {fmt(b.addQuestion, { n: i + 1 })}
            </Button>
            {sections.length > 1 && (
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => setSections((all) => all.filter((_, j) => j !== i))}>
                {fmt(b.removeSection, { n: i + 1 })}
              </Button>
            )}
          </ButtonRow>
        </Fieldset>
      ))}
      <ButtonRow>
        <Button type="button" variant="secondary" onClick={() => setSections((all) => [...all, blankSection()])}>
          {b.addSection}
        </Button>
      </ButtonRow>
    </SaveForm>
  );
}
