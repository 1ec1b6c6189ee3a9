import type { Language } from '../../../shared/i18n/languages.ts';
import type { FinanceOverview, MunicipalityStatement, StatementSummary } from '../../../shared/finance/statements.ts';
import type { Phase } from '../../../shared/portfolio/projects.ts';
import {
  heading,
  renderBlocksPdf,
  renderTable,
  type BlockDocument,
  type ExportColumn,
  type ExportFormat,
  type RenderedFile,
} from '../documents/index.ts';
import { formatDate, LANGUAGE_TAGS, paragraph, type Block, type DocLanguage } from '../documents/markdown-blocks.ts';
import { PHASE_LABELS } from '../portfolio/terms.ts';

/**
 * The statement as a PDF for the municipality's chief executive, in its written standard (nynorsk for a nynorsk
 * municipality, bokmål otherwise): the same figures as the page, laid out from the one block model.
 */

interface StatementLabels {
  title: (municipality: string, year: number) => string;
  network: string;
  municipality: string;
  population: (year: number) => string;
  pays: string;
  fee: string;
  feeFrom: (title: string) => string;
  feeDraft: string;
  feeAdopted: (body: string, date: string, caseNumber: string | null) => string;
  noSchedule: string;
  projectShares: string;
  projectSharesInYear: (year: number) => string;
  sharesNote: string;
  total: string;
  contributes: string;
  ownEffort: string;
  commonWork: string;
  hours: string;
  value: string;
  rate: (rate: string) => string;
  noRate: string;
  takesPart: string;
  noProjects: string;
  project: string;
  phase: string;
  costTotal: string;
  wholePeriod: string;
  inYear: (year: number) => string;
  benefits: string;
  benefitsLine: (achievement: string | null, measured: number, count: number) => string;
  notFinanced: string;
  footer: (network: string) => string;
  page: string;
  of: string;
}

const LABELS: Record<DocLanguage, StatementLabels> = {
  nb: {
    title: (m, y) => `Økonomisk oversikt ${y}: ${m}`,
    network: 'Samarbeid',
    municipality: 'Kommune',
    population: (y) => `Innbyggere (${y})`,
    pays: 'Dette betaler kommunen',
    fee: 'Kontingent',
    feeFrom: (t) => `Etter kontingentmodellen «${t}».`,
    feeDraft: 'Kontingentmodellen er ikke vedtatt ennå: beløpet er et utkast.',
    feeAdopted: (b, d, c) => `Vedtatt av ${b} ${d}${c ? `, sak ${c}` : ''}.`,
    noSchedule: 'Nettverket har ingen kontingentmodell for året.',
    projectShares: 'Andeler i prosjekter',
    projectSharesInYear: (y) => `Andeler i prosjekter i ${y}`,
    sharesNote:
      'Kommunens andel er av prosjektets samlede kostnad for hele prosjektperioden, etter gjeldende kostnadsfordeling. Andelen er fordelt på årene etter hvor mange av prosjektets dager (fra oppstart til planlagt slutt) som faller i hvert år; avrundingen havner i siste år. Uten planlagt slutt faller hele andelen i oppstartsåret.',
    total: 'Sum',
    contributes: 'Dette bidrar kommunen med',
    ownEffort: 'Egeninnsats',
    commonWork: 'Felles arbeid i nettverket',
    hours: 'Timer',
    value: 'Verdi',
    rate: (r) => `Verdsatt til nettverkets timesats ${r} per time.`,
    noRate: 'Nettverket har ingen timesats for året.',
    takesPart: 'Prosjekter kommunen deltar i',
    noProjects: 'Kommunen deltar ikke i noen prosjekter som pågår dette året.',
    project: 'Prosjekt',
    phase: 'Fase',
    costTotal: 'Kostnad totalt',
    wholePeriod: 'Hele prosjektperioden',
    inYear: (y) => `Andel i ${y}`,
    benefits: 'Gevinstrealisering',
    benefitsLine: (a, m, c) => (a === null ? `Ingen målinger ennå (${c} gevinster).` : `${a} realisert, målt for ${m} av ${c} gevinster.`),
    notFinanced: 'Ikke finansiert ennå',
    footer: (n) => `${n} · Digiregion`,
    page: 'Side',
    of: 'av',
  },
  nn: {
    title: (m, y) => `Økonomisk oversikt ${y}: ${m}`,
    network: 'Samarbeid',
    municipality: 'Kommune',
    population: (y) => `Innbyggjarar (${y})`,
    pays: 'Dette betaler kommunen',
    fee: 'Kontingent',
    feeFrom: (t) => `Etter kontingentmodellen «${t}».`,
    feeDraft: 'Kontingentmodellen er ikkje vedteken enno: beløpet er eit utkast.',
    feeAdopted: (b, d, c) => `Vedteken av ${b} ${d}${c ? `, sak ${c}` : ''}.`,
    noSchedule: 'Nettverket har ingen kontingentmodell for året.',
    projectShares: 'Delar i prosjekt',
    projectSharesInYear: (y) => `Delar i prosjekt i ${y}`,
    sharesNote:
      'Delen til kommunen er av den samla kostnaden til prosjektet for heile prosjektperioden, etter gjeldande kostnadsfordeling. Delen er fordelt på åra etter kor mange av dagane til prosjektet (frå oppstart til planlagd slutt) som fell i kvart år; avrundinga hamnar i siste år. Utan planlagd slutt fell heile delen i oppstartsåret.',
    total: 'Sum',
    contributes: 'Dette bidreg kommunen med',
    ownEffort: 'Eigeninnsats',
    commonWork: 'Felles arbeid i nettverket',
    hours: 'Timar',
    value: 'Verdi',
    rate: (r) => `Verdsett til timesatsen til nettverket, ${r} per time.`,
    noRate: 'Nettverket har ingen timesats for året.',
    takesPart: 'Prosjekt kommunen er med i',
    noProjects: 'Kommunen er ikkje med i nokon prosjekt som går dette året.',
    project: 'Prosjekt',
    phase: 'Fase',
    costTotal: 'Kostnad totalt',
    wholePeriod: 'Heile prosjektperioden',
    inYear: (y) => `Del i ${y}`,
    benefits: 'Gevinstrealisering',
    benefitsLine: (a, m, c) => (a === null ? `Ingen målingar enno (${c} gevinstar).` : `${a} realisert, målt for ${m} av ${c} gevinstar.`),
    notFinanced: 'Ikkje finansiert enno',
    footer: (n) => `${n} · Digiregion`,
    page: 'Side',
    of: 'av',
  },
};

