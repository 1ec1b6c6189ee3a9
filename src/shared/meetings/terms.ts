import type { Language } from '../i18n/languages.ts';
import type { AgendaOutcome, AttendanceRole, CaseType, MeetingStatus } from './schema.ts';

type ProposalResult = 'adopted' | 'rejected' | 'withdrawn';

export interface MeetingTerms {
  statuses: Record<MeetingStatus, string>;
  caseTypes: Record<CaseType, string>;
  outcomes: Record<AgendaOutcome, string>;
  roles: Record<AttendanceRole, string>;
  proposalResults: Record<ProposalResult, string>;
}

/**
 * The words of the meetings vocabulary in each language, one place for the secretariat's pages, the public
 * pages, and what the server writes itself (e-mails, documents, OParl), so the three never drift apart.
 */
export const MEETING_TERMS: Record<Language, MeetingTerms> = {
  nb: {
    statuses: { planned: 'Planlagt', summoned: 'Innkalt', held: 'Avholdt', minutesApproved: 'Protokoll godkjent' },
    caseTypes: {
      approveSummons: 'Godkjenning av innkalling',
      approveAgenda: 'Godkjenning av saksliste',
      information: 'Orienteringssak',
      decision: 'Vedtakssak',
      discussion: 'Drøftingssak',
      report: 'Referatsak',
      otherBusiness: 'Eventuelt',
    },
    outcomes: { pending: 'Ikke behandlet', decided: 'Vedtatt', noted: 'Tatt til orientering', postponed: 'Utsatt', withdrawn: 'Trukket' },
    roles: {
      chair: 'Leder',
      viceChair: 'Nestleder',
      member: 'Medlem',
      deputy: 'Varamedlem',
      secretary: 'Sekretær',
      observer: 'Observatør',
      caseOfficer: 'Saksbehandler',
      guest: 'Gjest',
    },
    proposalResults: { adopted: 'Vedtatt', rejected: 'Falt', withdrawn: 'Trukket' },
  },
  nn: {
    statuses: { planned: 'Planlagd', summoned: 'Innkalla', held: 'Halde', minutesApproved: 'Protokoll godkjend' },
    caseTypes: {
      approveSummons: 'Godkjenning av innkalling',
      approveAgenda: 'Godkjenning av sakliste',
      information: 'Orienteringssak',
      decision: 'Vedtakssak',
      discussion: 'Drøftingssak',
      report: 'Referatsak',
      otherBusiness: 'Eventuelt',
    },
    outcomes: { pending: 'Ikkje handsama', decided: 'Vedteke', noted: 'Teke til orientering', postponed: 'Utsett', withdrawn: 'Trekt' },
    roles: {
      chair: 'Leiar',
      viceChair: 'Nestleiar',
      member: 'Medlem',
      deputy: 'Varamedlem',
      secretary: 'Sekretær',
      observer: 'Observatør',
      caseOfficer: 'Sakshandsamar',
      guest: 'Gjest',
    },
    proposalResults: { adopted: 'Vedteke', rejected: 'Fall', withdrawn: 'Trekt' },
  },
  en: {
    statuses: { planned: 'Planned', summoned: 'Summoned', held: 'Held', minutesApproved: 'Minutes approved' },
    caseTypes: {
      approveSummons: 'Approval of the summons',
      approveAgenda: 'Approval of the agenda',
      information: 'Information item',
      decision: 'Decision item',
      discussion: 'Discussion item',
      report: 'Report item',
      otherBusiness: 'Any other business',
    },
    outcomes: { pending: 'Not dealt with', decided: 'Decided', noted: 'Noted', postponed: 'Postponed', withdrawn: 'Withdrawn' },
    roles: {
      chair: 'Chair',
      viceChair: 'Vice chair',
      member: 'Member',
      deputy: 'Deputy',
      secretary: 'Secretary',
      observer: 'Observer',
      caseOfficer: 'Case officer',
      guest: 'Guest',
    },
    proposalResults: { adopted: 'Adopted', rejected: 'Rejected', withdrawn: 'Withdrawn' },
  },
};
