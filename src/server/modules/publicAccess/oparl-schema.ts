import { z } from 'zod';

/**
 * The OParl 1.1 objects this API serves, as zod schemas: the response schemas of the routes (the
 * serializer keeps only the keys named here) and their documentation at /api/docs. The shapes follow
 * the OParl 1.1 JSON schemas; what OParl has no field for is an extension prefixed `digiregion:`, with
 * eInnsyn's names where the two meet (moetemappe ≈ Meeting, moetesak ≈ AgendaItem, vedtak, votering).
 */

export const OPARL_VERSION = 'https://schema.oparl.org/1.1/';
export const oparlType = (name: string) => `https://schema.oparl.org/1.1/${name}`;

const Url = z.string();
const DateTime = z.string();
const common = {
  id: Url,
  type: z.string(),
  created: DateTime.optional(),
  modified: DateTime.optional(),
  web: Url.optional(),
  deleted: z.boolean().optional(),
  license: z.string().optional(),
  keyword: z.array(z.string()).optional(),
};

export const OparlSystemSchema = z.object({
  ...common,
  oparlVersion: z.string(),
  body: Url,
  name: z.string(),
  website: Url.optional(),
  contactEmail: z.string().optional(),
  contactName: z.string().optional(),
});

export const OparlLegislativeTermSchema = z.object({
  ...common,
  body: Url.optional(),
  name: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
});

export const OparlBodySchema = z.object({
  ...common,
  system: Url.optional(),
  name: z.string().optional(),
  shortName: z.string().optional(),
  website: Url.optional(),
  classification: z.string().optional(),
  organization: Url.optional(),
  person: Url.optional(),
  meeting: Url.optional(),
  paper: Url.optional(),
  agendaItem: Url.optional(),
  consultation: Url.optional(),
  file: Url.optional(),
  membership: Url.optional(),
  legislativeTerm: z.array(OparlLegislativeTermSchema).optional(),
});

export const OparlOrganizationSchema = z.object({
  ...common,
  body: Url.optional(),
  name: z.string().optional(),
  shortName: z.string().optional(),
  membership: z.array(Url).optional(),
  meeting: Url.optional(),
  organizationType: z.string().optional(),
  classification: z.string().optional(),
  'digiregion:kind': z.string().optional(),
  'digiregion:mandate': z.string().nullable().optional(),
});

export const OparlMembershipSchema = z.object({
  ...common,
  person: Url.optional(),
  organization: Url.optional(),
  role: z.string().optional(),
  votingRight: z.boolean().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  'digiregion:role': z.string().optional(),
  'digiregion:municipalityNumber': z.string().nullable().optional(),
  'digiregion:municipalityName': z.string().nullable().optional(),
  'digiregion:deputyFor': Url.nullable().optional(),
});

export const OparlPersonSchema = z.object({
  ...common,
  body: Url.optional(),
  name: z.string().optional(),
  status: z.array(z.string()).optional(),
  membership: z.array(OparlMembershipSchema).optional(),
});

export const OparlFileSchema = z.object({
  ...common,
  name: z.string().optional(),
  fileName: z.string().optional(),
  mimeType: z.string().optional(),
  date: z.string().optional(),
  size: z.number().int().optional(),
  accessUrl: Url.optional(),
  downloadUrl: Url.optional(),
  paper: z.array(Url).optional(),
  agendaItem: z.array(Url).optional(),
  'digiregion:sha256Checksum': z.string().optional(),
});

export const OparlLocationSchema = z.object({ ...common, description: z.string().optional(), meetings: z.array(Url).optional() });

const OparlVoteSchema = z.object({
  kind: z.enum(['unanimous', 'counts', 'roll']),
  for: z.number().int().nullable(),
  against: z.number().int().nullable(),
  blank: z.number().int().nullable(),
  /** eInnsyn's Votering: one entry per member in a roll-call vote. */
  votering: z.array(z.object({ moetedeltaker: z.string(), person: Url.nullable(), stemme: z.enum(['Ja', 'Nei', 'Blankt']) })),
});

export const OparlAgendaItemSchema = z.object({
  ...common,
  meeting: Url.optional(),
  number: z.string().optional(),
  order: z.number().int().optional(),
  name: z.string().optional(),
  public: z.boolean().optional(),
  consultation: Url.optional(),
  result: z.string().optional(),
  resolutionText: z.string().optional(),
  auxiliaryFile: z.array(OparlFileSchema).optional(),
  'digiregion:moetesak': z
    .object({
      moetesakstype: z.string(),
      moetesaksaar: z.number().int().nullable(),
      moetesakssekvensnummer: z.number().int().nullable(),
      utvalg: z.string(),
    })
    .optional(),
  'digiregion:exemptLegalBasis': z.string().nullable().optional(),
  'digiregion:closedBasis': z.string().nullable().optional(),
  'digiregion:outcome': z.string().optional(),
  /** eInnsyn's Vedtak: the decision text and its date. */
  'digiregion:vedtak': z.object({ dato: z.string() }).nullable().optional(),
  /** Behandling (eInnsyn: behandlingsprotokoll). */
  'digiregion:deliberation': z.string().nullable().optional(),
  'digiregion:proposals': z.array(z.object({ proposedBy: z.string(), text: z.string(), result: z.string().nullable() })).optional(),
  'digiregion:vote': OparlVoteSchema.nullable().optional(),
  'digiregion:protocolRemarks': z.array(z.object({ authorName: z.string(), person: Url.nullable(), text: z.string() })).optional(),
});

