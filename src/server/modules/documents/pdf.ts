import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import { LANGUAGE_TAGS, type Block, type BlockDocument, type Run } from './markdown-blocks.ts';

// The Roboto files inside the pdfmake package, so a PDF looks the same on every server and has æ, ø and å.
const fontDir = path.dirname(createRequire(import.meta.url).resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
// Documents are built from user text: nothing in them may make the server fetch a URL or read a file.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.dirname(path.resolve(file)) === fontDir);

const MARGIN = 56;
/** The style of page headers and footers, which the page-break rule looks past. */
const FURNITURE = 'furniture';
const ORDERED_TYPES = ['decimal', 'lower-alpha', 'lower-roman'] as const;
const BULLET_TYPES = ['disc', 'circle', 'square'] as const;

/**
 * A document laid out by its own module (not from blocks), with the fonts and the access policy above. Given
 * `info.creationDate`, the same definition gives the same bytes every time.
 */
export function renderPdfDefinition(definition: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(definition).getBuffer();
}

export async function renderBlocksPdf(doc: BlockDocument): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    info: { title: doc.title, creator: 'Digiregion', producer: 'Digiregion' },
    language: LANGUAGE_TAGS[doc.language],
    pageSize: 'A4',
    pageMargins: [MARGIN, doc.runningHeader ? MARGIN + 12 : MARGIN, MARGIN, MARGIN + 8],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    styles: { [FURNITURE]: { fontSize: 8, color: '#444444' } },
    header: doc.runningHeader
      ? { text: doc.runningHeader, style: FURNITURE, bold: true, fontSize: 10, alignment: 'right', margin: [MARGIN, 28, MARGIN, 0] }
      : undefined,
    footer: (page, pages) => ({
      columns: [
        { text: doc.footer, style: FURNITURE, width: '*' },
        { text: `${doc.pageLabel.page} ${page} ${doc.pageLabel.of} ${pages}`, style: FURNITURE, width: 'auto', alignment: 'right' },
      ],
      margin: [MARGIN, 24, MARGIN, 0],
    }),
    // A heading with no text after it on its page, only headings and the page furniture, moves to the next page.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel !== undefined &&
      !nodes
        .getFollowingNodesOnPage()
        .some((next) => next.text !== undefined && next.headlineLevel === undefined && next.style !== FURNITURE),
    content: doc.blocks.map((block) => blockContent(block, 0)),
  };
  return pdfmake.createPdf(definition).getBuffer();
}

function blockContent(block: Block, depth: number): Content {
  switch (block.kind) {
    case 'heading':
      return headingContent(block.level, block.text);
    case 'paragraph':
      return {
        text: block.runs.map(runContent),
        italics: block.tone === 'note' ? true : undefined,
        margin: [0, 0, 0, depth > 0 ? 3 : 6],
      };
    case 'list': {
      const items = block.items.map((item): Content => ({ stack: item.map((child) => blockContent(child, depth + 1)) }));
      return block.ordered
        ? { ol: items, start: block.start, type: ORDERED_TYPES[depth % ORDERED_TYPES.length], margin: [0, 0, 0, 6] }
        : { ul: items, type: BULLET_TYPES[depth % BULLET_TYPES.length], margin: [0, 0, 0, 6] };
    }
    case 'fields':
      return {
        layout: 'noBorders',
        table: {
          widths: [110, '*'],
          body: block.rows.map((row) => [{ text: row.label, bold: true }, { stack: row.lines.map((line) => ({ text: line })) }]),
        },
        margin: [0, 0, 0, 10],
      };
    case 'table': {
      const total = block.widths.reduce((sum, width) => sum + width, 0);
      return {
        layout: 'lightHorizontalLines',
        table: {
          headerRows: 1,
          widths: block.widths.map((width) => `${(100 * width) / total}%`),
          body: [block.header.map((text) => ({ text, bold: true })), ...block.rows.map((row) => row.map((text) => ({ text })))],
        },
        margin: [0, 0, 0, 12],
      };
    }
  }
}

function headingContent(level: 1 | 2 | 3 | 4, text: string): ContentText {
  switch (level) {
    case 1:
      return { text, fontSize: 16, bold: true, margin: [0, 0, 0, 10] };
    case 2:
      return { text, fontSize: 11.5, bold: true, margin: [0, 14, 0, 6], headlineLevel: 2 };
    case 3:
      return { text, bold: true, margin: [0, 6, 0, 3], headlineLevel: 3 };
    case 4:
      return { text, bold: true, italics: true, margin: [0, 4, 0, 3], headlineLevel: 4 };
  }
}

function runContent(run: Run): ContentText {
  return {
    text: run.text,
    bold: run.bold,
    italics: run.italic,
    ...(run.link ? { link: run.link, color: '#1a4f8b', decoration: 'underline' as const } : {}),
  };
}
