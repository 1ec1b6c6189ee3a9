import {
  caseHeading,
  formatDate,
  formatTimeRange,
  heading,
  markdownToBlocks,
  paragraph,
  type Block,
  type DocLanguage,
} from './markdown-blocks.ts';
import { renderBlocksPdf } from './pdf.ts';
import { renderBlocksDocx } from './docx.ts';
import type { BlockDocument } from './markdown-blocks.ts';
import type { SummonsGroup } from '../../../shared/meetings/attendance.ts';

export interface SummonsItem {
  number: string;
  title: string;
  /** Already translated: 'Vedtakssak'. */
  type: string;
  /** Markdown, as is the recommendation. */
  casePaper: string;
  recommendation: string;
  /** The legal basis when the case is exempt from public access: 'offentleglova § 13 jf. forvaltningsloven § 13'. */
  exempt: string | null;
  caseOfficer: string | null;
  /** The attachments' file names. */
  attachments: string[];
  /** '09:15–09:45' from the meeting's start and the planned durations; null when none is planned. */
  plannedTime: string | null;
}

export interface SummonsDocument {
  language: DocLanguage;
  networkName: string;
  bodyName: string;
  bodyShortCode: string | null;
  meeting: {
    date: string;
    startTime: string;
    endTime: string | null;
    place: string | null;
    remoteLink: string | null;
    writtenProcedure: boolean;
  };
  /** Those called, by group in the order of SUMMONS_GROUPS, each line 'Kari Nordmann, leder, Sortland'. */
  recipients: Array<{ group: SummonsGroup; lines: string[] }>;
  /** Said under the deputies: whether they attend only when called in. */
  deputiesForInformation: boolean;
  items: SummonsItem[];
  /** The version for the public: an exempt case shows only its heading and legal basis. */
  publicVersion: boolean;
}

export interface SummonsLabels {
  title: string;
  documentTitle: string;
  date: string;
  time: string;
  place: string;
  remoteLink: string;
  meetingForm: string;
  writtenProcedure: string;
  recipients: string;
  groups: Record<SummonsGroup, string>;
  deputiesNote: string;
  caseOfficer: string;
  attachments: string;
  plannedTime: string;
  agenda: string;
  number: string;
  caseTitle: string;
  type: string;
  casePaper: string;
  recommendation: string;
  exempt: (basis: string) => string;
  page: string;
  of: string;
}

export const SUMMONS_LABELS: Record<DocLanguage, SummonsLabels> = {
  nb: {
    title: 'INNKALLING TIL MØTE',
    documentTitle: 'Innkalling',
    date: 'Dato',
    time: 'Tid',
    place: 'Sted',
    remoteLink: 'Digitalt møte',
    meetingForm: 'Møteform',
    writtenProcedure: 'Skriftlig behandling',
    recipients: 'Innkalte',
    groups: {
      voting: 'Medlemmer',
      speaking: 'Med møte-, tale- og forslagsrett',
      observer: 'Observatører',
      secretary: 'Sekretær',
      deputy: 'Varamedlemmer (til orientering)',
      other: 'Andre',
    },
    deputiesNote: 'Administrasjonen kaller inn varamedlemmer ved forfall. Varamedlemmer møter bare når de blir særskilt innkalt.',
    caseOfficer: 'Saksbehandler',
    attachments: 'Vedlegg',
    plannedTime: 'Planlagt tid',
    agenda: 'Saksliste',
    number: 'Saksnr.',
    caseTitle: 'Tittel',
    type: 'Type',
    casePaper: 'Saksframlegg',
    recommendation: 'Innstilling',
    exempt: (basis) => `Unntatt offentlighet, jf. ${basis}`,
    page: 'Side',
    of: 'av',
  },
  nn: {
    title: 'INNKALLING TIL MØTE',
    documentTitle: 'Innkalling',
    date: 'Dato',
    time: 'Tid',
    place: 'Stad',
    remoteLink: 'Digitalt møte',
    meetingForm: 'Møteform',
    writtenProcedure: 'Skriftleg handsaming',
    recipients: 'Innkalla',
    groups: {
      voting: 'Medlemer',
      speaking: 'Med møte-, tale- og framlegsrett',
      observer: 'Observatørar',
      secretary: 'Sekretær',
      deputy: 'Varamedlemer (til orientering)',
      other: 'Andre',
    },
    deputiesNote: 'Administrasjonen kallar inn varamedlemer ved forfall. Varamedlemer møter berre når dei vert særskilt innkalla.',
    caseOfficer: 'Sakshandsamar',
    attachments: 'Vedlegg',
    plannedTime: 'Planlagd tid',
    agenda: 'Saksliste',
    number: 'Saksnr.',
    caseTitle: 'Tittel',
    type: 'Type',
    casePaper: 'Saksframlegg',
    recommendation: 'Innstilling',
    exempt: (basis) => `Unnateke offentlegheit, jf. ${basis}`,
    page: 'Side',
    of: 'av',
  },
};

