import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureWorkbook } from '../../../../test/fixtures/spreadsheets/make-libreoffice-fixture.ts';
import {
  decompressionBomb,
  manyParts,
  packed,
  packedRepeated,
  xlsxWithSheet,
  zipArchive,
} from '../../../../test/security/spreadsheet-files.ts';
import { nationalWorkbook } from '../../../../bench/national-workbook.ts';
import { SPREADSHEET_LIMITS } from '../../../shared/spreadsheets/limits.ts';
import { AppError } from '../../errors.ts';
import { readSpreadsheet, UnreadableSpreadsheet, type Cell } from './index.ts';
import { ReaderBusy, ReaderFailed, ReaderPool } from './pool.ts';
import { collect, readInto } from './read.ts';
import { RefusedFile, type ReadOptions, type Refusal, type Workbook } from './types.ts';
import type { Limits } from './xlsx.ts';

const XLSX_ONLY: ReadOptions = { formats: ['xlsx'] };
const BOTH: ReadOptions = { formats: ['xlsx', 'csv'] };

/** Read in this thread, as the worker does. */
async function read(bytes: Uint8Array, options: ReadOptions = BOTH, limits?: Partial<Limits>): Promise<Workbook> {
  const { sink, workbook } = collect();
  const format = await readInto(bytes, options, sink, { ...SPREADSHEET_LIMITS, ...limits });
  return workbook(format);
}

async function refusal(bytes: Uint8Array, options: ReadOptions = BOTH, limits?: Partial<Limits>): Promise<Refusal> {
  try {
    await read(bytes, options, limits);
  } catch (error) {
    if (error instanceof RefusedFile) return error.refusal;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

/** What ExcelJS made of a cell, as the imports used it before: the reader must give the same. */
function excelJsCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return excelJsCell((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value) return excelJsCell(value.text);
    if ('error' in value) return { error: value.error };
  }
  return value;
}

/** Every sheet and every row with content as ExcelJS reads the file. */
async function asExcelJsReadIt(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: { row: number; cells: Cell[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(excelJsCell);
      while (cells.length > 0 && cells.at(-1) === null) cells.pop();
      if (cells.length > 0) rows.push({ row: number, cells: Array.from(cells, (c) => c ?? null) });
    });
    return { name: sheet.name, hidden: sheet.state !== 'visible', rows };
  });
}

const csv = (text: string) => Buffer.from(text, 'utf8');
const textOf = (workbook: Workbook) => workbook.sheets[0]!.rows.map((r) => r.cells);