/** A nynorsk municipality gets nynorsk; every other one bokmål. */
export const statementLanguage = (statement: MunicipalityStatement): DocLanguage =>
  statement.municipality.writtenStandard === 'nynorsk' ? 'nn' : 'nb';

export function statementDocument(s: MunicipalityStatement, language: DocLanguage): BlockDocument {
  const l = LABELS[language];
  const number = new Intl.NumberFormat(LANGUAGE_TAGS[language], { maximumFractionDigits: 2 });
  const kroner = (amount: number) => `${number.format(amount)} kr`;
  const hours = (hundredths: number) => number.format(hundredths / 100);
  const percent = (value: number) =>
    `${new Intl.NumberFormat(LANGUAGE_TAGS[language], { maximumFractionDigits: 0 }).format(value * 100)} %`;
  const phase = (p: string) => PHASE_LABELS[p as Phase]?.[language as Language] ?? p;

  const feeNotes: Block[] = [];
  if (s.schedule) {
    feeNotes.push(paragraph(l.feeFrom(s.schedule.title), { tone: 'note' }));
    const d = s.schedule.decision;
    feeNotes.push(
      paragraph(s.schedule.status === 'adopted' && d ? l.feeAdopted(d.bodyName, formatDate(d.meetingDate), d.caseNumber) : l.feeDraft, {
        tone: 'note',
      }),
    );
  } else {
    feeNotes.push(paragraph(l.noSchedule, { tone: 'note' }));
  }

  const projectRows = s.projects.map((p) => [
    `${p.reference} ${p.title}`,
    phase(p.phase),
    p.costTotal === null ? l.notFinanced : kroner(p.costTotal),
    p.share === null ? '–' : kroner(p.share),
    p.shareInYear === null ? '–' : kroner(p.shareInYear),
  ]);
  const effortRows = [
    ...s.ownEffort.map((line) => [
      line.projectId === null ? l.commonWork : `${line.reference} ${line.title}`,
      hours(line.hours),
      kroner(line.value),
    ]),
    [l.total, hours(s.ownEffortHours), kroner(s.ownEffortValue)],
  ];
  const benefitRows = s.projects.map((p) => [
    `${p.reference} ${p.title}`,
    l.benefitsLine(
      p.benefits.achievement === null ? null : percent(p.benefits.achievement),
      p.benefits.measuredBenefitCount,
      p.benefits.benefitCount,
    ),
  ]);

  const blocks: Block[] = [
    heading(1, l.title(s.municipality.name, s.year)),
    {
      kind: 'fields',
      rows: [
        { label: l.network, lines: [s.network.name] },
        { label: l.municipality, lines: [`${s.municipality.name} (${s.municipality.number})`] },
        { label: l.population(s.municipality.populationYear), lines: [number.format(s.municipality.population)] },
      ],
    },
    heading(2, l.pays),
    {
      kind: 'table',
      header: ['', l.value],
      widths: [3, 1],
      rows: [
        [l.fee, s.fee === null ? '–' : kroner(s.fee)],
        [l.projectSharesInYear(s.year), kroner(s.projectShares)],
        [l.total, kroner(s.pays)],
      ],
    },
    ...feeNotes,
    heading(3, l.projectShares),
    ...(s.projects.length === 0
      ? [paragraph(l.noProjects)]
      : [
          {
            kind: 'table',
            header: [l.project, l.phase, l.costTotal, l.wholePeriod, l.inYear(s.year)],
            widths: [4, 2, 2, 2, 2],
            rows: projectRows,
          } satisfies Block,
          paragraph(l.sharesNote, { tone: 'note' }),
        ]),
    heading(2, l.contributes),
    heading(3, l.ownEffort),
    { kind: 'table', header: ['', l.hours, l.value], widths: [4, 1, 2], rows: effortRows },
    paragraph(s.hourlyRate === null ? l.noRate : l.rate(kroner(s.hourlyRate)), { tone: 'note' }),
    heading(2, l.takesPart),
    ...(s.projects.length === 0
      ? [paragraph(l.noProjects)]
      : [{ kind: 'table', header: [l.project, l.benefits], widths: [3, 3], rows: benefitRows } satisfies Block]),
    paragraph(
      `${l.benefits}: ${l.benefitsLine(s.benefits.achievement === null ? null : percent(s.benefits.achievement), s.benefits.measuredBenefitCount, s.benefits.benefitCount)}`,
    ),
  ];
  return {
    language,
    title: l.title(s.municipality.name, s.year),
    runningHeader: null,
    footer: l.footer(s.network.name),
    pageLabel: { page: l.page, of: l.of },
    blocks,
  };
}

