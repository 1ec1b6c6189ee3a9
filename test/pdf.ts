import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';

/**
 * What the archive and a screen reader get from a generated PDF, read with poppler (Debian `poppler-utils`): the
 * document information, the XMP metadata with the PDF/A identification, the fonts, the logical structure tree
 * (`pdfinfo -struct-text`) and the text as shown (`pdftotext -layout`). Every document test checks its PDFs with
 * `expectArchivalPdf`, so each PDF type is held to the same bar: tagged PDF/A-2 (a or u), titled, in its language.
 */

export interface StructNode {
  /** The structure type: Document, H1–H6, P, L, LI, Lbl, LBody, Table, THead, TBody, TR, TH, TD, Span … */
  type: string;
  /** Attribute lines as pdfinfo prints them, e.g. `/Scope /Column`. */
  attributes: string[];
  /** For a text node (type `(text)`), its text. */
  text: string;
  /** Elements and text nodes, in order. */
  children: StructNode[];
}

export interface PdfReport {
  /** `pdfinfo`: Title, Tagged, Pages … */
  info: Record<string, string>;
  /** The XMP metadata packet (`pdfinfo -meta`). */
  xmp: string;
  /** The document catalog's /Lang. */
  language: string | null;
  fonts: Array<{ name: string; embedded: boolean }>;
  structure: StructNode;
  /** `pdftotext -layout`, the text in the order it is shown. */
  text: string;
}

function run(command: string, args: string[]): string {
  // pdfinfo complains on stderr about entries it does not know; only the answer on stdout counts.
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
}

/** The structure tree from `pdfinfo -struct-text`: two spaces of indentation per level, texts in quotes. */
export function parseStructure(output: string): StructNode {
  const root: StructNode = { type: '(root)', attributes: [], text: '', children: [] };
  const stack: Array<{ indent: number; node: StructNode }> = [{ indent: -1, node: root }];
  for (const line of output.split('\n')) {
    if (!line.trim()) continue;
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    while (stack.length > 1 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1]!.node;
    if (content.startsWith('"')) {
      const text = content.replace(/^"|"$/g, '').replaceAll('\u00ad', '');
      parent.children.push({ type: '(text)', attributes: [], text, children: [] });
    } else if (content.startsWith('/')) {
      // An attribute belongs to the element above it, printed one space deeper than its children.
      const owner = stack[stack.length - 1]!;
      owner.node.attributes.push(content);
    } else {
      const type = /^[^\s:]+/.exec(content)?.[0] ?? content;
      const node: StructNode = { type, attributes: [], text: '', children: [] };
      parent.children.push(node);
      stack.push({ indent, node });
    }
  }
  return root.children.find((child) => child.type === 'Document') ?? root;
}

/** Every element of the tree, in document order. */
export function structElements(node: StructNode): StructNode[] {
  return [node, ...node.children.flatMap(structElements)].filter((n) => n.type !== '(text)');
}

/** The texts under an element, in order. */
export function structTexts(node: StructNode): string[] {
  return node.children.flatMap((child) => (child.type === '(text)' ? [child.text] : structTexts(child)));
}

/** The text of an element and everything under it. */
export const structText = (node: StructNode): string => structTexts(node).join(' ');

export function readPdf(bytes: Buffer): PdfReport {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-check-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    const info = Object.fromEntries(
      run('pdfinfo', ['-enc', 'UTF-8', file])
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => [match[1]!, match[2]!.trim()]),
    );
    const fonts = run('pdffonts', [file])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        // name, type (one or two words), encoding, emb, sub, uni, object id, generation: emb is 6th from the end.
        return { name: columns[0]!, embedded: columns[columns.length - 5] === 'yes' };
      });
    const catalog = /\/Lang\s*\(([^)]*)\)/.exec(bytes.toString('latin1'));
    return {
      info,
      xmp: run('pdfinfo', ['-meta', file]),
      language: catalog?.[1] ?? null,
      fonts,
      structure: parseStructure(run('pdfinfo', ['-enc', 'UTF-8', '-struct-text', file])),
      // A word hyphenated at the end of a line keeps its soft hyphen (U+00AD) in the text: as a reader, ignore it.
      text: run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).replaceAll('\u00ad', ''),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const squash = (text: string) => text.replace(/\s+/g, '');

