import { renderBlocksDocx } from './docx.ts';
import { formatDate, heading, markdownToBlocks, paragraph, type Block, type BlockDocument, type DocLanguage } from './markdown-blocks.ts';
import { renderBlocksPdf } from './pdf.ts';

/** The sections of a strategy in the order the document shows them (the same as the strategy module's). */
export type StrategyDocSection = 'vision' | 'mainGoal' | 'statement' | 'principles' | 'focusAreas' | 'benefitAreas';
const SECTIONS: StrategyDocSection[] = ['vision', 'mainGoal', 'statement', 'principles', 'focusAreas', 'benefitAreas'];
const BENEFIT_AREAS = ['better', 'more', 'shorter', 'reduce'] as const;

export type StrategyDecisionStatus = 'notStarted' | 'underConsideration' | 'adopted' | 'rejected';

export interface StrategyDocument {
  language: DocLanguage;
  networkName: string;
  title: string;
  periodStart: number;
  periodEnd: number;
  versionNumber: number;
  /** ISO date; null for a draft, which is marked UTKAST on every page. */
  publishedOn: string | null;
  content: {
    vision: string | null;
    mainGoal: string | null;
    statement: string | null;
    /** Principle and focus-area texts are Markdown. */
    principles: Array<{ title: string; text: string | null }>;
    focusAreas: Array<{ title: string; text: string | null }>;
    benefitAreas: Record<(typeof BENEFIT_AREAS)[number], string[]>;
  };
  /** A municipality's version: its local text after each section's shared text, and its political decision. */
  local: {
    municipalityName: string;
    /** Markdown per section. */
    texts: Partial<Record<StrategyDocSection, string>>;
    decision: { status: StrategyDecisionStatus; bodyName: string | null; date: string | null; caseNumber: string | null };
  } | null;
}

export interface StrategyLabels {
  sections: Record<StrategyDocSection, string>;
  benefitAreas: Record<(typeof BENEFIT_AREAS)[number], string>;
  network: string;
  period: string;
  version: string;
  published: (date: string) => string;
  draft: string;
  municipality: string;
  localText: (municipality: string) => string;
  decisionHeading: string;
  decisionStatus: Record<StrategyDecisionStatus, string>;
  /** «Vedtatt i Kommunestyret 12.03.2025, sak PS 45/25.» */
  adopted: (body: string | null, date: string | null, caseNumber: string | null) => string;
  page: string;
  of: string;
}

function adoptedLine(verb: string, caseWord: string) {
  return (body: string | null, date: string | null, caseNumber: string | null) =>
    `${[verb, body ? `i ${body}` : null, date ? formatDate(date) : null].filter(Boolean).join(' ')}${caseNumber ? `, ${caseWord} ${caseNumber}` : ''}.`;
}

export const STRATEGY_LABELS: Record<DocLanguage, StrategyLabels> = {
  nb: {
    sections: {
      vision: 'Visjon',
      mainGoal: 'Hovedmål',
      statement: 'Strategi',
      principles: 'Prinsipper',
      focusAreas: 'Innsatsområder',
      benefitAreas: 'Gevinstområder',
    },
    benefitAreas: { better: 'Bedre', more: 'Mer', shorter: 'Kortere', reduce: 'Redusere' },
    network: 'Samarbeid',
    period: 'Periode',
    version: 'Versjon',
    published: (date) => `publisert ${date}`,
    draft: 'UTKAST',
    municipality: 'Kommune',
    localText: (municipality) => `Lokal tilpasning for ${municipality}`,
    decisionHeading: 'Politisk vedtak',
    decisionStatus: { notStarted: 'Ikke behandlet', underConsideration: 'Til behandling', adopted: 'Vedtatt', rejected: 'Ikke vedtatt' },
    adopted: adoptedLine('Vedtatt', 'sak'),
    page: 'Side',
    of: 'av',
  },
  nn: {
    sections: {
      vision: 'Visjon',
      mainGoal: 'Hovudmål',
      statement: 'Strategi',
      principles: 'Prinsipp',
      focusAreas: 'Innsatsområde',
      benefitAreas: 'Gevinstområde',
    },
    benefitAreas: { better: 'Betre', more: 'Meir', shorter: 'Kortare', reduce: 'Redusere' },
    network: 'Samarbeid',
    period: 'Periode',
    version: 'Versjon',
    published: (date) => `publisert ${date}`,
    draft: 'UTKAST',
    municipality: 'Kommune',
    localText: (municipality) => `Lokal tilpassing for ${municipality}`,
    decisionHeading: 'Politisk vedtak',
    decisionStatus: { notStarted: 'Ikkje handsama', underConsideration: 'Til handsaming', adopted: 'Vedteken', rejected: 'Ikkje vedteken' },
    adopted: adoptedLine('Vedteken', 'sak'),
    page: 'Side',
    of: 'av',
  },
};

