import { renderBlocksDocx } from './docx.ts';
import {
  caseHeading,
  formatDate,
  formatTimeRange,
  heading,
  markdownToBlocks,
  paragraph,
  type Block,
  type BlockDocument,
  type DocLanguage,
} from './markdown-blocks.ts';
import { renderBlocksPdf } from './pdf.ts';

export type { DocLanguage };

export interface Person {
  name: string;
  role: string | null;
  municipality: string | null;
}

export interface MinutesCase {
  /** '014/22' */
  number: string;
  /** Printed upper-case in the heading: '014/22: GODKJENNING AV INNKALLING'. */
  title: string;
  /** Markdown, as are deliberation and decision. */
  recommendation: string;
  deliberation: string;
  /** Null when the case was postponed or withdrawn without a decision text. */
  decision: string | null;
  outcome: 'decided' | 'postponed' | 'withdrawn' | 'noted';
  /** Already formatted: 'Enstemmig vedtatt.' */
  vote: string | null;
  disqualifications: string[];
  protocolRemarks: Array<{ author: string; text: string }>;
  /** 'Lukket møte, jf. kommuneloven § 11-5 andre ledd …', printed under the heading. */
  closedBasis: string | null;
  /** The other cases handled together with this one under one decision (samlet behandling): ['005/26', '006/26']. */
  jointWith?: string[];
}

export interface MinutesDocument {
  language: DocLanguage;
  networkName: string;
  bodyName: string;
  /** 'AU' makes the decision label 'AU- 014/22 VEDTAK:'; null makes it '014/22 VEDTAK:'. */
  bodyShortCode: string | null;
  meeting: {
    date: string;
    startTime: string;
    endTime: string | null;
    place: string | null;
    writtenProcedure: boolean;
    /** 'HH:MM' when the meeting was closed; the minutes end «Møtet ble hevet kl. 14.35». */
    adjournedAt?: string | null;
  };
  attendance: {
    present: Person[];
    absent: Person[];
    deputies: Array<Person & { deputyFor: string }>;
    others: Person[];
    /** 'Ola Nordmann deltok bare under behandling av sak 060/17' */
    notes: string[];
  };
  cases: MinutesCase[];
  /** Decided by e-mail since the last meeting and entered in these minutes. */
  writtenDecisions: Array<{ number: string; title: string; decidedOn: string; decision: string }>;
  /** 'Protokollen er godkjent av … 01.04.2022'; null while a draft. */
  approval: { text: string | null };
  draft: boolean;
}

export interface MinutesLabels {
  title: string;
  documentTitle: string;
  draft: string;
  date: string;
  time: string;
  place: string;
  meetingForm: string;
  writtenProcedure: string;
  present: string;
  absent: string;
  deputies: string;
  others: string;
  deputyFor: (name: string) => string;
  recommendation: string;
  deliberation: string;
  writtenDeliberation: string;
  decision: (shortCode: string | null, number: string) => string;
  protocolRemark: (author: string) => string;
  postponed: string;
  withdrawn: string;
  noted: string;
  writtenDecisions: string;
  decidedOn: (date: string) => string;
  adjourned: (time: string) => string;
  jointWith: (numbers: string[]) => string;
  page: string;
  of: string;
}

/** «005/26, 006/26 og 007/26». */
const joinNumbers = (numbers: string[], and: string): string =>
  numbers.length > 1 ? `${numbers.slice(0, -1).join(', ')} ${and} ${numbers.at(-1)}` : (numbers[0] ?? '');

const decisionLabel = (shortCode: string | null, number: string): string => `${shortCode ? `${shortCode}- ` : ''}${number} VEDTAK:`;

export const MINUTES_LABELS: Record<DocLanguage, MinutesLabels> = {
  nb: {
    title: 'MØTEPROTOKOLL',
    documentTitle: 'Møteprotokoll',
    draft: 'UTKAST',
    date: 'Dato',
    time: 'Tid',
    place: 'Sted',
    meetingForm: 'Møteform',
    writtenProcedure: 'Skriftlig behandling',
    present: 'Til stede',
    absent: 'Forfall',
    deputies: 'Varamedlemmer',
    others: 'Andre til stede',
    deputyFor: (name: string) => `møtte for ${name}`,
    recommendation: 'INNSTILLING',
    deliberation: 'BEHANDLING I MØTE',
    writtenDeliberation: 'SKRIFTLIG BEHANDLING',
    decision: decisionLabel,
    protocolRemark: (author: string) => `Protokollmerknad fra ${author}:`,
    postponed: 'Saken ble utsatt.',
    withdrawn: 'Saken ble trukket.',
    noted: 'Saken ble tatt til orientering.',
    writtenDecisions: 'Vedtak fattet ved skriftlig behandling',
    decidedOn: (date: string) => `Vedtatt ${date}`,
    adjourned: (time: string) => `Møtet ble hevet kl. ${time.replace(':', '.')}.`,
    jointWith: (numbers: string[]) => `Behandlet samlet med sak ${joinNumbers(numbers, 'og')}.`,
    page: 'Side',
    of: 'av',
  },
  nn: {
    title: 'MØTEPROTOKOLL',
    documentTitle: 'Møteprotokoll',
    draft: 'UTKAST',
    date: 'Dato',
    time: 'Tid',
    place: 'Stad',
    meetingForm: 'Møteform',
    writtenProcedure: 'Skriftleg handsaming',
    present: 'Til stades',
    absent: 'Forfall',
    deputies: 'Varamedlemer',
    others: 'Andre til stades',
    deputyFor: (name: string) => `møtte for ${name}`,
    recommendation: 'INNSTILLING',
    deliberation: 'HANDSAMING I MØTET',
    writtenDeliberation: 'SKRIFTLEG HANDSAMING',
    decision: decisionLabel,
    protocolRemark: (author: string) => `Protokollmerknad frå ${author}:`,
    postponed: 'Saka vart utsett.',
    withdrawn: 'Saka vart trekt.',
    noted: 'Saka vart teken til orientering.',
    writtenDecisions: 'Vedtak gjort ved skriftleg handsaming',
    decidedOn: (date: string) => `Vedteke ${date}`,
    adjourned: (time: string) => `Møtet vart heva kl. ${time.replace(':', '.')}.`,
    jointWith: (numbers: string[]) => `Handsama saman med sak ${joinNumbers(numbers, 'og')}.`,
    page: 'Side',
    of: 'av',
  },
};

