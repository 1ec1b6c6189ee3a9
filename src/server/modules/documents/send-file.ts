import type { FastifyReply } from 'fastify';
import { attachmentHeader, type RenderedFile } from './table-export.ts';

/** Sends a file as a download under its own name; nosniff so a browser never runs it as something else. */
export function sendFile(reply: FastifyReply, file: RenderedFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentHeader(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}
