import { SPREADSHEET_LIMITS } from '../../../shared/spreadsheets/limits.ts';
import { overLimit, unreadable, type Cell, type RefusalPlace, type SheetRow } from './types.ts';
import { attributes, decodeOoxmlEscapes, decodeXml, prefixedAttribute, scanXml, type XmlHandler } from './xml.ts';
import { readZipDirectory, unpack, type ZipEntry } from './zip.ts';

/**
 * An XLSX workbook (ECMA-376 SpreadsheetML) read part by part as it is unpacked: the workbook's sheet list, the shared
 * strings and the styles (to tell a date from a number), then each worksheet row by row. Nothing holds a whole part:
 * rows go to the sink in batches as they are read, and every limit is checked the moment it is passed.
 *
 * A cell reads as ExcelJS read it before (the imports' tests hold both to it): a number with a date format is a date
 * (Excel's serial day, midnight UTC), a formula is its cached result, rich text is its runs' text joined, a boolean is
 * a boolean and an error value `{ error }`.
 */

export type Limits = { [K in keyof typeof SPREADSHEET_LIMITS]: number };

export interface WorkbookSink {
  /** A new sheet begins; the rows that follow are its. */
  sheet(name: string, hidden: boolean): void;
  rows(rows: SheetRow[]): void;
}

/**
 * Rows are handed on in batches of at most this many rows or cells, so a worker sends its rows as it goes, in messages
 * small enough to be taken in between other requests.
 */
export const ROW_BATCH = 1000;
export const CELL_BATCH = 4000;

const relationshipType = (type: string | undefined) => (type ?? '').slice((type ?? '').lastIndexOf('/') + 1);

/** A part's path from a relationship's target, relative to the part that points to it. */
function resolvePart(from: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : from.slice(0, from.lastIndexOf('/') + 1) + target;
  const parts: string[] = [];
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** «B» → 1, «AA» → 26; a column of more than three letters is beyond Excel's XFD and given as such. */
export function columnIndex(ref: string): number {
  let index = 0;
  let letters = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20; // upper case
    if (c < 0x41 || c > 0x5a) break;
    index = index * 26 + (c - 0x40);
    letters++;
  }
  if (letters === 0) return -1;
  return letters > 3 ? Number.MAX_SAFE_INTEGER : index - 1;
}

/** 0 → «A», 26 → «AA». */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(0x41 + ((n - 1) % 26)) + name;
  return name;
}

