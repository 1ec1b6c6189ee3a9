import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { budgetActuals, budgetLines } from '../../db/schema/index.ts';
import { rowProblems, type RowProblem } from '../../errors.ts';
import { IMPORT_COLUMNS, parseWholeKroner, type BudgetImportResult } from '../../../shared/finance/budget.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { recordAudit } from '../audit/index.ts';
import { pacer, readSpreadsheet, UnreadableSpreadsheet, type Cell as SheetCell, type Workbook } from '../spreadsheets/index.ts';
import { budgetDto, yearBounds } from './budget.ts';
import { writableBudget } from './budget-records.ts';
import { requireUser } from '../../access/index.ts';

/**
 * Actual figures imported from the host municipality's accounting, as CSV or XLSX with the columns Dato, Konto,
 * Beløp and Tekst (headings matched without regard to case; other columns are ignored). Konto is a line's account
 * code; Beløp is whole kroner («12 345,00», «-1 200», 12345). The import is all or nothing: every bad row is
 * reported with its row number, column and reason, and if there is one, nothing is saved. The rows saved share
 * one import id.
 */

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A file that is wrong throughout is not described row by row beyond this. */
const MAX_PROBLEMS = 500;
const MAX_ROWS = 20_000;
const MAX_TEXT = 500;

type Column = keyof typeof IMPORT_COLUMNS;

/** Headings that name a column: the Norwegian ones first, and a few that accounting exports also use. */
const HEADING_ALIASES: Record<Column, string[]> = {
  date: ['dato', 'bilagsdato', 'date'],
  account: ['konto', 'kontokode', 'account'],
  amount: ['beløp', 'belop', 'beløp (kr)', 'amount'],
  text: ['tekst', 'beskrivelse', 'text'],
};

const PROBLEMS: Record<
  Language,
  {
    unreadable: string;
    missingColumn: (heading: string) => string;
    noRows: string;
    tooManyRows: (max: number) => string;
    required: string;
    badDate: (text: string) => string;
    outsideYear: (date: string, year: number) => string;
    unknownAccount: (code: string) => string;
    notNumber: (text: string) => string;
    fraction: (text: string) => string;
    tooBig: (text: string) => string;
    tooLong: (max: number) => string;
    more: (count: number) => string;
  }
> = {
  nb: {
    unreadable: 'Filen kunne ikke leses som CSV eller Excel-regneark (XLSX).',
    missingColumn: (h) => `Filen mangler kolonnen «${h}» i første rad.`,
    noRows: 'Filen har ingen rader med beløp.',
    tooManyRows: (max) => `Filen har flere enn ${max} rader. Del den opp.`,
    required: 'Må fylles ut.',
    badDate: (t) => `«${t}» er ikke en dato. Skriv ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.`,
    outsideYear: (d, y) => `${d} er ikke i budsjettåret ${y}.`,
    unknownAccount: (c) => `Kontokoden «${c}» finnes ikke på noen linje i budsjettet.`,
    notNumber: (t) => `«${t}» er ikke et tall.`,
    fraction: (t) => `«${t}» har øre. Beløp føres i hele kroner (øre må være 00).`,
    tooBig: (t) => `«${t}» er for stort.`,
    tooLong: (max) => `Teksten kan ha høyst ${max} tegn.`,
    more: (n) => `… og ${n} feil til.`,
  },
  nn: {
    unreadable: 'Fila kunne ikkje lesast som CSV eller Excel-rekneark (XLSX).',
    missingColumn: (h) => `Fila manglar kolonnen «${h}» i første rad.`,
    noRows: 'Fila har ingen rader med beløp.',
    tooManyRows: (max) => `Fila har fleire enn ${max} rader. Del ho opp.`,
    required: 'Må fyllast ut.',
    badDate: (t) => `«${t}» er ikkje ein dato. Skriv ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.`,
    outsideYear: (d, y) => `${d} er ikkje i budsjettåret ${y}.`,
    unknownAccount: (c) => `Kontokoden «${c}» finst ikkje på noka linje i budsjettet.`,
    notNumber: (t) => `«${t}» er ikkje eit tal.`,
    fraction: (t) => `«${t}» har øre. Beløp vert førte i heile kroner (øre må vere 00).`,
    tooBig: (t) => `«${t}» er for stort.`,
    tooLong: (max) => `Teksten kan ha høgst ${max} teikn.`,
    more: (n) => `… og ${n} feil til.`,
  },
  en: {
    unreadable: 'The file could not be read as CSV or an Excel workbook (XLSX).',
    missingColumn: (h) => `The file has no column «${h}» in its first row.`,
    noRows: 'The file has no rows with amounts.',
    tooManyRows: (max) => `The file has more than ${max} rows. Split it up.`,
    required: 'Required.',
    badDate: (t) => `«${t}» is not a date. Write YYYY-MM-DD or DD.MM.YYYY.`,
    outsideYear: (d, y) => `${d} is not in the budget year ${y}.`,
    unknownAccount: (c) => `The account code «${c}» is on no line of the budget.`,
    notNumber: (t) => `«${t}» is not a number.`,
    fraction: (t) => `«${t}» has øre. Amounts are whole kroner (øre must be 00).`,
    tooBig: (t) => `«${t}» is too large.`,
    tooLong: (max) => `The text can have at most ${max} characters.`,
    more: (n) => `… and ${n} more problems.`,
  },
};

