import type { PublicStrategy, Strategy, StrategyVersion, VersionSummary } from '../../../shared/strategy/schema.ts';
import { api, ApiError, query } from '../../app/api.ts';

/** Addresses of the strategy pages, in Norwegian as the rest of the app. */
export const strategiesPath = (slug: string) => `/n/${slug}/strategi`;
export const strategyPath = (slug: string, strategyId: string) => `${strategiesPath(slug)}/${strategyId}`;
export const versionPath = (slug: string, strategyId: string, versionId: string) =>
  `${strategyPath(slug, strategyId)}/versjoner/${versionId}`;
export const localVersionPath = (slug: string, strategyId: string, versionId: string, number: string) =>
  `${versionPath(slug, strategyId, versionId)}/kommuner/${number}`;
export const adoptionPath = (slug: string, strategyId: string) => `${strategyPath(slug, strategyId)}/kommuner`;
export const actionPlansPath = (slug: string, strategyId: string) => `${strategyPath(slug, strategyId)}/handlingsplaner`;
export const actionPlanPath = (slug: string, strategyId: string, planId: string) => `${actionPlansPath(slug, strategyId)}/${planId}`;
export const publicStrategyPath = (slug: string) => `/innsyn/n/${slug}/strategi`;

export type DocumentFormat = 'docx' | 'pdf';
export type ListFormat = 'xlsx' | 'csv';

/** Files the API serves for download; plain links, so the browser keeps its own download handling. */
export const versionExportUrl = (versionId: string, format: DocumentFormat) =>
  `/api/strategy-versions/${versionId}/export${query({ format })}`;
export const localVersionExportUrl = (versionId: string, number: string, format: DocumentFormat) =>
  `/api/strategy-versions/${versionId}/municipalities/${number}/export${query({ format })}`;
export const adoptionExportUrl = (strategyId: string, format: ListFormat) => `/api/strategies/${strategyId}/adoptions${query({ format })}`;
export const actionPlanExportUrl = (planId: string, format: ListFormat) => `/api/action-plans/${planId}/export${query({ format })}`;
export const publicVersionExportUrl = (versionId: string, format: DocumentFormat) =>
  `/api/public/strategy-versions/${versionId}/export${query({ format })}`;

/** One published strategy on the public pages: the strategy and its newest published version. */
export type { PublicStrategy };

/** The newest published version of a strategy (versions come newest first), if any. */
export const newestPublished = (strategy: Strategy): VersionSummary | undefined => strategy.versions.find((v) => v.status === 'published');

/** The strategy's draft, if a revision is being written. */
export const currentDraft = (strategy: Strategy): VersionSummary | undefined => strategy.versions.find((v) => v.status === 'draft');

export { parseWhole, osloDay } from '../../app/format.ts';

/**
 * An item's key has no field on screen (the server gives it): a problem with it is shown at the item's title, so
 * the summary links to a field and the item's fieldset shows the message.
 */
export function keyErrorsAtTitles(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return error;
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) {
    const target = path.replace(/^(content\.(?:principles|focusAreas)\.\d+)\.key$/, '$1.title');
    fields[target] ??= message;
  }
  return new ApiError(error.status, error.code, error.message, fields, error.requestId);
}

/**
 * Publishes a draft. The server refuses one that lacks what a published version needs (a vision or main goal, a
 * focus area) with the fields named; the confirmation shows only a message, so the fields' messages join it.
 */
export async function publishVersion(versionId: string, version: number): Promise<StrategyVersion> {
  try {
    return await api<StrategyVersion>(`/strategy-versions/${versionId}/publish`, { method: 'POST', body: { version } });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'validation_failed' && Object.keys(error.fields).length > 0)
      throw new ApiError(
        error.status,
        error.code,
        [error.message, ...Object.values(error.fields)].join(' '),
        error.fields,
        error.requestId,
      );
    throw error;
  }
}

const osloYearMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: 'numeric' });

/**
 * The tertial a report on a plan for `planYear` most likely concerns: in the plan's own year the one running now
 * in Norway (January–April is the first), the last for a past year, the first for a year to come.
 */
export function tertialFor(planYear: number, now: Date = new Date()): 1 | 2 | 3 {
  const parts = osloYearMonth.formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  if (planYear < year) return 3;
  if (planYear > year) return 1;
  return month <= 4 ? 1 : month <= 8 ? 2 : 3;
}
