import type { ArchiveExtract, ArchiveMeeting } from '../../../shared/archive/schema.ts';
import type { meetings } from '../../db/schema/index.ts';
import type { ExtractRow } from './repo.ts';
import { isArchivable } from './repo.ts';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export const extractDownloadPath = (id: string) => `/api/archive-extracts/${id}/download`;

export function presentExtract(row: ExtractRow, meetingCount: number): ArchiveExtract {
  const { extract } = row;
  const ready = extract.status === 'ready';
  return {
    id: extract.id,
    version: extract.version,
    networkId: extract.networkId,
    bodyId: extract.bodyId,
    bodyName: row.bodyName,
    periodFrom: extract.periodFrom,
    periodTo: extract.periodTo,
    onlyNew: extract.onlyNew,
    status: extract.status,
    createdAt: extract.createdAt.toISOString(),
    createdByName: extract.createdByName,
    finishedAt: iso(extract.finishedAt),
    failure: extract.failure,
    meetingCount,
    folderCount: extract.folderCount,
    registrationCount: extract.registrationCount,
    documentCount: extract.documentCount,
    documentFileCount: extract.documentFileCount,
    size: ready ? extract.size : null,
    sha256: ready ? extract.sha256 : null,
    fileName: `arkivuttrekk-${row.networkSlug}-${extract.createdAt.toISOString().slice(0, 10)}-${extract.id.slice(0, 8)}.tar`,
    downloadUrl: ready ? extractDownloadPath(extract.id) : null,
  };
}

export function presentArchiveMeeting(row: {
  meeting: typeof meetings.$inferSelect;
  bodyName: string;
  extractedAt: Date | string | null;
  extractId: string | null;
  inProgress: boolean;
}): ArchiveMeeting {
  return {
    meetingId: row.meeting.id,
    bodyId: row.meeting.bodyId,
    bodyName: row.bodyName,
    date: row.meeting.date,
    writtenProcedure: row.meeting.writtenProcedure,
    status: row.meeting.status,
    archivable: isArchivable(row.meeting),
    extractedAt: iso(row.extractedAt),
    extractId: row.extractId,
    inProgress: Boolean(row.inProgress),
  };
}
