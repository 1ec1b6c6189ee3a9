import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { RequestContext } from '../../context.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { archiveExtractFiles, archiveExtractMeetings, archiveExtracts, bodies, meetings } from '../../db/schema/index.ts';
import { invalidField, notFound, AppError } from '../../errors.ts';
import { PROJECT_ROOT } from '../../project-root.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import type { ArchiveExtract, ArchiveExtractCreateInput, ArchiveMeeting, Verification } from '../../../shared/archive/schema.ts';
import { recordAudit } from '../audit/index.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import { renderMinutesPdf, renderSummonsPdf } from '../documents/index.ts';
import { findBody, loadMeeting, minutesDocument, summonsDocument, type BodyWithNetwork } from '../meetings/index.ts';
import { requireNetwork, today } from '../network/index.ts';
import { assertBelongs, assertCan, inNetwork } from '../../access/index.ts';
import type { FileStorage } from '../storage/index.ts';
import { addmlXml } from './addml.ts';
import { changelogEnd, changelogStart, changeXml, meetingChanges, type Change } from './changelog.ts';
import { renderCasePaperPdf } from './documents.ts';
import { archiveEnd, archiveStart, bodyEnd, bodyStart, meetingXml, type NoarkFile, type NoarkMeeting } from './noark.ts';
import { packageSha256, packageSize, storeFile, StoredTextFile, tarChunks, type PackageFile } from './package.ts';
import { presentArchiveMeeting, presentExtract } from './presenter.ts';
import { meetingRecord } from './records.ts';
import * as repo from './repo.ts';
import { verifyTar } from './verify.ts';
import { nameUuid } from './xml.ts';

export const ARCHIVE_EXTRACT_JOB = 'archive.extract';

/** The Noark 5 schemas the extract is written to, shipped inside it (data/reference/noark5, see its SOURCES.md). */
export const SCHEMA_FILES = ['arkivstruktur.xsd', 'metadatakatalog.xsd', 'endringslogg.xsd', 'addml.xsd'] as const;
const schemaPath = (name: string) => join(PROJECT_ROOT, 'data/reference/noark5', name);

/** How long a running extract may go without progress before another runner takes it over (its runner died). */
const STALE_AFTER_MS = 10 * 60 * 1000;

const storagePrefix = (extractId: string) => `archive-extracts/${extractId}`;

// ---------------------------------------------------------------- the secretariat's side

/**
 * Asks for an extract: the meetings it will hold are chosen now, in one transaction with the extract, so two asked
 * for at once never take the same meetings «since the last extract»; a job builds the files.
 */