/** Excel's serial day as a date, as ExcelJS converts it (days since 1899-12-30, or 1904-01-01 in the 1904 system). */
const excelDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** The built-in number formats that show a date or a time (ECMA-376 18.8.30, and the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A format code shows a date when a date or time letter is left once bracketed and quoted parts are taken out. */
const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** Text gathered between tags, refused as soon as it could not fit a cell. */
class TextBuffer {
  value = '';
  on = false;
  constructor(private readonly place: () => RefusalPlace | undefined) {}
  start() {
    this.value = '';
    this.on = true;
  }
  add(text: string, cdata: boolean) {
    if (!this.on) return;
    this.value += cdata ? text : decodeXml(text);
    if (this.value.length > SPREADSHEET_LIMITS.cellChars * 2) throw overLimit('cellChars', undefined, this.place());
  }
  take(): string {
    this.on = false;
    const value = this.value;
    this.value = '';
    return value;
  }
}

export class XlsxReader {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly folded = new Map<string, ZipEntry>();
  private sharedStrings: string[] = [];
  private dateStyles: boolean[] = [];
  private date1904 = false;
  private cells = 0;
  private textChars = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: Limits = SPREADSHEET_LIMITS,
  ) {
    for (const entry of readZipDirectory(bytes, limits)) {
      const name = entry.name.replace(/\\/g, '/').replace(/^\//, '');
      this.entries.set(name, entry);
      this.folded.set(name.toLowerCase(), entry);
    }
  }

  private entry(path: string): ZipEntry | undefined {
    return this.entries.get(path) ?? this.folded.get(path.toLowerCase());
  }

  /** Streams one part through the tokenizer; text cut between two pieces waits for the next. */
  private async parse(entry: ZipEntry, handler: XmlHandler, place: () => RefusalPlace | undefined = () => undefined) {
    const decoder = new TextDecoder('utf-8');
    let rest = '';
    for await (const chunk of unpack(this.bytes, entry)) {
      const text = rest + decoder.decode(chunk, { stream: true });
      rest = text.slice(scanXml(text, handler, false));
      // Only text longer than a cell, or a tag as long, is left over this long.
      if (rest.length > this.limits.cellChars * 8) throw overLimit('cellChars', undefined, place());
    }
    scanXml(rest + decoder.decode(), handler, true);
  }

  private async relationships(part: string): Promise<Map<string, { type: string; target: string }>> {
    const slash = part.lastIndexOf('/');
    const entry = this.entry(`${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`);
    const result = new Map<string, { type: string; target: string }>();
    if (!entry) return result;
    await this.parse(entry, {
      open(name, raw) {
        if (name !== 'Relationship') return;
        const a = attributes(raw);
        if (a.Id && a.Target && a.TargetMode !== 'External') {
          result.set(a.Id, { type: relationshipType(a.Type), target: resolvePart(part, a.Target) });
        }
      },
      close() {},
      text() {},
    });
    return result;
  }

  async read(sink: WorkbookSink): Promise<void> {
    const root = await this.relationships('');
    const officeDocument = [...root.values()].find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
    const workbookEntry = this.entry(officeDocument);
    if (!workbookEntry) throw unreadable('notSpreadsheet');

    const sheets: { name: string; id: string; hidden: boolean }[] = [];
    await this.parse(workbookEntry, {
      open: (name, raw) => {
        if (name === 'sheet') {
          const a = attributes(raw);
          const id = prefixedAttribute(a, 'id');
          if (id) sheets.push({ name: a.name ?? '', id, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
        } else if (name === 'workbookPr') {
          const value = attributes(raw).date1904;
          this.date1904 = value === '1' || value === 'true';
        }
      },
      close() {},
      text() {},
    });
    const parts = await this.relationships(officeDocument);
    const ofType = (type: string) => [...parts.values()].find((r) => r.type === type)?.target;

    const styles = ofType('styles');
    const stylesEntry = styles === undefined ? undefined : this.entry(styles);
    if (stylesEntry) await this.readStyles(stylesEntry);
    const strings = ofType('sharedStrings');
    const stringsEntry = strings === undefined ? undefined : this.entry(strings);
    if (stringsEntry) await this.readSharedStrings(stringsEntry);

    for (const sheet of sheets) {
      const part = parts.get(sheet.id);
      if (!part || part.type !== 'worksheet') continue; // a chart sheet has no cells
      const entry = this.entry(part.target);
      if (!entry) throw unreadable('damaged');
      sink.sheet(sheet.name, sheet.hidden);
      await this.readSheet(entry, sheet.name, sink);
    }
  }

  private async readStyles(entry: ZipEntry) {
    const formats = new Map<number, string>();
    const cellFormats: number[] = [];
    let inCellXfs = false;
    await this.parse(entry, {
      open(name, raw, selfClosing) {
        if (name === 'numFmt') {
          const a = attributes(raw);
          formats.set(Number(a.numFmtId), a.formatCode ?? '');
        } else if (name === 'cellXfs') inCellXfs = !selfClosing;
        else if (name === 'xf' && inCellXfs) cellFormats.push(Number(attributes(raw).numFmtId ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
      text() {},
    });
    this.dateStyles = cellFormats.map((id) => {
      const code = formats.get(id);
      return code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(code);
    });
  }

  private async readSharedStrings(entry: ZipEntry) {
    const strings: string[] = [];
    const limits = this.limits;
    const text = new TextBuffer(() => undefined);
    let inItem = false;
    let phonetic = 0;
    let item = '';
    await this.parse(entry, {
      open(name) {
        if (name === 'si') {
          inItem = true;
          item = '';
        } else if (name === 'rPh') phonetic++;
        else if (name === 't' && inItem && phonetic === 0) text.start();
      },
      close(name) {
        if (name === 't' && text.on) {
          item += text.take();
          if (item.length > limits.cellChars * 2) throw overLimit('cellChars');
        } else if (name === 'rPh') phonetic--;
        else if (name === 'si') {
          inItem = false;
          const value = decodeOoxmlEscapes(item);
          if (value.length > limits.cellChars) throw overLimit('cellChars', value.length);
          // More distinct strings than cells may be filled cannot be a real table's.
          if (strings.length >= limits.cells) throw overLimit('cells');
          strings.push(value);
        }
      },
      text(value, cdata) {
        text.add(value, cdata);
      },
    });
    this.sharedStrings = strings;
  }

  private async readSheet(entry: ZipEntry, sheetName: string, sink: WorkbookSink) {
    const limits = this.limits;
    let rowNumber = 0;
    let rowsInSheet = 0;
    let cells: Cell[] = [];
    let lastColumn = -1;
    let column = 0;
    let type = 'n';
    let style = 0;
    let value: string | null = null;
    let inline: string | null = null;
    let inInline = false;
    let phonetic = 0;
    let inSheetData = false;
    let batch: SheetRow[] = [];
    let batchCells = 0;
    const place = (): RefusalPlace => ({
      sheet: sheetName,
      row: rowNumber,
      column: column >= 0 ? columnName(Math.min(column, 16_383)) : null,
    });
    const text = new TextBuffer(place);

    const cellValue = (): Cell => {
      switch (type) {
        case 's': {
          if (value === null) return null;
          return this.sharedStrings[Number(value)] ?? null;
        }
        case 'inlineStr':
          return inline === null ? null : decodeOoxmlEscapes(inline);
        case 'str':
          return value === null ? null : decodeOoxmlEscapes(value);
        case 'b':
          return value === null || value === '' ? null : value.trim() === '1' || value.trim() === 'true';
        case 'e':
          return value === null ? null : { error: value };
        case 'd': {
          if (value === null || value === '') return null;
          const date = new Date(value);
          return Number.isNaN(date.getTime()) ? value : date;
        }
        default: {
          if (value === null || value.trim() === '') return null;
          const number = Number(value);
          if (Number.isNaN(number)) return value;
          return this.dateStyles[style] ? excelDate(number, this.date1904) : number;
        }
      }
    };

    const handler: XmlHandler = {
      open(name, raw) {
        switch (name) {
          case 'sheetData':
            inSheetData = true;
            break;
          case 'row': {
            if (!inSheetData) break;
            const r = Number(attributes(raw).r);
            rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
            cells = [];
            lastColumn = -1;
            break;
          }
          case 'c': {
            if (!inSheetData) break;
            const a = attributes(raw);
            const index = a.r ? columnIndex(a.r) : -1;
            column = index >= 0 ? index : lastColumn + 1;
            type = a.t ?? 'n';
            style = a.s ? Number(a.s) : 0;
            value = null;
            inline = null;
            break;
          }
          case 'v':
            if (inSheetData) text.start();
            break;
          case 'is':
            inInline = true;
            inline = '';
            break;
          case 'rPh':
            phonetic++;
            break;
          case 't':
            if (inInline && phonetic === 0) text.start();
            break;
        }
      },
      close: (name) => {
        switch (name) {
          case 'v':
            if (text.on) value = text.take();
            break;
          case 't':
            if (text.on) {
              inline = (inline ?? '') + text.take();
              if (inline.length > limits.cellChars * 2) throw overLimit('cellChars', undefined, place());
            }
            break;
          case 'rPh':
            phonetic--;
            break;
          case 'is':
            inInline = false;
            break;
          case 'c': {
            if (!inSheetData) break;
            const cell = cellValue();
            lastColumn = column;
            if (cell === null) break;
            if (column + 1 > limits.columns) throw overLimit('columns', undefined, place());
            if (typeof cell === 'string') {
              if (cell.length > limits.cellChars) throw overLimit('cellChars', cell.length, place());
              this.textChars += cell.length;
              if (this.textChars > limits.textChars) throw overLimit('textChars', undefined, place());
            }
            while (cells.length < column) cells.push(null);
            cells[column] = cell;
            break;
          }
          case 'row':
            if (!inSheetData || cells.length === 0) break;
            if (++rowsInSheet > limits.rows) throw overLimit('rows', undefined, { ...place(), column: null });
            // Counted to the row's last cell with content: a lone cell far to the right costs the whole width.
            this.cells += cells.length;
            if (this.cells > limits.cells) throw overLimit('cells', undefined, { ...place(), column: null });
            batch.push({ row: rowNumber, cells });
            batchCells += cells.length;
            cells = [];
            if (batch.length >= ROW_BATCH || batchCells >= CELL_BATCH) {
              sink.rows(batch);
              batch = [];
              batchCells = 0;
            }
            break;
          case 'sheetData':
            inSheetData = false;
            break;
        }
      },
      text(raw, cdata) {
        text.add(raw, cdata);
      },
    };
    await this.parse(entry, handler, place);
    if (batch.length > 0) sink.rows(batch);
  }
}
