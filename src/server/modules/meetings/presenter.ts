import { isWebLink } from '../../../shared/common.ts';
import { caseNumberOf } from '../../../shared/meetings/schema.ts';
import type { AgendaItem, Attendee, CaseDocument, MeetingSummary } from '../../../shared/meetings/schema.ts';
import type { caseDocuments, meetings } from '../../db/schema/index.ts';
import type { BodyWithNetwork } from './records.ts';
import type { AttendeeRow, ItemRow } from './repo.ts';

type MeetingRow = typeof meetings.$inferSelect;

export function presentMeetingSummary(
  meeting: MeetingRow,
  body: Pick<BodyWithNetwork, 'name' | 'shortCode' | 'networkId'>,
  itemCount: number,
): MeetingSummary {
  return {
    id: meeting.id,
    version: meeting.version,
    bodyId: meeting.bodyId,
    bodyName: body.name,
    bodyShortCode: body.shortCode,
    networkId: body.networkId,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    place: meeting.place,
    // A link stored before link fields took https only is not passed on: no one is sent to javascript: or data:.
    remoteLink: meeting.remoteLink && isWebLink(meeting.remoteLink) ? meeting.remoteLink : null,
    writtenProcedure: meeting.writtenProcedure,
    isPublic: meeting.isPublic,
    status: meeting.status,
    summonsPublishedAt: meeting.summonsPublishedAt?.toISOString() ?? null,
    minutesApprovedAt: meeting.minutesApprovedAt?.toISOString() ?? null,
    itemCount,
  };
}

export function presentAttendee(row: AttendeeRow): Attendee {
  const a = row.attendee;
  return {
    id: a.id,
    version: a.version,
    personId: a.personId,
    name: row.name,
    email: row.email,
    role: a.role,
    votingRight: a.votingRight,
    municipalityNumber: a.municipalityNumber,
    municipalityName: row.municipalityName,
    deputyForPersonId: a.deputyForPersonId,
    deputyForName: row.deputyForName,
    status: a.status,
    forInformation: a.forInformation,
    absenceReason: a.absenceReason,
    absenceReportedAt: a.absenceReportedAt?.toISOString() ?? null,
  };
}

export function presentDocument(d: typeof caseDocuments.$inferSelect): CaseDocument {
  return {
    id: d.id,
    version: d.version,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    sha256: d.sha256,
    exemptFromPublic: d.exemptFromPublic,
    exemptLegalBasis: d.exemptLegalBasis,
    createdAt: d.createdAt.toISOString(),
  };
}

export function presentItem(
  row: ItemRow,
  extra: {
    quorum: AgendaItem['quorum'];
    planned: { start: string; end: string };
    documents: CaseDocument[];
    history: AgendaItem['history'];
    /** Left out of the answer when empty. */
    projectDecisions?: NonNullable<AgendaItem['projectDecisions']>;
  },
): AgendaItem {
  const { item, consultation, case: c } = row;
  return {
    id: item.id,
    version: item.version,
    updatedAt: item.updatedAt.toISOString(),
    position: item.position,
    caseId: c.id,
    caseVersion: c.version,
    consultationId: consultation.id,
    consultationVersion: consultation.version,
    number: caseNumberOf(consultation),
    type: c.type,
    title: c.title,
    caseOfficerId: c.caseOfficerId,
    caseOfficerName: row.officerName,
    casePaper: c.casePaper,
    recommendation: consultation.recommendation,
    exemptFromPublic: c.exemptFromPublic,
    exemptLegalBasis: c.exemptLegalBasis,
    publicTitle: c.publicTitle,
    closedBasis: item.closedBasis,
    deliberation: item.deliberation,
    proposals: item.proposals,
    vote: item.vote,
    decision: item.decision,
    outcome: item.outcome,
    disqualifications: item.disqualifications,
    protocolRemarks: item.protocolRemarks,
    absentPersonIds: item.absentPersonIds,
    plannedMinutes: item.plannedMinutes,
    plannedStart: extra.planned.start,
    plannedEnd: extra.planned.end,
    startedAt: item.startedAt,
    endedAt: item.endedAt,
    jointHandlingId: item.jointHandlingId,
    quorum: extra.quorum,
    documents: extra.documents,
    history: extra.history,
    ...(extra.projectDecisions?.length ? { projectDecisions: extra.projectDecisions } : {}),
  };
}
