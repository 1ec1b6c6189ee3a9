import type { Answers, MaturityTrend, Scorecard, SurveyDefinition } from '../../../../shared/mapping/surveys.ts';
import { compareNorwegian } from '../../../../shared/text.ts';
import { isAnswered } from './answers.ts';

/** What the results are computed from: a round's questions and its handed-in answers. */
export interface RoundResponses {
  id: string;
  name: string;
  deadline: string;
  definition: Pick<SurveyDefinition, 'scale'> & {
    sections: Array<{
      key: string;
      title: string;
      questions: Array<{
        key: string;
        text: string;
        answerKind: SurveyDefinition['sections'][number]['questions'][number]['answerKind'];
        options: string[];
      }>;
    }>;
  };
  /** Every respondent of the round; only those with `submitted` count. */
  respondents: Array<{ municipalityNumber: string; municipalityName: string; submitted: boolean; answers: Answers }>;
}

type Scores = Record<string, number | null>;

/** Two decimals, as the scorecard shows them; computed from the unrounded means. */
const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The sections that get a score: those with at least one scale question. */
export function scoredSections(definition: RoundResponses['definition']) {
  return definition.sections.filter((s) => s.questions.some((q) => q.answerKind === 'scale')).map((s) => ({ key: s.key, title: s.title }));
}

/**
 * Each municipality's score per section, unrounded: the mean of its respondents' section means, where a
 * respondent's section mean is the mean of the scale answers they gave in it. So a municipality that sends
 * three respondents weighs as much as one that sends one, and a skipped statement lowers nothing.
 */
function municipalityScores(round: RoundResponses): Map<string, { name: string; respondents: number; scores: Scores }> {
  const sections = round.definition.sections.filter((s) => s.questions.some((q) => q.answerKind === 'scale'));
  const result = new Map<string, { name: string; respondents: number; perRespondent: Array<Record<string, number | null>> }>();
  for (const r of round.respondents) {
    const entry = result.get(r.municipalityNumber) ?? { name: r.municipalityName, respondents: 0, perRespondent: [] };
    result.set(r.municipalityNumber, entry);
    if (!r.submitted) continue;
    entry.respondents++;
    const own: Record<string, number | null> = {};
    for (const s of sections) {
      const values = s.questions
        .filter((q) => q.answerKind === 'scale')
        .map((q) => r.answers[q.key])
        .filter((v): v is number => typeof v === 'number');
      own[s.key] = mean(values);
    }
    entry.perRespondent.push(own);
  }
  return new Map(
    [...result].map(([number, e]) => [
      number,
      {
        name: e.name,
        respondents: e.respondents,
        scores: Object.fromEntries(
          sections.map((s) => [
            s.key,
            mean(e.perRespondent.map((p) => p[s.key]).filter((v): v is number => v !== null && v !== undefined)),
          ]),
        ),
      },
    ]),
  );
}

/** The network average per section: the mean of the municipalities' scores, each municipality counted once. */
function networkAverage(scores: Map<string, { scores: Scores }>, sectionKeys: string[]): Scores {
  return Object.fromEntries(
    sectionKeys.map((key) => [
      key,
      mean([...scores.values()].map((m) => m.scores[key]).filter((v): v is number => v !== null && v !== undefined)),
    ]),
  );
}

const difference = (now: number | null | undefined, before: number | null | undefined) =>
  now === null || now === undefined || before === null || before === undefined ? null : now - before;

/** A round's scorecard, with the change since `previous` (the round before it of the same template in the network). */
export function computeScorecard(round: RoundResponses, previous: RoundResponses | null): Scorecard {
  const sections = scoredSections(round.definition);
  const keys = sections.map((s) => s.key);
  const scores = municipalityScores(round);
  const average = networkAverage(scores, keys);
  const before = previous ? municipalityScores(previous) : null;
  const previousAverage = previous && before ? networkAverage(before, keys) : null;

  const municipalities = [...scores]
    .map(([number, m]) => ({
      number,
      name: m.name,
      respondents: m.respondents,
      scores: Object.fromEntries(keys.map((k) => [k, round2(m.scores[k] ?? null)])),
      change: Object.fromEntries(keys.map((k) => [k, round2(difference(m.scores[k], before?.get(number)?.scores[k]))])),
    }))
    .sort((a, b) => compareNorwegian(a.name, b.name));

  const submitted = round.respondents.filter((r) => r.submitted);
  const questions = round.definition.sections.flatMap((s) =>
    s.questions.map((q) => {
      const given = submitted.filter((r) => isAnswered(r.answers[q.key]));
      const values = given.map((r) => r.answers[q.key]);
      let counts: Record<string, number> | null = null;
      let average: number | null = null;
      let texts: Array<{ municipalityNumber: string; text: string }> | null = null;
      if (q.answerKind === 'scale' && round.definition.scale) {
        counts = {};
        for (let step = round.definition.scale.min; step <= round.definition.scale.max; step++) {
          counts[String(step)] = values.filter((v) => v === step).length;
        }
        average = round2(mean(values.filter((v): v is number => typeof v === 'number')));
      } else if (q.answerKind === 'single' || q.answerKind === 'multiple') {
        counts = Object.fromEntries(q.options.map((o) => [o, values.filter((v) => v === o || (Array.isArray(v) && v.includes(o))).length]));
      } else if (q.answerKind === 'number') {
        average = round2(mean(values.filter((v): v is number => typeof v === 'number')));
      } else {
        texts = given
          .map((r) => ({ municipalityNumber: r.municipalityNumber, name: r.municipalityName, text: String(r.answers[q.key]) }))
          .sort((a, b) => compareNorwegian(a.name, b.name))
          .map(({ municipalityNumber, text }) => ({ municipalityNumber, text }));
      }
      return { key: q.key, section: s.key, text: q.text, answerKind: q.answerKind, answered: given.length, counts, mean: average, texts };
    }),
  );

  return {
    roundId: round.id,
    roundName: round.name,
    previousRound: previous ? { id: previous.id, name: previous.name } : null,
    sections,
    municipalities,
    networkAverage: Object.fromEntries(keys.map((k) => [k, round2(average[k] ?? null)])),
    previousNetworkAverage: previousAverage ? Object.fromEntries(keys.map((k) => [k, round2(previousAverage[k] ?? null)])) : null,
    questions,
  };
}

/**
 * Maturity per section per municipality over a template's rounds (oldest first), against the network average.
 * Sections are matched by key; the newest round's titles name them.
 */
export function computeTrend(rounds: RoundResponses[]): MaturityTrend {
  const sections: Array<{ key: string; title: string }> = [];
  for (const round of [...rounds].reverse()) {
    for (const s of scoredSections(round.definition)) if (!sections.some((x) => x.key === s.key)) sections.push(s);
  }
  const keys = sections.map((s) => s.key);
  const perRound = rounds.map((round) => municipalityScores(round));
  const names = new Map<string, string>();
  perRound.forEach((scores) => scores.forEach((m, number) => names.set(number, m.name)));
  return {
    rounds: rounds.map((round, i) => {
      const average = networkAverage(perRound[i]!, keys);
      return {
        id: round.id,
        name: round.name,
        deadline: round.deadline,
        networkAverage: Object.fromEntries(keys.map((k) => [k, round2(average[k] ?? null)])),
      };
    }),
    sections,
    municipalities: [...names]
      .map(([number, name]) => ({
        number,
        name,
        byRound: perRound.map((scores) => Object.fromEntries(keys.map((k) => [k, round2(scores.get(number)?.scores[k] ?? null)]))),
      }))
      .sort((a, b) => compareNorwegian(a.name, b.name)),
  };
}