export async function createExtract(ctx: RequestContext, networkRef: string, input: ArchiveExtractCreateInput): Promise<ArchiveExtract> {
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'network.administer', inNetwork(network.id));
  await assertBelongs(ctx, network.id, { body: { bodyId: input.bodyId } });
  const user = ctx.user!;
  const id = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`archive:${network.id}`}))`);
    const meetingIds = await repo.archivableMeetingIds(tx, {
      networkId: network.id,
      bodyId: input.bodyId,
      from: input.from,
      to: input.to,
      onlyNew: input.onlyNew,
    });
    if (meetingIds.length === 0) throw invalidField(input.onlyNew ? 'onlyNew' : 'from', 'nothingToExtract');
    const [extract] = await tx
      .insert(archiveExtracts)
      .values({
        networkId: network.id,
        bodyId: input.bodyId,
        periodFrom: input.from,
        periodTo: input.to,
        onlyNew: input.onlyNew,
        createdById: user.id,
        createdByName: user.name,
      })
      .returning();
    for (let i = 0; i < meetingIds.length; i += 1000) {
      await tx
        .insert(archiveExtractMeetings)
        .values(meetingIds.slice(i, i + 1000).map((meetingId) => ({ extractId: extract!.id, meetingId })));
    }
    await enqueueJob(tx, ARCHIVE_EXTRACT_JOB, { extractId: extract!.id }, { maxAttempts: 1 });
    await recordAudit(tx, ctx, {
      networkId: network.id,
      entityType: 'archiveExtract',
      entityId: extract!.id,
      action: 'create',
      before: null,
      after: { ...extract, meetingIds },
    });
    return extract!.id;
  });
  return getExtract(ctx, id);
}

async function readableExtract(ctx: RequestContext, extractId: string) {
  const row = await repo.findExtract(ctx.db, extractId);
  if (!row) throw notFound();
  await assertCan(ctx, 'network.administer', inNetwork(row.extract.networkId));
  return row;
}

export async function getExtract(ctx: RequestContext, extractId: string): Promise<ArchiveExtract> {
  const row = await readableExtract(ctx, extractId);
  return presentExtract(row, await repo.countExtractMeetings(ctx.db, extractId));
}

export async function listExtracts(ctx: RequestContext, networkRef: string): Promise<ArchiveExtract[]> {
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'network.administer', inNetwork(network.id));
  return (await repo.listExtracts(ctx.db, network.id)).map((row) => presentExtract(row, row.meetingCount));
}

/** The network's meetings (a body's, a year's) with whether each is finished and whether and when it was extracted. */
export async function listArchiveMeetings(
  ctx: RequestContext,
  networkRef: string,
  filter: { bodyId?: string; year?: number },
): Promise<ArchiveMeeting[]> {
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'network.administer', inNetwork(network.id));
  if (filter.bodyId && !(await repo.findBodyOfNetwork(ctx.db, network.id, filter.bodyId))) throw invalidField('bodyId', 'invalid');
  return (await repo.meetingsWithArchiveState(ctx.db, network.id, filter)).map(presentArchiveMeeting);
}

async function readyExtract(ctx: RequestContext, extractId: string) {
  const row = await readableExtract(ctx, extractId);
  if (row.extract.status !== 'ready') throw new AppError('invalid_state');
  return row;
}

/** Every file row of an extract, in tar order, read a page at a time. */
async function* extractFiles(db: DbOrTx, extractId: string): AsyncGenerator<PackageFile> {
  let after = -1;
  for (;;) {
    const page = await repo.extractFiles(db, extractId, after, 500);
    for (const row of page) yield { path: row.path, size: row.size, sha256: row.sha256, storageKeys: row.storageKeys };
    if (page.length < 500) return;
    after = page.at(-1)!.position;
  }
}

/** The tar, streamed from storage; its size and SHA-256 are those recorded when it was built. */
export async function downloadExtract(ctx: RequestContext, storage: FileStorage, extractId: string) {
  const row = await readyExtract(ctx, extractId);
  const { extract } = row;
  return {
    fileName: presentExtract(row, 0).fileName,
    size: extract.size!,
    sha256: extract.sha256!,
    stream: Readable.from(tarChunks(extractFiles(ctx.db, extractId), storage, extract.id, extract.finishedAt!)),
  };
}

/** Reads the extract back as the download gives it and checks every count and checksum against its own description. */
export async function verifyStoredExtract(ctx: RequestContext, storage: FileStorage, extractId: string): Promise<Verification> {
  const row = await readyExtract(ctx, extractId);
  const { extract } = row;
  const hash = createHash('sha256');
  async function* hashed() {
    for await (const chunk of tarChunks(extractFiles(ctx.db, extractId), storage, extract.id, extract.finishedAt!)) {
      hash.update(chunk);
      yield chunk;
    }
  }
  const result = await verifyTar(hashed());
  const sha256 = hash.digest('hex');
  if (sha256 !== extract.sha256)
    result.problems.push({ path: null, message: `The tar's SHA-256 is ${sha256}, recorded ${extract.sha256}.` });
  return { ...result, ok: result.problems.length === 0 };
}

// ---------------------------------------------------------------- the job that builds it

/** Builds a queued extract; a failure marks it failed with the reason, and the secretariat asks for a new one. */
export function archiveExtractJob(storage: FileStorage): JobHandler {
  return async (payload, db, log) => {
    const { extractId } = z.object({ extractId: z.uuid() }).parse(payload);
    const claimed = await claim(db, extractId);
    if (!claimed) return;
    try {
      await buildExtract(db, storage, extractId, log);
    } catch (error) {
      log?.error({ err: error, extractId }, 'archive extract failed');
      await db.transaction(async (tx) => {
        const [after] = await tx
          .update(archiveExtracts)
          .set({
            status: 'failed',
            failure: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
            finishedAt: new Date(),
            updatedAt: new Date(),
          })
          .where(eq(archiveExtracts.id, extractId))
          .returning();
        await auditSystem(tx, after!, 'fail');
      });
    }
  };
}

