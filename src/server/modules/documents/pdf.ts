import { readFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { documentFonts, printable } from './fonts.ts';
import type { BlockDocument } from './markdown-blocks.ts';

/**
 * Block documents as tagged PDF/A-2a, typeset by Typst (decision 0011) with the layout in `pdf.typ`. PDF/A-2a is
 * the archival PDF that is also tagged for assistive technology: title and language, headings, lists and tables
 * with header cells in the structure tree, in the order they are shown, every font embedded.
 */

export const PDF_STANDARD = 'a-2a';

const TEMPLATE = readFileSync(new URL('./pdf.typ', import.meta.url), 'utf8');
// Typst keeps results between compilations to reuse them; results unused for this many renders are dropped, so a
// long-running server does not keep every document it ever rendered.
const CACHE_AGE = 10;

let compiler: NodeCompiler | null = null;

function typst(): NodeCompiler {
  compiler ??= NodeCompiler.create({ fontArgs: [{ fontBlobs: documentFonts().blobs }] });
  return compiler;
}

/** Only web and e-mail links, written in ASCII as a PDF link must be; anything else is no link. */
function safeLink(link: string): string | undefined {
  try {
    const url = new URL(link);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The document as the template reads it: every text reduced to what the fonts can show. */
function templateInput(doc: BlockDocument): string {
  const { date: _date, ...rest } = doc;
  return JSON.stringify(rest, (key, value: unknown) => {
    if (typeof value !== 'string') return value;
    return key === 'link' ? safeLink(value) : printable(value);
  });
}

function failure(diagnostics: unknown): Error {
  return new Error(`The PDF could not be rendered: ${JSON.stringify(diagnostics)}`);
}

/** Typesets the document; synchronous, as Typst is (20-case minutes take a fraction of pdfmake's time, bench/README.md). */
function typesetPdf(doc: BlockDocument): Buffer {
  const typesetter = typst();
  try {
    const compiled = typesetter.compile({ mainFileContent: TEMPLATE, inputs: { doc: templateInput(doc) } });
    const document = compiled.result;
    if (compiled.hasError() || !document) throw failure(compiled.takeError()?.shortDiagnostics);
    const seconds = Math.floor((doc.date ?? new Date()).getTime() / 1000);
    return typesetter.pdf(document, { pdfStandard: PDF_STANDARD, creationTimestamp: seconds });
  } finally {
    typesetter.evictCache(CACHE_AGE);
  }
}

/**
 * Drops everything Typst keeps between renders, so the next render of any document is its first (bench/render.ts
 * measures that, as well as a document rendered again).
 */
export function forgetTypesetting(): void {
  compiler?.evictCache(0);
}

/** The document as a tagged PDF/A-2a. Rejects only if Typst refuses the layout itself, never for what the text says. */
export function renderBlocksPdf(doc: BlockDocument): Promise<Buffer> {
  return new Promise((resolve) => resolve(typesetPdf(doc)));
}
