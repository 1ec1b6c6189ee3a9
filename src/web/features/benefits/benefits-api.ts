import type { Indicator, IndicatorTarget } from '../../../shared/benefits/schema.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';
import { compareNorwegian } from '../../../shared/text.ts';

/** The project's benefits in the API, and the benefits plan as a download. */
export const benefitsPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/benefits`;
export const benefitsPlanUrl = (projectId: string, format: 'pdf' | 'docx' | 'xlsx') =>
  `/api/projects/${encodeURIComponent(projectId)}/benefits-plan?format=${format}`;

/** A project's benefit curves in the API, and as a spreadsheet. */
export const projectCurvesPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/benefit-curves`;
export const projectCurvesUrl = (projectId: string) => `/api${projectCurvesPath(projectId)}?format=xlsx`;

/** The id the section has on the project page; reminder e-mails link to `…/prosjekter/:id#nytte`. */
export const BENEFITS_ANCHOR = 'nytte';

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** An achievement (1 = the target reached) as a percentage with one decimal, «–» when there is none. */
export function formatAchievement(lang: Language, value: number | null): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

export { shortDate } from '../../app/format.ts';

/** A measured or planned value with its unit: «1 200 timer», «12,5 %». */
export function formatValue(lang: Language, value: number, unit: string): string {
  return `${new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 4 }).format(value)} ${unit}`;
}

/**
 * A number as a person types it: spaces (also non-breaking) as thousands separators; in Norwegian a comma or a point
 * as the decimal sign, in English a point (a comma there groups thousands). Empty is undefined (the schema names it as
 * missing); anything else unreadable is NaN (named as wrong).
 */
export function parseNumber(lang: Language, text: string): number | undefined {
  const spaced = text.replace(/[\s\u00a0\u202f]/g, '');
  const cleaned = lang === 'en' ? spaced.replace(/,/g, '') : spaced.replace(',', '.');
  if (cleaned === '') return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** A number as the form shows it for editing, in the reader's decimal sign and without grouping. */
export function numberText(lang: Language, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return lang === 'en' ? String(value) : String(value).replace('.', ',');
}

/** A row of an indicator's table: a municipality that takes part, or one that has a target though it left since. */
export interface TargetRow {
  municipalityNumber: string;
  municipalityName: string;
  participating: boolean;
  target: IndicatorTarget | null;
}

export function targetRows(project: Project, indicator: Indicator): TargetRow[] {
  const rows = new Map<string, TargetRow>();
  for (const p of project.participants) {
    if (p.participation !== 'in') continue;
    rows.set(p.municipalityNumber, {
      municipalityNumber: p.municipalityNumber,
      municipalityName: p.municipalityName,
      participating: true,
      target: null,
    });
  }
  for (const t of indicator.targets) {
    const row = rows.get(t.municipalityNumber);
    if (row) row.target = t;
    else
      rows.set(t.municipalityNumber, {
        municipalityNumber: t.municipalityNumber,
        municipalityName: t.municipalityName,
        participating: false,
        target: t,
      });
  }
  return [...rows.values()].sort((a, b) => compareNorwegian(a.municipalityName, b.municipalityName));
}

/** The name of a municipality in an indicator's table or targets. */
export function municipalityName(project: Project, indicator: Indicator, number: string): string {
  return (
    indicator.targets.find((t) => t.municipalityNumber === number)?.municipalityName ??
    project.participants.find((p) => p.municipalityNumber === number)?.municipalityName ??
    number
  );
}
