import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TabStopPosition,
  TabStopType,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type NumberingDefinition,
} from 'docx';
import { LANGUAGE_TAGS, type Block, type BlockDocument, type CellText, type DocLight, type Run } from './markdown-blocks.ts';

const FONT = 'Arial';
/** Twips: A4 less 2 cm margins on each side is 170 mm of text width. */
const MARGIN = 1134;
const TEXT_WIDTH = 9638;
const INDENT = 360;
const LEVELS = 9;
const HEADING_LEVELS = { 1: HeadingLevel.TITLE, 2: HeadingLevel.HEADING_1, 3: HeadingLevel.HEADING_2, 4: HeadingLevel.HEADING_3 } as const;

/** The lights' colours, as in the PDF; the words after the dot say the same. */
const LIGHT_COLORS: Record<DocLight, string> = { green: '1E7B34', yellow: 'E0A400', red: 'C0262D' };

function cellRuns(cell: CellText, bold = false): TextRun[] {
  if (typeof cell === 'string') return [new TextRun({ text: cell, bold })];
  return [new TextRun({ text: '● ', color: LIGHT_COLORS[cell.light] }), new TextRun({ text: cell.text, bold })];
}

function listLevels(ordered: boolean, start: number): ILevelsOptions[] {
  const orderedFormats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
  const bullets = ['•', '◦', '▪'];
  return Array.from({ length: LEVELS }, (_, level) => ({
    level,
    format: ordered ? orderedFormats[level % orderedFormats.length] : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : bullets[level % bullets.length],
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: INDENT } } },
  }));
}

function numberingFor(ordered: boolean, start: number): NumberingDefinition {
  return { reference: ordered ? `ordered-${start}` : 'bullet', levels: listLevels(ordered, start) };
}

export async function renderBlocksDocx(doc: BlockDocument): Promise<Buffer> {
  // Each list is its own numbering instance, so every list, nested ones too, counts from its start.
  let instances = 0;

  function runChildren(runs: Run[], size?: number): Array<TextRun | ExternalHyperlink> {
    return runs.flatMap((run): Array<TextRun | ExternalHyperlink> => {
      const parts = run.text.split('\n').map(
        (text, i) =>
          new TextRun({
            text,
            bold: run.bold,
            italics: run.italic,
            size,
            style: run.link ? 'Hyperlink' : undefined,
            break: i > 0 ? 1 : undefined,
          }),
      );
      return run.link ? [new ExternalHyperlink({ link: run.link, children: parts })] : parts;
    });
  }

  function blockChildren(block: Block, depth: number): Array<Paragraph | Table> {
    const indent = depth > 0 ? { left: INDENT * depth } : undefined;
    switch (block.kind) {
      case 'heading':
        return [new Paragraph({ heading: HEADING_LEVELS[block.level], children: [new TextRun(block.text)], keepNext: true, indent })];
      case 'paragraph':
        return [
          new Paragraph({
            children: runChildren(
              block.tone === 'note' ? block.runs.map((run) => ({ ...run, italic: true })) : block.runs,
              block.tone === 'lead' ? 24 : undefined,
            ),
            spacing: { after: depth > 0 ? 60 : 120 },
            indent,
          }),
        ];
      case 'list': {
        const numbering = { reference: numberingFor(block.ordered, block.start), level: depth, instance: ++instances };
        return block.items.flatMap((item) => {
          const [first, ...rest] = item;
          const marked =
            first?.kind === 'paragraph'
              ? new Paragraph({ children: runChildren(first.runs), numbering, spacing: { after: 60 } })
              : new Paragraph({ numbering });
          const following = first?.kind === 'paragraph' ? rest : item;
          return [marked, ...following.flatMap((child) => blockChildren(child, depth + 1))];
        });
      }
      case 'fields':
        return [
          new Table({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            columnWidths: [2000, TEXT_WIDTH - 2000],
            borders: TableBorders.NONE,
            rows: block.rows.map(
              (row) =>
                new TableRow({
                  children: [
                    new TableCell({
                      width: { size: 2000, type: WidthType.DXA },
                      children: [new Paragraph({ children: [new TextRun({ text: row.label, bold: true })] })],
                    }),
                    new TableCell({
                      width: { size: TEXT_WIDTH - 2000, type: WidthType.DXA },
                      children: row.lines.map((line) => new Paragraph({ children: cellRuns(line) })),
                    }),
                  ],
                }),
            ),
          }),
          new Paragraph({ spacing: { after: 120 } }),
        ];
      case 'table': {
        const total = block.widths.reduce((sum, width) => sum + width, 0);
        const widths = block.widths.map((width) => Math.round((TEXT_WIDTH * width) / total));
        const row = (cells: CellText[], header: boolean): TableRow =>
          new TableRow({
            tableHeader: header,
            children: cells.map(
              (text, i) =>
                new TableCell({
                  width: { size: widths[i] ?? 0, type: WidthType.DXA },
                  children: [new Paragraph({ children: cellRuns(text, header) })],
                }),
            ),
          });
        return [
          new Table({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            columnWidths: widths,
            rows: [row(block.header, true), ...block.rows.map((cells) => row(cells, false))],
          }),
          new Paragraph({ spacing: { after: 120 } }),
        ];
      }
    }
  }

  const document = new Document({
    creator: 'Digiregion',
    title: doc.title,
    styles: {
      default: {
        document: { run: { font: FONT, size: 20, language: { value: LANGUAGE_TAGS[doc.language] } } },
        title: { run: { font: FONT, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { after: 200 } } },
        heading1: { run: { font: FONT, size: 23, bold: true, color: '000000' }, paragraph: { spacing: { before: 280, after: 120 } } },
        heading2: { run: { font: FONT, size: 20, bold: true, color: '000000' }, paragraph: { spacing: { before: 120, after: 60 } } },
        heading3: {
          run: { font: FONT, size: 20, bold: true, italics: true, color: '000000' },
          paragraph: { spacing: { before: 80, after: 60 } },
        },
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        headers: doc.runningHeader
          ? {
              default: new Header({
                children: [
                  new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: doc.runningHeader, bold: true })] }),
                ],
              }),
            }
          : undefined,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
                children: [
                  new TextRun({ text: doc.footer, size: 16 }),
                  new TextRun({
                    children: ['\t', `${doc.pageLabel.page} `, PageNumber.CURRENT, ` ${doc.pageLabel.of} `, PageNumber.TOTAL_PAGES],
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        children: doc.blocks.flatMap((block) => blockChildren(block, 0)),
      },
    ],
  });
  return Packer.toBuffer(document);
}
