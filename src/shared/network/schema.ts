import { z } from 'zod';
import { checkDateOrder, Email, Id, IsoDate, MunicipalityNumber, OptionalText, Text, Version } from '../common.ts';

export const BODY_KINDS = [
  'steeringGroup',
  'workingCommittee',
  'chiefExecutivesCouncil',
  'regionalCouncil',
  'workingGroup',
  'resourceGroup',
  'referenceGroup',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const BODY_ROLES = ['chair', 'viceChair', 'member', 'deputy', 'secretary', 'observer'] as const;
export type BodyRole = (typeof BODY_ROLES)[number];

/** Full vote, or the right to speak and propose only (møte- og forslagsrett). */
export const VOTING_RIGHTS = ['vote', 'speakAndPropose'] as const;
export type VotingRight = (typeof VOTING_RIGHTS)[number];

export const WRITTEN_STANDARDS = ['bokmal', 'nynorsk', 'neutral'] as const;
export type WrittenStandard = (typeof WRITTEN_STANDARDS)[number];

const Slug = z
  .string()
  .trim()
  .min(2, { error: 'required' })
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'format' });

/** Competence tags are free text, kept lower-case and unique so a search finds them all. */
const Competences = z
  .array(z.string().trim().toLowerCase().min(1).max(60))
  .max(30)
  .transform((tags) => [...new Set(tags)]);

// ---------- municipalities ----------
export const MunicipalityUpdateSchema = z.object({
  writtenStandard: z.enum(WRITTEN_STANDARDS, { error: 'choice' }).nullable(),
  version: Version,
});
export type MunicipalityUpdateInput = z.infer<typeof MunicipalityUpdateSchema>;

export const MunicipalityListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  county: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});

export const MunicipalitySchema = z.object({
  number: z.string(),
  name: z.string(),
  countyNumber: z.string(),
  countyName: z.string(),
  population: z.number().int(),
  populationYear: z.number().int(),
  /** Organisasjonsnummer in Enhetsregisteret; null where the reference data has none. */
  organizationNumber: z.string().nullable(),
  writtenStandard: z.enum(WRITTEN_STANDARDS).nullable(),
  validTo: z.string().nullable(),
  version: z.number().int(),
});
export type Municipality = z.infer<typeof MunicipalitySchema>;

// ---------- networks ----------
export const NetworkCreateSchema = z.object({
  name: Text(120),
  shortName: OptionalText(40),
  slug: Slug,
  description: OptionalText(4000),
  umbrellaId: Id.nullish(),
});
export type NetworkCreateInput = z.infer<typeof NetworkCreateSchema>;

export const NetworkUpdateSchema = NetworkCreateSchema.partial().extend({ version: Version });
export type NetworkUpdateInput = z.infer<typeof NetworkUpdateSchema>;

export const NetworkSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  umbrellaId: z.string().nullable(),
  memberCount: z.number().int(),
  population: z.number().int(),
});
export type NetworkSummary = z.infer<typeof NetworkSummarySchema>;

export const NetworkMemberSchema = z.object({
  id: z.string(),
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  countyName: z.string(),
  population: z.number().int(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  isHost: z.boolean(),
  isCurrent: z.boolean(),
  version: z.number().int(),
});
export type NetworkMember = z.infer<typeof NetworkMemberSchema>;

export const BodySummarySchema = z.object({
  id: z.string(),
  networkId: z.string(),
  kind: z.enum(BODY_KINDS),
  name: z.string(),
  shortCode: z.string().nullable(),
  memberCount: z.number().int(),
});
export type BodySummary = z.infer<typeof BodySummarySchema>;

export const NetworkOverviewSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  description: z.string().nullable(),
  umbrella: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  children: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() })),
  members: z.array(NetworkMemberSchema),
  host: z.object({ number: z.string(), name: z.string() }).nullable(),
  population: z.number().int(),
  bodies: z.array(BodySummarySchema),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type NetworkOverview = z.infer<typeof NetworkOverviewSchema>;

// ---------- network membership (deltakerkommune) ----------
export const MemberCreateSchema = z
  .object({
    municipalityNumber: MunicipalityNumber,
    joinedOn: IsoDate,
    leftOn: IsoDate.nullish(),
    isHost: z.boolean().default(false),
  })
  .superRefine(checkDateOrder('joinedOn', 'leftOn'));
export type MemberCreateInput = z.infer<typeof MemberCreateSchema>;

export const MemberUpdateSchema = z
  .object({
    joinedOn: IsoDate.optional(),
    leftOn: IsoDate.nullish(),
    isHost: z.boolean().optional(),
    version: Version,
  })
  .superRefine(checkDateOrder('joinedOn', 'leftOn'));
export type MemberUpdateInput = z.infer<typeof MemberUpdateSchema>;

// ---------- people ----------
export const PersonCreateSchema = z.object({
  networkId: Id,
  name: Text(120),
  email: Email.nullish().or(z.literal('').transform(() => null)),
  phone: OptionalText(40),
  title: OptionalText(120),
  municipalityNumber: MunicipalityNumber.nullish(),
  competences: Competences.default([]),
});
export type PersonCreateInput = z.infer<typeof PersonCreateSchema>;