export const OparlMeetingSchema = z.object({
  ...common,
  name: z.string().optional(),
  meetingState: z.string().optional(),
  cancelled: z.boolean().optional(),
  start: DateTime.optional(),
  end: DateTime.optional(),
  location: OparlLocationSchema.optional(),
  organization: z.array(Url).optional(),
  participant: z.array(Url).optional(),
  agendaItem: z.array(OparlAgendaItemSchema).optional(),
  'digiregion:moetemappe': z
    .object({ moetedato: z.string(), moetested: z.string().nullable(), utvalg: z.string(), utvalgKode: z.string().nullable() })
    .optional(),
  'digiregion:writtenProcedure': z.boolean().optional(),
  'digiregion:status': z.string().optional(),
  /** When the summons went out and the minutes were approved: a copy (the history import) keeps the meeting's own dates. */
  'digiregion:summonsPublishedAt': z.string().nullable().optional(),
  'digiregion:minutesApprovedAt': z.string().nullable().optional(),
});

export const OparlConsultationSchema = z.object({
  ...common,
  paper: Url.optional(),
  agendaItem: Url.optional(),
  meeting: Url.optional(),
  organization: z.array(Url).optional(),
  authoritative: z.boolean().optional(),
  role: z.string().optional(),
  'digiregion:number': z.string().optional(),
  'digiregion:recommendation': z.string().nullable().optional(),
});

export const OparlPaperSchema = z.object({
  ...common,
  body: Url.optional(),
  name: z.string().optional(),
  reference: z.string().optional(),
  date: z.string().optional(),
  paperType: z.string().optional(),
  auxiliaryFile: z.array(OparlFileSchema).optional(),
  consultation: z.array(OparlConsultationSchema).optional(),
  'digiregion:caseType': z.string().optional(),
  'digiregion:exemptFromPublic': z.boolean().optional(),
  'digiregion:exemptLegalBasis': z.string().nullable().optional(),
  'digiregion:casePaper': z.string().nullable().optional(),
});

export type OparlSystem = z.infer<typeof OparlSystemSchema>;
export type OparlBody = z.infer<typeof OparlBodySchema>;
export type OparlOrganization = z.infer<typeof OparlOrganizationSchema>;
export type OparlMembership = z.infer<typeof OparlMembershipSchema>;
export type OparlPerson = z.infer<typeof OparlPersonSchema>;
export type OparlFile = z.infer<typeof OparlFileSchema>;
export type OparlLocation = z.infer<typeof OparlLocationSchema>;
export type OparlAgendaItem = z.infer<typeof OparlAgendaItemSchema>;
export type OparlMeeting = z.infer<typeof OparlMeetingSchema>;
export type OparlConsultation = z.infer<typeof OparlConsultationSchema>;
export type OparlPaper = z.infer<typeof OparlPaperSchema>;

/** An OParl list page: the objects, where the page stands, and the links to walk it. */
export const oparlListSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    pagination: z.object({
      totalElements: z.number().int(),
      elementsPerPage: z.number().int(),
      currentPage: z.number().int(),
      totalPages: z.number().int(),
    }),
    links: z.object({ first: Url, prev: Url.optional(), self: Url, next: Url.optional(), last: Url }),
  });

export const OPARL_PAGE_MAX = 500;

/** Paging and OParl's filters (modified_since and the others are date-times with an offset). */
export const OparlListQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  // 10 by default: a Meeting embeds its agenda items, so a page of 100 meetings is 2 MB and one of 10 about 200 kB.
  limit: z.coerce.number().int().min(1).max(OPARL_PAGE_MAX).default(10),
  created_since: z.iso.datetime({ offset: true, error: 'dateTime' }).optional(),
  created_until: z.iso.datetime({ offset: true, error: 'dateTime' }).optional(),
  modified_since: z.iso.datetime({ offset: true, error: 'dateTime' }).optional(),
  modified_until: z.iso.datetime({ offset: true, error: 'dateTime' }).optional(),
});
export type OparlListQueryInput = z.infer<typeof OparlListQuery>;
