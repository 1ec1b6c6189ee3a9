import { query } from '../../app/api.ts';
import { financePath } from './finance-paths.ts';

/** Addresses of the member-fee pages, in Norwegian as the rest of the app. */
export const feeSchedulesPath = (slug: string) => financePath(slug, 'kontingent');
export const feeSchedulePath = (slug: string, scheduleId: string) => `${feeSchedulesPath(slug)}/${scheduleId}`;

/** The invoice basis, a plain link so the browser keeps its own download handling. */
export const feeExportUrl = (scheduleId: string, format: 'xlsx' | 'csv') => `/api/fee-schedules/${scheduleId}/export${query({ format })}`;
