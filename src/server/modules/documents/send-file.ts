import type { FastifyReply } from 'fastify';
import { cleanFileName } from '../storage/index.ts';
import type { RenderedFile } from './table-export.ts';

/** Sends a file as a download under its own name; nosniff so a browser never runs it as something else. */
export function sendFile(reply: FastifyReply, file: RenderedFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentHeader(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}

// Letters a plain-ASCII name spells otherwise; marks (å → a, é → e) fall away with NFD.
const ASCII_SPELLING: Record<string, string> = { æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', ß: 'ss', đ: 'd', Đ: 'D' };

/**
 * Content-Disposition as RFC 6266 has it, whatever the name holds (names come from uploads and from titles): the
 * name cleaned as an upload's is (no path parts, control or direction characters), a `filename` in plain ASCII for
 * old clients, where a quote, backslash or percent sign becomes `_` so none can end or bend the string, and the exact
 * name in `filename*` as UTF-8, every byte outside RFC 8187's attr-char percent-encoded.
 */
export function attachmentHeader(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const name = cleanFileName(fileName) || 'fil';
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, (c) => ASCII_SPELLING[c] ?? '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
