import { z } from 'zod';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { invalidField, notFound } from '../../errors.ts';
import { IsoDate, Id } from '../../../shared/common.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { exemptTitle } from '../../../shared/publicAccess/schema.ts';
import { renderSummonsPdf } from '../documents/index.ts';
import { findBody, loadMeeting, summonsDocument, type BodyWithNetwork, type MeetingRow } from '../meetings/index.ts';
import { isMeetingPublished } from '../publicAccess/index.ts';
import { today } from '../network/index.ts';
import { renderCasePaperPdf } from './documents.ts';
import { archiveEnd, archiveStart, bodyEnd, bodyStart, meetingXml, type NoarkArchive, type NoarkFile } from './noark.ts';
import { meetingRecord, OPEN_UNTIL } from './records.ts';
import * as repo from './repo.ts';
import { nameUuid } from './xml.ts';

/**
 * Published meetings in the shape eInnsyn takes meeting records in (../shared/reference/einnsyn: a moetemappe with a
 * moeteregistrering per case), written by the same builder as the archive extract (records.ts, noark.ts) in its
 * public view: what the public pages show and nothing else. The host municipality fetches it per meeting or for a
 * period and forwards it to eInnsyn; the documents are referred to by their public addresses.
 */

/** At most a year and a day in one file, so one request stays a few megabytes. */
export const MAX_PERIOD_DAYS = 366;

export const EinnsynPeriodQuery = z.object({ from: IsoDate, to: IsoDate, body: Id.optional() }).superRefine((value, ctx) => {
  if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'dateOrder' });
});
export type EinnsynPeriodInput = z.infer<typeof EinnsynPeriodQuery>;

export const einnsynMeetingPath = (meetingId: string) => `/api/public/meetings/${meetingId}/einnsyn`;
export const publicSummonsPath = (meetingId: string) => `/api/public/meetings/${meetingId}/summons`;
export const publicCasePaperPath = (itemId: string) => `/api/public/agenda-items/${itemId}/case-paper`;

const RENDERED_ON_REQUEST = { format: 'PDF/A', formatDetails: 'PDF/A-2 (ISO 19005-2), lagd av Digiregion når den hentes' };

async function publishedMeeting(db: DbOrTx, meetingId: string) {
  const meeting = await repo.findMeeting(db, meetingId);
  if (!meeting || !isMeetingPublished(meeting)) throw notFound();
  return { meeting, body: (await findBody(db, meeting.bodyId))! };
}

async function publicArchive(db: DbOrTx, networkId: string, title: string, period: { from: string; to: string }): Promise<NoarkArchive> {
  const network = (await repo.findNetwork(db, networkId))!;
  const host = await repo.hostMunicipality(db, network.id, today());
  return {
    id: network.id,
    title: `${network.name}: møter`,
    description: network.description,
    createdAt: network.createdAt,
    createdBy: network.name,
    // Neither the archive nor the public part is ever closed: eInnsyn's own examples mark that with 2100-01-01.
    closedAt: OPEN_UNTIL,
    closedBy: 'N/A',
    creatorId: host?.organizationNumber ?? network.slug,
    creatorName: host ? `${network.name} (vertskommune ${host.name})` : network.name,
    partId: nameUuid('einnsyn', network.id),
    partTitle: title,
    partDescription: 'Publiserte møter med saksliste, vedtak og offentlige dokumenter, til eInnsyn.',
    partStatus: 'Aktiv periode',
    periodFrom: period.from,
    periodTo: period.to,
    classificationId: nameUuid('klassifikasjonssystem', network.id, 'organer'),
  };
}

/** One published meeting's moetemappe, in its body's klasse. */
async function publicMeetingXml(
  db: DbOrTx,
  publicUrl: string,
  meeting: MeetingRow,
  body: BodyWithNetwork,
  partId: string,
  sequence: Awaited<ReturnType<typeof repo.publishedSequence>>,
) {
  const full = await loadMeeting(db, meeting, body);
  const position = sequence.get(meeting.id) ?? { ordinal: 1, previousId: null, nextId: null };
  const rendered = (path: string, createdAt: Date): NoarkFile => ({
    reference: `${publicUrl}${path}`,
    ...RENDERED_ON_REQUEST,
    createdAt,
    createdBy: body.networkName,
    sha256: null,
    size: null,
  });
  const record = await meetingRecord(
    {
      meeting: full,
      body,
      row: meeting,
      ordinal: position.ordinal,
      previousMeetingId: position.previousId,
      nextMeetingId: position.nextId,
      createdBy: null,
      closedBy: null,
      caseCreated: new Map(),
      earlierItemIds: new Map(),
    },
    {
      view: 'public',
      partId,
      archivedAt: meeting.summonsPublishedAt!,
      archivedBy: body.networkName,
      files: {
        summons: async () => rendered(publicSummonsPath(meeting.id), meeting.summonsPublishedAt!),
        casePaper: async (item) => rendered(publicCasePaperPath(item.id), meeting.summonsPublishedAt!),
        minutes: async () =>
          rendered(`/api/public/meetings/${meeting.id}/minutes?format=pdf`, meeting.minutesApprovedAt ?? meeting.updatedAt),
        // Uploaded files are stored as they came: their size and checksum are known and stay true.
        attachment: async (_item, document) => ({
          reference: `${publicUrl}/api/public/documents/${document.id}`,
          format: document.contentType === 'application/pdf' ? 'PDF' : document.fileName.split('.').pop()!.toUpperCase(),
          formatDetails: document.contentType,
          createdAt: new Date(document.createdAt),
          createdBy: body.networkName,
          sha256: document.sha256,
          size: document.size,
        }),
      },
    },
  );
  return meetingXml(record, partId);
}

