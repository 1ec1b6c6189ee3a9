import ExcelJS from 'exceljs';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null;
  /** Column width in characters, for XLSX. */
  width?: number;
}

export interface RenderedFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** A cell that starts like a formula is prefixed so a spreadsheet shows it as text (CSV injection). */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? safeText(value) : String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Any list as CSV or XLSX. The CSV uses semicolons and a byte-order mark, which is what a spreadsheet
 * with Norwegian settings opens without an import dialog.
 */
export async function renderTable<T>(format: ExportFormat, name: string, columns: ExportColumn<T>[], rows: T[]): Promise<RenderedFile> {
  if (format === 'csv') {
    const baseName = `${name}-${new Date().toISOString().slice(0, 10)}`;
    const lines = [
      columns.map((c) => csvCell(c.header)).join(';'),
      ...rows.map((row) => columns.map((c) => csvCell(c.value(row))).join(';')),
    ];
    return {
      body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
      contentType: 'text/csv; charset=utf-8',
      fileName: `${baseName}.csv`,
    };
  }
  return renderWorkbook(name, [sheetOf({ name, columns, rows })]);
}

/** One sheet of a workbook: a list with its columns. */
export interface ExportSheet<T> {
  name: string;
  columns: ExportColumn<T>[];
  rows: T[];
}

/** A sheet of any row type, for `renderWorkbook`: each sheet's columns read its own rows. */
export const sheetOf = <T>(sheet: ExportSheet<T>) => sheet as unknown as ExportSheet<unknown>;

/**
 * Several lists as the sheets of one XLSX workbook (a map and the entries behind it), each sheet as `renderTable`
 * makes its one: bold frozen headings, a filter, formula-like text made harmless.
 */
export async function renderWorkbook(name: string, sheets: ExportSheet<unknown>[]): Promise<RenderedFile> {
  const baseName = `${name}-${new Date().toISOString().slice(0, 10)}`;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Digiregion';
  for (const { name: sheetName, columns, rows } of sheets) {
    const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 20 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) {
      sheet.addRow(
        columns.map((c) => {
          const value = c.value(row);
          return typeof value === 'string' ? safeText(value) : value;
        }),
      );
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { body, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${baseName}.xlsx` };
}
