import { z } from 'zod';
import { Email, Id, IsoDate, MunicipalityNumber, OptionalText, Text, Version } from '../common.ts';

/** scale: the template's 1–5 (or other) scale; single/multiple: choices; number; text: free text. */
export const QUESTION_KINDS = ['scale', 'single', 'multiple', 'number', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** The templates shipped with the platform; a network can also build its own. */
export const BUILT_IN_TEMPLATES = ['maturity', 'dialogueChannels', 'applicationInventory'] as const;
export type BuiltInTemplate = (typeof BUILT_IN_TEMPLATES)[number];

const Key = z
  .string()
  .trim()
  .min(1, { error: 'required' })
  .max(60)
  .regex(/^[a-z0-9][a-zA-Z0-9_-]*$/, { error: 'format' });

export const QuestionSchema = z
  .object({
    key: Key,
    text: Text(500),
    help: OptionalText(1000),
    answerKind: z.enum(QUESTION_KINDS, { error: 'choice' }),
    /** For single and multiple choice. */
    options: z.array(Text(200)).max(30).default([]),
    required: z.boolean().default(false),
  })
  .superRefine((q, ctx) => {
    if ((q.answerKind === 'single' || q.answerKind === 'multiple') && q.options.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'required' });
    }
  });
export type Question = z.infer<typeof QuestionSchema>;

/** A section; in the maturity survey each section is a dimension and gets its own score. */
export const SectionSchema = z.object({
  key: Key,
  title: Text(200),
  description: OptionalText(2000),
  questions: z.array(QuestionSchema).min(1, { error: 'required' }).max(60),
});

export const ScaleSchema = z.object({
  min: z.number().int().min(0).max(1),
  max: z.number().int().min(2).max(10),
  /** One label per step, from min to max. */
  labels: z.array(Text(120)).max(11),
});

export const SurveyDefinitionSchema = z
  .object({
    scale: ScaleSchema.nullable(),
    sections: z.array(SectionSchema).min(1, { error: 'required' }).max(30),
  })
  .superRefine((d, ctx) => {
    const keys = new Set<string>();
    d.sections.forEach((s, si) =>
      s.questions.forEach((q, qi) => {
        if (keys.has(q.key)) ctx.addIssue({ code: 'custom', path: ['sections', si, 'questions', qi, 'key'], message: 'duplicate' });
        keys.add(q.key);
        if (q.answerKind === 'scale' && !d.scale) ctx.addIssue({ code: 'custom', path: ['scale'], message: 'required' });
      }),
    );
  });
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;

/**
 * The definition as the API answers with it: the same shape without the input's trimming and defaults,
 * because a response schema is encoded, and a one-way transform cannot be.
 */
export const SurveyDefinitionOutSchema = z.object({
  scale: z.object({ min: z.number().int(), max: z.number().int(), labels: z.array(z.string()) }).nullable(),
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      description: z.string().nullish(),
      questions: z.array(
        z.object({
          key: z.string(),
          text: z.string(),
          help: z.string().nullish(),
          answerKind: z.enum(QUESTION_KINDS),
          options: z.array(z.string()),
          required: z.boolean(),
        }),
      ),
    }),
  ),
});

export const TemplateInputSchema = z.object({
  name: Text(200),
  description: OptionalText(4000),
  definition: SurveyDefinitionSchema,
});
export type TemplateInput = z.infer<typeof TemplateInputSchema>;
export const TemplateUpdateSchema = TemplateInputSchema.partial().extend({ version: Version });

/** Copies a template (typically a built-in one) into the network's own templates, to be edited there. */
export const TemplateCopySchema = z.object({ name: Text(200).optional() });

export const TemplateSchema = z.object({
  id: z.string(),
  /** Null for a template shipped with the platform. */
  networkId: z.string().nullable(),
  builtIn: z.enum(BUILT_IN_TEMPLATES).nullable(),
  name: z.string(),
  description: z.string().nullable(),
  definition: SurveyDefinitionOutSchema,
  version: z.number().int(),
});
export type Template = z.infer<typeof TemplateSchema>;

export const RespondentInputSchema = z.object({
  municipalityNumber: MunicipalityNumber,
  name: Text(120),
  email: Email,
});

export const RoundCreateSchema = z.object({
  templateId: Id,
  name: Text(200),
  deadline: IsoDate,
  /** Days before the deadline the job reminds those who have not answered; none when empty. */
  reminderDaysBefore: z.number().int().min(1).max(60).nullish(),
  respondents: z.array(RespondentInputSchema).max(500).default([]),
});
export type RoundCreateInput = z.infer<typeof RoundCreateSchema>;

