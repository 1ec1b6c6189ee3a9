import type { FastifyInstance } from 'fastify';
import type { Language } from '../../../shared/i18n/languages.ts';
import { limitMessage, SPREADSHEET_LIMITS, SPREADSHEET_READER, type SpreadsheetLimit } from '../../../shared/spreadsheets/limits.ts';
import { AppError } from '../../errors.ts';
import { decodeText as decodeCsvText, parseCsv } from './csv.ts';
import { ReaderBusy, ReaderFailed, ReaderPool } from './pool.ts';
import { RefusedFile, type ReadOptions, type Refusal, type Sheet, type UnreadableReason, type Workbook } from './types.ts';
import { readZipDirectory, looksLikeZip } from './zip.ts';

/**
 * The one spreadsheet reader every import goes through (mapping workbooks, budget actuals, own effort, the municipality
 * file): XLSX and CSV into rows of cells, refused beyond the limits of `shared/spreadsheets/limits.ts`, read in a
 * worker thread off the event loop. What the columns mean is the caller's.
 */

export type { Cell, CellError, ReadOptions, Sheet, SheetRow, Workbook } from './types.ts';
/** The bounded zip reader under the workbooks, for other archives an import takes (the history import's attachments). */
export { readZipDirectory, unpack, type ZipEntry } from './zip.ts';
export { RefusedFile, type Refusal } from './types.ts';

/** The file is no spreadsheet the caller takes; each import says so in its own words. */
export class UnreadableSpreadsheet extends Error {
  constructor(readonly reason: UnreadableReason) {
    super(`unreadable spreadsheet: ${reason}`);
  }
}

/** Limits of the file as a whole, known before reading: 413. The others are found at a place in a sheet: 422 naming it. */
const SIZE_LIMITS = new Set<SpreadsheetLimit>(['fileBytes', 'unpackedBytes', 'parts']);

function refusalError(refusal: Refusal, language: Language): Error {
  if (refusal.kind === 'unreadable') return new UnreadableSpreadsheet(refusal.reason);
  const { limit, actual, at } = refusal;
  const detail = { name: limit, max: SPREADSHEET_LIMITS[limit], ...(actual === undefined ? {} : { actual }) };
  if (SIZE_LIMITS.has(limit)) return new AppError('too_large', undefined, undefined, detail);
  const problem = { sheet: at?.sheet ?? '', row: at?.row ?? 0, column: at?.column ?? null, message: limitMessage(limit, language, actual) };
  return new AppError('validation_failed', undefined, [problem], detail);
}

const pool = new ReaderPool();

/**
 * Reads an uploaded file in a worker thread. A workbook's zip directory is checked here first, so a file beyond the
 * size limits is refused at once, even while the workers are busy. Throws an AppError for a file beyond a limit (413
 * or 422 naming it), for a full queue (503) and for a reader that ran out of memory (413) or time (503), and
 * UnreadableSpreadsheet for a file that is not a spreadsheet of the formats taken.
 */
export async function readSpreadsheet(bytes: Uint8Array, options: ReadOptions & { language: Language }): Promise<Workbook> {
  const { language, ...read } = options;
  try {
    if (bytes.length > SPREADSHEET_LIMITS.fileBytes) throw new RefusedFile({ kind: 'limit', limit: 'fileBytes', actual: bytes.length });
    if (looksLikeZip(bytes) && read.formats.includes('xlsx')) readZipDirectory(bytes);
    return await pool.read(bytes, read);
  } catch (error) {
    if (error instanceof RefusedFile) throw refusalError(error.refusal, language);
    if (error instanceof ReaderBusy) throw new AppError('unavailable');
    if (error instanceof ReaderFailed) {
      if (error.why === 'memory') throw new AppError('too_large', undefined, undefined, { name: 'heapMb', max: SPREADSHEET_READER.heapMb });
      if (error.why === 'timeout')
        throw new AppError('unavailable', undefined, undefined, { name: 'seconds', max: SPREADSHEET_READER.seconds });
      throw new AppError('unavailable');
    }
    throw error;
  }
}

/** A text beyond a limit, read by readCsvText: the row where it was found, and why in English. */
export class CsvLimitExceeded extends Error {
  constructor(
    readonly row: number | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A small CSV text read here, in this thread, with the same parser and limits: the municipality reference file, which
 * the server reads at start before it listens and the command line loads (neither has a request to keep answering).
 */
export function readCsvText(text: string, options: { delimiter?: ',' | ';' | '\t' } = {}): Sheet {
  const sheet: Sheet = { name: '', hidden: false, rows: [] };
  if (text.length > SPREADSHEET_LIMITS.fileBytes) throw new CsvLimitExceeded(null, limitMessage('fileBytes', 'en'));
  try {
    parseCsv(text, { delimiter: options.delimiter, onRows: (rows) => sheet.rows.push(...rows) });
  } catch (error) {
    if (error instanceof RefusedFile && error.refusal.kind === 'limit') {
      throw new CsvLimitExceeded(error.refusal.at?.row ?? null, limitMessage(error.refusal.limit, 'en', error.refusal.actual));
    }
    throw error;
  }
  return sheet;
}

/** A text file's bytes as text, as the reader decodes a CSV file (UTF-8, else Windows-1252; UTF-16 by its mark). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return decodeCsvText(bytes);
  } catch (error) {
    if (error instanceof RefusedFile && error.refusal.kind === 'unreadable') throw new UnreadableSpreadsheet(error.refusal.reason);
    throw error;
  }
}

/**
 * For a caller that goes through a file's rows on the event loop: awaited once per row, it gives the loop a turn when
 * the rows have had `budgetMs` of it, so other requests are answered between slices of a large file's checks.
 */
export function pacer(budgetMs = 8): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}

/** Ends the reader's idle workers (the server's shutdown and the tests). */
export function closeSpreadsheetReader(): Promise<void> {
  return pool.close();
}

/** How many files the reader is reading and has waiting. */
export function spreadsheetReaderLoad() {
  return pool.load;
}

/**
 * Takes an import's file as the raw request body for these content types, at most `fileBytes` of it: a larger one is
 * refused with 413 naming the limit, from its Content-Length before a byte is read, or the moment it has sent more.
 */
export function addSpreadsheetParsers(app: FastifyInstance, contentTypes: readonly string[]): void {
  const max = SPREADSHEET_LIMITS.fileBytes;
  const tooLarge = (actual?: number) =>
    new AppError('too_large', undefined, undefined, { name: 'fileBytes', max, ...(actual === undefined ? {} : { actual }) });
  for (const type of contentTypes) {
    app.addContentTypeParser(type, (request, payload, done) => {
      const declared = Number(request.headers['content-length']);
      if (declared > max) {
        done(tooLarge(declared), undefined);
        return;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      const stop = () => {
        payload.removeListener('data', onData);
        payload.removeListener('end', onEnd);
        payload.removeListener('error', onError);
      };
      const onData = (chunk: Buffer) => {
        total += chunk.length;
        if (total > max) {
          stop();
          done(tooLarge(), undefined);
          return;
        }
        chunks.push(chunk);
      };
      const onEnd = () => {
        stop();
        done(null, Buffer.concat(chunks, total));
      };
      const onError = (error: Error) => {
        stop();
        done(error, undefined);
      };
      payload.on('data', onData);
      payload.on('end', onEnd);
      payload.on('error', onError);
    });
  }
}
