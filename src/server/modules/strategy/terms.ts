import type { Language } from '../../../shared/i18n/languages.ts';
import type { LocalDecisionStatus, MeasureStatus, ReportStatus } from '../../../shared/strategy/schema.ts';

/** The words of the strategy module's spreadsheets, in the caller's language. */
type Terms = Record<Language, string>;

export const DECISION_STATUS_LABELS: Record<LocalDecisionStatus, Terms> = {
  notStarted: { nb: 'Ikke behandlet', nn: 'Ikkje handsama', en: 'Not considered' },
  underConsideration: { nb: 'Til behandling', nn: 'Til handsaming', en: 'Under consideration' },
  adopted: { nb: 'Vedtatt', nn: 'Vedteken', en: 'Adopted' },
  rejected: { nb: 'Ikke vedtatt', nn: 'Ikkje vedteken', en: 'Rejected' },
};

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, Terms> = {
  planned: { nb: 'Planlagt', nn: 'Planlagd', en: 'Planned' },
  ongoing: { nb: 'Pågår', nn: 'Pågår', en: 'Ongoing' },
  done: { nb: 'Fullført', nn: 'Fullført', en: 'Done' },
  postponed: { nb: 'Utsatt', nn: 'Utsett', en: 'Postponed' },
  cancelled: { nb: 'Avlyst', nn: 'Avlyst', en: 'Cancelled' },
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, Terms> = {
  green: { nb: 'Grønn', nn: 'Grøn', en: 'Green' },
  yellow: { nb: 'Gul', nn: 'Gul', en: 'Yellow' },
  red: { nb: 'Rød', nn: 'Raud', en: 'Red' },
};

export const ADOPTION_HEADINGS = {
  municipalityNumber: { nb: 'Kommunenummer', nn: 'Kommunenummer', en: 'Municipality number' },
  municipality: { nb: 'Kommune', nn: 'Kommune', en: 'Municipality' },
  version: { nb: 'Versjon', nn: 'Versjon', en: 'Version' },
  status: { nb: 'Status', nn: 'Status', en: 'Status' },
  body: { nb: 'Vedtatt av', nn: 'Vedteken av', en: 'Decided by' },
  date: { nb: 'Vedtaksdato', nn: 'Vedtaksdato', en: 'Date of decision' },
  caseNumber: { nb: 'Saksnummer', nn: 'Saksnummer', en: 'Case number' },
} satisfies Record<string, Terms>;

export const MEASURE_HEADINGS = {
  measure: { nb: 'Tiltak', nn: 'Tiltak', en: 'Measure' },
  description: { nb: 'Beskrivelse', nn: 'Skildring', en: 'Description' },
  focusArea: { nb: 'Innsatsområde', nn: 'Innsatsområde', en: 'Focus area' },
  owner: { nb: 'Ansvarlig', nn: 'Ansvarleg', en: 'Owner' },
  budget: { nb: 'Budsjett (kr)', nn: 'Budsjett (kr)', en: 'Budget (NOK)' },
  status: { nb: 'Status', nn: 'Status', en: 'Status' },
  tertialStatus: { nb: 'T{n} status', nn: 'T{n} status', en: 'T{n} status' },
  tertialComment: { nb: 'T{n} kommentar', nn: 'T{n} kommentar', en: 'T{n} comment' },
  spent: { nb: 'Forbrukt (kr)', nn: 'Brukt (kr)', en: 'Spent (NOK)' },
} satisfies Record<string, Terms>;
