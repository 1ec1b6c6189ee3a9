import { query } from '../../app/api.ts';

/** Addresses of the mapping pages, in Norwegian as the rest of the app. */
export const municipalityMappingPath = (number: string) => `/kommuner/${number}/kartlegging`;
export const catalogPath = '/kartlegging/produkter';
export const networkImportPath = (slug: string) => `/n/${slug}/kartlegging/import`;

export type ExportFormat = 'xlsx' | 'csv';

/** Files the API serves for download; plain links, so the browser keeps its own download handling. */
export const municipalityApplicationsExportUrl = (number: string, format: ExportFormat) =>
  `/api/municipalities/${number}/applications/export${query({ format })}`;
export const municipalityAdoptionsExportUrl = (number: string, format: ExportFormat) =>
  `/api/municipalities/${number}/adoptions/export${query({ format })}`;
export const municipalityTemplateUrl = (number: string) => `/api/municipalities/${number}/mapping/template`;
export const networkTemplateUrl = (networkId: string) => `/api/networks/${networkId}/mapping/template`;
export const productsExportUrl = (params: { q?: string; domain?: string; format: ExportFormat }) =>
  `/api/mapping/products/export${query(params)}`;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSX_ACCEPT = `.xlsx,${XLSX_TYPE}`;

/** Kroner as typed by a person («125 000», «125000,50») → øre; the text itself when it is no number. */
export function kronerToOre(text: string): number | string | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return text;
  return Math.round(Number(cleaned) * 100);
}

/** Øre → kroner for an input field («125000» or «125000,5»). */
export function oreToKronerInput(ore: number | null): string {
  if (ore === null) return '';
  return ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2).replace('.', ',');
}

/** A whole number typed in a field; the text itself when it is no number, so the schema names the field. */
export function parseCount(text: string): number | string | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '');
  if (cleaned === '') return null;
  return /^\d+$/.test(cleaned) ? Number(cleaned) : text;
}