/** Takes a queued extract, or one whose runner stopped reporting progress long ago; null when another has it. */
async function claim(db: Db, extractId: string) {
  const [row] = await db
    .update(archiveExtracts)
    .set({ status: 'running', updatedAt: new Date() })
    .where(
      and(
        eq(archiveExtracts.id, extractId),
        or(
          eq(archiveExtracts.status, 'queued'),
          and(eq(archiveExtracts.status, 'running'), lt(archiveExtracts.updatedAt, new Date(Date.now() - STALE_AFTER_MS))),
        ),
      ),
    )
    .returning();
  return row ?? null;
}

const auditSystem = (tx: DbOrTx, extract: typeof archiveExtracts.$inferSelect, action: string) =>
  recordAudit(
    tx,
    { db: tx, requestId: 'job', language: 'nb', user: null, roles: [], cache: new Map() },
    { networkId: extract.networkId, entityType: 'archiveExtract', entityId: extract.id, action, before: null, after: extract },
  );

interface Counts {
  folders: number;
  registrations: number;
  documents: number;
  documentObjects: number;
  changes: number;
}

async function buildExtract(db: Db, storage: FileStorage, extractId: string, log?: FastifyBaseLogger) {
  const row = await repo.findExtract(db, extractId);
  if (!row) return;
  const { extract } = row;
  const network = (await repo.findNetwork(db, extract.networkId))!;
  const archivedAt = new Date();
  const prefix = storagePrefix(extract.id);
  const host = await repo.hostMunicipality(db, network.id, today());
  const planned = await repo.extractMeetings(db, extract.id);

  // Bodies in Norwegian order, each body's meetings by date: a klasse per body, a moetemappe per meeting.
  const bodyRows = planned.length
    ? await db
        .select()
        .from(bodies)
        .where(inArray(bodies.id, [...new Set(planned.map((p) => p.body_id))]))
    : [];
  bodyRows.sort((a, b) => compareNorwegian(a.name, b.name));
  const meetingRows = new Map(
    (planned.length
      ? await db
          .select()
          .from(meetings)
          .where(
            inArray(
              meetings.id,
              planned.map((p) => p.id),
            ),
          )
      : []
    ).map((m) => [m.id, m]),
  );
  const dates = [...meetingRows.values()].map((m) => m.date).sort();
  const periodFrom = extract.periodFrom ?? dates[0] ?? archivedAt.toISOString().slice(0, 10);
  const periodTo = extract.periodTo ?? dates.at(-1) ?? periodFrom;

  const structure = new StoredTextFile(storage, `${prefix}/arkivstruktur.xml`);
  const changelog = new StoredTextFile(storage, `${prefix}/endringslogg.xml`);
  const documentFiles = new Map<string, PackageFile>();
  const counts: Counts = { folders: 0, registrations: 0, documents: 0, documentObjects: 0, changes: 0 };
  let screened = false;

  const archive = {
    id: network.id,
    title: `${network.name}: møter`,
    description: network.description,
    createdAt: network.createdAt,
    createdBy: 'Digiregion',
    closedAt: archivedAt,
    closedBy: extract.createdByName,
    creatorId: host?.organizationNumber ?? network.slug,
    creatorName: host ? `${network.name} (vertskommune ${host.name})` : network.name,
    partId: extract.id,
    partTitle: `Møtebehandling ${row.bodyName ?? network.name} ${periodFrom}–${periodTo}`,
    partDescription: extract.onlyNew ? 'Møter som ikke var med i et tidligere uttrekk.' : null,
    partStatus: 'Avsluttet periode',
    periodFrom,
    periodTo,
    classificationId: nameUuid('klassifikasjonssystem', network.id, 'organer'),
  };
  await structure.write(archiveStart(archive));
  await changelog.write(changelogStart());
  // The archive part itself: closed by this extract (and so the change log is never empty, as its schema asks).
  await changelog.write(
    changeXml({
      unitId: extract.id,
      metadata: 'arkivdelstatus',
      at: archivedAt,
      by: extract.createdByName,
      before: 'Aktiv periode',
      after: 'Avsluttet periode',
    }),
  );
  counts.changes++;

  for (const bodyRow of bodyRows) {
    const body = (await findBody(db, bodyRow.id))!;
    await structure.write(
      bodyStart({
        id: body.id,
        classId: body.shortCode ?? body.name,
        title: body.name,
        createdAt: body.createdAt,
        createdBy: 'Digiregion',
      }),
    );
    for (const info of planned.filter((p) => p.body_id === body.id)) {
      const meetingRow = meetingRows.get(info.id)!;
      const built = await archiveMeeting(db, storage, {
        prefix,
        partId: extract.id,
        archivedAt,
        archivedBy: extract.createdByName,
        meetingRow,
        body,
        ordinal: info.ordinal,
        previousMeetingId: info.previous_id,
        nextMeetingId: info.next_id,
        documentFiles,
      });
      await structure.write(meetingXml(built.record, extract.id));
      for (const change of built.changes) await changelog.write(changeXml(change));
      counts.folders++;
      counts.registrations += built.record.registrations.length;
      const docs = built.record.registrations.flatMap((r) => r.documents);
      counts.documents += docs.length;
      counts.documentObjects += docs.length;
      counts.changes += built.changes.length;
      screened ||= built.record.registrations.some((r) => r.screening || r.documents.some((d) => d.screening));
      // Progress, so a second runner does not take the extract over while this one works.
      await db.update(archiveExtracts).set({ updatedAt: new Date() }).where(eq(archiveExtracts.id, extract.id));
    }
    await structure.write(bodyEnd());
  }
  await structure.write(
    archiveEnd(
      bodyRows.length === 0
        ? { id: nameUuid('klasse', network.id), classId: 'Ingen', title: 'Ingen møter', createdAt: archivedAt, createdBy: 'Digiregion' }
        : null,
    ),
  );
  await changelog.write(changelogEnd());
  const structureFile = await structure.finish('arkivstruktur.xml');
  const changelogFile = await changelog.finish('endringslogg.xml');

  const schemaFiles: PackageFile[] = [];
  for (const name of SCHEMA_FILES) {
    schemaFiles.push(await storeFile(storage, `${prefix}/${name}`, name, await readFile(schemaPath(name))));
  }
  const addml = addmlXml({
    archiveName: archive.title,
    creatorName: archive.creatorName,
    systemName: 'Digiregion',
    periodFrom,
    periodTo,
    containsScreened: screened,
    documentFileCount: documentFiles.size,
    arkivstruktur: { sha256: structureFile.sha256, ...counts },
    endringslogg: { sha256: changelogFile.sha256, changes: counts.changes },
    schemas: Object.fromEntries(schemaFiles.map((f) => [f.path, f.sha256])),
  });
  const addmlFile = await storeFile(storage, `${prefix}/arkivuttrekk.xml`, 'arkivuttrekk.xml', Buffer.from(addml, 'utf8'));
  const files = [
    addmlFile,
    structureFile,
    changelogFile,
    ...schemaFiles,
    ...[...documentFiles.values()].sort((a, b) => a.path.localeCompare(b.path)),
  ];
  const sha256 = await packageSha256(files, storage, extract.id, archivedAt);

  await db.transaction(async (tx) => {
    await tx.delete(archiveExtractFiles).where(eq(archiveExtractFiles.extractId, extract.id));
    for (let i = 0; i < files.length; i += 500) {
      await tx.insert(archiveExtractFiles).values(
        files.slice(i, i + 500).map((file, j) => ({
          extractId: extract.id,
          position: i + j,
          path: file.path,
          size: file.size,
          sha256: file.sha256,
          storageKeys: file.storageKeys,
        })),
      );
    }
    const [after] = await tx
      .update(archiveExtracts)
      .set({
        status: 'ready',
        finishedAt: archivedAt,
        updatedAt: new Date(),
        folderCount: counts.folders,
        registrationCount: counts.registrations,
        documentCount: counts.documents,
        documentFileCount: documentFiles.size,
        size: packageSize(files),
        sha256,
        failure: null,
      })
      .where(eq(archiveExtracts.id, extract.id))
      .returning();
    await auditSystem(tx, after!, 'ready');
  });
  log?.info({ extractId, meetings: counts.folders, files: files.length }, 'archive extract ready');
}