/** The eInnsyn form of one published meeting. */
export async function meetingEinnsyn(ctx: RequestContext, meetingId: string, publicUrl: string): Promise<string> {
  const { meeting, body } = await publishedMeeting(ctx.db, meetingId);
  const archive = await publicArchive(ctx.db, body.networkId, `Møte i ${body.name} ${meeting.date}`, {
    from: meeting.date,
    to: meeting.date,
  });
  const sequence = await repo.publishedSequence(ctx.db, [body.id]);
  return (
    archiveStart(archive) +
    bodyStart({
      id: body.id,
      classId: body.shortCode ?? body.name,
      title: body.name,
      createdAt: body.createdAt,
      createdBy: body.networkName,
    }) +
    (await publicMeetingXml(ctx.db, publicUrl, meeting, body, archive.partId, sequence)) +
    bodyEnd() +
    archiveEnd(null)
  );
}

/**
 * The eInnsyn form of a network's published meetings in a period, one body's when given: checked and chosen first,
 * then written a meeting at a time as the answer streams.
 */
export async function periodEinnsyn(
  ctx: RequestContext,
  slug: string,
  input: EinnsynPeriodInput,
  publicUrl: string,
): Promise<{ fileName: string; chunks: AsyncGenerator<string> }> {
  const network = await repo.findNetworkBySlug(ctx.db, slug);
  if (!network) throw notFound();
  const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000;
  if (days > MAX_PERIOD_DAYS) throw invalidField('to', 'periodTooLong', { max: MAX_PERIOD_DAYS });
  if (input.body && !(await repo.findBodyOfNetwork(ctx.db, network.id, input.body))) throw invalidField('body', 'invalid');
  const rows = await repo.publishedMeetings(ctx.db, network.id, { bodyId: input.body, from: input.from, to: input.to });
  const bodyIds = [...new Set(rows.map((m) => m.bodyId))];
  const bodyList: BodyWithNetwork[] = [];
  for (const id of bodyIds) bodyList.push((await findBody(ctx.db, id))!);
  bodyList.sort((a, b) => compareNorwegian(a.name, b.name));
  const sequence = await repo.publishedSequence(ctx.db, bodyIds);
  const archive = await publicArchive(ctx.db, network.id, `Møter i ${network.name} ${input.from}–${input.to}`, input);
  const db = ctx.db;
  async function* chunks() {
    yield archiveStart(archive);
    for (const body of bodyList) {
      yield bodyStart({
        id: body.id,
        classId: body.shortCode ?? body.name,
        title: body.name,
        createdAt: body.createdAt,
        createdBy: body.networkName,
      });
      for (const meeting of rows.filter((m) => m.bodyId === body.id))
        yield await publicMeetingXml(db, publicUrl, meeting, body, archive.partId, sequence);
      yield bodyEnd();
    }
    yield archiveEnd(
      bodyList.length === 0
        ? {
            id: nameUuid('klasse', network!.id, 'ingen'),
            classId: 'Ingen',
            title: 'Ingen publiserte møter i perioden',
            createdAt: network!.createdAt,
            createdBy: network!.name,
          }
        : null,
    );
  }
  return { fileName: `einnsyn-${network.slug}-${input.from}-${input.to}.xml`, chunks: chunks() };
}

/**
 * The summons as the public may read it, what the eInnsyn form refers to: the members' copy leaves out an exempt
 * case's paper but names the case; here it has its public title too, as on the public pages.
 */
export async function publicSummonsFile(ctx: RequestContext, meetingId: string) {
  const { meeting, body } = await publishedMeeting(ctx.db, meetingId);
  if (meeting.writtenProcedure) throw notFound();
  const full = await loadMeeting(ctx.db, meeting, body);
  const document = summonsDocument(full, body, true);
  document.items = document.items.map((entry, index) => {
    const item = full.items[index]!;
    return item.exemptFromPublic
      ? { ...entry, title: item.publicTitle ?? exemptTitle(item.exemptLegalBasis), casePaper: '', recommendation: '' }
      : entry;
  });
  return {
    body: await renderSummonsPdf(document),
    fileName: `innkalling-${body.shortCode ?? 'møte'}-${meeting.date}.pdf`,
    contentType: 'application/pdf',
  };
}

/** A public case's paper and recommendation as a PDF; 404 for an exempt case, or one without either. */
export async function publicCasePaperFile(ctx: RequestContext, itemId: string) {
  const meetingRow = await repo.findItemMeeting(ctx.db, itemId);
  if (!meetingRow) throw notFound();
  const { meeting, body } = await publishedMeeting(ctx.db, meetingRow.id);
  const full = await loadMeeting(ctx.db, meeting, body);
  const item = full.items.find((i) => i.id === itemId);
  if (!item || item.exemptFromPublic || !(item.casePaper.trim() || item.recommendation.trim())) throw notFound();
  return {
    body: await renderCasePaperPdf(item, full, body),
    fileName: `saksframlegg-${(item.number || 'sak').replace('/', '-')}.pdf`,
    contentType: 'application/pdf',
  };
}
