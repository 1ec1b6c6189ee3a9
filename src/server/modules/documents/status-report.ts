import {
  heading,
  LANGUAGE_TAGS,
  paragraph,
  type Block,
  type BlockDocument,
  type CellText,
  type DocLanguage,
  type DocLight,
} from './markdown-blocks.ts';
import { renderBlocksPdf } from './pdf.ts';

/**
 * A project's published status report as a PDF: the project, the period, the overall light and each control
 * parameter's light — in words and in colour, so the colour is never the only sign — with its comment, the summary,
 * the figures in Norwegian format, and who published it when. Rendered once, when the report is published; its
 * creation date is the publishing time, so the same report always gives the same bytes.
 */

export type { DocLight };

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

/** The report as blocks: title, the facts with the overall light, the summary, each parameter's light, the economy. */
export function statusReportBlockDocument(doc: StatusReportDocument): BlockDocument {
  const labels = STATUS_REPORT_LABELS[doc.language];
  const money = (amount: number | null) => (amount === null ? labels.notGiven : formatKroner(amount, doc.language));
  const deviation =
    doc.budget !== null && doc.forecast !== null
      ? `${doc.forecast - doc.budget > 0 ? '+' : ''}${formatKroner(doc.forecast - doc.budget, doc.language)}`
      : labels.notGiven;
  const light = (status: DocLight): CellText => ({ text: labels.lights[status], light: status });
  const project = `${doc.projectReference} ${doc.projectTitle}`;
  const blocks: Block[] = [
    heading(1, `${labels.title} ${doc.period}`),
    paragraph(project, { tone: 'lead' }),
    {
      kind: 'fields',
      rows: [
        { label: labels.project, lines: [project] },
        { label: labels.network, lines: [doc.networkName] },
        { label: labels.phase, lines: [doc.phase] },
        { label: labels.owner, lines: [doc.ownerName ?? labels.notGiven] },
        { label: labels.manager, lines: [doc.managerName ?? labels.notGiven] },
        { label: labels.period, lines: [doc.period] },
        { label: labels.overall, lines: [light(doc.overall)] },
      ],
    },
    ...(doc.summary ? [heading(2, labels.summary), paragraph(doc.summary)] : []),
    heading(2, labels.parameters),
    {
      kind: 'table',
      header: [labels.parameter, labels.status, labels.comment],
      widths: [22, 28, 50],
      rows: doc.parameters.map((p) => [p.name, light(p.status), p.comment ?? '']),
    },
    heading(2, labels.economy),
    {
      kind: 'fields',
      rows: [
        { label: labels.budget, lines: [money(doc.budget)] },
        { label: labels.spent, lines: [money(doc.spent)] },
        { label: labels.forecast, lines: [money(doc.forecast)] },
        { label: labels.deviation, lines: [deviation] },
      ],
    },
    paragraph(labels.published(doc.publishedBy, formatPublished(doc.publishedAt, doc.language)), { italic: true }),
  ];
  return {
    language: doc.language,
    title: `${labels.title} ${doc.period}: ${project}`,
    runningHeader: null,
    footer: `${doc.projectReference} · ${labels.title} ${doc.period}`,
    pageLabel: { page: labels.page, of: labels.of },
    blocks,
    date: doc.publishedAt,
  };
}

export function renderStatusReportPdf(doc: StatusReportDocument): Promise<Buffer> {
  return renderBlocksPdf(statusReportBlockDocument(doc));
}
