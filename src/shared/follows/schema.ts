import { z } from 'zod';
import { Email } from '../common.ts';
import { LANGUAGES } from '../i18n/languages.ts';

/** What can be followed: a body's meetings, a project, a case's decisions, or a saved search among public decisions. */
export const FOLLOW_TARGET_KINDS = ['body', 'project', 'case', 'search'] as const;
export type FollowTargetKind = (typeof FOLLOW_TARGET_KINDS)[number];
/** An e-mail at once for each happening, or one digest a week. */
export const FOLLOW_DELIVERIES = ['immediate', 'weekly'] as const;
export type FollowDelivery = (typeof FOLLOW_DELIVERIES)[number];
export const FOLLOW_EVENT_KINDS = ['summonsSent', 'minutesPublished', 'caseDecided', 'projectDecided', 'statusReportPublished'] as const;
export type FollowEventKind = (typeof FOLLOW_EVENT_KINDS)[number];

/** A saved decision search: the public search's own filters, without paging. */
export const SavedSearch = z.object({
  q: z.string().trim().min(1, { error: 'required' }).max(200),
  network: z.string().trim().min(1).max(100).optional(),
  body: z.uuid({ error: 'invalid' }).optional(),
});
export type SavedSearchInput = z.infer<typeof SavedSearch>;

/** What to follow: a record by id, or a search. */
export const FollowTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('body'), id: z.uuid({ error: 'invalid' }) }),
  z.object({ kind: z.literal('project'), id: z.uuid({ error: 'invalid' }) }),
  z.object({ kind: z.literal('case'), id: z.uuid({ error: 'invalid' }) }),
  z.object({ kind: z.literal('search'), search: SavedSearch }),
]);
export type FollowTargetInput = z.infer<typeof FollowTarget>;

export const FollowCreateSchema = z.object({
  target: FollowTarget,
  delivery: z.enum(FOLLOW_DELIVERIES, { error: 'choice' }).default('immediate'),
});
export type FollowCreateInput = z.input<typeof FollowCreateSchema>;

/** Stops following (following again with another delivery changes only that: FollowCreateSchema). */
export const UnfollowSchema = z.object({ target: FollowTarget });
export type UnfollowInput = z.infer<typeof UnfollowSchema>;

/** A resident's subscription with only an e-mail address: only public things, confirmed by a link before anything is sent. */
export const SubscribeSchema = z.object({
  email: Email,
  target: FollowTarget,
  delivery: z.enum(FOLLOW_DELIVERIES, { error: 'choice' }).default('immediate'),
  language: z.enum(LANGUAGES, { error: 'choice' }).default('nb'),
});
export type SubscribeInput = z.input<typeof SubscribeSchema>;

/** Asks whether the account follows one thing (for the follow button). */
export const FollowLookupQuery = z.object({
  kind: z.enum(FOLLOW_TARGET_KINDS, { error: 'choice' }),
  id: z.uuid({ error: 'invalid' }).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  network: z.string().trim().min(1).max(100).optional(),
  body: z.uuid({ error: 'invalid' }).optional(),
});

export const FollowSchema = z.object({
  id: z.string(),
  target: z.object({
    kind: z.enum(FOLLOW_TARGET_KINDS),
    id: z.string().nullable(),
    search: SavedSearch.nullable(),
    /** What the account sees it as: the body's, project's or case's name, or the search's words. */
    title: z.string(),
    /** Where it is in the app. */
    path: z.string(),
  }),
  network: z.object({ slug: z.string(), name: z.string() }).nullable(),
  delivery: z.enum(FOLLOW_DELIVERIES),
  createdAt: z.string(),
  /** The Atom feed of what is public of it; null when nothing of it is public. */
  feedPath: z.string().nullable(),
});
export type Follow = z.infer<typeof FollowSchema>;

export const FollowStateSchema = z.object({ follow: FollowSchema.nullable() });
export type FollowState = z.infer<typeof FollowStateSchema>;

/** One thing that happened to something followed, as the reader may read it. */
export const FollowChangeSchema = z.object({
  followId: z.string(),
  kind: z.enum(FOLLOW_EVENT_KINDS),
  occurredAt: z.string(),
  title: z.string(),
  path: z.string(),
});
export type FollowChange = z.infer<typeof FollowChangeSchema>;

export const FollowChangesSchema = z.object({
  /** Changes after this moment (the visit before this one); null on a first visit (the last 14 days). */
  since: z.string().nullable(),
  changes: z.array(FollowChangeSchema),
});
export type FollowChanges = z.infer<typeof FollowChangesSchema>;

export const SubscribeAnswerSchema = z.object({ ok: z.literal(true) });
export const UnsubscribeAnswerSchema = z.object({ title: z.string() });
export type UnsubscribeAnswer = z.infer<typeof UnsubscribeAnswerSchema>;

/** How long a resident's unconfirmed subscription waits for its confirmation before it is deleted. */
export const PENDING_SUBSCRIPTION_DAYS = 7;
