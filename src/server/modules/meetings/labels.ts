import type { AttendanceRole, CaseType, MeetingStatus } from '../../../shared/meetings/schema.ts';

/** Bokmål labels for what the server writes itself: e-mails and documents. The web client has its own catalog. */
export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  approveSummons: 'Godkjenning av innkalling',
  approveAgenda: 'Godkjenning av saksliste',
  information: 'Orienteringssak',
  decision: 'Vedtakssak',
  discussion: 'Drøftingssak',
  report: 'Referatsak',
  otherBusiness: 'Eventuelt',
};

export const ROLE_LABELS: Record<AttendanceRole, string> = {
  chair: 'Leder',
  viceChair: 'Nestleder',
  member: 'Medlem',
  deputy: 'Varamedlem',
  secretary: 'Sekretær',
  observer: 'Observatør',
  caseOfficer: 'Saksbehandler',
  guest: 'Gjest',
};

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planlagt',
  summoned: 'Innkalt',
  held: 'Avholdt',
  minutesApproved: 'Protokoll godkjent',
};