/** A cell as the import reads it: text from CSV; a string, number or date from XLSX. */
type Cell = string | number | Date | null;

interface Table {
  sheet: string;
  /** Row numbers as the file shows them, the heading row first. */
  rows: { row: number; cells: Cell[] }[];
}

// ---------------------------------------------------------------- reading the file

const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

function cellOf(value: SheetCell | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  // An error value (#N/A) is no figure.
  return null;
}

/**
 * The file as the spreadsheet reader reads it (CSV: every line; XLSX: the rows with content): of a workbook, the
 * first sheet with the account column in its first row, else the first sheet.
 */
function tableOf(workbook: Workbook): Table | null {
  const withHeadings = workbook.sheets.find((w) => {
    const first = w.rows.find((r) => r.row === 1)?.cells ?? [];
    return first.some((v) => typeof v === 'string' && HEADING_ALIASES.account.includes(fold(v)));
  });
  const sheet = withHeadings ?? workbook.sheets[0];
  if (!sheet) return null;
  return { sheet: sheet.name, rows: sheet.rows.map((r) => ({ row: r.row, cells: r.cells.map(cellOf) })) };
}

async function readTable(bytes: Buffer, language: Language): Promise<Table | null> {
  try {
    return tableOf(await readSpreadsheet(bytes, { language, formats: ['xlsx', 'csv'] }));
  } catch (error) {
    if (error instanceof UnreadableSpreadsheet) return null;
    throw error;
  }
}

const textOf = (cell: Cell | undefined): string | null => {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = String(cell).trim();
  return text === '' ? null : text;
};

const validIso = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null;
};

