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
  /** Names, listed as 'Innkalte'. */
  recipients: string[];
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

/** The summons: meeting, those summoned, the agenda, and each case with its paper and recommendation. */
export function renderSummonsPdf(doc: SummonsDocument): Promise<Buffer> {
  const labels = SUMMONS_LABELS[doc.language];
  const date = formatDate(doc.meeting.date);
  const { meeting } = doc;
  const fields = [
    { label: labels.date, lines: [date] },
    { label: labels.time, lines: [formatTimeRange(meeting.startTime, meeting.endTime)] },
    { label: labels.place, lines: meeting.place ? [meeting.place] : [] },
    { label: labels.remoteLink, lines: meeting.remoteLink ? [meeting.remoteLink] : [] },
    { label: labels.meetingForm, lines: meeting.writtenProcedure ? [labels.writtenProcedure] : [] },
    { label: labels.recipients, lines: doc.recipients },
  ];
  const blocks: Block[] = [
    heading(1, labels.title),
    paragraph(doc.bodyName, { bold: true }),
    { kind: 'fields', rows: fields.filter((row) => row.lines.length > 0) },
    heading(2, labels.agenda),
    {
      kind: 'table',
      header: [labels.number, labels.caseTitle, labels.type],
      widths: [1, 5, 1.5],
      rows: doc.items.map((item) => [item.number, item.title, item.type]),
    },
  ];
  for (const item of doc.items) {
    blocks.push(heading(2, caseHeading(item.number, item.title)), paragraph(item.type, { italic: true }));
    if (item.exempt) blocks.push(paragraph(labels.exempt(item.exempt), { tone: 'note' }));
    if (item.exempt && doc.publicVersion) continue;
    blocks.push(heading(3, labels.casePaper), ...markdownToBlocks(item.casePaper));
    blocks.push(heading(3, labels.recommendation), ...markdownToBlocks(item.recommendation));
  }
  return renderBlocksPdf({
    language: doc.language,
    title: `${labels.documentTitle} ${doc.bodyName} ${date}`,
    runningHeader: null,
    footer: `${doc.networkName} · ${doc.bodyName} · ${date}`,
    pageLabel: { page: labels.page, of: labels.of },
    blocks,
  });
}
