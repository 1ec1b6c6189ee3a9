import type { AgendaItem, CaseDocument, Meeting } from '../../../shared/meetings/schema.ts';
import { MEETING_TERMS } from '../../../shared/meetings/terms.ts';
import { exemptTitle } from '../../../shared/publicAccess/schema.ts';
import { hasDecision, isMeetingPublished, itemMinutesPublished, minutesPublished } from '../publicAccess/index.ts';
import type { BodyWithNetwork } from '../meetings/index.ts';
import type { NoarkDocument, NoarkFile, NoarkMeeting, NoarkRegistration, Screening } from './noark.ts';
import { nameUuid } from './xml.ts';

/**
 * A meeting as Noark 5 records, for the archive or for the public, decided here in one place:
 *
 * - `archive`: everything the meeting holds. An exempt case, and an exempt document, carry `skjerming` with the legal
 *   basis as recorded; the summons and the minutes carry partial screening when they name exempt cases. Archives keep
 *   exempt material, so nothing is left out.
 * - `public` (the form eInnsyn takes): only what the public pages show (publicAccess/visibility.ts). An exempt case is
 *   its number, its public title («*****» for screened words, or «Unntatt offentlighet, jf. …») and its legal basis,
 *   with no document; an exempt or removed document is left out; a decision only once the minutes are out.
 *
 * The files themselves (rendered and stored for the archive, public addresses for the public) come from `files`.
 */

export type RecordView = 'archive' | 'public';

export interface MeetingSource {
  meeting: Meeting;
  body: BodyWithNetwork;
  /** Persisted facts the Meeting does not carry. */
  row: { isPublic: boolean; createdAt: Date; deletedAt: Date | null; summonsPublishedAt: Date | null };
  /** The meeting's number in its body's year (1, 2 …), and its neighbours in the body's plan. */
  ordinal: number;
  previousMeetingId: string | null;
  nextMeetingId: string | null;
  /** Who made the meeting and who approved its minutes, and who registered each case and when (by case id), as the audit log has it. */
  createdBy: string | null;
  closedBy: string | null;
  caseCreated: Map<string, { by: string | null; at: Date }>;
  /** By agenda item: the items of the same case before this body in earlier meetings (a postponed case). */
  earlierItemIds: Map<string, string[]>;
}

export interface RecordFiles {
  summons(): Promise<NoarkFile>;
  casePaper(item: AgendaItem): Promise<NoarkFile>;
  attachment(item: AgendaItem, document: CaseDocument): Promise<NoarkFile>;
  minutes(): Promise<NoarkFile>;
}

export interface RecordContext {
  view: RecordView;
  /** The archive part the records go into (referanseArkivdel). */
  partId: string;
  archivedAt: Date;
  archivedBy: string;
  files: RecordFiles;
}

const terms = MEETING_TERMS.nb;

const SCREENED_TITLE = ['tittel', 'beskrivelse'];

function caseScreening(basis: string | null, metadata: string[], document?: Screening['document']): Screening {
  return { restriction: 'Unntatt offentlighet', basis: basis ?? 'Ikke oppgitt', metadata, ...(document ? { document } : {}) };
}

/** A whole meeting whose minutes are out: decided and noted items carry their decision. */
const minutesOut = (source: MeetingSource) =>
  minutesPublished({ status: source.meeting.status, writtenProcedure: source.meeting.writtenProcedure, deletedAt: source.row.deletedAt });

/** «Møte i Vesterålen regionråds arbeidsutvalg 25.03.2022». */
export function meetingTitle(bodyName: string, date: string, writtenProcedure: boolean): string {
  const day = date.split('-').reverse().join('.');
  return writtenProcedure ? `Skriftlig behandling i ${bodyName} ${day}` : `Møte i ${bodyName} ${day}`;
}

/** Whether the summons went out as a document (a meeting held in writing sends its papers with the procedure). */
const hasSummons = (source: MeetingSource) => source.row.summonsPublishedAt !== null && !source.meeting.writtenProcedure;

/** Whether the meeting has minutes to archive or publish. */
const hasMinutes = (source: MeetingSource, view: RecordView) =>
  view === 'archive' ? source.meeting.status === 'minutesApproved' || source.meeting.writtenProcedure : minutesOut(source);

