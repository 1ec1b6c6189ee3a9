import { caseNumberOf } from '../../../shared/meetings/schema.ts';
import { changeStamp, stampedCache } from '../../db/change-counters.ts';
import { calendarEvent, renderPublicMinutes } from '../meetings/index.ts';
import type { RequestContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { renderIcs, type CalendarEvent } from '../documents/index.ts';
import type { FileStorage } from '../storage/index.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { attendanceMark, orderCalled } from '../../../shared/meetings/attendance.ts';
import {
  exemptTitle,
  type PublicBodyCalendar,
  type PublicMeeting,
  type PublicNetwork,
  type PublicSearchPage,
  type PublicSearchQueryInput,
} from '../../../shared/publicAccess/schema.ts';
import * as repo from './repo.ts';
import { searchDecisions } from './search.ts';
import { ballotPersonIds, presentBodyRef, presentItem, presentMeetingSummary, snippetParts } from './presenter.ts';
import { minutesPublished } from './visibility.ts';

export interface PublicLinks {
  /** Where people reach the web pages, e.g. https://digiregion.no. */
  publicUrl: string;
}

/** The calendar day in Norway. */
export function osloToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Every network with its bodies; each body with how many published meetings it has and the next one. */
export async function listNetworks(ctx: RequestContext): Promise<PublicNetwork[]> {
  const { networkRows, bodyRows } = await repo.listNetworksWithBodies(ctx.db, osloToday());
  return networkRows
    .map((n) => ({
      id: n.id,
      slug: n.slug,
      name: n.name,
      description: n.description,
      bodies: bodyRows
        .filter((b) => b.body.networkId === n.id)
        .map((b) => ({
          id: b.body.id,
          name: b.body.name,
          shortCode: b.body.shortCode,
          kind: b.body.kind,
          meetingCount: b.meetingCount,
          nextMeetingDate: b.nextMeetingDate,
        }))
        .sort((a, b) => compareNorwegian(a.name, b.name)),
    }))
    .sort((a, b) => compareNorwegian(a.name, b.name));
}

async function requireBody(ctx: RequestContext, bodyId: string) {
  const row = await repo.findBodyWithNetwork(ctx.db, bodyId);
  if (!row) throw notFound();
  return row;
}

export const calendarPath = (bodyId: string) => `/api/public/bodies/${bodyId}/calendar.ics`;

/** A body's meeting plan for one year: published meetings, and published ones since cancelled. */
export async function getBodyCalendar(
  ctx: RequestContext,
  bodyId: string,
  year: number | undefined,
  links: PublicLinks,
): Promise<PublicBodyCalendar> {
  const { body, network } = await requireBody(ctx, bodyId);
  const rows = await repo.listBodyMeetings(ctx.db, bodyId);
  const yearOf = (date: string) => Number(date.slice(0, 4));
  const years = [...new Set(rows.map((r) => yearOf(r.meeting.date)))].sort((a, b) => b - a);
  const thisYear = yearOf(osloToday());
  const shown = year ?? (years.includes(thisYear) ? thisYear : (years[0] ?? null));
  return {
    body: { ...presentBodyRef(body, network), mandate: body.mandate },
    years,
    year: shown,
    meetings: rows.filter((r) => yearOf(r.meeting.date) === shown).map((r) => presentMeetingSummary(r.meeting, r.itemCount)),
    calendarUrl: `${links.publicUrl}${calendarPath(bodyId)}`,
  };
}

/** A published meeting: agenda, public papers and documents, and the minutes once approved. A cancelled one has no agenda. */
export async function getMeeting(ctx: RequestContext, meetingId: string): Promise<PublicMeeting> {
  const found = await repo.findListedMeeting(ctx.db, meetingId);
  if (!found) throw notFound();
  const { meeting, body, network } = found;
  const cancelled = meeting.deletedAt !== null;
  const rows = cancelled ? [] : await repo.listItems(ctx.db, [meeting.id]);
  const documents = await repo.listPublicDocuments(
    ctx.db,
    rows.filter((r) => !r.case.exemptFromPublic).map((r) => r.case.id),
  );
  const names = await repo.personNames(ctx.db, ballotPersonIds(rows));
  const published = minutesPublished(meeting);
  const attendees = published ? await repo.listAttendees(ctx.db, meeting.id) : [];
  return {
    ...presentMeetingSummary(meeting, rows.length),
    body: presentBodyRef(body, network),
    summonsPublishedAt: meeting.summonsPublishedAt?.toISOString() ?? null,
    minutesApprovedAt: meeting.minutesApprovedAt?.toISOString() ?? null,
    items: rows.map((r) => presentItem(r, meeting, documents, names)),
    // In the summons' order, each marked as the minutes mark them: forfall, møter for …, til orientering.
    attendees: orderCalled(
      attendees.map((a) => ({
        ...a.attendee,
        name: a.name,
        municipalityName: a.municipalityName,
        deputyForName: a.deputyForName,
      })),
    ).map((a) => {
      const mark = attendanceMark(a);
      return {
        name: a.name,
        role: a.role,
        municipalityName: a.municipalityName,
        present: a.status === 'present',
        absent: mark?.kind === 'absent',
        forInformation: mark?.kind === 'forInformation',
        meetsFor: mark?.kind === 'meetsFor' ? mark.name : null,
      };
    }),
  };
}

/** The approved minutes as PDF or DOCX, exempt and closed content left out; 404 until they are published. */
export async function getMinutesFile(ctx: RequestContext, meetingId: string, format: 'pdf' | 'docx') {
  const found = await repo.findListedMeeting(ctx.db, meetingId);
  if (!found || !minutesPublished(found.meeting)) throw notFound();
  return renderPublicMinutes(ctx.db, found.meeting, format);
}

/** The bytes of a public document; 404 for anything exempt, deleted, or not yet published. */
export async function getDocumentFile(ctx: RequestContext, storage: FileStorage, documentId: string) {
  const document = await repo.findPublicDocument(ctx.db, documentId);
  if (!document) throw notFound();
  return { document, bytes: await storage.get(document.storageKey) };
}

/**
 * The body's meeting plan as a calendar feed: every published meeting (held in writing ones left out,
 * they have no time and place to go to), and published ones since cancelled as CANCELLED.
 * The event ids are those of the summons' invitations, so a subscribed calendar and an invitation agree.
 */
export async function renderBodyCalendar(
  ctx: RequestContext,
  bodyId: string,
  links: PublicLinks,
): Promise<{ body: string; fileName: string }> {
  const { body } = await requireBody(ctx, bodyId);
  const rows = (await repo.listBodyMeetings(ctx.db, bodyId)).filter((r) => !r.meeting.writtenProcedure);
  const items = await repo.listItems(
    ctx.db,
    rows.filter((r) => !r.meeting.deletedAt).map((r) => r.meeting.id),
  );
  const events: CalendarEvent[] = rows.map(({ meeting }) => {
    const agenda = items
      .filter((i) => i.item.meetingId === meeting.id)
      .map((i) =>
        `${caseNumberOf(i.consultation)} ${i.case.exemptFromPublic ? exemptTitle(i.case.exemptLegalBasis) : i.case.title}`.trim(),
      );
    const event = calendarEvent(meeting, body, links.publicUrl);
    return {
      ...event,
      description: meeting.deletedAt
        ? 'Møtet er avlyst.'
        : [agenda.length > 0 ? `Saksliste:\n${agenda.join('\n')}` : '', event.url].filter(Boolean).join('\n\n'),
      lastModified: latest([
        meeting.updatedAt,
        ...items.filter((i) => i.item.meetingId === meeting.id).flatMap((i) => [i.item.updatedAt, i.case.updatedAt]),
      ]),
    };
  });
  return {
    body: renderIcs(events, { name: `${body.name}: møteplan`, method: 'PUBLISH' }),
    fileName: `${body.shortCode ?? 'moteplan'}.ics`,
  };
}

const latest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));

