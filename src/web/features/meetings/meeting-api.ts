import type { AgendaItem, CaseDocument, Meeting } from '../../../shared/meetings/schema.ts';
import type { DialogFormProps } from '../../app/kit.tsx';
import { api } from '../../app/api.ts';

/** Addresses of the meeting pages, in Norwegian as the rest of the app. */
export const planPath = (networkSlug: string, bodyId: string, year?: number) =>
  `/n/${networkSlug}/organer/${bodyId}/moter${year ? `?ar=${year}` : ''}`;
export const meetingPath = (meetingId: string) => `/moter/${meetingId}`;
export const itemPath = (meetingId: string, itemId: string) => `/moter/${meetingId}/saker/${itemId}`;

/** Files the API serves for download; links, so the browser keeps its own download handling. */
export const summonsPdfUrl = (meetingId: string) => `/api/meetings/${meetingId}/summons.pdf`;
export const summonsDocxUrl = (meetingId: string) => `/api/meetings/${meetingId}/summons.docx`;
export const minutesUrl = (meetingId: string, format: 'pdf' | 'docx') => `/api/meetings/${meetingId}/minutes?format=${format}`;
export const documentUrl = (documentId: string) => `/api/case-documents/${documentId}/file`;

/** The file types a case may carry (as the server accepts them), by file name ending. */
export const ATTACHMENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const ATTACHMENT_ACCEPT = Object.entries(ATTACHMENT_TYPES)
  .flatMap(([ending, type]) => [ending, type])
  .join(',');

export function attachmentType(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  const ending = Object.keys(ATTACHMENT_TYPES).find((e) => lower.endsWith(e));
  return ending ? ATTACHMENT_TYPES[ending]! : null;
}

/** Uploads a file as the raw request body, its type in content-type and its name in the query, as the attachments route expects. */
export function uploadDocument(caseId: string, file: File, contentType: string): Promise<CaseDocument> {
  return api<CaseDocument>(`/cases/${caseId}/documents?fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    file: { data: file, contentType },
  });
}

/** Replaces one item of a meeting with the newer copy a save answered with. */
export function withItem(meeting: Meeting, item: AgendaItem): Meeting {
  return { ...meeting, items: meeting.items.map((i) => (i.id === item.id ? item : i)) };
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Oslo', timeZoneName: 'longOffset' });

/** Minutes east of UTC in Norway at an instant ("GMT+01:00" → 60). */
function osloOffsetMinutes(instant: number): number {
  const name = offsetFormat.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * A wall-clock time in Norway from a datetime-local field ("2026-03-29T12:00") as an ISO instant with
 * its offset ("2026-03-29T12:00:00+02:00"), whatever the browser's own zone. Null for an empty or bad value.
 */
export function osloLocalToIso(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Twice: the offset at the guessed instant may differ from the offset at the real one around a DST change.
  const offset = osloOffsetMinutes(asUtc - osloOffsetMinutes(asUtc) * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export { formatSize } from '../../app/format.ts';

/** «09:00–12:00», or «09:00» without an end. */
export const timeRange = (start: string, end: string | null) => (end ? `${start}–${end}` : start);

/** What a dialog's form that changes the meeting is given: the meeting, and the dialog's save, cancel and reload. */
export type MeetingDialogProps = DialogFormProps<Meeting> & { meeting: Meeting };

/** What a form on an agenda item's page is given: the meeting, the item, and what to do after a save or a stale one. */
export interface ItemFormProps {
  meeting: Meeting;
  item: AgendaItem;
  onSaved: (item: AgendaItem) => void;
  onReload: () => void;
}
