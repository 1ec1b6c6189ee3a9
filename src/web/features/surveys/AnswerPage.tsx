import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { AnswerSaveSchema, type Answers, type ResponseForm } from '../../../shared/mapping/surveys.ts';
import { api, useApi } from '../../app/api.ts';
import { errorFor, FailureAlert, FormErrorSummary, SuccessMessage, TextField, useForm, type FormState } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { ButtonRow, LoadState } from '../../app/ui.tsx';
import { useSurveyMessages, type SurveyMessages } from './messages.ts';
import './surveys.css';

type Definition = ResponseForm['definition'];
type Question = Definition['sections'][number]['questions'][number];

/** A message that takes focus when it appears, so it is read out. */
function Announce({ children, color }: { children: ReactNode; color: 'success' | 'warning' | 'info' }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="status">
      <Alert data-color={color}>{children}</Alert>
    </div>
  );
}

/** `/svar/:token`: a respondent answers a survey through the personal link from the e-mail, without logging in. */
export function AnswerPage() {
  const sm = useSurveyMessages();
  const { m } = useI18n();
  const { token = '' } = useParams();
  const path = `/survey-answers/${encodeURIComponent(token)}`;
  const form = useApi<ResponseForm>(path);
  const title = form.data ? form.data.roundName : form.error ? sm.answer.title : m.common.loading;
  return (
    <Page title={title}>
      {form.error?.status === 404 ? (
        <Alert data-color="warning">
          <Paragraph>{sm.answer.invalid}</Paragraph>
        </Alert>
      ) : form.error?.code === 'invalid_state' ? (
        <Alert data-color="warning">
          <Paragraph>{sm.answer.expired}</Paragraph>
        </Alert>
      ) : (
        <LoadState loaded={form}>
          {(data) => <AnswerForm path={path} data={data} onSaved={form.setData} onReload={form.reload} />}
        </LoadState>
      )}
    </Page>
  );
}

function AnswerForm({
  path,
  data,
  onSaved,
  onReload,
}: {
  path: string;
  data: ResponseForm;
  onSaved: (data: ResponseForm) => void;
  onReload: () => void;
}) {
  const sm = useSurveyMessages();
  const { m, date, dateTime } = useI18n();
  const form = useForm();
  const [answers, setAnswers] = useState<Answers>(data.answers);
  // Number fields keep what was typed, so a half-typed number is not lost or reformatted.
  const [numbers, setNumbers] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(data.answers).flatMap(([k, v]) => (typeof v === 'number' ? [[k, String(v)]] : []))),
  );
  const [justSubmitted, setJustSubmitted] = useState(false);
  const numberKeys = new Set(
    data.definition.sections.flatMap((s) => s.questions.filter((q) => q.answerKind === 'number').map((q) => q.key)),
  );

  const set = (key: string, value: Answers[string]) => setAnswers((a) => ({ ...a, [key]: value }));

  const save = (submit: boolean) => {
    const input: Answers = {};
    for (const [key, value] of Object.entries(answers)) if (!numberKeys.has(key)) input[key] = value;
    for (const [key, raw] of Object.entries(numbers)) {
      const text = raw.trim().replace(',', '.');
      input[key] = text === '' ? null : Number.isFinite(Number(text)) ? Number(text) : raw;
    }
    void form.submit({
      schema: AnswerSaveSchema,
      input: { answers: input, submit },
      labels: {},
      send: (body) => api<ResponseForm>(path, { method: 'PUT', body }),
      done: (next) => {
        onSaved(next);
        if (submit) {
          setJustSubmitted(true);
          return;
        }
        return sm.answer.saved;
      },
    });
  };

  const intro = (
    <Paragraph>
      {fmt(sm.answer.intro, {
        name: data.respondentName,
        network: data.networkName,
        municipality: data.municipalityName,
        deadline: date(data.deadline),
      })}
    </Paragraph>
  );

  if (!data.open) {
    return (
      <div className="dr-stack">
        {justSubmitted ? (
          <Announce color="success">{sm.answer.submittedNow}</Announce>
        ) : data.submittedAt ? (
          <Alert data-color="info">{fmt(sm.answer.submitted, { when: dateTime(data.submittedAt) })}</Alert>
        ) : (
          <Alert data-color="warning">{sm.answer.closed}</Alert>
        )}
        {intro}
        <ReadOnlyAnswers definition={data.definition} answers={data.answers} />
      </div>
    );
  }

  return (
    <form
      className="dr-form dr-survey-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save(true);
      }}
    >
      {intro}
      <Paragraph data-size="sm">{sm.answer.howTo}</Paragraph>
      <FormErrorSummary form={form} />
      {form.failure?.code === 'invalid_state' ? (
        <Alert data-color="warning" role="alert">
          <Paragraph>{sm.answer.stateChanged}</Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={onReload}>
            {m.common.reload}
          </Button>
        </Alert>
      ) : (
        <FailureAlert error={form.failure} onReload={onReload} />
      )}
      <SuccessMessage message={form.success} />
      {data.definition.sections.map((section) => (
        <section key={section.key} className="dr-stack" aria-labelledby={`section-${section.key}`}>
          <Heading level={2} data-size="sm" id={`section-${section.key}`}>
            {section.title}
          </Heading>
          {section.description && <Paragraph data-size="sm">{section.description}</Paragraph>}
          {section.questions.map((q) => (
            <QuestionInput
              key={q.key}
              form={form}
              question={q}
              scale={data.definition.scale}
              value={answers[q.key] ?? null}
              numberText={numbers[q.key] ?? ''}
              onChange={(value) => set(q.key, value)}
              onNumber={(text) => setNumbers((n) => ({ ...n, [q.key]: text }))}
              sm={sm}
            />
          ))}
        </section>
      ))}
      <ButtonRow>
        <Button type="button" variant="secondary" disabled={form.saving} onClick={() => save(false)}>
          {sm.answer.save}
        </Button>
        <Button type="submit" disabled={form.saving}>
          {sm.answer.submit}
        </Button>
      </ButtonRow>
    </form>
  );
}