export interface ArchivalExpectations {
  title: string;
  language: 'nb' | 'nn';
  /** The headings in order, each as its structure type and text (the document's H1 first). */
  headings: Array<[`H${1 | 2 | 3 | 4}`, string]>;
  /** The document has a table with header cells (TH labelling columns). */
  table?: boolean;
  /** The document has a list (L with LI, each with its label and body). */
  list?: boolean;
}

/**
 * Tagged PDF/A-2 (level a or u), with the title and language, headings as headings, tables with header cells,
 * lists as lists, every font embedded, and the structure tree in the order the text is shown.
 */
export function expectArchivalPdf(bytes: Buffer, expected: ArchivalExpectations): PdfReport {
  const pdf = readPdf(bytes);
  const tag = expected.language === 'nb' ? 'nb-NO' : 'nn-NO';
  expect(pdf.info.Tagged).toBe('yes');
  expect(pdf.info.Title).toBe(expected.title);
  expect(pdf.language).toBe(tag);
  expect(pdf.xmp).toContain('<pdfaid:part>2</pdfaid:part>');
  expect(pdf.xmp).toMatch(/<pdfaid:conformance>[AU]<\/pdfaid:conformance>/);
  expect(pdf.xmp).toMatch(new RegExp(`<dc:language><rdf:Bag><rdf:li>${tag}</rdf:li>`));
  expect(pdf.fonts.length).toBeGreaterThan(0);
  for (const font of pdf.fonts) expect(font.embedded, font.name).toBe(true);

  const elements = structElements(pdf.structure);
  expect(pdf.structure.type).toBe('Document');
  const headings = elements.filter((e) => /^H\d$/.test(e.type)).map((e) => [e.type, structText(e).trim()]);
  expect(headings[0]?.[0]).toBe('H1');
  let from = 0;
  for (const heading of expected.headings) {
    const at = headings.findIndex((h, i) => i >= from && h[0] === heading[0] && squash(h[1]!) === squash(heading[1]));
    expect(at, `${heading[0]} «${heading[1]}» after heading ${from} of ${JSON.stringify(headings)}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
  const tables = elements.filter((e) => e.type === 'Table');
  if (expected.table) expect(tables.length).toBeGreaterThan(0);
  for (const table of tables) {
    const cells = structElements(table);
    const headerCells = cells.filter((c) => c.type === 'TH');
    expect(headerCells.length, 'a table has header cells').toBeGreaterThan(0);
    for (const th of headerCells) expect(th.attributes).toContain('/Scope /Column');
    expect(cells.some((c) => c.type === 'TD')).toBe(true);
  }
  const lists = elements.filter((e) => e.type === 'L');
  if (expected.list) expect(lists.length).toBeGreaterThan(0);
  for (const list of lists) {
    const items = list.children.filter((c) => c.type === 'LI');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.children.map((c) => c.type)).toEqual(['Lbl', 'LBody']);
  }

  // Reading order: the structure's texts come in the order pdftotext reads the page. Inside a table pdftotext reads
  // line by line across the columns, so a cell of two lines is split; there each line of a cell must only be shown
  // (a word hyphenated at a line's end is two pieces in both, with its hyphen in one and not the other).
  const unhyphenated = (text: string) => squash(text).replace(/[-\u00ad]/g, '');
  const shownPlain = unhyphenated(pdf.text);
  for (const cell of tables.flatMap((table) => structElements(table)).filter((e) => e.type === 'TH' || e.type === 'TD')) {
    for (const piece of structTexts(cell).map(unhyphenated).filter(Boolean)) {
      expect(shownPlain.includes(piece), `«${piece}» of the table cell «${structText(cell)}» is shown`).toBe(true);
    }
  }
  const outsideTables = (node: StructNode): string[] =>
    node.children.flatMap((child) => (child.type === '(text)' ? [child.text] : child.type === 'Table' ? [] : outsideTables(child)));
  const shown = squash(pdf.text);
  let at = 0;
  for (const text of outsideTables(pdf.structure)) {
    const found = shown.indexOf(squash(text), at);
    expect(found, `«${text}» is shown after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + squash(text).length;
  }
  return pdf;
}