interface MeetingJob {
  prefix: string;
  partId: string;
  archivedAt: Date;
  archivedBy: string;
  meetingRow: typeof meetings.$inferSelect;
  body: BodyWithNetwork;
  ordinal: number;
  previousMeetingId: string | null;
  nextMeetingId: string | null;
  /** The files stored so far by path: a document on two agenda items (a postponed case) is stored once. */
  documentFiles: Map<string, PackageFile>;
}

const RENDERED = { format: 'PDF/A', formatDetails: 'PDF/A-2 (ISO 19005-2), lagd av Digiregion' };
const ATTACHMENT_FORMATS: Record<string, { format: string; extension: string }> = {
  'application/pdf': { format: 'PDF', extension: 'pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { format: 'DOCX', extension: 'docx' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { format: 'XLSX', extension: 'xlsx' },
};

/** One meeting: its documents rendered and stored, its Noark 5 record, and its changes. */
async function archiveMeeting(db: Db, storage: FileStorage, job: MeetingJob): Promise<{ record: NoarkMeeting; changes: Change[] }> {
  const { meetingRow, body } = job;
  const meeting = await loadMeeting(db, meetingRow, body);
  const itemIds = meeting.items.map((i) => i.id);
  const caseIds = meeting.items.map((i) => i.caseId);
  const created = await repo.auditActors(db, 'meeting', [meeting.id], ['create']);
  const approved = await repo.auditActors(db, 'meeting', [meeting.id], ['approveMinutes']);
  const caseCreators = await repo.auditActors(db, 'case', caseIds, ['create']);
  const stored = new Map(
    (
      await repo.storedDocuments(
        db,
        meeting.items.flatMap((i) => i.documents.map((d) => d.id)),
      )
    ).map((d) => [d.id, d]),
  );
  const documentUnits = new Map<string, string[]>();

  const store = async (name: string, bytes: Buffer, format: { format: string; formatDetails: string | null }): Promise<NoarkFile> => {
    const path = `dokumenter/${name}`;
    let file = job.documentFiles.get(path);
    if (!file) {
      file = await storeFile(storage, `${job.prefix}/${path}`, path, bytes);
      job.documentFiles.set(path, file);
    }
    return { reference: path, ...format, createdAt: job.archivedAt, createdBy: 'Digiregion', sha256: file.sha256, size: file.size };
  };

  const record = await meetingRecord(
    {
      meeting,
      body,
      row: meetingRow,
      ordinal: job.ordinal,
      previousMeetingId: job.previousMeetingId,
      nextMeetingId: job.nextMeetingId,
      createdBy: created.get(meeting.id)?.name ?? null,
      closedBy: approved.get(meeting.id)?.name ?? null,
      caseCreated: new Map([...caseCreators].map(([id, actor]) => [id, { by: actor.name, at: actor.at }])),
      earlierItemIds: await repo.earlierItemIds(db, itemIds),
    },
    {
      view: 'archive',
      partId: job.partId,
      archivedAt: job.archivedAt,
      archivedBy: job.archivedBy,
      files: {
        summons: async () =>
          store(`${nameUuid('innkalling', meeting.id)}.pdf`, await renderSummonsPdf(summonsDocument(meeting, body, true)), RENDERED),
        casePaper: async (item) =>
          store(`${nameUuid('saksframlegg', item.id)}.pdf`, await renderCasePaperPdf(item, meeting, body), RENDERED),
        minutes: async () =>
          store(`${nameUuid('protokoll', meeting.id)}.pdf`, await renderMinutesPdf(minutesDocument(meeting, body)), RENDERED),
        attachment: async (item, document) => {
          const row = stored.get(document.id);
          if (!row) throw new Error(`case document ${document.id} has no row`);
          const kind = ATTACHMENT_FORMATS[row.contentType] ?? { format: row.contentType, extension: 'bin' };
          const bytes = await storage.get(row.storageKey);
          const sha256 = createHash('sha256').update(bytes).digest('hex');
          // The checksum taken at upload: a file that changed in storage since is damaged, and the extract says so by failing.
          if (sha256 !== row.sha256)
            throw new Error(`the stored file of «${row.fileName}» (case ${item.number}) no longer matches its checksum`);
          const unit = nameUuid('dokumentbeskrivelse', item.id, document.id);
          documentUnits.set(document.id, [...(documentUnits.get(document.id) ?? []), unit]);
          return store(`${document.id}.${kind.extension}`, bytes, { format: kind.format, formatDetails: row.contentType });
        },
      },
    },
  );

  const meetingHistory = await repo.auditHistory(db, 'meeting', [meeting.id]);
  const changes = meetingChanges({
    meetingId: meeting.id,
    // The summons makes the meeting a record; read by the audit log's own clock, so the database's time is compared with itself.
    since: meetingHistory.find((h) => h.entry.action === 'sendSummons')?.entry.at ?? meetingHistory[0]?.entry.at ?? meetingRow.createdAt,
    meeting: meetingHistory,
    items: await repo.auditHistory(db, 'agendaItem', itemIds),
    documents: await repo.auditHistory(db, 'caseDocument', [...documentUnits.keys()]),
    documentUnits,
  });
  return { record, changes };
}
