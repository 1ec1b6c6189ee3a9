import type { FastifyInstance } from 'fastify';
import { AppError, invalidField } from '../../errors.ts';
import type { FileStorage } from './file-storage.ts';

/**
 * Uploaded files, checked in one place for every upload route (case attachments, project basis documents): what
 * a file is comes from its bytes and structure, never from its name or the content type the client declared, so
 * an EXE or an HTML page named `.pdf` is refused, and the type it is stored and served as is the one found.
 */

export type UploadKind = 'pdf' | 'docx' | 'xlsx';

export const UPLOAD_KINDS: Record<UploadKind, { contentType: string; extension: string; label: string }> = {
  pdf: { contentType: 'application/pdf', extension: '.pdf', label: 'PDF' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: '.docx', label: 'DOCX' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: '.xlsx', label: 'XLSX' },
};

/**
 * The content types an upload route takes as a raw body: the three kinds, and what a program sends when it does not
 * know (the bytes decide either way). Anything else is 415 before the body is read.
 */
export const UPLOAD_CONTENT_TYPES = [...Object.values(UPLOAD_KINDS).map((k) => k.contentType), 'application/octet-stream'];
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** Lets the routes of this plugin scope take an upload as the raw body, up to MAX_UPLOAD_BYTES (413 beyond). */
export function acceptUploads(app: FastifyInstance): void {
  for (const type of UPLOAD_CONTENT_TYPES) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
  }
}

/** A checked upload: the name to keep, and the kind its bytes are. */
export interface CheckedUpload {
  fileName: string;
  kind: UploadKind;
  contentType: string;
  extension: string;
}

/**
 * Checks an upload before anything is stored: a usable name, bytes that are a PDF, DOCX or XLSX, and a name that
 * ends as the kind found. The name is the field named in every refusal (415 for content, 400 for the name).
 */
export function checkUpload(file: { fileName: string; bytes: Buffer }, field = 'fileName'): CheckedUpload {
  const fileName = cleanFileName(file.fileName);
  if (fileName === '') throw invalidField(field, 'required');
  if (file.bytes.length === 0) throw invalidField(field, 'fileEmpty');
  const kind = detectUploadKind(file.bytes, fileName);
  if (!kind) throw new AppError('unsupported_media_type', { [field]: { key: 'fileContent' } });
  const { contentType, extension, label } = UPLOAD_KINDS[kind];
  if (!fileName.toLowerCase().endsWith(extension)) {
    throw new AppError('unsupported_media_type', { [field]: { key: 'fileMismatch', values: { found: label, extension } } });
  }
  return { fileName, kind, contentType, extension };
}

// C0 and C1 controls, and the marks that turn text around: «‮fdp.exe» shows as «exe.pdf».
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name a file is kept and offered under: its last path part only (a browser on Windows may send `C:\…\x.pdf`),
 * without control or direction characters, spaces collapsed, at most 200 characters. Empty when nothing is left.
 */
export function cleanFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  return last.replace(UNSAFE_IN_NAMES, '').replace(/\s+/g, ' ').trim().slice(0, 200);
}

/**
 * The kind the bytes are, or null. A PDF starts with `%PDF-` and ends with `%%EOF` (a trailing newline or a few
 * bytes of padding allowed). A DOCX or XLSX is a zip whose central directory lists `[Content_Types].xml` and
 * `word/document.xml` or `xl/workbook.xml`, and no macros; it is read from the directory alone, nothing unpacked.
 * A zip that is both (made so on purpose) is taken as the kind its name says.
 */
export function detectUploadKind(bytes: Buffer, fileName = ''): UploadKind | null {
  if (isPdf(bytes)) return 'pdf';
  const names = zipEntryNames(bytes);
  if (!names || !names.has('[Content_Types].xml')) return null;
  if ([...names].some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) return null;
  const kinds: UploadKind[] = [];
  if (names.has('word/document.xml')) kinds.push('docx');
  if (names.has('xl/workbook.xml')) kinds.push('xlsx');
  const named = kinds.find((kind) => fileName.toLowerCase().endsWith(UPLOAD_KINDS[kind].extension));
  return named ?? kinds[0] ?? null;
}

const PDF_TAIL = 1024;

function isPdf(bytes: Buffer): boolean {
  if (bytes.length < 12 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return false;
  return bytes.subarray(Math.max(0, bytes.length - PDF_TAIL)).includes('%%EOF', 0, 'latin1');
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes and may be followed by a comment of up to 65,535. */
const END_SEARCH = 22 + 0xffff;

/**
 * The file names in a zip's central directory, or null when the bytes are not a plain zip that starts with a local
 * file header (zip64 and split archives are not office documents of the size taken here).
 */
export function zipEntryNames(bytes: Buffer): Set<string> | null {
  if (bytes.length < 30 || bytes.readUInt32LE(0) !== LOCAL_HEADER) return null;
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - END_SEARCH); i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > end) return null;
  const names = new Set<string>();
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > offset + size || bytes.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > offset + size) return null;
    names.add(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at = next;
  }
  return names;
}

/**
 * Stores the bytes, then writes what refers to them (the row and its audit, in one transaction). If the write fails,
 * the file is taken back before the error goes on, so a failed request leaves no file behind; the bytes go first so
 * that no row ever refers to a file that is not there.
 */
export async function storeWith<T>(storage: FileStorage, key: string, bytes: Buffer, write: () => Promise<T>): Promise<T> {
  await storage.put(key, bytes);
  try {
    return await write();
  } catch (error) {
    // The request's own error is the one to answer with; a file left by a failed removal is only an orphan.
    await storage.remove(key).catch(() => undefined);
    throw error;
  }
}
