import type { RequestContext } from '../../context.ts';
import type { Benefit, Indicator, IndicatorTarget } from '../../../shared/benefits/schema.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { renderBlocksPdf, renderTable, type ExportColumn, type ExportFormat, type RenderedFile } from '../documents/index.ts';
import { renderBlocksDocx } from '../documents/docx.ts';
import { formatDate, heading, paragraph, type Block, type BlockDocument } from '../documents/markdown-blocks.ts';
import { getProject } from '../portfolio/index.ts';
import { PHASE_LABELS } from '../portfolio/terms.ts';
import { presentBenefits } from './presenter.ts';
import { detailedRollup } from './rollup.ts';
import { BENEFIT_AREA_LABELS, BENEFIT_TYPE_LABELS, DIRECTION_LABELS, FREQUENCY_LABELS, PLAN_HEADINGS } from './terms.ts';

/**
 * The benefits plan (plan for nyttestyring) of a project as a tagged PDF/A or DOCX, to attach as the basis for BP3 and
 * BP6, or as XLSX with one row per indicator and municipality; and the network's roll-up as XLSX or CSV.
 */

export const PLAN_FORMATS = ['pdf', 'docx', 'xlsx'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** An achievement as a whole percentage with one decimal, the way every export shows it. */
export const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

const number = (language: Language, value: number | null) =>
  value === null ? '–' : value.toLocaleString(language === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2 });

interface PlanRow {
  benefit: Benefit;
  indicator: Indicator | null;
  target: IndicatorTarget | null;
}

function planColumns(language: Language): ExportColumn<PlanRow>[] {
  const h = (key: keyof typeof PLAN_HEADINGS) => PLAN_HEADINGS[key][language];
  return [
    { header: h('benefit'), value: (r) => r.benefit.title, width: 36 },
    { header: h('type'), value: (r) => BENEFIT_TYPE_LABELS[r.benefit.type][language], width: 18 },
    { header: h('beneficiaries'), value: (r) => r.benefit.beneficiaries, width: 24 },
    { header: h('changes'), value: (r) => r.benefit.changes, width: 36 },
    { header: h('benefitAreas'), value: (r) => r.benefit.benefitAreas.map((a) => BENEFIT_AREA_LABELS[a][language]).join(', '), width: 18 },
    { header: h('owner'), value: (r) => r.benefit.owner?.name ?? null, width: 22 },
    { header: h('indicator'), value: (r) => r.indicator?.name ?? null, width: 30 },
    { header: h('unit'), value: (r) => r.indicator?.unit ?? null, width: 12 },
    { header: h('direction'), value: (r) => (r.indicator ? DIRECTION_LABELS[r.indicator.direction][language] : null), width: 14 },
    { header: h('dataSource'), value: (r) => r.indicator?.dataSource ?? null, width: 22 },
    { header: h('frequency'), value: (r) => (r.indicator ? FREQUENCY_LABELS[r.indicator.frequency][language] : null), width: 14 },
    { header: h('municipality'), value: (r) => r.target?.municipalityName ?? null, width: 18 },
    { header: h('responsible'), value: (r) => r.target?.responsible?.name ?? null, width: 22 },
    { header: h('baseline'), value: (r) => r.target?.baselineValue ?? null, width: 12 },
    { header: h('baselineDate'), value: (r) => r.target?.baselineDate ?? null, width: 14 },
    { header: h('target'), value: (r) => r.target?.targetValue ?? null, width: 12 },
    { header: h('targetDate'), value: (r) => r.target?.targetDate ?? null, width: 14 },
    {
      header: h('interimTargets'),
      value: (r) => r.target?.interimTargets.map((i) => `${i.date}: ${number(language, i.value)}`).join('; ') || null,
      width: 28,
    },
    { header: h('latest'), value: (r) => r.target?.latest?.value ?? null, width: 12 },
    { header: h('measuredOn'), value: (r) => r.target?.latest?.measuredOn ?? null, width: 14 },
    { header: `${h('achievement')} (%)`, value: (r) => percent(r.target?.achievement ?? null), width: 14 },
    { header: h('nextDue'), value: (r) => r.target?.nextDue ?? null, width: 14 },
  ];
}