/** Published decisions by Norwegian full text, ranked, with highlighted snippets. */
const searches = stampedCache<PublicSearchPage>(1000);

/**
 * The decision search, kept per instance until the published meetings change (db/change-counters.ts), unless
 * `cached` is off (SEARCH_CACHE=false: the benchmark measures what a query nobody asked before costs).
 */
export async function search(ctx: RequestContext, input: PublicSearchQueryInput, cached = true): Promise<PublicSearchPage> {
  if (!cached) return runSearch(ctx, input);
  return searches(JSON.stringify(input), await changeStamp(ctx, ['network', 'meetings']), () => runSearch(ctx, input));
}

async function runSearch(ctx: RequestContext, input: PublicSearchQueryInput): Promise<PublicSearchPage> {
  const { rows, total, totalCapped } = await searchDecisions(ctx.db, input);
  return {
    total,
    totalCapped,
    limit: input.limit,
    offset: input.offset,
    items: rows.map((r) => ({
      agendaItemId: r.item_id,
      meetingId: r.meeting_id,
      meetingDate: r.meeting_date,
      bodyId: r.body_id,
      bodyName: r.body_name,
      networkId: r.network_id,
      networkName: r.network_name,
      number: caseNumberOf(r),
      type: r.type,
      title: r.title,
      outcome: r.outcome,
      snippet: snippetParts(r.headline),
      rank: Number(r.rank),
    })),
  };
}
