import type { ListItem, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * The one document model the PDF and DOCX back-ends (`pdf.ts`, `docx.ts`) both map from, so a document
 * type is laid out once and the two formats differ only in the last step.
 */

export type DocLanguage = 'nb' | 'nn';

/** A traffic light, as status reports give it. */
export type DocLight = 'green' | 'yellow' | 'red';

/** The text of a table cell or a field's line; with a light, its coloured dot goes before the words. */
export type CellText = string | { text: string; light: DocLight };

/** A stretch of text with one look. A `\n` in the text is a hard line break. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

export type Block =
  /** 1: the document title; 2: a case; 3: a part of a case (INNSTILLING); 4: a heading inside Markdown. */
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  /** A note is set in italics; a lead (a subtitle under the title) a size larger. */
  | { kind: 'paragraph'; runs: Run[]; tone?: 'note' | 'lead' }
  /** Each item is a list of blocks: its text, then any further paragraphs or nested lists. */
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  /** Label and value pairs without borders: date, time, place, who attended. */
  | { kind: 'fields'; rows: Array<{ label: string; lines: CellText[] }> }
  /** A table with a header row (its header cells label the columns); widths are relative. */
  | { kind: 'table'; header: string[]; widths: number[]; rows: CellText[][] };

export interface BlockDocument {
  language: DocLanguage;
  title: string;
  /** Repeated at the top of every page, e.g. UTKAST on a draft. */
  runningHeader: string | null;
  /** Left part of the footer; the right part is the page label. */
  footer: string;
  /** 'Side' and 'av' in 'Side 1 av 3'. */
  pageLabel: { page: string; of: string };
  blocks: Block[];
  /** When the document was made, for the PDF's dates; now when not given. The same date gives the same bytes. */
  date?: Date;
}

export const LANGUAGE_TAGS: Record<DocLanguage, string> = { nb: 'nb-NO', nn: 'nn-NO' };

export function heading(level: 1 | 2 | 3 | 4, text: string): Block {
  return { kind: 'heading', level, text };
}

export function paragraph(text: string, style: { bold?: boolean; italic?: boolean; tone?: 'note' | 'lead' } = {}): Block {
  const { tone, ...look } = style;
  return tone ? { kind: 'paragraph', runs: [{ text, ...look }], tone } : { kind: 'paragraph', runs: [{ text, ...look }] };
}

/** '014/22: GODKJENNING AV INNKALLING' */
export function caseHeading(number: string, title: string): string {
  return `${number}: ${title.toLocaleUpperCase('nb-NO')}`;
}

/** The words of a cell, without its light. */
export function cellText(cell: CellText): string {
  return typeof cell === 'string' ? cell : cell.text;
}

/** '2022-03-25' → '25.03.2022', the way Norwegian minutes write dates. */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`Not an ISO date: ${isoDate}`);
  const [, year = '', month = '', day = ''] = match;
  return `${day}.${month}.${year}`;
}

export function formatTimeRange(start: string, end: string | null): string {
  return end ? `${start}–${end}` : start;
}

/**
 * Lists nest at most this deep; a list deeper in is read as its items' paragraphs. Word numbers nine levels, and a
 * list nested a hundred deep (a line of Markdown each) would otherwise be work without end for the typesetter.
 */
export const MAX_LIST_DEPTH = 8;

/** Paragraphs, lists, emphasis and links of a Markdown text as blocks. */
export function markdownToBlocks(markdown: string): Block[] {
  return fromMarkdown(markdown).children.flatMap((node) => flowToBlocks(node, 0));
}

/** `depth`: the lists this node is inside. */
function flowToBlocks(node: RootContent, depth: number): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [{ kind: 'paragraph', runs: phrasingToRuns(node.children, {}) }];
    case 'heading':
      return [{ kind: 'heading', level: 4, text: runsToText(phrasingToRuns(node.children, {})) }];
    case 'list':
      if (depth >= MAX_LIST_DEPTH) return node.children.flatMap((item) => listItemToBlocks(item, depth));
      return [
        {
          kind: 'list',
          ordered: node.ordered ?? false,
          start: node.start ?? 1,
          items: node.children.map((item) => listItemToBlocks(item, depth + 1)),
        },
      ];
    case 'blockquote':
      return node.children.flatMap((child) => flowToBlocks(child, depth));
    case 'code':
    case 'html':
      return [{ kind: 'paragraph', runs: [{ text: node.value }] }];
    default:
      // Thematic breaks, link definitions and the like carry no text of their own.
      return [];
  }
}

function listItemToBlocks(item: ListItem, depth: number): Block[] {
  return item.children.flatMap((child) => flowToBlocks(child, depth));
}

function phrasingToRuns(nodes: PhrasingContent[], look: Omit<Run, 'text'>): Run[] {
  return nodes.flatMap((node): Run[] => {
    switch (node.type) {
      case 'text':
        // A line break inside a Markdown paragraph is a space; only a hard break (two spaces, backslash) breaks.
        return [{ text: node.value.replaceAll('\n', ' '), ...look }];
      case 'strong':
        return phrasingToRuns(node.children, { ...look, bold: true });
      case 'emphasis':
        return phrasingToRuns(node.children, { ...look, italic: true });
      case 'link':
        // Only web and e-mail links become links in the file; a file: or javascript: address stays plain text.
        return phrasingToRuns(node.children, /^(https?:|mailto:)/i.test(node.url) ? { ...look, link: node.url } : look);
      case 'linkReference':
      case 'delete':
        return phrasingToRuns(node.children, look);
      case 'inlineCode':
      case 'html':
        return [{ text: node.value, ...look }];
      case 'break':
        return [{ text: '\n', ...look }];
      case 'image':
      case 'imageReference':
        return node.alt ? [{ text: node.alt, ...look }] : [];
      default:
        // Footnote references point at footnotes, which are not rendered.
        return [];
    }
  });
}

function runsToText(runs: Run[]): string {
  return runs.map((run) => run.text).join('');
}