export const RoundUpdateSchema = z.object({
  name: Text(200).optional(),
  deadline: IsoDate.optional(),
  reminderDaysBefore: z.number().int().min(1).max(60).nullish(),
  version: Version,
});

export const RespondentSchema = z.object({
  id: z.string(),
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  name: z.string(),
  email: z.string(),
  invitedAt: z.string().nullable(),
  lastRemindedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type Respondent = z.infer<typeof RespondentSchema>;

export const RoundSummarySchema = z.object({
  id: z.string(),
  networkId: z.string(),
  templateId: z.string(),
  name: z.string(),
  status: z.enum(ROUND_STATUSES),
  deadline: z.string(),
  reminderDaysBefore: z.number().int().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  respondentCount: z.number().int(),
  submittedCount: z.number().int(),
  version: z.number().int(),
});
export type RoundSummary = z.infer<typeof RoundSummarySchema>;

export const RoundSchema = RoundSummarySchema.extend({
  definition: SurveyDefinitionOutSchema,
  respondents: z.array(RespondentSchema),
});
export type Round = z.infer<typeof RoundSchema>;

/** An answer: a scale step or a number, a choice, several choices, or text. */
export const AnswerValue = z.union([z.number(), z.string().max(4000), z.array(z.string().max(200)).max(30)]).nullable();
export const AnswersSchema = z.record(z.string().max(60), AnswerValue);
export type Answers = z.infer<typeof AnswersSchema>;

/** The respondent's save: `submit` hands it in (required questions must then be answered). */
export const AnswerSaveSchema = z.object({ answers: AnswersSchema, submit: z.boolean().default(false) });

/** What a respondent sees through their personal link. */
export const ResponseFormSchema = z.object({
  roundName: z.string(),
  networkName: z.string(),
  municipalityName: z.string(),
  respondentName: z.string(),
  deadline: z.string(),
  status: z.enum(ROUND_STATUSES),
  definition: SurveyDefinitionOutSchema,
  answers: AnswersSchema,
  submittedAt: z.string().nullable(),
  /** Whether the link still takes answers: the round is open and the answers are not yet handed in. */
  open: z.boolean(),
});
export type ResponseForm = z.infer<typeof ResponseFormSchema>;

export const ScorecardSchema = z.object({
  roundId: z.string(),
  roundName: z.string(),
  previousRound: z.object({ id: z.string(), name: z.string() }).nullable(),
  sections: z.array(z.object({ key: z.string(), title: z.string() })),
  municipalities: z.array(
    z.object({
      number: z.string(),
      name: z.string(),
      respondents: z.number().int(),
      /** Mean of the scale answers per section; null where none was given. */
      scores: z.record(z.string(), z.number().nullable()),
      /** The change since the previous round of the same template, per section. */
      change: z.record(z.string(), z.number().nullable()),
    }),
  ),
  networkAverage: z.record(z.string(), z.number().nullable()),
  previousNetworkAverage: z.record(z.string(), z.number().nullable()).nullable(),
  /** Per question: counts per choice (single/multiple/scale), mean for numbers, texts for free text. */
  questions: z.array(
    z.object({
      key: z.string(),
      section: z.string(),
      text: z.string(),
      answerKind: z.enum(QUESTION_KINDS),
      answered: z.number().int(),
      counts: z.record(z.string(), z.number().int()).nullable(),
      mean: z.number().nullable(),
      texts: z.array(z.object({ municipalityNumber: z.string(), text: z.string() })).nullable(),
    }),
  ),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

/** Maturity per dimension per municipality over every closed or open round of a template. */
export const MaturityTrendSchema = z.object({
  rounds: z.array(
    z.object({ id: z.string(), name: z.string(), deadline: z.string(), networkAverage: z.record(z.string(), z.number().nullable()) }),
  ),
  sections: z.array(z.object({ key: z.string(), title: z.string() })),
  municipalities: z.array(
    z.object({ number: z.string(), name: z.string(), byRound: z.array(z.record(z.string(), z.number().nullable())) }),
  ),
});
export type MaturityTrend = z.infer<typeof MaturityTrendSchema>;

/** A query parameter that may be repeated (`?x=a&x=b`) or hold a comma-separated list (`?x=a,b`). */
const repeatable = (item: z.ZodString) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item))
    .optional();

/**
 * The results' filter, as the exports take it: the municipalities and the dimensions (scored sections, by key) to
 * show; none of either means all. The network average stays the whole network's.
 */
export const ResultsFilterQuery = z.object({
  municipality: repeatable(MunicipalityNumber),
  dimension: repeatable(Key),
});
export type ResultsFilter = z.infer<typeof ResultsFilterQuery>;
