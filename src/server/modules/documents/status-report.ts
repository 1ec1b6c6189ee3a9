import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { LANGUAGE_TAGS, type DocLanguage } from './markdown-blocks.ts';
import { renderPdfDefinition } from './pdf.ts';

/**
 * A project's published status report as a PDF: the project, the period, the overall light and each control
 * parameter's light — in words and in colour, so the colour is never the only sign — with its comment, the summary,
 * the figures in Norwegian format, and who published it when. Rendered once, when the report is published; its
 * creation date is the publishing time, so the same report always gives the same bytes.
 */

export type DocLight = 'green' | 'yellow' | 'red';

export interface StatusReportDocument {
  language: DocLanguage;
  networkName: string;
  projectReference: string;
  projectTitle: string;
  /** The project's phase in words, as it was when the report was published. */
  phase: string;
  ownerName: string | null;
  managerName: string | null;
  /** The period in words («mars 2026», «2. tertial 2026»). */
  period: string;
  overall: DocLight;
  summary: string | null;
  /** In the contract's order, each with its name in words. */
  parameters: Array<{ name: string; status: DocLight; comment: string | null }>;
  /** Whole kroner. */
  budget: number | null;
  spent: number | null;
  forecast: number | null;
  publishedAt: Date;
  publishedBy: string;
}

export interface StatusReportLabels {
  title: string;
  project: string;
  network: string;
  phase: string;
  owner: string;
  manager: string;
  period: string;
  overall: string;
  summary: string;
  parameters: string;
  parameter: string;
  status: string;
  comment: string;
  economy: string;
  budget: string;
  spent: string;
  forecast: string;
  deviation: string;
  notGiven: string;
  lights: Record<DocLight, string>;
  published: (name: string, at: string) => string;
  page: string;
  of: string;
}

export const STATUS_REPORT_LABELS: Record<DocLanguage, StatusReportLabels> = {
  nb: {
    title: 'Statusrapport',
    project: 'Prosjekt',
    network: 'Samarbeid',
    phase: 'Fase',
    owner: 'Prosjekteier',
    manager: 'Prosjektleder',
    period: 'Periode',
    overall: 'Samlet status',
    summary: 'Oppsummering',
    parameters: 'Styringsparametere',
    parameter: 'Styringsparameter',
    status: 'Status',
    comment: 'Kommentar',
    economy: 'Økonomi',
    budget: 'Budsjett',
    spent: 'Forbrukt hittil',
    forecast: 'Prognose',
    deviation: 'Prognose mot budsjett',
    notGiven: 'Ikke oppgitt',
    lights: { green: 'Grønn – i rute', yellow: 'Gul – risiko for avvik', red: 'Rød – avvik' },
    published: (name, at) => `Publisert av ${name} ${at}.`,
    page: 'Side',
    of: 'av',
  },
  nn: {
    title: 'Statusrapport',
    project: 'Prosjekt',
    network: 'Samarbeid',
    phase: 'Fase',
    owner: 'Prosjekteigar',
    manager: 'Prosjektleiar',
    period: 'Periode',
    overall: 'Samla status',
    summary: 'Oppsummering',
    parameters: 'Styringsparametrar',
    parameter: 'Styringsparameter',
    status: 'Status',
    comment: 'Kommentar',
    economy: 'Økonomi',
    budget: 'Budsjett',
    spent: 'Brukt så langt',
    forecast: 'Prognose',
    deviation: 'Prognose mot budsjett',
    notGiven: 'Ikkje oppgitt',
    lights: { green: 'Grøn – i rute', yellow: 'Gul – risiko for avvik', red: 'Raud – avvik' },
    published: (name, at) => `Publisert av ${name} ${at}.`,
    page: 'Side',
    of: 'av',
  },
};

/** The lights' colours, for the dot beside the words. */
const LIGHT_COLORS: Record<DocLight, string> = { green: '#1e7b34', yellow: '#e0a400', red: '#c0262d' };
const MARGIN = 56;

/** «1 250 000 kr», grouped as Norwegian writes it. */
export function formatKroner(amount: number, language: DocLanguage): string {
  return `${new Intl.NumberFormat(LANGUAGE_TAGS[language]).format(amount)} kr`;
}