function QuestionInput({
  form,
  question: q,
  scale,
  value,
  numberText,
  onChange,
  onNumber,
  sm,
}: {
  form: FormState;
  question: Question;
  scale: Definition['scale'];
  value: Answers[string];
  numberText: string;
  onChange: (value: Answers[string]) => void;
  onNumber: (text: string) => void;
  sm: SurveyMessages;
}) {
  const path = `answers.${q.key}`;
  const error = errorFor(form, path);
  const legend = q.required ? `${q.text} (${sm.answer.required})` : q.text;
  const name = `q-${q.key}`;

  if (q.answerKind === 'number' || q.answerKind === 'text') {
    return (
      <TextField
        state={form}
        name={path}
        label={legend}
        description={q.help ?? undefined}
        value={q.answerKind === 'number' ? numberText : typeof value === 'string' ? value : ''}
        onChange={(text) => (q.answerKind === 'number' ? onNumber(text) : onChange(text))}
        multiline={q.answerKind === 'text'}
        rows={3}
      />
    );
  }

  const steps: Array<{ value: number | string; label: string }> =
    q.answerKind === 'scale' && scale
      ? Array.from({ length: scale.max - scale.min + 1 }, (_, i) => {
          const step = scale.min + i;
          const label = scale.labels[i];
          return { value: step, label: label ? `${step} – ${label}` : String(step) };
        })
      : q.options.map((o) => ({ value: o, label: o }));

  return (
    <Fieldset className="dr-survey-question">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {q.help && <Fieldset.Description>{q.help}</Fieldset.Description>}
      {q.answerKind === 'multiple'
        ? steps.map((step, i) => {
            const chosen = Array.isArray(value) ? value : [];
            return (
              <Checkbox
                key={String(step.value)}
                id={i === 0 ? form.id(path) : undefined}
                name={name}
                value={String(step.value)}
                label={step.label}
                checked={chosen.includes(String(step.value))}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, String(step.value)] : chosen.filter((c) => c !== String(step.value)))
                }
              />
            );
          })
        : [
            ...steps.map((step, i) => (
              <Radio
                key={String(step.value)}
                id={i === 0 ? form.id(path) : undefined}
                name={name}
                value={String(step.value)}
                label={step.label}
                checked={value === step.value}
                onChange={() => onChange(step.value)}
              />
            )),
            ...(q.required
              ? []
              : [
                  <Radio
                    key="none"
                    name={name}
                    value=""
                    label={sm.answer.none}
                    checked={value === null || value === undefined}
                    onChange={() => onChange(null)}
                  />,
                ]),
          ]}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

/** What the respondent handed in, question by question. */
function ReadOnlyAnswers({ definition, answers }: { definition: Definition; answers: Answers }) {
  const sm = useSurveyMessages();
  const { number } = useI18n();
  const show = (q: Question): string => {
    const value = answers[q.key];
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return sm.answer.noAnswer;
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'number' && q.answerKind === 'scale') {
      const label = definition.scale?.labels[value - definition.scale.min];
      return label ? `${value} – ${label}` : String(value);
    }
    return typeof value === 'number' ? number(value) : value;
  };
  return (
    <>
      {definition.sections.map((section) => (
        <section key={section.key} className="dr-stack" aria-labelledby={`read-${section.key}`}>
          <Heading level={2} data-size="sm" id={`read-${section.key}`}>
            {section.title}
          </Heading>
          <dl className="dr-survey-answers">
            {section.questions.map((q) => (
              <div key={q.key}>
                <dt>{q.text}</dt>
                <dd className="dr-pre-line">{show(q)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
