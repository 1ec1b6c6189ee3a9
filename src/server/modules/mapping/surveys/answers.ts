import type { Answers, SurveyDefinition } from '../../../../shared/mapping/surveys.ts';
import { AppError, type FieldProblem } from '../../../errors.ts';

type Definition = Pick<SurveyDefinition, 'scale'> & {
  sections: Array<{
    questions: Array<
      Pick<SurveyDefinition['sections'][number]['questions'][number], 'key' | 'text' | 'answerKind' | 'options' | 'required'>
    >;
  }>;
};

const TEXT_MAX = 4000;

/** Whether a stored value counts as an answer (an empty text or an empty selection does not). */
export function isAnswered(value: Answers[string] | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Checks answers against the round's questions and returns them cleaned (texts trimmed, empty answers
 * dropped). Every problem is reported at `answers.<key>`, named by the question's own text, so the
 * respondent sees which question to fix. With `submit`, every required question must be answered.
 */
export function checkAnswers(definition: Definition, answers: Answers, submit: boolean): Answers {
  const questions = new Map(definition.sections.flatMap((s) => s.questions.map((q) => [q.key, q] as const)));
  const problems: Record<string, FieldProblem> = {};
  const clean: Answers = {};
  const problem = (key: string, field: string, p: FieldProblem) => {
    problems[`answers.${key}`] = { key: p.key, values: { ...p.values, field } };
  };

  for (const [key, value] of Object.entries(answers)) {
    const question = questions.get(key);
    if (!question) {
      problem(key, key, { key: 'invalid' });
      continue;
    }
    if (!isAnswered(value)) continue;
    const field = question.text;
    switch (question.answerKind) {
      case 'scale': {
        const scale = definition.scale;
        if (typeof value !== 'number' || !Number.isInteger(value) || !scale) problem(key, field, { key: 'type' });
        else if (value < scale.min) problem(key, field, { key: 'tooSmall', values: { min: scale.min } });
        else if (value > scale.max) problem(key, field, { key: 'tooBig', values: { max: scale.max } });
        else clean[key] = value;
        break;
      }
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) problem(key, field, { key: 'type' });
        else if (value < 0) problem(key, field, { key: 'tooSmall', values: { min: 0 } });
        else if (value > 1_000_000_000) problem(key, field, { key: 'tooBig', values: { max: 1_000_000_000 } });
        else clean[key] = value;
        break;
      case 'single':
        if (typeof value !== 'string' || !question.options.includes(value)) problem(key, field, { key: 'choice' });
        else clean[key] = value;
        break;
      case 'multiple':
        if (!Array.isArray(value) || value.some((v) => !question.options.includes(v)) || new Set(value).size !== value.length) {
          problem(key, field, { key: 'choice' });
        } else {
          // In the order the options are listed, whatever order they were ticked in.
          clean[key] = question.options.filter((o) => value.includes(o));
        }
        break;
      case 'text':
        if (typeof value !== 'string') problem(key, field, { key: 'type' });
        else if (value.trim().length > TEXT_MAX) problem(key, field, { key: 'tooLong', values: { max: TEXT_MAX } });
        else clean[key] = value.trim();
        break;
    }
  }

  if (submit) {
    for (const question of questions.values()) {
      if (question.required && !isAnswered(clean[question.key]) && !problems[`answers.${question.key}`]) {
        problem(question.key, question.text, { key: 'required' });
      }
    }
  }
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
  return clean;
}