export function renderMinutesPdf(doc: MinutesDocument): Promise<Buffer> {
  return renderBlocksPdf(minutesBlockDocument(doc));
}

export function renderMinutesDocx(doc: MinutesDocument): Promise<Buffer> {
  return renderBlocksDocx(minutesBlockDocument(doc));
}

function personLine(person: Person): string {
  return [person.name, person.role, person.municipality].filter((part) => part).join(', ');
}

/** The minutes as blocks: title, attendance, every case, the written decisions, the approval. */
function minutesBlockDocument(doc: MinutesDocument): BlockDocument {
  const labels = MINUTES_LABELS[doc.language];
  const date = formatDate(doc.meeting.date);
  const blocks: Block[] = [heading(1, labels.title), paragraph(doc.bodyName, { bold: true }), meetingFields(doc, labels, date)];
  blocks.push(...doc.attendance.notes.map((note) => paragraph(note)));
  for (const item of doc.cases) blocks.push(...caseBlocks(doc, labels, date, item));
  if (doc.writtenDecisions.length > 0) {
    blocks.push(heading(2, labels.writtenDecisions));
    for (const written of doc.writtenDecisions) {
      blocks.push(
        heading(3, caseHeading(written.number, written.title)),
        paragraph(labels.decidedOn(formatDate(written.decidedOn)), { italic: true }),
        paragraph(labels.decision(doc.bodyShortCode, written.number), { bold: true }),
        ...markdownToBlocks(written.decision),
      );
    }
  }
  if (doc.meeting.adjournedAt) blocks.push(paragraph(labels.adjourned(doc.meeting.adjournedAt)));
  if (doc.approval.text) blocks.push(paragraph(doc.approval.text, { italic: true }));
  return {
    language: doc.language,
    title: `${labels.documentTitle} ${doc.bodyName} ${date}`,
    runningHeader: doc.draft ? labels.draft : null,
    footer: `${doc.networkName} · ${doc.bodyName} · ${date}`,
    pageLabel: { page: labels.page, of: labels.of },
    blocks,
  };
}

function meetingFields(doc: MinutesDocument, labels: MinutesLabels, date: string): Block {
  const { meeting, attendance } = doc;
  const rows = [
    { label: labels.date, lines: [date] },
    { label: labels.time, lines: [formatTimeRange(meeting.startTime, meeting.endTime)] },
    { label: labels.place, lines: meeting.place ? [meeting.place] : [] },
    { label: labels.meetingForm, lines: meeting.writtenProcedure ? [labels.writtenProcedure] : [] },
    { label: labels.present, lines: attendance.present.map(personLine) },
    { label: labels.absent, lines: attendance.absent.map(personLine) },
    { label: labels.deputies, lines: attendance.deputies.map((deputy) => `${personLine(deputy)} (${labels.deputyFor(deputy.deputyFor)})`) },
    { label: labels.others, lines: attendance.others.map(personLine) },
  ];
  return { kind: 'fields', rows: rows.filter((row) => row.lines.length > 0) };
}

function caseBlocks(doc: MinutesDocument, labels: MinutesLabels, date: string, item: MinutesCase): Block[] {
  const blocks: Block[] = [heading(2, caseHeading(item.number, item.title))];
  if (item.closedBasis) blocks.push(paragraph(item.closedBasis, { tone: 'note' }));
  if (item.recommendation.trim()) blocks.push(heading(3, labels.recommendation), ...markdownToBlocks(item.recommendation));
  blocks.push(paragraph(`${date} ${doc.bodyName}`));
  blocks.push(heading(3, doc.meeting.writtenProcedure ? labels.writtenDeliberation : labels.deliberation));
  if (item.jointWith?.length) blocks.push(paragraph(labels.jointWith(item.jointWith), { italic: true }));
  blocks.push(...item.disqualifications.map((line) => paragraph(line)));
  blocks.push(...markdownToBlocks(item.deliberation));
  if (item.vote) blocks.push(paragraph(item.vote));
  blocks.push(heading(3, labels.decision(doc.bodyShortCode, item.number)));
  const fallback: Record<MinutesCase['outcome'], string | null> = {
    decided: null,
    noted: labels.noted,
    postponed: labels.postponed,
    withdrawn: labels.withdrawn,
  };
  const fallbackText = fallback[item.outcome];
  if (item.decision !== null) blocks.push(...markdownToBlocks(item.decision));
  else if (fallbackText) blocks.push(paragraph(fallbackText));
  for (const remark of item.protocolRemarks)
    blocks.push(heading(3, labels.protocolRemark(remark.author)), ...markdownToBlocks(remark.text));
  return blocks;
}
