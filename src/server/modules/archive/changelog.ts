import { MEETING_TERMS } from '../../../shared/meetings/terms.ts';
import { dateTime, element } from './xml.ts';

/**
 * endringslogg.xml: the changes made to a record's archival metadata once it was a record, read from the audit log.
 * A meeting is a record from its summons (before that its agenda is a draft), so only changes from then on count:
 * the meeting's date and place (moetedato, moetested), its closing when the minutes were approved (avsluttetDato), a
 * case's title (tittel), exemption (skjermingshjemmel) and handling status (moeteregistreringsstatus), a document's
 * exemption. The first entry is always the archive part itself, closed by the extract.
 */

export const ENDRINGSLOGG_NS = 'http://www.arkivverket.no/standarder/noark5/endringslogg';

export interface Change {
  /** The systemID of the archival unit changed. */
  unitId: string;
  /** The Noark 5 metadata element changed. */
  metadata: string;
  at: Date;
  by: string;
  before: string;
  after: string;
}

export interface AuditRow {
  entry: { entityId: string; action: string; at: Date; before: unknown; after: unknown };
  actorName: string | null;
}

const NONE = '(ingen verdi)';
const text = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return NONE;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
};
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const outcome = (value: unknown) =>
  typeof value === 'string' && value in MEETING_TERMS.nb.outcomes
    ? MEETING_TERMS.nb.outcomes[value as keyof typeof MEETING_TERMS.nb.outcomes]
    : text(value);
const exemption = (exempt: unknown, basis: unknown) => (exempt === true ? `Unntatt offentlighet, jf. ${text(basis)}` : 'Ikke unntatt');

export const changelogStart = () =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<endringslogg xmlns="${ENDRINGSLOGG_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ENDRINGSLOGG_NS} endringslogg.xsd">\n`;
export const changelogEnd = () => '</endringslogg>\n';

export function changeXml(c: Change): string {
  return (
    '  <endring>' +
    element('referanseArkivenhet', c.unitId) +
    element('referanseMetadata', c.metadata) +
    element('endretDato', dateTime(c.at)) +
    element('endretAv', c.by) +
    element('tidligereVerdi', c.before || NONE) +
    element('nyVerdi', c.after || NONE) +
    '</endring>\n'
  );
}

export interface MeetingChanges {
  meetingId: string;
  /** From when the meeting is a record. */
  since: Date | null;
  meeting: AuditRow[];
  /** Audit entries of the meeting's agenda items (entity `agendaItem`). */
  items: AuditRow[];
  /** Audit entries of its cases' documents (entity `caseDocument`), with the document descriptions each appears as. */
  documents: AuditRow[];
  documentUnits: Map<string, string[]>;
}

/** The changes of one meeting and what it holds, oldest first. */
export function meetingChanges(input: MeetingChanges): Change[] {
  const changes: Change[] = [];
  const counts = (row: AuditRow) => input.since !== null && row.entry.at >= input.since;
  const add = (row: AuditRow, unitId: string, metadata: string, before: string, after: string) => {
    if (before !== after) changes.push({ unitId, metadata, at: row.entry.at, by: row.actorName ?? 'Digiregion', before, after });
  };
  for (const row of input.meeting.filter(counts)) {
    const before = record(row.entry.before);
    const after = record(row.entry.after);
    if ('date' in after) add(row, input.meetingId, 'moetedato', text(before.date), text(after.date));
    if ('place' in after) add(row, input.meetingId, 'moetested', text(before.place), text(after.place));
    if (after.minutesApprovedAt) add(row, input.meetingId, 'avsluttetDato', text(before.minutesApprovedAt), text(after.minutesApprovedAt));
  }
  for (const row of input.items.filter(counts)) {
    const before = record(row.entry.before);
    const after = record(row.entry.after);
    const itemId = row.entry.entityId;
    if (row.entry.action === 'update') {
      const input_ = record(after.input);
      const oldCase = record(before.case);
      const oldItem = record(before.item);
      if (typeof input_.title === 'string') add(row, itemId, 'tittel', text(oldCase.title), input_.title);
      if (typeof input_.outcome === 'string')
        add(row, itemId, 'moeteregistreringsstatus', outcome(oldItem.outcome), outcome(input_.outcome));
      if ('exemptFromPublic' in input_ || 'exemptLegalBasis' in input_) {
        const exempt = 'exemptFromPublic' in input_ ? input_.exemptFromPublic : oldCase.exemptFromPublic;
        const basis = 'exemptLegalBasis' in input_ ? input_.exemptLegalBasis : oldCase.exemptLegalBasis;
        add(row, itemId, 'skjermingshjemmel', exemption(oldCase.exemptFromPublic, oldCase.exemptLegalBasis), exemption(exempt, basis));
      }
    } else if ('outcome' in after) {
      add(row, itemId, 'moeteregistreringsstatus', outcome(before.outcome), outcome(after.outcome));
    }
  }
  for (const row of input.documents.filter(counts)) {
    const before = record(row.entry.before);
    const after = record(row.entry.after);
    if (!('exemptFromPublic' in after)) continue;
    for (const unitId of input.documentUnits.get(row.entry.entityId) ?? []) {
      add(
        row,
        unitId,
        'skjermingshjemmel',
        exemption(before.exemptFromPublic, before.exemptLegalBasis),
        exemption(after.exemptFromPublic, after.exemptLegalBasis),
      );
    }
  }
  return changes.sort((a, b) => a.at.getTime() - b.at.getTime());
}