/** The summons: meeting, those summoned by group, the agenda, and each case with its paper and recommendation. */
export function renderSummonsPdf(doc: SummonsDocument): Promise<Buffer> {
  return renderBlocksPdf(summonsBlockDocument(doc));
}

/** The same summons as a Word document, from the same blocks. */
export function renderSummonsDocx(doc: SummonsDocument): Promise<Buffer> {
  return renderBlocksDocx(summonsBlockDocument(doc));
}

function summonsBlockDocument(doc: SummonsDocument): BlockDocument {
  const labels = SUMMONS_LABELS[doc.language];
  const date = formatDate(doc.meeting.date);
  const { meeting } = doc;
  const fields = [
    { label: labels.date, lines: [date] },
    { label: labels.time, lines: [formatTimeRange(meeting.startTime, meeting.endTime)] },
    { label: labels.place, lines: meeting.place ? [meeting.place] : [] },
    { label: labels.remoteLink, lines: meeting.remoteLink ? [meeting.remoteLink] : [] },
    { label: labels.meetingForm, lines: meeting.writtenProcedure ? [labels.writtenProcedure] : [] },
  ];
  const groupLabel = (group: SummonsGroup) =>
    group === 'deputy' && !doc.deputiesForInformation ? labels.groups.deputy.replace(/ \(.*\)$/, '') : labels.groups[group];
  const planned = doc.items.some((item) => item.plannedTime !== null);
  const blocks: Block[] = [
    heading(1, labels.title),
    paragraph(doc.bodyName, { bold: true }),
    { kind: 'fields', rows: fields.filter((row) => row.lines.length > 0) },
  ];
  if (doc.recipients.some((g) => g.lines.length > 0)) {
    blocks.push(heading(2, labels.recipients), {
      kind: 'fields',
      rows: doc.recipients.filter((g) => g.lines.length > 0).map((g) => ({ label: groupLabel(g.group), lines: g.lines })),
    });
    if (doc.deputiesForInformation && doc.recipients.some((g) => g.group === 'deputy' && g.lines.length > 0))
      blocks.push(paragraph(labels.deputiesNote, { italic: true }));
  }
  blocks.push(heading(2, labels.agenda), {
    kind: 'table',
    header: planned ? [labels.number, labels.caseTitle, labels.type, labels.plannedTime] : [labels.number, labels.caseTitle, labels.type],
    widths: planned ? [1, 5, 1.5, 1.3] : [1, 5, 1.5],
    rows: doc.items.map((item) =>
      planned ? [item.number, item.title, item.type, item.plannedTime ?? ''] : [item.number, item.title, item.type],
    ),
  });
  for (const item of doc.items) {
    blocks.push(heading(2, caseHeading(item.number, item.title)), paragraph(item.type, { italic: true }));
    const facts = [
      { label: labels.caseOfficer, lines: item.caseOfficer ? [item.caseOfficer] : [] },
      { label: labels.plannedTime, lines: item.plannedTime ? [item.plannedTime] : [] },
      { label: labels.attachments, lines: item.exempt && doc.publicVersion ? [] : item.attachments },
    ].filter((row) => row.lines.length > 0);
    if (facts.length > 0) blocks.push({ kind: 'fields', rows: facts });
    if (item.exempt) blocks.push(paragraph(labels.exempt(item.exempt), { tone: 'note' }));
    if (item.exempt && doc.publicVersion) continue;
    blocks.push(heading(3, labels.casePaper), ...markdownToBlocks(item.casePaper));
    blocks.push(heading(3, labels.recommendation), ...markdownToBlocks(item.recommendation));
  }
  return {
    language: doc.language,
    title: `${labels.documentTitle} ${doc.bodyName} ${date}`,
    runningHeader: null,
    footer: `${doc.networkName} · ${doc.bodyName} · ${date}`,
    pageLabel: { page: labels.page, of: labels.of },
    blocks,
  };
}