describe('XLSX', () => {
  it('reads every kind of cell as ExcelJS read it, in a file ExcelJS wrote and in the same file saved by LibreOffice', async () => {
    const expected = [
      { row: 1, cells: ['Tekst', 'Tall', 'Dato', 'Formel', 'Sann', 'Feil', 'Lenke', 'Rik'] },
      {
        row: 2,
        cells: ['Æøå «sitat» & <tag>', 1234.5, new Date('2024-03-15T00:00:00Z'), 2469, true, { error: '#N/A' }, 'Digdir', 'fet og vanlig'],
      },
      { row: 4, cells: ['etter tom rad', null, null, null, 0.25] },
      { row: 5, cells: [new Date('2024-03-16T00:00:00Z'), 'Tekstx'] },
    ];
    for (const bytes of [
      await fixtureWorkbook(),
      readFileSync(new URL('../../../../test/fixtures/spreadsheets/libreoffice.xlsx', import.meta.url)),
    ]) {
      const workbook = await read(bytes);
      expect(workbook.format).toBe('xlsx');
      expect(workbook.sheets.map((s) => [s.name, s.hidden])).toEqual([
        ['Data', false],
        ['Skjult', true],
      ]);
      expect(workbook.sheets[0]!.rows).toEqual(expected);
      expect(workbook.sheets).toEqual(await asExcelJsReadIt(bytes));
    }
  });

  it(
    'reads the national mapping workbook (42,841 rows) within every limit, as ExcelJS read it, in a worker thread',
    { timeout: 180_000 },
    async () => {
      const { bytes } = await nationalWorkbook();
      const workbook = await readSpreadsheet(bytes, { language: 'nb', formats: ['xlsx'] });
      expect(workbook.sheets.map((s) => [s.name, s.rows.length])).toEqual([
        ['Veiledning', 18],
        ['Fagsystemer', 42_841],
        ['Fellesløsninger', 14_281],
        ['Lister', 358],
      ]);
      expect(workbook.sheets).toEqual(await asExcelJsReadIt(bytes));
    },
  );

  it('reads what other writers do: inline and shared rich text, CDATA, entities, _xHHHH_ escapes, prefixes, cells without references, the 1904 calendar', async () => {
    const sheet = [
      '<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>del </x:t></x:r><x:r><x:t xml:space="preserve">og del</x:t></x:r></x:is></x:c>',
      '<x:c t="inlineStr"><x:is><x:t><![CDATA[<ikke tag>]]> &amp; &#248;&#x00E6;</x:t><x:rPh><x:t>uttale</x:t></x:rPh></x:is></x:c>',
      '<x:c t="s"><x:v>0</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>linje_x000D_ny _x005F_x0041_</x:v></x:c>',
      '<x:c t="b"><x:v>0</x:v></x:c><x:c s="1"><!-- en dato --><x:v>0</x:v></x:c></x:row>',
    ].join('');
    const workbook = (date1904: boolean) =>
      zipArchive([
        packed('_rels/.rels', '<Relationships><Relationship Id="a" Type="x/officeDocument" Target="/xl/wb.xml"/></Relationships>'),
        packed(
          'xl/wb.xml',
          `<x:workbook xmlns:x="main" xmlns:rel="r"><x:workbookPr date1904="${date1904 ? 1 : 0}"/><x:sheets><x:sheet name="Å" sheetId="1" rel:id="s1"/></x:sheets></x:workbook>`,
        ),
        packed(
          'xl/_rels/wb.xml.rels',
          '<Relationships><Relationship Id="s1" Type="x/worksheet" Target="ark/en.xml"/><Relationship Id="t" Type="x/sharedStrings" Target="delt.xml"/><Relationship Id="u" Type="x/styles" Target="stil.xml"/></Relationships>',
        ),
        packed('xl/delt.xml', '<x:sst xmlns:x="main"><x:si><x:r><x:t>delt</x:t></x:r><x:r><x:t> tekst</x:t></x:r></x:si></x:sst>'),
        packed('xl/stil.xml', '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'),
        packed('xl/ark/en.xml', `<?xml version="1.0"?><x:worksheet xmlns:x="main"><x:sheetData>${sheet}</x:sheetData></x:worksheet>`),
      ]);
    const read1900 = await read(workbook(false));
    expect(read1900.sheets).toEqual([
      {
        name: 'Å',
        hidden: false,
        rows: [
          {
            row: 2,
            cells: [null, 'del og del', '<ikke tag> & øæ', 'delt tekst', 'linje\rny _x0041_', false, new Date('1899-12-30T00:00:00Z')],
          },
        ],
      },
    ]);
    expect((await read(workbook(true))).sheets[0]!.rows[0]!.cells[6]).toEqual(new Date('1904-01-01T00:00:00Z'));
  });

  it('refuses a file with a document type declaration, so no entity can expand', async () => {
    const file = zipArchive([
      packed('xl/workbook.xml', '<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><workbook><sheets/></workbook>'),
    ]);
    expect(await refusal(file)).toEqual({ kind: 'unreadable', reason: 'damaged' });
  });

  it('takes no file that is not a workbook: a zip without one, a broken zip, an encrypted part, a part packed otherwise', async () => {
    expect(await refusal(zipArchive([packed('word/document.xml', '<w:document/>')]))).toEqual({
      kind: 'unreadable',
      reason: 'notSpreadsheet',
    });
    expect(await refusal(Buffer.from([0x50, 0x4b, 3, 4, 9, 9, 9]))).toEqual({ kind: 'unreadable', reason: 'damaged' });
    const valid = xlsxWithSheet('<row><c><v>1</v></c></row>');
    const truncated = valid.subarray(0, valid.length - 30);
    expect(await refusal(truncated)).toEqual({ kind: 'unreadable', reason: 'damaged' });
    const directory = valid.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const encrypted = Buffer.from(valid);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(directory + 8) | 1, directory + 8);
    expect(await refusal(encrypted)).toEqual({ kind: 'unreadable', reason: 'unsupported' });
    const bzip2 = Buffer.from(valid);
    bzip2.writeUInt16LE(12, directory + 10);
    expect(await refusal(bzip2)).toEqual({ kind: 'unreadable', reason: 'unsupported' });
    expect(await refusal(csv('a;b\n'), XLSX_ONLY)).toEqual({ kind: 'unreadable', reason: 'notSpreadsheet' });
  });

  it('refuses a decompression bomb from the zip directory alone, before unpacking a byte, and in milliseconds', async () => {
    const bomb = decompressionBomb();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const started = performance.now();
    const refused = await refusal(bomb);
    expect(refused).toEqual({ kind: 'limit', limit: 'unpackedBytes', actual: expect.any(Number) });
    expect((refused as { actual: number }).actual).toBeGreaterThan(480 * 1024 * 1024);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('stops unpacking a part at the size the directory declared, so a bomb that lies about its size is refused as damaged', async () => {
    const liar = decompressionBomb({ declaredMb: 5 });
    expect(await refusal(liar)).toEqual({ kind: 'unreadable', reason: 'damaged' });
  });

  it('refuses more parts than the limit before walking the directory', async () => {
    expect(await refusal(manyParts(SPREADSHEET_LIMITS.parts + 1))).toEqual({
      kind: 'limit',
      limit: 'parts',
      actual: SPREADSHEET_LIMITS.parts + 1,
    });
    expect((await read(manyParts(SPREADSHEET_LIMITS.parts))).sheets).toHaveLength(1);
  });

  it('refuses a sheet beyond the limits on rows, columns, cells, a cell’s length and all text, naming the place', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('');
    expect(await refusal(xlsxWithSheet(rows(11)), BOTH, { rows: 10 })).toEqual({
      kind: 'limit',
      limit: 'rows',
      at: { sheet: 'Ark1', row: 11, column: null },
    });
    expect((await read(xlsxWithSheet(rows(10)), BOTH, { rows: 10 })).sheets[0]!.rows).toHaveLength(10);
    // The real limit on rows, with rows of real width.
    const wide = Array.from({ length: SPREADSHEET_LIMITS.rows + 1 }, (_, i) => `<row><c><v>${i}</v></c></row>`).join('');
    expect(await refusal(xlsxWithSheet(wide))).toMatchObject({ limit: 'rows', at: { row: SPREADSHEET_LIMITS.rows + 1 } });

    expect(await refusal(xlsxWithSheet('<row r="3"><c r="A3"><v>1</v></c><c r="GS3"><v>2</v></c></row>'))).toEqual({
      kind: 'limit',
      limit: 'columns',
      at: { sheet: 'Ark1', row: 3, column: 'GS' },
    });
    expect(await refusal(xlsxWithSheet('<row r="1"><c r="AAAAA1"><v>2</v></c></row>'))).toMatchObject({
      limit: 'columns',
      at: { column: 'XFD' },
    });
    const lastColumn = (await read(xlsxWithSheet('<row r="1"><c r="GR1"><v>2</v></c></row>'))).sheets[0]!.rows[0]!.cells;
    expect(lastColumn).toHaveLength(SPREADSHEET_LIMITS.columns);

    const long = 'x'.repeat(SPREADSHEET_LIMITS.cellChars + 1);
    expect(await refusal(xlsxWithSheet(`<row r="7"><c r="C7" t="inlineStr"><is><t>${long}</t></is></c></row>`))).toEqual({
      kind: 'limit',
      limit: 'cellChars',
      actual: SPREADSHEET_LIMITS.cellChars + 1,
      at: { sheet: 'Ark1', row: 7, column: 'C' },
    });
    // Text never closed by a tag is refused as soon as it is longer than any cell could be.
    const unclosed = xlsxWithSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'y'.repeat(SPREADSHEET_LIMITS.cellChars * 9)}`);
    expect(await refusal(unclosed)).toMatchObject({ kind: 'limit', limit: 'cellChars' });

    // A row is counted to its last cell with content, however empty it is before that.
    expect(
      await refusal(xlsxWithSheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="J2"><v>1</v></c></row>'), BOTH, { cells: 10 }),
    ).toEqual({
      kind: 'limit',
      limit: 'cells',
      at: { sheet: 'Ark1', row: 2, column: null },
    });
    expect(
      await refusal(
        xlsxWithSheet('<row r="1"><c t="inlineStr"><is><t>abc</t></is></c><c t="inlineStr"><is><t>def</t></is></c></row>'),
        BOTH,
        { textChars: 5 },
      ),
    ).toMatchObject({
      limit: 'textChars',
      at: { row: 1, column: 'B' },
    });
  });

  it('refuses a shared string table larger than the cells a file may have, and strings longer than a cell', async () => {
    const strings = (items: string[]) =>
      zipArchive([
        packed('xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="A" r:id="s"/></sheets></workbook>'),
        packed(
          'xl/_rels/workbook.xml.rels',
          '<Relationships><Relationship Id="s" Type="x/worksheet" Target="a.xml"/><Relationship Id="t" Type="x/sharedStrings" Target="s.xml"/></Relationships>',
        ),
        packed('xl/s.xml', `<sst>${items.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`),
        packed('xl/a.xml', '<worksheet><sheetData><row r="1"><c t="s"><v>1</v></c></row></sheetData></worksheet>'),
      ]);
    expect((await read(strings(['a', 'b']))).sheets[0]!.rows[0]!.cells).toEqual(['b']);
    expect(await refusal(strings(['a', 'b', 'c']), BOTH, { cells: 2 })).toEqual({ kind: 'limit', limit: 'cells' });
    expect(await refusal(strings(['a', 'x'.repeat(SPREADSHEET_LIMITS.cellChars + 1)]))).toMatchObject({
      kind: 'limit',
      limit: 'cellChars',
    });
  });
});

describe('CSV', () => {
  it('reads Norwegian habits: semicolons, a byte-order mark, CRLF, quotes with separators and line breaks, blank lines counted', async () => {
    const workbook = await read(
      csv('\uFEFFDato;Konto;Beløp;Tekst\r\n15.01.2024;18100;"1 000,00";"Sitat ""her""; og\r\nny linje"\r\n\r\n;;;\r\n'),
    );
    expect(workbook).toEqual({
      format: 'csv',
      sheets: [
        {
          name: '',
          hidden: false,
          rows: [
            { row: 1, cells: ['Dato', 'Konto', 'Beløp', 'Tekst'] },
            { row: 2, cells: ['15.01.2024', '18100', '1 000,00', 'Sitat "her"; og\r\nny linje'] },
            { row: 3, cells: [''] },
            { row: 4, cells: ['', '', '', ''] },
          ],
        },
      ],
    });
  });

  it('tells the separator from the first line, outside quotes, a tie going to the semicolon', async () => {
    expect(textOf(await read(csv('a,b,c\n"1,5",2,3')))).toEqual([
      ['a', 'b', 'c'],
      ['1,5', '2', '3'],
    ]);
    expect(textOf(await read(csv('"a;b",c\n1,2')))).toEqual([
      ['a;b', 'c'],
      ['1', '2'],
    ]);
    expect(textOf(await read(csv('a\tb\n1\t2')))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(textOf(await read(csv('a;b,c\n1;2,3')))).toEqual([
      ['a', 'b,c'],
      ['1', '2,3'],
    ]);
    expect(textOf(await read(csv('a;b;c\n1,2'), { formats: ['csv'], delimiter: ',' }))).toEqual([['a;b;c'], ['1', '2']]);
  });

  it('reads Windows-1252 when the bytes are not UTF-8, and UTF-16 by its byte-order mark', async () => {
    const latin = Buffer.from([0x53, 0xf8, 0x72, 0x3b, 0xe6, 0x0a, 0x31, 0x3b, 0x80]); // «Sør;æ\n1;€»
    expect(textOf(await read(latin))).toEqual([
      ['Sør', 'æ'],
      ['1', '€'],
    ]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Måned\tTimer\r\n2024-01\t7,5\r\n', 'utf16le')]);
    expect(textOf(await read(utf16))).toEqual([
      ['Måned', 'Timer'],
      ['2024-01', '7,5'],
    ]);
  });

  it('takes a binary file for no CSV', async () => {
    expect(await refusal(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toEqual({ kind: 'unreadable', reason: 'notSpreadsheet' });
  });

  it('refuses a file beyond the limits on rows, columns, cells, a cell’s length and the file’s size, naming the place', async () => {
    expect(await refusal(csv('1\n'.repeat(SPREADSHEET_LIMITS.rows + 1)))).toEqual({
      kind: 'limit',
      limit: 'rows',
      at: { sheet: '', row: SPREADSHEET_LIMITS.rows + 1, column: null },
    });
    expect((await read(csv('1\n'.repeat(SPREADSHEET_LIMITS.rows)))).sheets[0]!.rows).toHaveLength(SPREADSHEET_LIMITS.rows);
    expect(await refusal(csv(`a\n${';'.repeat(SPREADSHEET_LIMITS.columns)}\n`))).toEqual({
      kind: 'limit',
      limit: 'columns',
      at: { sheet: '', row: 2, column: 'GS' },
    });
    expect(await refusal(csv(`a;"${'x'.repeat(SPREADSHEET_LIMITS.cellChars + 1)}"`))).toEqual({
      kind: 'limit',
      limit: 'cellChars',
      actual: SPREADSHEET_LIMITS.cellChars + 1,
      at: { sheet: '', row: 1, column: 'B' },
    });
    expect(await refusal(csv('a;b;c\nd;e;f'), BOTH, { cells: 5 })).toMatchObject({ limit: 'cells', at: { row: 2, column: 'C' } });
    expect(await refusal(csv('abc;def'), BOTH, { textChars: 5 })).toMatchObject({ limit: 'textChars', at: { row: 1, column: 'B' } });
    expect(await refusal(Buffer.alloc(SPREADSHEET_LIMITS.fileBytes + 1, 0x61))).toEqual({
      kind: 'limit',
      limit: 'fileBytes',
      actual: SPREADSHEET_LIMITS.fileBytes + 1,
    });
  });
});

describe('the reader in worker threads', () => {
  const pools: ReaderPool[] = [];
  const poolWith = (settings: Partial<ReaderPool['settings']>) => {
    const pool = new ReaderPool({ workers: 1, queue: 0, heapMb: 384, seconds: 60, idleMs: 1000, ...settings });
    pools.push(pool);
    return pool;
  };
  afterAll(async () => {
    for (const pool of pools) await pool.close();
  });
  const rowsCsv = (rows: number) => csv(Array.from({ length: rows }, (_, i) => `${i};rad ${i};${i * 2}`).join('\n'));

  it('answers a refusal in the caller’s language through the one error shape: 413 for the size limits, 422 at the place for the rest', async () => {
    const bomb = await readSpreadsheet(decompressionBomb(), { language: 'en', formats: ['xlsx'] }).catch((e: unknown) => e);
    expect(bomb).toBeInstanceOf(AppError);
    expect(bomb).toMatchObject({ code: 'too_large', status: 413, limit: { name: 'unpackedBytes', max: SPREADSHEET_LIMITS.unpackedBytes } });
    const rows = await readSpreadsheet(csv('1\n'.repeat(SPREADSHEET_LIMITS.rows + 1)), { language: 'nn', formats: ['csv'] }).catch(
      (e: unknown) => e,
    );
    expect(rows).toMatchObject({
      code: 'validation_failed',
      status: 422,
      limit: { name: 'rows', max: SPREADSHEET_LIMITS.rows },
      problems: [
        {
          sheet: '',
          row: SPREADSHEET_LIMITS.rows + 1,
          column: null,
          message: 'Arket har fleire enn 100\u00a0000 rader med innhald. Del fila opp.',
        },
      ],
    });
    const docx = await readSpreadsheet(zipArchive([packed('word/document.xml', '<w:document/>')]), {
      language: 'nb',
      formats: ['xlsx'],
    }).catch((e: unknown) => e);
    expect(docx).toBeInstanceOf(UnreadableSpreadsheet);
  });

  it('waits for a free worker up to the queue’s length and refuses one more at once; the waiting ones are read', async () => {
    const pool = poolWith({ workers: 1, queue: 1 });
    const file = rowsCsv(60_000);
    const reads = [pool.read(file, BOTH), pool.read(file, BOTH), pool.read(file, BOTH)];
    const outcomes = await Promise.allSettled(reads);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(ReaderBusy);
    expect((outcomes[0] as PromiseFulfilledResult<Workbook>).value.sheets[0]!.rows).toHaveLength(60_000);
    expect(pool.load).toMatchObject({ running: 0, waiting: 0 });
  });

  it('ends a worker that runs out of time or memory, answers that, and reads the next file with a new one', async () => {
    const slow = poolWith({ seconds: 0.001 });
    await expect(slow.read(rowsCsv(60_000), BOTH)).rejects.toMatchObject({ why: 'timeout' });
    expect(slow.load).toMatchObject({ running: 0, idle: 0 });

    // A hundred thousand copies of a 1 000-character shared string: 100 MB of heap, in a worker given 32.
    const hungry = zipArchive([
      packed('xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="A" r:id="s"/></sheets></workbook>'),
      packed(
        'xl/_rels/workbook.xml.rels',
        '<Relationships><Relationship Id="s" Type="x/worksheet" Target="a.xml"/><Relationship Id="t" Type="x/sharedStrings" Target="s.xml"/></Relationships>',
      ),
      packedRepeated('xl/s.xml', '<sst>', `<si><t>${'ø'.repeat(1000)}</t></si>`, 100_000, '</sst>'),
      packed('xl/a.xml', '<worksheet><sheetData/></worksheet>'),
    ]);
    const small = poolWith({ heapMb: 32 });
    const outOfMemory = await small.read(hungry, BOTH).catch((e: unknown) => e);
    expect(outOfMemory).toBeInstanceOf(ReaderFailed);
    expect(outOfMemory).toMatchObject({ why: 'memory' });
    expect((await small.read(rowsCsv(10), BOTH)).sheets[0]!.rows).toHaveLength(10);
    // With the real heap the same file reads.
    expect((await poolWith({}).read(hungry, BOTH)).sheets).toEqual([{ name: 'A', hidden: false, rows: [] }]);
  });
});