export async function renderStatementPdf(s: MunicipalityStatement): Promise<RenderedFile> {
  return {
    body: await renderBlocksPdf(statementDocument(s, statementLanguage(s))),
    contentType: 'application/pdf',
    fileName: `okonomi-${s.network.slug}-${s.municipality.number}-${s.year}.pdf`,
  };
}

const OVERVIEW_HEADERS: Record<
  Language,
  Record<'number' | 'name' | 'fee' | 'projects' | 'shares' | 'pays' | 'hours' | 'effort', string>
> = {
  nb: {
    number: 'Kommunenummer',
    name: 'Kommune',
    fee: 'Kontingent (kr)',
    projects: 'Prosjekter',
    shares: 'Andeler i prosjekter i året (kr)',
    pays: 'Betaler i alt (kr)',
    hours: 'Egeninnsats (timer)',
    effort: 'Egeninnsats (kr)',
  },
  nn: {
    number: 'Kommunenummer',
    name: 'Kommune',
    fee: 'Kontingent (kr)',
    projects: 'Prosjekt',
    shares: 'Delar i prosjekt i året (kr)',
    pays: 'Betaler i alt (kr)',
    hours: 'Eigeninnsats (timar)',
    effort: 'Eigeninnsats (kr)',
  },
  en: {
    number: 'Municipality number',
    name: 'Municipality',
    fee: 'Member fee (NOK)',
    projects: 'Projects',
    shares: 'Project shares in the year (NOK)',
    pays: 'Pays in total (NOK)',
    hours: 'Own effort (hours)',
    effort: 'Own effort (NOK)',
  },
};
const TOTAL: Record<Language, string> = { nb: 'Sum', nn: 'Sum', en: 'Total' };

/** The overview as a spreadsheet: a row per municipality and the sums last, the same figures as the page. */
export function renderOverviewTable(overview: FinanceOverview, language: Language, format: ExportFormat): Promise<RenderedFile> {
  const h = OVERVIEW_HEADERS[language];
  const rows: StatementSummary[] = [...overview.municipalities, { number: '', name: TOTAL[language], ...overview.totals }];
  const columns: ExportColumn<StatementSummary>[] = [
    { header: h.number, value: (r) => r.number || null, width: 14 },
    { header: h.name, value: (r) => r.name, width: 22 },
    { header: h.fee, value: (r) => r.fee, width: 16 },
    { header: h.projects, value: (r) => r.projectCount, width: 10 },
    { header: h.shares, value: (r) => r.projectShares, width: 20 },
    { header: h.pays, value: (r) => r.pays, width: 18 },
    { header: h.hours, value: (r) => r.ownEffortHours / 100, width: 16 },
    { header: h.effort, value: (r) => r.ownEffortValue, width: 16 },
  ];
  return renderTable(format, `okonomi-${overview.network.slug}-${overview.year}`, columns, rows);
}
