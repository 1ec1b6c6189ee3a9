import { query } from '../../app/api.ts';
import { financePath } from './finance-paths.ts';

/** Addresses of the grant pages, in Norwegian as the rest of the app. */
export const grantsPath = (slug: string) => financePath(slug, 'tilskudd');
export const grantPath = (slug: string, grantId: string) => `${grantsPath(slug)}/${grantId}`;

/** The list of a network's grants as a spreadsheet, a plain link so the browser keeps its own download handling. */
export const grantsExportUrl = (networkId: string, format: 'xlsx' | 'csv') =>
  `/api/networks/${encodeURIComponent(networkId)}/grants/export${query({ format })}`;