export const PersonUpdateSchema = PersonCreateSchema.omit({ networkId: true }).partial().extend({ version: Version });
export type PersonUpdateInput = z.infer<typeof PersonUpdateSchema>;

export const PeopleQuery = z.object({
  q: z.string().trim().max(100).optional(),
  competence: z.string().trim().toLowerCase().max(60).optional(),
  municipalityNumber: MunicipalityNumber.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PeopleQueryInput = z.infer<typeof PeopleQuery>;

export const PersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  municipalityNumber: z.string().nullable(),
  municipalityName: z.string().nullable(),
  competences: z.array(z.string()),
  homeNetworkId: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof PersonSchema>;

export const PeoplePageSchema = z.object({ total: z.number().int(), items: z.array(PersonSchema) });
export type PeoplePage = z.infer<typeof PeoplePageSchema>;

export const CompetenceCountSchema = z.object({ competence: z.string(), count: z.number().int() });

// ---------- bodies ----------
export const DEPUTY_SUMMONS = ['information', 'called'] as const;
/**
 * A body's notice period: how many days before a meeting its summons is due. A week unless the body's mandate or
 * rules of procedure say otherwise; at most 60 days, as no body summons further ahead than that.
 */
export const SUMMONS_NOTICE_DAYS = { default: 7, min: 0, max: 60 } as const;
export const BodyCreateSchema = z.object({
  kind: z.enum(BODY_KINDS, { error: 'choice' }),
  name: Text(160),
  shortCode: OptionalText(12),
  /** Markdown; rendered without raw HTML. */
  mandate: OptionalText(20000),
  /** Deputies get the summons for information (the default) or are called in with the members. */
  deputySummons: z.enum(DEPUTY_SUMMONS, { error: 'choice' }).optional(),
  /** Days before a meeting its summons is due; 7 when left out. */
  summonsNoticeDays: z
    .number({ error: 'type' })
    .int({ error: 'type' })
    .min(SUMMONS_NOTICE_DAYS.min)
    .max(SUMMONS_NOTICE_DAYS.max)
    .optional(),
});
export type BodyCreateInput = z.infer<typeof BodyCreateSchema>;

export const BodyUpdateSchema = BodyCreateSchema.partial().extend({ version: Version });
export type BodyUpdateInput = z.infer<typeof BodyUpdateSchema>;

export const BodyMembershipCreateSchema = z
  .object({
    personId: Id,
    role: z.enum(BODY_ROLES, { error: 'choice' }),
    deputyForId: Id.nullish(),
    votingRight: z.enum(VOTING_RIGHTS, { error: 'choice' }).default('vote'),
    municipalityNumber: MunicipalityNumber.nullish(),
    fromDate: IsoDate,
    toDate: IsoDate.nullish(),
  })
  .superRefine(checkDateOrder('fromDate', 'toDate'));
export type BodyMembershipCreateInput = z.infer<typeof BodyMembershipCreateSchema>;

export const BodyMembershipUpdateSchema = z
  .object({
    role: z.enum(BODY_ROLES, { error: 'choice' }).optional(),
    deputyForId: Id.nullish(),
    votingRight: z.enum(VOTING_RIGHTS, { error: 'choice' }).optional(),
    municipalityNumber: MunicipalityNumber.nullish(),
    fromDate: IsoDate.optional(),
    toDate: IsoDate.nullish(),
    version: Version,
  })
  .superRefine(checkDateOrder('fromDate', 'toDate'));
export type BodyMembershipUpdateInput = z.infer<typeof BodyMembershipUpdateSchema>;

export const BodyMembershipSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  personTitle: z.string().nullable(),
  role: z.enum(BODY_ROLES),
  deputyForId: z.string().nullable(),
  deputyForName: z.string().nullable(),
  votingRight: z.enum(VOTING_RIGHTS),
  municipalityNumber: z.string().nullable(),
  municipalityName: z.string().nullable(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  isCurrent: z.boolean(),
  version: z.number().int(),
});
export type BodyMembership = z.infer<typeof BodyMembershipSchema>;

export const BodySchema = z.object({
  id: z.string(),
  networkId: z.string(),
  networkSlug: z.string(),
  networkName: z.string(),
  kind: z.enum(BODY_KINDS),
  name: z.string(),
  shortCode: z.string().nullable(),
  mandate: z.string().nullable(),
  deputySummons: z.enum(DEPUTY_SUMMONS),
  summonsNoticeDays: z.number().int(),
  memberships: z.array(BodyMembershipSchema),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Body = z.infer<typeof BodySchema>;

export const MunicipalityDetailSchema = MunicipalitySchema.extend({
  networks: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      joinedOn: z.string(),
      leftOn: z.string().nullable(),
      isHost: z.boolean(),
    }),
  ),
});
export type MunicipalityDetail = z.infer<typeof MunicipalityDetailSchema>;