/** Every benefit appears, those without an indicator or targets too, on a row of their own. */
function planRows(benefits: Benefit[]): PlanRow[] {
  return benefits.flatMap((benefit) =>
    benefit.indicators.length === 0
      ? [{ benefit, indicator: null, target: null }]
      : benefit.indicators.flatMap((indicator): PlanRow[] =>
          indicator.targets.length === 0
            ? [{ benefit, indicator, target: null }]
            : indicator.targets.map((target) => ({ benefit, indicator, target })),
        ),
  );
}

function planBlocks(language: Language, benefits: Benefit[]): Block[] {
  const h = (key: keyof typeof PLAN_HEADINGS) => PLAN_HEADINGS[key][language];
  return benefits.flatMap((benefit): Block[] => [
    heading(2, benefit.title),
    ...(benefit.description ? [paragraph(benefit.description)] : []),
    {
      kind: 'fields',
      rows: [
        { label: h('type'), lines: [BENEFIT_TYPE_LABELS[benefit.type][language]] },
        { label: h('beneficiaries'), lines: [benefit.beneficiaries ?? '–'] },
        { label: h('changes'), lines: (benefit.changes ?? '–').split('\n') },
        { label: h('deliverables'), lines: [benefit.deliverables.map((d) => d.title).join(', ') || '–'] },
        { label: h('benefitAreas'), lines: [benefit.benefitAreas.map((a) => BENEFIT_AREA_LABELS[a][language]).join(', ') || '–'] },
        { label: h('owner'), lines: [benefit.owner?.name ?? '–'] },
      ],
    },
    ...(benefit.indicators.length === 0 ? [paragraph(h('noIndicator'), { italic: true, tone: 'note' as const })] : []),
    ...benefit.indicators.flatMap((indicator): Block[] => [
      heading(3, `${h('indicator')}: ${indicator.name} (${indicator.unit})`),
      {
        kind: 'fields',
        rows: [
          { label: h('direction'), lines: [DIRECTION_LABELS[indicator.direction][language]] },
          { label: h('additive'), lines: [indicator.additive ? h('yes') : h('no')] },
          { label: h('dataSource'), lines: [indicator.dataSource ?? '–'] },
          { label: h('frequency'), lines: [FREQUENCY_LABELS[indicator.frequency][language]] },
        ],
      },
      indicator.targets.length === 0
        ? paragraph(h('noTargets'), { italic: true, tone: 'note' })
        : {
            kind: 'table',
            header: [h('municipality'), h('responsible'), h('baseline'), h('target'), h('interimTargets'), h('latest'), h('achievement')],
            widths: [16, 16, 14, 14, 18, 12, 10],
            rows: indicator.targets.map((t) => [
              t.municipalityName,
              t.responsible?.name ?? '–',
              `${number(language, t.baselineValue)} (${formatDate(t.baselineDate)})`,
              `${number(language, t.targetValue)} (${formatDate(t.targetDate)})`,
              t.interimTargets.map((i) => `${number(language, i.value)} (${formatDate(i.date)})`).join(', ') || '–',
              t.latest ? `${number(language, t.latest.value)} (${formatDate(t.latest.measuredOn)})` : '–',
              t.achievement === null ? '–' : `${number(language, percent(t.achievement))} %`,
            ]),
          },
    ]),
  ]);
}