/** A date from a date cell, or text written ÅÅÅÅ-MM-DD or DD.MM.ÅÅÅÅ; null when it is neither. */
function dateOf(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  const text = textOf(cell) ?? '';
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return validIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return validIso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

// ---------------------------------------------------------------- the import

interface ParsedRow {
  row: number;
  lineId: string;
  date: string;
  amount: number;
  text: string | null;
}

/**
 * Reads and checks every row of the file against the budget's lines and year; every problem is collected, none
 * stops the reading. In slices, with other requests answered in between.
 */
async function checkRows(
  table: Table,
  language: Language,
  year: number,
  lineByCode: Map<string, string>,
): Promise<{ rows: ParsedRow[]; problems: RowProblem[] }> {
  const p = PROBLEMS[language];
  const problems: RowProblem[] = [];
  const rows: ParsedRow[] = [];
  const problem = (row: number, column: string | null, message: string) => problems.push({ sheet: table.sheet, row, column, message });
  const [heading, ...data] = table.rows;
  const index: Partial<Record<Column, number>> = {};
  const written: Partial<Record<Column, string>> = {};
  (heading?.cells ?? []).forEach((cell, i) => {
    const text = textOf(cell);
    if (text === null) return;
    for (const column of Object.keys(HEADING_ALIASES) as Column[]) {
      if (index[column] === undefined && HEADING_ALIASES[column].includes(fold(text))) {
        index[column] = i;
        written[column] = text;
      }
    }
  });
  const missing = (['date', 'account', 'amount'] as const).filter((c) => index[c] === undefined);
  for (const c of missing) problem(heading?.row ?? 1, IMPORT_COLUMNS[c], p.missingColumn(IMPORT_COLUMNS[c]));
  if (missing.length > 0) return { rows, problems };
  const nonEmpty = data.filter((r) => r.cells.some((c) => textOf(c) !== null));
  if (nonEmpty.length === 0) problem(heading?.row ?? 1, null, p.noRows);
  if (nonEmpty.length > MAX_ROWS) {
    problem(heading?.row ?? 1, null, p.tooManyRows(MAX_ROWS));
    return { rows, problems };
  }
  const { from, to } = yearBounds(year);
  const name = (c: Column) => written[c] ?? IMPORT_COLUMNS[c];
  const pace = pacer();
  for (const { row, cells } of nonEmpty) {
    await pace();
    const at = (c: Column) => (index[c] === undefined ? null : (cells[index[c]] ?? null));
    let ok = true;
    const fail = (c: Column, message: string) => {
      ok = false;
      problem(row, name(c), message);
    };

    const dateCell = at('date');
    const date = dateOf(dateCell);
    if (textOf(dateCell) === null) fail('date', p.required);
    else if (date === null) fail('date', p.badDate(textOf(dateCell)!));
    else if (date < from || date > to) fail('date', p.outsideYear(date, year));

    const code = textOf(at('account'));
    const lineId = code === null ? undefined : lineByCode.get(fold(code));
    if (code === null) fail('account', p.required);
    else if (lineId === undefined) fail('account', p.unknownAccount(code));

    const amountCell = at('amount');
    const amountText = textOf(amountCell);
    let amount = 0;
    if (amountText === null) fail('amount', p.required);
    else {
      // A number cell is read as the number; a fraction other than whole kroner is refused like «,50».
      const parsed = typeof amountCell === 'number' ? parseWholeKroner(String(amountCell)) : parseWholeKroner(amountText);
      if ('amount' in parsed) amount = parsed.amount;
      else fail('amount', p[parsed.problem](amountText));
    }

    const text = textOf(at('text'));
    if (text !== null && text.length > MAX_TEXT) fail('text', p.tooLong(MAX_TEXT));

    if (ok) rows.push({ row, lineId: lineId!, date: date!, amount, text });
  }
  return { rows, problems };
}

/**
 * Imports actual figures into a budget, all or nothing: 422 with every bad row when one is wrong, and nothing
 * saved; otherwise every row is saved under one import id in one transaction with its audit entry.
 */
export async function importBudgetActuals(
  ctx: RequestContext,
  budgetId: string,
  bytes: Buffer,
  fileName?: string,
): Promise<BudgetImportResult> {
  const user = requireUser(ctx);
  const budget = await writableBudget(ctx, budgetId);
  const p = PROBLEMS[ctx.language];
  const table = bytes.length === 0 ? null : await readTable(bytes, ctx.language);
  if (!table) throw rowProblems([{ sheet: '', row: 0, column: null, message: p.unreadable }]);

  const lines = await ctx.db
    .select({ id: budgetLines.id, accountCode: budgetLines.accountCode })
    .from(budgetLines)
    .where(eq(budgetLines.budgetId, budget.id));
  const lineByCode = new Map(lines.filter((l) => l.accountCode).map((l) => [fold(l.accountCode!), l.id]));
  const { rows, problems } = await checkRows(table, ctx.language, budget.year, lineByCode);
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS)
      shown.push({ sheet: table.sheet, row: 0, column: null, message: p.more(problems.length - MAX_PROBLEMS) });
    throw rowProblems(shown);
  }

  const importId = randomUUID();
  const amount = rows.reduce((sum, r) => sum + r.amount, 0);
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await tx.insert(budgetActuals).values(
        rows.slice(i, i + 1000).map((r) => ({
          lineId: r.lineId,
          date: r.date,
          amount: r.amount,
          text: r.text,
          source: 'import' as const,
          importId,
          createdBy: user.id,
        })),
      );
    }
    await recordAudit(tx, ctx, {
      networkId: budget.networkId,
      entityType: 'budgetImport',
      entityId: importId,
      action: 'import',
      after: { budgetId: budget.id, fileName: fileName ?? null, rows: rows.length, amount },
    });
  });
  return { importId, rows: rows.length, amount, budget: await budgetDto(ctx.db, ctx, budget) };
}
