import { z } from 'zod';
import { OptionalText, Text, Version } from '../common.ts';
import { PHASES } from './projects.ts';

/**
 * Lessons learned (erfaringslogg): what happened in a project, what was learned and what to do next time, tagged by
 * the phase it belongs to and the network's focus areas. The network's portfolio readers find all of their own
 * network's lessons; a lesson marked shareable is found by the portfolio readers of every network as well.
 */

/** The decision points at which the project model asks for the lessons: closing the execution (BP4) and the project (BP5). */
export const LESSON_DECISION_POINTS = ['bp4', 'bp5'] as const;

const FocusAreaKey = z.string().regex(/^[a-z0-9-]{1,40}$/, { error: 'invalid' });

// ---------- inputs ----------
export const LessonInputSchema = z.object({
  title: Text(200),
  /** What happened. */
  happened: Text(4000),
  /** What we learned. */
  learned: Text(4000),
  /** What to do next time. */
  nextTime: OptionalText(4000),
  /** The phase the lesson belongs to; the project's phase when it was recorded unless told otherwise. */
  phase: z.enum(PHASES, { error: 'choice' }).optional(),
  /** Focus area keys of the network's strategy; the project's own unless told otherwise. */
  focusAreaKeys: z.array(FocusAreaKey).max(30).optional(),
  /** Found by the other networks' portfolio readers too. Not shared unless told. */
  shareable: z.boolean({ error: 'type' }).optional(),
});
export type LessonInput = z.infer<typeof LessonInputSchema>;

export const LessonUpdateSchema = LessonInputSchema.partial().extend({ version: Version });
export type LessonUpdateInput = z.infer<typeof LessonUpdateSchema>;

/** `q`: words as in a web search (`«felles innkjøp» -microsoft`); `focusAreas`: keys, comma-separated, any of them. */
export const LessonSearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  phase: z.enum(PHASES, { error: 'choice' }).optional(),
  focusAreas: z
    .string()
    .max(400)
    .optional()
    .transform((s) => (s ? s.split(',').filter((k) => k !== '') : []))
    .pipe(z.array(FocusAreaKey).max(30)),
  /** `network`: the network's own lessons only; `all` (the default): its own and the shareable ones of the others. */
  scope: z.enum(['network', 'all'], { error: 'choice' }).default('all'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type LessonSearch = z.infer<typeof LessonSearchQuery>;

// ---------- answers ----------
export const LessonSchema = z.object({
  id: z.string(),
  title: z.string(),
  happened: z.string(),
  learned: z.string(),
  nextTime: z.string().nullable(),
  phase: z.enum(PHASES),
  focusAreas: z.array(z.object({ key: z.string(), title: z.string() })),
  shareable: z.boolean(),
  project: z.object({ id: z.string(), reference: z.string(), title: z.string() }),
  network: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  /** Whether the lesson is of the network the question was asked in (else another network's shareable one). */
  ownNetwork: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Lesson = z.infer<typeof LessonSchema>;

export const LessonSearchResultSchema = z.object({
  lessons: z.array(LessonSchema),
  /** Whether more matched than `limit`. */
  more: z.boolean(),
});
export type LessonSearchResult = z.infer<typeof LessonSearchResultSchema>;
