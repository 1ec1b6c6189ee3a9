import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NetworkParams } from '../../../shared/common.ts';
import { HISTORY_LIMITS, HistoryImportResultSchema, OparlImportSchema } from '../../../shared/meetings/history.ts';
import { AppError } from '../../errors.ts';
import { sendFile } from '../documents/index.ts';
import type { FileStorage } from '../storage/index.ts';
import { importHistoryOparl, importHistorySpreadsheet, historyTemplateFile } from './history-service.ts';

export interface HistoryRouteOptions {
  storage: FileStorage;
  /** Hosts an OParl import may fetch from even at an internal address (OPARL_IMPORT_ALLOWED_HOSTS). */
  oparlAllowedHosts: readonly string[];
}

const tags = ['meetings'];
const SPREADSHEET_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'text/plain',
  'application/octet-stream',
];

/**
 * The spreadsheet and the ZIP beside it, from a multipart form (fields `spreadsheet` and `attachments`), or the
 * spreadsheet alone as the raw body. Bounded by HISTORY_LIMITS.requestBytes before a byte is parsed.
 */
async function filesOf(body: unknown, contentType: string | undefined) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return { spreadsheet: bytes, zip: null, fileName: undefined };
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new AppError('validation_failed', { spreadsheet: { key: 'required' } });
  }
  const part = async (name: string) => {
    const value = form.get(name);
    return value && typeof value !== 'string' ? { bytes: Buffer.from(await value.arrayBuffer()), name: value.name } : null;
  };
  const spreadsheet = await part('spreadsheet');
  if (!spreadsheet || spreadsheet.bytes.length === 0) throw new AppError('validation_failed', { spreadsheet: { key: 'required' } });
  const zip = await part('attachments');
  return { spreadsheet: spreadsheet.bytes, zip: zip && zip.bytes.length > 0 ? zip.bytes : null, fileName: spreadsheet.name };
}

/** History in: the template, the spreadsheet import, the OParl import. The secretariat's, under its network. */
export const historyRoutes: FastifyPluginAsyncZod<HistoryRouteOptions> = async (app, options) => {
  const { storage } = options;
  for (const type of ['multipart/form-data', ...SPREADSHEET_TYPES])
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: HISTORY_LIMITS.requestBytes }, (_req, body, done) => done(null, body));

  app.get('/networks/:networkId/history-import/template', { schema: { tags, params: NetworkParams } }, async (req, reply) =>
    sendFile(reply, await historyTemplateFile(req.ctx, req.params.networkId)),
  );
  // 422 lists every bad row (sheet, row, column) and nothing is saved; a second import of the same rows updates them.
  app.post(
    '/networks/:networkId/history-import',
    {
      config: { access: 'network.administer' },
      schema: {
        tags,
        params: NetworkParams,
        querystring: z.object({ fileName: z.string().max(200).optional() }),
        response: { 200: HistoryImportResultSchema },
      },
    },
    async (req) => {
      const files = await filesOf(req.body, req.headers['content-type']);
      return importHistorySpreadsheet(req.ctx, storage, req.params.networkId, { ...files, fileName: files.fileName ?? req.query.fileName });
    },
  );
  app.post(
    '/networks/:networkId/history-import/oparl',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: NetworkParams, body: OparlImportSchema, response: { 200: HistoryImportResultSchema } },
    },
    (req) => importHistoryOparl(req.ctx, storage, req.params.networkId, req.body, { allowedHosts: options.oparlAllowedHosts }),
  );
};