export function renderStrategyPdf(doc: StrategyDocument): Promise<Buffer> {
  return renderBlocksPdf(strategyBlockDocument(doc));
}

export function renderStrategyDocx(doc: StrategyDocument): Promise<Buffer> {
  return renderBlocksDocx(strategyBlockDocument(doc));
}

/** Plain text with blank lines between paragraphs: vision, main goal and statement are not Markdown. */
function plainParagraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => paragraph(part));
}

function sectionBlocks(doc: StrategyDocument, labels: StrategyLabels, section: StrategyDocSection): Block[] {
  const { content } = doc;
  switch (section) {
    case 'vision':
    case 'mainGoal':
    case 'statement': {
      const text = content[section];
      return text ? plainParagraphs(text) : [];
    }
    case 'principles':
    case 'focusAreas':
      return content[section].flatMap((item) => [heading(3, item.title), ...(item.text ? markdownToBlocks(item.text) : [])]);
    case 'benefitAreas':
      return BENEFIT_AREAS.flatMap((area) => {
        const items = content.benefitAreas[area];
        if (items.length === 0) return [];
        return [
          heading(3, labels.benefitAreas[area]),
          { kind: 'list', ordered: false, start: 1, items: items.map((item) => [paragraph(item)]) },
        ];
      });
  }
}

/** The strategy as blocks: title, facts, each section with its shared text and then any local text, the decision. */
export function strategyBlockDocument(doc: StrategyDocument): BlockDocument {
  const labels = STRATEGY_LABELS[doc.language];
  const period = `${doc.periodStart}–${doc.periodEnd}`;
  const version = doc.publishedOn ? `${doc.versionNumber}, ${labels.published(formatDate(doc.publishedOn))}` : `${doc.versionNumber}`;
  const blocks: Block[] = [
    heading(1, doc.title),
    {
      kind: 'fields',
      rows: [
        { label: labels.network, lines: [doc.networkName] },
        ...(doc.local ? [{ label: labels.municipality, lines: [doc.local.municipalityName] }] : []),
        { label: labels.period, lines: [period] },
        { label: labels.version, lines: [version] },
      ],
    },
  ];
  for (const section of SECTIONS) {
    const shared = sectionBlocks(doc, labels, section);
    const local = doc.local?.texts[section]?.trim();
    if (shared.length === 0 && !local) continue;
    blocks.push(heading(2, labels.sections[section]), ...shared);
    if (doc.local && local) blocks.push(heading(3, labels.localText(doc.local.municipalityName)), ...markdownToBlocks(local));
  }
  if (doc.local) {
    const { decision } = doc.local;
    blocks.push(heading(2, labels.decisionHeading));
    blocks.push(
      paragraph(
        decision.status === 'adopted'
          ? labels.adopted(decision.bodyName, decision.date, decision.caseNumber)
          : [
              labels.decisionStatus[decision.status],
              decision.bodyName,
              decision.date ? formatDate(decision.date) : null,
              decision.caseNumber,
            ]
              .filter(Boolean)
              .join(', '),
      ),
    );
  }
  const subject = doc.local ? `${doc.title} · ${doc.local.municipalityName}` : `${doc.title} · ${doc.networkName}`;
  return {
    language: doc.language,
    title: doc.title,
    runningHeader: doc.publishedOn ? null : labels.draft,
    footer: `${subject} · ${labels.version} ${doc.versionNumber}`,
    pageLabel: { page: labels.page, of: labels.of },
    blocks,
  };
}