export async function meetingRecord(source: MeetingSource, ctx: RecordContext): Promise<NoarkMeeting> {
  const { meeting, body } = source;
  const { view } = ctx;
  if (view === 'public' && !isMeetingPublished(source.row)) throw new Error('a meeting that is not published has no public record');
  const network = body.networkName;
  const year = meeting.date.slice(0, 4);
  const title = meetingTitle(body.name, meeting.date, meeting.writtenProcedure);
  const closedAt = meeting.minutesApprovedAt ? new Date(meeting.minutesApprovedAt) : null;
  const people = (name: string | null) => (view === 'archive' && name ? name : network);
  const registrations: NoarkRegistration[] = [];
  const anyExempt = meeting.items.filter((i) => i.exemptFromPublic);
  const bases = [...new Set(anyExempt.map((i) => i.exemptLegalBasis ?? 'Ikke oppgitt'))].join('; ');

  const base = (id: string, createdAt: Date, createdBy: string) => ({
    id,
    createdAt,
    createdBy,
    archivedAt: ctx.archivedAt,
    archivedBy: ctx.archivedBy,
    unit: network,
    officer: network,
    remarks: [],
    fromRegistrations: [],
    caseNumber: null,
    caseType: null,
    status: null,
    description: null,
    screening: null,
  });

  if (hasSummons(source)) {
    const id = nameUuid('moeteregistrering', 'innkalling', meeting.id);
    const file = await ctx.files.summons();
    const summonsTitle = `Innkalling til ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
    registrations.push({
      ...base(id, source.row.summonsPublishedAt!, people(source.createdBy)),
      registrationType: 'Møteinnkalling',
      title: summonsTitle,
      publicTitle: summonsTitle,
      documents: [
        document(id, 'innkalling', {
          type: 'Møteinnkalling',
          title: summonsTitle,
          role: 'Hoveddokument',
          number: 1,
          createdAt: source.row.summonsPublishedAt!,
          createdBy: file.createdBy,
          // The summons as the members got it names the exempt cases (title and legal basis, no paper).
          screening: view === 'archive' && anyExempt.length > 0 ? caseScreening(bases, ['tittel'], 'Deler av dokumentet') : null,
          file,
        }),
      ],
    });
  }

  for (const item of meeting.items) {
    const exempt = item.exemptFromPublic;
    const publicTitle = exempt ? (item.publicTitle ?? exemptTitle(item.exemptLegalBasis)) : item.title;
    const decided = hasDecision(item.outcome) && item.decision ? item.decision : null;
    const decisionShown =
      view === 'archive'
        ? decided
        : !exempt && itemMinutesPublished({ ...meeting, deletedAt: source.row.deletedAt }, item)
          ? decided
          : null;
    const documents: NoarkDocument[] = [];
    const screenedCase = exempt ? caseScreening(item.exemptLegalBasis, SCREENED_TITLE, 'Hele dokumentet') : null;
    if (view === 'archive' || !exempt) {
      if (item.casePaper.trim() || item.recommendation.trim()) {
        const file = await ctx.files.casePaper(item);
        documents.push(
          document(item.id, 'saksframlegg', {
            type: 'Saksframlegg',
            title: `Saksframlegg ${item.number} ${view === 'public' ? publicTitle : item.title}`.trim(),
            role: 'Hoveddokument',
            number: documents.length + 1,
            // The paper went out with the summons (a case added later, when it was added).
            createdAt: source.row.summonsPublishedAt ?? source.row.createdAt,
            createdBy: file.createdBy,
            screening: view === 'archive' ? screenedCase : null,
            file,
          }),
        );
      }
      for (const attachment of item.documents) {
        const screened = exempt || attachment.exemptFromPublic;
        if (view === 'public' && screened) continue;
        const file = await ctx.files.attachment(item, attachment);
        documents.push(
          document(item.id, attachment.id, {
            type: 'Vedlegg',
            title: attachment.fileName,
            role: documents.length === 0 ? 'Hoveddokument' : 'Vedlegg',
            number: documents.length + 1,
            createdAt: new Date(attachment.createdAt),
            createdBy: file.createdBy,
            screening:
              view === 'archive' && screened
                ? attachment.exemptFromPublic
                  ? caseScreening(attachment.exemptLegalBasis, ['tittel'], 'Hele dokumentet')
                  : screenedCase
                : null,
            file,
          }),
        );
      }
    }
    registrations.push({
      ...base(
        item.id,
        source.caseCreated.get(item.caseId)?.at ?? source.row.createdAt,
        people(source.caseCreated.get(item.caseId)?.by ?? source.createdBy),
      ),
      registrationType: 'Møtesak',
      screening: exempt ? caseScreening(item.exemptLegalBasis, SCREENED_TITLE) : null,
      documents,
      caseNumber: item.number || null,
      title: view === 'archive' ? item.title : publicTitle,
      publicTitle,
      description: decisionShown,
      remarks:
        view === 'archive' && item.closedBasis
          ? [
              {
                text: `Behandlet for lukkede dører, jf. ${item.closedBasis}.`,
                date: closedAt ?? ctx.archivedAt,
                by: people(source.closedBy),
              },
            ]
          : [],
      caseType: terms.caseTypes[item.type],
      status:
        view === 'archive' || itemMinutesPublished({ ...meeting, deletedAt: source.row.deletedAt }, item)
          ? terms.outcomes[item.outcome]
          : null,
      officer: view === 'archive' ? (item.caseOfficerName ?? network) : network,
      fromRegistrations: view === 'archive' ? (source.earlierItemIds.get(item.id) ?? []) : [],
    });
  }

  if (hasMinutes(source, view)) {
    const id = nameUuid('moeteregistrering', 'protokoll', meeting.id);
    const file = await ctx.files.minutes();
    const minutesTitle = `Protokoll fra ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
    const screenedParts = meeting.items.some((i) => i.exemptFromPublic || i.closedBasis);
    const closedBases = [...new Set(meeting.items.flatMap((i) => (i.closedBasis ? [i.closedBasis] : [])))];
    registrations.push({
      ...base(id, closedAt ?? file.createdAt, people(source.closedBy)),
      registrationType: 'Møteprotokoll',
      title: minutesTitle,
      publicTitle: minutesTitle,
      documents: [
        document(id, 'protokoll', {
          type: 'Møteprotokoll',
          title: minutesTitle,
          role: 'Hoveddokument',
          number: 1,
          createdAt: closedAt ?? file.createdAt,
          createdBy: file.createdBy,
          screening:
            view === 'archive' && screenedParts
              ? caseScreening([bases, ...closedBases].filter(Boolean).join('; '), ['tittel', 'beskrivelse'], 'Deler av dokumentet')
              : null,
          file,
        }),
      ],
    });
  }

  const participants =
    view === 'archive' || minutesOut(source)
      ? meeting.attendees.filter((a) => a.status === 'present').map((a) => ({ name: a.name, role: terms.roles[a.role] }))
      : [];
  return {
    id: meeting.id,
    folderId: `${body.shortCode ?? body.name} ${source.ordinal}/${year}`,
    title,
    publicTitle: title,
    createdAt: source.row.createdAt,
    createdBy: people(source.createdBy),
    // A meeting not yet closed gets eInnsyn's own placeholder for «not closed» (its examples use 2100-01-01).
    closedAt: closedAt ?? (meeting.status === 'held' && meeting.writtenProcedure ? new Date(meeting.updatedAt) : OPEN_UNTIL),
    closedBy: closedAt || meeting.writtenProcedure ? people(source.closedBy) : 'N/A',
    number: `${source.ordinal}/${year}`,
    body: body.shortCode ? `${body.name} (${body.shortCode})` : body.name,
    date: meeting.date,
    place: meeting.writtenProcedure ? 'Skriftlig behandling' : (meeting.place ?? (meeting.remoteLink ? 'Digitalt møte' : null)),
    previousMeetingId: source.previousMeetingId,
    nextMeetingId: source.nextMeetingId,
    participants,
    registrations,
  };
}

/** eInnsyn marks a meeting folder that is not yet closed with this date. */
export const OPEN_UNTIL = new Date('2100-01-01T00:00:00.000Z');

function document(ownerId: string, key: string, fields: Omit<NoarkDocument, 'id' | 'objectId'>): NoarkDocument {
  const id = nameUuid('dokumentbeskrivelse', ownerId, key);
  return { id, objectId: nameUuid('dokumentobjekt', id), ...fields };
}
