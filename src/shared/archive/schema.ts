import { z } from 'zod';
import { Id, IsoDate } from '../common.ts';
import { MEETING_STATUSES } from '../meetings/schema.ts';

/**
 * The archive module's contract: Noark 5 extracts (arkivuttrekk) of a network's meetings, what each meeting's
 * extraction state is, and the verification of an extract's tar.
 */

/** Queued when asked for, running while the job builds it, then ready (downloadable) or failed. */
export const ARCHIVE_EXTRACT_STATUSES = ['queued', 'running', 'ready', 'failed'] as const;
export type ArchiveExtractStatus = (typeof ARCHIVE_EXTRACT_STATUSES)[number];

/**
 * What to extract: one body or every body of the network (`bodyId` null), the meetings of a period, or only those no
 * earlier extract holds («since the last extract», `onlyNew`), within the period when one is given.
 */
export const ArchiveExtractCreateSchema = z
  .object({
    bodyId: Id.nullable().default(null),
    from: IsoDate.nullable().default(null),
    to: IsoDate.nullable().default(null),
    onlyNew: z.boolean({ error: 'type' }).default(false),
  })
  .superRefine((value, ctx) => {
    if (!value.onlyNew) {
      if (!value.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'required' });
      if (!value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'required' });
    }
    // Compared only when both are dates: a bad `from` is reported once, on itself.
    const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
    if (isDate(value.from) && isDate(value.to) && value.to! < value.from!)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'dateOrder' });
  });
export type ArchiveExtractCreateInput = z.infer<typeof ArchiveExtractCreateSchema>;

export const ArchiveExtractSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  networkId: z.string(),
  bodyId: z.string().nullable(),
  bodyName: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  onlyNew: z.boolean(),
  status: z.enum(ARCHIVE_EXTRACT_STATUSES),
  createdAt: z.string(),
  createdByName: z.string(),
  finishedAt: z.string().nullable(),
  failure: z.string().nullable(),
  meetingCount: z.number().int(),
  /** The counts the extract's ADDML states, once ready. */
  folderCount: z.number().int().nullable(),
  registrationCount: z.number().int().nullable(),
  documentCount: z.number().int().nullable(),
  documentFileCount: z.number().int().nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  fileName: z.string(),
  /** The tar, once ready. */
  downloadUrl: z.string().nullable(),
});
export type ArchiveExtract = z.infer<typeof ArchiveExtractSchema>;

export const ArchiveMeetingsQuery = z.object({
  bodyId: Id.optional(),
  year: z.coerce.number({ error: 'type' }).int({ error: 'type' }).min(1900).max(2200).optional(),
});

/** A meeting as the archive page lists it: whether it can go into an extract, and whether and when it went. */
export const ArchiveMeetingSchema = z.object({
  meetingId: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  date: z.string(),
  writtenProcedure: z.boolean(),
  status: z.enum(MEETING_STATUSES),
  /** Minutes approved (or, held in writing, the procedure closed): the meeting is finished and may be archived. */
  archivable: z.boolean(),
  /** The first ready extract that holds it. */
  extractedAt: z.string().nullable(),
  extractId: z.string().nullable(),
  /** In an extract that is queued or being built. */
  inProgress: z.boolean(),
});
export type ArchiveMeeting = z.infer<typeof ArchiveMeetingSchema>;

/** One problem the verification found: the file it is about (a path in the tar) and what is wrong. */
export const VerificationProblemSchema = z.object({ path: z.string().nullable(), message: z.string() });

export const VerificationSchema = z.object({
  ok: z.boolean(),
  /** Files in the tar, and of them the documents under `dokumenter/`. */
  files: z.number().int(),
  documentFiles: z.number().int(),
  /** What arkivstruktur.xml holds, counted while reading it. */
  counts: z.object({
    folders: z.number().int(),
    registrations: z.number().int(),
    documents: z.number().int(),
    documentObjects: z.number().int(),
  }),
  problems: z.array(VerificationProblemSchema),
});
export type Verification = z.infer<typeof VerificationSchema>;