export async function exportBenefitsPlan(ctx: RequestContext, projectId: string, format: PlanFormat): Promise<RenderedFile> {
  const project = await getProject(ctx, projectId);
  const benefits = await presentBenefits(ctx.db, { projectId });
  const language = ctx.language;
  const name = `${PLAN_HEADINGS.plan.nb.toLowerCase().replaceAll(' ', '-')}-${project.reference}`;
  if (format === 'xlsx') return renderTable('xlsx', name, planColumns(language), planRows(benefits));
  const h = (key: keyof typeof PLAN_HEADINGS) => PLAN_HEADINGS[key][language];
  const doc: BlockDocument = {
    // Documents have bokmål or nynorsk labels; an English reader gets bokmål's language tag for hyphenation.
    language: language === 'nn' ? 'nn' : 'nb',
    title: `${h('plan')}: ${project.title}`,
    runningHeader: null,
    footer: `${project.reference} ${project.title}`,
    pageLabel: { page: h('page'), of: h('of') },
    blocks: [
      heading(1, `${h('plan')}: ${project.title}`),
      {
        kind: 'fields',
        rows: [
          { label: h('project'), lines: [`${project.reference} ${project.title}`] },
          { label: h('phase'), lines: [PHASE_LABELS[project.phase][language]] },
          { label: h('projectOwner'), lines: [project.owner?.name ?? '–'] },
          {
            label: h('participants'),
            lines: [
              project.participants
                .filter((p) => p.participation === 'in')
                .map((p) => p.municipalityName)
                .join(', ') || '–',
            ],
          },
        ],
      },
      ...planBlocks(language, benefits),
    ],
  };
  if (format === 'pdf') return { body: await renderBlocksPdf(doc), contentType: 'application/pdf', fileName: `${name}.pdf` };
  return {
    body: await renderBlocksDocx(doc),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileName: `${name}.docx`,
  };
}

interface RollupRow {
  focusArea: string;
  reference: string;
  project: string;
  benefit: string;
  indicator: string | null;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  current: number | null;
  measured: string | null;
  achievement: number | null;
}

/** The traceability view flattened: one row per focus area, project, benefit and indicator. */
export async function exportRollup(
  ctx: RequestContext,
  networkRef: string,
  municipality: string | undefined,
  format: ExportFormat,
): Promise<RenderedFile> {
  const rollup = await detailedRollup(ctx, networkRef, municipality);
  const language = ctx.language;
  const h = (key: keyof typeof PLAN_HEADINGS) => PLAN_HEADINGS[key][language];
  const rows = rollup.focusAreas.flatMap((area) =>
    area.projects.flatMap((project) =>
      project.benefits.flatMap((benefit): RollupRow[] => {
        const base = {
          focusArea: area.title ?? h('withoutFocusArea'),
          reference: project.reference,
          project: project.title,
          benefit: benefit.title,
        };
        if (benefit.indicators.length === 0) {
          return [{ ...base, indicator: null, unit: null, baseline: null, target: null, current: null, measured: null, achievement: null }];
        }
        return benefit.indicators.map((i) => ({
          ...base,
          indicator: i.name,
          unit: i.unit,
          baseline: i.baseline,
          target: i.target,
          current: i.current,
          measured: `${i.measuredMunicipalityCount}/${i.municipalityCount}`,
          achievement: percent(i.achievement),
        }));
      }),
    ),
  );
  const columns: ExportColumn<RollupRow>[] = [
    { header: h('focusArea'), value: (r) => r.focusArea, width: 28 },
    { header: h('reference'), value: (r) => r.reference, width: 12 },
    { header: h('project'), value: (r) => r.project, width: 32 },
    { header: h('benefit'), value: (r) => r.benefit, width: 32 },
    { header: h('indicator'), value: (r) => r.indicator, width: 28 },
    { header: h('unit'), value: (r) => r.unit, width: 12 },
    { header: h('baseline'), value: (r) => r.baseline, width: 12 },
    { header: h('target'), value: (r) => r.target, width: 12 },
    { header: h('current'), value: (r) => r.current, width: 12 },
    { header: h('measured'), value: (r) => r.measured, width: 12 },
    { header: `${h('achievement')} (%)`, value: (r) => r.achievement, width: 14 },
  ];
  return renderTable(format, municipality ? `nyttestyring-${municipality}` : 'nyttestyring', columns, rows);
}