/** «12.03.2026 kl. 14:05», Oslo time. */
function formatPublished(at: Date, language: DocLanguage): string {
  const parts = new Intl.DateTimeFormat(LANGUAGE_TAGS[language], {
    timeZone: 'Europe/Oslo',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')} kl. ${part('hour')}:${part('minute')}`;
}

/** A dot in the light's colour and the light in words. */
function lightContent(light: DocLight, labels: StatusReportLabels, bold = false): Content {
  return {
    columns: [
      { width: 12, canvas: [{ type: 'ellipse', x: 5, y: 6.5, r1: 5, r2: 5, color: LIGHT_COLORS[light] }] },
      { width: '*', text: labels.lights[light], bold },
    ],
    columnGap: 4,
  };
}

export function renderStatusReportPdf(doc: StatusReportDocument): Promise<Buffer> {
  const labels = STATUS_REPORT_LABELS[doc.language];
  const money = (amount: number | null) => (amount === null ? labels.notGiven : formatKroner(amount, doc.language));
  const deviation =
    doc.budget !== null && doc.forecast !== null
      ? `${doc.forecast - doc.budget > 0 ? '+' : ''}${formatKroner(doc.forecast - doc.budget, doc.language)}`
      : labels.notGiven;
  const facts: Array<[string, Content]> = [
    [labels.project, { text: `${doc.projectReference} ${doc.projectTitle}` }],
    [labels.network, { text: doc.networkName }],
    [labels.phase, { text: doc.phase }],
    [labels.owner, { text: doc.ownerName ?? labels.notGiven }],
    [labels.manager, { text: doc.managerName ?? labels.notGiven }],
    [labels.period, { text: doc.period }],
    [labels.overall, lightContent(doc.overall, labels, true)],
  ];
  const header = (text: string): TableCell => ({ text, bold: true });
  const published = labels.published(doc.publishedBy, formatPublished(doc.publishedAt, doc.language));
  const definition: TDocumentDefinitions = {
    info: {
      title: `${labels.title} ${doc.period}: ${doc.projectReference} ${doc.projectTitle}`,
      creator: 'Digiregion',
      producer: 'Digiregion',
      creationDate: doc.publishedAt,
    },
    language: LANGUAGE_TAGS[doc.language],
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN + 8],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    footer: (page, pages) => ({
      columns: [
        { text: `${doc.projectReference} · ${labels.title} ${doc.period}`, fontSize: 8, color: '#444444', width: '*' },
        { text: `${labels.page} ${page} ${labels.of} ${pages}`, fontSize: 8, color: '#444444', width: 'auto', alignment: 'right' },
      ],
      margin: [MARGIN, 24, MARGIN, 0],
    }),
    content: [
      { text: `${labels.title} ${doc.period}`, fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      { text: `${doc.projectReference} ${doc.projectTitle}`, fontSize: 12, margin: [0, 0, 0, 12] },
      {
        layout: 'noBorders',
        table: { widths: [110, '*'], body: facts.map(([label, value]) => [{ text: label, bold: true }, value]) },
        margin: [0, 0, 0, 10],
      },
      ...(doc.summary
        ? ([
            { text: labels.summary, fontSize: 11.5, bold: true, margin: [0, 8, 0, 4] },
            { text: doc.summary, margin: [0, 0, 0, 8] },
          ] satisfies Content[])
        : []),
      { text: labels.parameters, fontSize: 11.5, bold: true, margin: [0, 8, 0, 6] },
      {
        layout: 'lightHorizontalLines',
        table: {
          headerRows: 1,
          widths: ['22%', '28%', '50%'],
          body: [
            [header(labels.parameter), header(labels.status), header(labels.comment)],
            ...doc.parameters.map((p): TableCell[] => [{ text: p.name }, lightContent(p.status, labels), { text: p.comment ?? '' }]),
          ],
        },
        margin: [0, 0, 0, 12],
      },
      { text: labels.economy, fontSize: 11.5, bold: true, margin: [0, 8, 0, 6] },
      {
        layout: 'lightHorizontalLines',
        table: {
          widths: ['40%', '60%'],
          body: [
            [{ text: labels.budget, bold: true }, { text: money(doc.budget) }],
            [{ text: labels.spent, bold: true }, { text: money(doc.spent) }],
            [{ text: labels.forecast, bold: true }, { text: money(doc.forecast) }],
            [{ text: labels.deviation, bold: true }, { text: deviation }],
          ],
        },
        margin: [0, 0, 0, 12],
      },
      { text: published, italics: true, margin: [0, 12, 0, 0] },
    ],
  };
  return renderPdfDefinition(definition);
}
