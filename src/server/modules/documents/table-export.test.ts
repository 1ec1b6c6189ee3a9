import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { attachmentHeader } from './send-file.ts';
import { renderTable, type ExportColumn } from './table-export.ts';

interface Row {
  name: string;
  count: number;
}
const columns: ExportColumn<Row>[] = [
  { header: 'Navn', value: (r) => r.name },
  { header: 'Antall', value: (r) => r.count },
];
const rows: Row[] = [
  { name: 'Bø', count: 2634 },
  { name: 'Hadsel; "Stokmarknes"', count: 8236 },
  { name: '=HYPERLINK("http://x")', count: 1 },
];

describe('renderTable', () => {
  it('writes CSV with a byte-order mark, semicolons, quoting and formulas neutralized', async () => {
    const file = await renderTable('csv', 'test', columns, rows);
    const text = file.body.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Navn;Antall',
      'Bø;2634',
      '"Hadsel; ""Stokmarknes""";8236',
      `"'=HYPERLINK(""http://x"")";1`,
      '',
    ]);
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.fileName).toMatch(/^test-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('writes an XLSX workbook that reads back with the same cells and numbers as numbers', async () => {
    const file = await renderTable('xlsx', 'test', columns, rows);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('test')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Navn', 'Antall']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Bø', 2634]);
    expect(sheet.getCell('A4').value).toBe(`'=HYPERLINK("http://x")`);
    expect(sheet.rowCount).toBe(4);
  });

  it('names the attachment in ASCII and in UTF-8', () => {
    expect(attachmentHeader('digivesterålen.csv')).toBe(
      `attachment; filename="digivesteralen.csv"; filename*=UTF-8''digivester%C3%A5len.csv`,
    );
    expect(attachmentHeader('Bø og Sørfold – æøå.pdf')).toBe(
      `attachment; filename="Bo og Sorfold _ aeoa.pdf"; filename*=UTF-8''B%C3%B8%20og%20S%C3%B8rfold%20%E2%80%93%20%C3%A6%C3%B8%C3%A5.pdf`,
    );
  });

  it('keeps a quote, a backslash, a path or a line break in a name from breaking the header (RFC 6266)', () => {
    expect(attachmentHeader('sak "14" – 100%.pdf')).toBe(
      `attachment; filename="sak _14_ _ 100_.pdf"; filename*=UTF-8''sak%20%2214%22%20%E2%80%93%20100%25.pdf`,
    );
    expect(attachmentHeader('C:\\Users\\kari\\vedlegg.pdf')).toBe(`attachment; filename="vedlegg.pdf"; filename*=UTF-8''vedlegg.pdf`);
    expect(attachmentHeader("a\r\nSet-Cookie: x=1;(y)*'.pdf")).toBe(
      `attachment; filename="aSet-Cookie: x=1;(y)*'.pdf"; filename*=UTF-8''aSet-Cookie%3A%20x%3D1%3B%28y%29%2A%27.pdf`,
    );
    expect(attachmentHeader('\u202Efdp.exe')).toBe(`attachment; filename="fdp.exe"; filename*=UTF-8''fdp.exe`);
  });
});
