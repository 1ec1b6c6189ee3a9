import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { bodies, municipalities, people } from '../../db/schema/index.ts';
import { AppError, type RowProblem } from '../../errors.ts';
import { CASE_TYPES, type AgendaOutcome, type CaseType, type StoredProtocolRemark } from '../../../shared/meetings/schema.ts';
import { MEETING_TERMS } from '../../../shared/meetings/terms.ts';
import { HISTORY_COLUMN_HELP, HISTORY_COLUMNS, HISTORY_LIMITS, type HistoryColumn } from '../../../shared/meetings/history.ts';
import { LANGUAGES, type Language } from '../../../shared/i18n/languages.ts';
import { visibleInNetwork } from '../../access/index.ts';
import { osloLocalToUtc } from '../documents/index.ts';
import { checkUpload } from '../storage/index.ts';
import {
  pacer,
  readSpreadsheet,
  readZipDirectory,
  RefusedFile,
  unpack,
  UnreadableSpreadsheet,
  type Cell as SheetCell,
  type Workbook,
  type ZipEntry,
} from '../spreadsheets/index.ts';
import type { HistoryPlan, PlannedCase, PlannedDocument, PlannedMeeting } from './history-import.ts';

/**
 * The spreadsheet template of history (one row per case; rows with the same body and meeting date are one meeting)
 * and the ZIP of attachments beside it, read into a plan (history-import.ts). Every row is checked and every problem
 * named by sheet, row and column before anything is written.
 */

export const HISTORY_TEMPLATE_NAME = 'historikk-mal.xlsx';

type Problems = ReturnType<typeof messagesFor>;
function messagesFor(language: Language) {
  return MESSAGES[language];
}
const MESSAGES = {
  nb: {
    unreadable: 'Filen kunne ikke leses som CSV eller Excel-regneark (XLSX).',
    missingColumn: (h: string) => `Filen mangler kolonnen «${h}» i første rad.`,
    noRows: 'Filen har ingen rader med saker.',
    tooManyRows: (max: number) => `Filen har flere enn ${max} rader. Del den opp.`,
    required: 'Må fylles ut.',
    badDate: (t: string) => `«${t}» er ikke en dato. Skriv ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.`,
    badTime: (t: string) => `«${t}» er ikke et klokkeslett. Skriv TT:MM.`,
    badYesNo: (t: string) => `«${t}» må være Ja eller Nei.`,
    badNumber: (t: string) => `«${t}» er ikke et saksnummer. Skriv NNN/ÅÅ, for eksempel 014/22.`,
    unknownBody: (t: string) => `Organet «${t}» finnes ikke i nettverket.`,
    unknownType: (t: string) => `«${t}» er ingen sakstype. Bruk en av: ${Object.values(MEETING_TERMS.nb.caseTypes).join(', ')}.`,
    unknownOutcome: (t: string) => `«${t}» er intet utfall. Bruk Vedtatt, Tatt til orientering, Utsatt eller Trukket.`,
    unknownPerson: (t: string) => `«${t}» er ingen person i nettverket.`,
    badRemark: 'Skriv protokollmerknaden som «Forfatter: tekst».',
    unknownAuthor: (t: string) => `«${t}» er verken en kommune («… kommune») eller en person i nettverket.`,
    basisRequired: 'Hjemmel må fylles ut når saken er unntatt offentlighet.',
    decisionRequired: 'Vedtak må fylles ut når utfallet er Vedtatt.',
    differs: (h: string, before: string, row: number) => `Møtet har «${before}» i «${h}» i rad ${row}; radene for ett møte må være like.`,
    twiceInMeeting: (n: string, row: number) => `Sak ${n} står allerede på dette møtet (rad ${row}).`,
    tooLong: (max: number) => `Teksten kan ha høyst ${max} tegn.`,
    noZip: (name: string) => `«${name}» er nevnt, men ingen ZIP-fil med vedlegg er lastet opp.`,
    notInZip: (name: string) => `«${name}» finnes ikke i ZIP-filen.`,
    zipUnreadable: 'ZIP-filen kunne ikke leses.',
    zipTooMany: (n: number, max: number) => `ZIP-filen har ${n} filer; høyst ${max} tas imot.`,
    zipTooLarge: (max: string) => `Filene i ZIP-filen er til sammen mer enn ${max} utpakket.`,
    fileTooLarge: (name: string, max: string) => `«${name}» er mer enn ${max} utpakket.`,
    fileRatio: (name: string) => `«${name}» pakkes ut til langt mer enn en vanlig fil (mulig ZIP-bombe).`,
    fileDamaged: (name: string) => `«${name}» kunne ikke pakkes ut.`,
    fileContent: (name: string) => `«${name}» er ikke en PDF-, DOCX- eller XLSX-fil, eller navnet stemmer ikke med innholdet.`,
  },
  nn: {
    unreadable: 'Fila kunne ikkje lesast som CSV eller Excel-rekneark (XLSX).',
    missingColumn: (h: string) => `Fila manglar kolonnen «${h}» i første rad.`,
    noRows: 'Fila har ingen rader med saker.',
    tooManyRows: (max: number) => `Fila har fleire enn ${max} rader. Del ho opp.`,
    required: 'Må fyllast ut.',
    badDate: (t: string) => `«${t}» er ikkje ein dato. Skriv ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.`,
    badTime: (t: string) => `«${t}» er ikkje eit klokkeslett. Skriv TT:MM.`,
    badYesNo: (t: string) => `«${t}» må vere Ja eller Nei.`,
    badNumber: (t: string) => `«${t}» er ikkje eit saksnummer. Skriv NNN/ÅÅ, til dømes 014/22.`,
    unknownBody: (t: string) => `Organet «${t}» finst ikkje i nettverket.`,
    unknownType: (t: string) => `«${t}» er ingen sakstype. Bruk ein av: ${Object.values(MEETING_TERMS.nn.caseTypes).join(', ')}.`,
    unknownOutcome: (t: string) => `«${t}» er ikkje eit utfall. Bruk Vedteke, Teke til orientering, Utsett eller Trekt.`,
    unknownPerson: (t: string) => `«${t}» er ingen person i nettverket.`,
    badRemark: 'Skriv protokollmerknaden som «Forfattar: tekst».',
    unknownAuthor: (t: string) => `«${t}» er verken ein kommune («… kommune») eller ein person i nettverket.`,
    basisRequired: 'Heimel må fyllast ut når saka er unnateken offentlegheit.',
    decisionRequired: 'Vedtak må fyllast ut når utfallet er Vedteke.',
    differs: (h: string, before: string, row: number) => `Møtet har «${before}» i «${h}» i rad ${row}; radene for eitt møte må vere like.`,
    twiceInMeeting: (n: string, row: number) => `Sak ${n} står allereie på dette møtet (rad ${row}).`,
    tooLong: (max: number) => `Teksten kan ha høgst ${max} teikn.`,
    noZip: (name: string) => `«${name}» er nemnd, men inga ZIP-fil med vedlegg er lasta opp.`,
    notInZip: (name: string) => `«${name}» finst ikkje i ZIP-fila.`,
    zipUnreadable: 'ZIP-fila kunne ikkje lesast.',
    zipTooMany: (n: number, max: number) => `ZIP-fila har ${n} filer; høgst ${max} vert tekne imot.`,
    zipTooLarge: (max: string) => `Filene i ZIP-fila er til saman meir enn ${max} utpakka.`,
    fileTooLarge: (name: string, max: string) => `«${name}» er meir enn ${max} utpakka.`,
    fileRatio: (name: string) => `«${name}» vert pakka ut til langt meir enn ei vanleg fil (mogleg ZIP-bombe).`,
    fileDamaged: (name: string) => `«${name}» kunne ikkje pakkast ut.`,
    fileContent: (name: string) => `«${name}» er ikkje ei PDF-, DOCX- eller XLSX-fil, eller namnet stemmer ikkje med innhaldet.`,
  },
  en: {
    unreadable: 'The file could not be read as CSV or an Excel workbook (XLSX).',
    missingColumn: (h: string) => `The file has no column «${h}» in its first row.`,
    noRows: 'The file has no rows with cases.',
    tooManyRows: (max: number) => `The file has more than ${max} rows. Split it up.`,
    required: 'Required.',
    badDate: (t: string) => `«${t}» is not a date. Write YYYY-MM-DD or DD.MM.YYYY.`,
    badTime: (t: string) => `«${t}» is not a time. Write HH:MM.`,
    badYesNo: (t: string) => `«${t}» must be Ja (yes) or Nei (no).`,
    badNumber: (t: string) => `«${t}» is not a case number. Write NNN/YY, e.g. 014/22.`,
    unknownBody: (t: string) => `The body «${t}» is not in the network.`,
    unknownType: (t: string) => `«${t}» is no case type. Use one of: ${Object.values(MEETING_TERMS.en.caseTypes).join(', ')}.`,
    unknownOutcome: (t: string) => `«${t}» is no outcome. Use Decided, Noted, Postponed or Withdrawn.`,
    unknownPerson: (t: string) => `«${t}» is no person in the network.`,
    badRemark: 'Write the protocol remark as «Author: text».',
    unknownAuthor: (t: string) => `«${t}» is neither a municipality («… kommune») nor a person in the network.`,
    basisRequired: 'The legal basis is required when the case is exempt from public access.',
    decisionRequired: 'The decision is required when the outcome is Decided.',
    differs: (h: string, before: string, row: number) =>
      `The meeting has «${before}» in «${h}» in row ${row}; the rows of one meeting must agree.`,
    twiceInMeeting: (n: string, row: number) => `Case ${n} is already on this meeting (row ${row}).`,
    tooLong: (max: number) => `The text can have at most ${max} characters.`,
    noZip: (name: string) => `«${name}» is named, but no ZIP file of attachments was uploaded.`,
    notInZip: (name: string) => `«${name}» is not in the ZIP file.`,
    zipUnreadable: 'The ZIP file could not be read.',
    zipTooMany: (n: number, max: number) => `The ZIP file has ${n} files; at most ${max} are taken.`,
    zipTooLarge: (max: string) => `The files in the ZIP file unpack to more than ${max} together.`,
    fileTooLarge: (name: string, max: string) => `«${name}» unpacks to more than ${max}.`,
    fileRatio: (name: string) => `«${name}» unpacks to far more than an ordinary file (a possible ZIP bomb).`,
    fileDamaged: (name: string) => `«${name}» could not be unpacked.`,
    fileContent: (name: string) => `«${name}» is not a PDF, DOCX or XLSX file, or its name does not match its content.`,
  },
} satisfies Record<Language, unknown>;

const MB = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
const fold = (text: string) => text.normalize('NFKC').trim().toLocaleLowerCase('nb').replace(/\s+/g, ' ');
const MAX_TITLE = 300;
const MAX_TEXT = 100_000;
const ZIP_SHEET = 'ZIP';

// ---------------------------------------------------------------- the template

/** The template: the columns in order with an example row (seed 000's first case), and a sheet that explains each. */
export async function historyTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Digiregion';
  const sheet = workbook.addWorksheet('Historikk');
  const keys = Object.keys(HISTORY_COLUMNS) as HistoryColumn[];
  sheet.columns = keys.map((key) => ({
    header: HISTORY_COLUMNS[key],
    key,
    width: key === 'recommendation' || key === 'decision' ? 50 : 18,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.addRow({
    body: 'AU',
    meetingDate: '2022-03-25',
    startTime: '09:00',
    endTime: '12:00',
    place: 'Sortland',
    publicMeeting: 'Ja',
    summonsSent: '2022-03-18',
    minutesApproved: '2022-04-29',
    number: '014/22',
    title: 'Godkjenning av innkalling',
    type: 'Godkjenning av innkalling',
    recommendation: 'Innkalling til Arbeidsutvalgets møte den 25. mars 2022 godkjennes.',
    deliberation: 'Ingen merknader.',
    decision: 'Innkalling til Arbeidsutvalgets møte den 25. mars 2022 godkjennes.',
    outcome: 'Vedtatt',
    exempt: 'Nei',
  });
  const help = workbook.addWorksheet('Veiledning');
  help.columns = [
    { header: 'Kolonne', key: 'column', width: 22 },
    { header: 'Innhold', key: 'help', width: 110 },
  ];
  help.getRow(1).font = { bold: true };
  for (const key of keys) help.addRow({ column: HISTORY_COLUMNS[key], help: HISTORY_COLUMN_HELP[key] });
  help.addRow({});
  help.addRow({
    column: 'Vedlegg i ZIP',
    help: 'Legg vedleggene i én ZIP-fil og last den opp sammen med regnearket. Filnavnet i kolonnen Vedlegg kan være stien i ZIP-filen eller bare filnavnet.',
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- reading cells

type Cell = string | number | Date | null;

function cellOf(value: SheetCell | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nei';
  return null;
}

const textOf = (cell: Cell | undefined): string | null => {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = String(cell).replace(/\r\n?/g, '\n').trim();
  return text === '' ? null : text;
};

const validIso = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null;
};

function dateOf(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  const text = textOf(cell) ?? '';
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return validIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return validIso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** A time TT:MM from text, or from an Excel time (a fraction of a day, or a date-time on 1899-12-30). */
function timeOf(cell: Cell): string | null {
  let minutes: number | null = null;
  if (cell instanceof Date) minutes = cell.getUTCHours() * 60 + cell.getUTCMinutes();
  else if (typeof cell === 'number' && cell >= 0 && cell < 1) minutes = Math.round(cell * 24 * 60);
  else {
    const m = /^(\d{1,2})[:.](\d{2})$/.exec(textOf(cell) ?? '');
    if (m && Number(m[1]) < 24 && Number(m[2]) < 60) minutes = Number(m[1]) * 60 + Number(m[2]);
  }
  if (minutes === null || minutes >= 24 * 60) return null;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'x', '1']);
const NO = new Set(['nei', 'n', 'no', 'false', '0']);

/** Case type and outcome by their names in any of the three languages, or the code's own names. */
const TYPE_BY_NAME = new Map<string, CaseType>();
const OUTCOME_BY_NAME = new Map<string, Exclude<AgendaOutcome, 'pending'>>();
for (const language of LANGUAGES) {
  for (const type of CASE_TYPES) TYPE_BY_NAME.set(fold(MEETING_TERMS[language].caseTypes[type]), type);
  for (const outcome of ['decided', 'noted', 'postponed', 'withdrawn'] as const)
    OUTCOME_BY_NAME.set(fold(MEETING_TERMS[language].outcomes[outcome]), outcome);
}
for (const type of CASE_TYPES) TYPE_BY_NAME.set(fold(type), type);
for (const outcome of ['decided', 'noted', 'postponed', 'withdrawn'] as const) OUTCOME_BY_NAME.set(fold(outcome), outcome);

// ---------------------------------------------------------------- the attachments' ZIP

interface AttachmentZip {
  bytes: Uint8Array;
  byName: Map<string, ZipEntry>;
}

/** The ZIP's directory, within the limits; problems for a ZIP that is damaged or too large as a whole. */
function readAttachmentZip(bytes: Uint8Array, p: Problems, problems: RowProblem[]): AttachmentZip | null {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes, { parts: HISTORY_LIMITS.zipEntries, unpackedBytes: HISTORY_LIMITS.zipUnpackedBytes });
  } catch (error) {
    if (!(error instanceof RefusedFile)) throw error;
    const refusal = error.refusal;
    const message =
      refusal.kind === 'limit' && refusal.limit === 'parts'
        ? p.zipTooMany(refusal.actual ?? 0, HISTORY_LIMITS.zipEntries)
        : refusal.kind === 'limit'
          ? p.zipTooLarge(MB(HISTORY_LIMITS.zipUnpackedBytes))
          : p.zipUnreadable;
    problems.push({ sheet: ZIP_SHEET, row: 0, column: null, message });
    return null;
  }
  const byName = new Map<string, ZipEntry>();
  const baseCount = new Map<string, number>();
  const files = entries.filter((e) => !e.name.endsWith('/'));
  for (const e of files) {
    const base = e.name.split('/').pop()!;
    baseCount.set(base, (baseCount.get(base) ?? 0) + 1);
  }
  for (const e of files) {
    byName.set(e.name, e);
    const base = e.name.split('/').pop()!;
    // A bare file name finds a file in a folder only when no other folder has one of that name.
    if (baseCount.get(base) === 1 && !byName.has(base)) byName.set(base, e);
  }
  return { bytes, byName };
}

/** One attachment's bytes: bounded by size and by how far it unpacks, then checked by content as an upload is. */
async function attachmentOf(zip: AttachmentZip, entry: ZipEntry, name: string, p: Problems): Promise<PlannedDocument | string> {
  if (entry.unpackedSize > HISTORY_LIMITS.fileBytes) return p.fileTooLarge(name, MB(HISTORY_LIMITS.fileBytes));
  if (entry.unpackedSize > 1024 * 1024 && entry.unpackedSize > entry.packedSize * HISTORY_LIMITS.ratio) return p.fileRatio(name);
  const parts: Buffer[] = [];
  try {
    for await (const chunk of unpack(zip.bytes, entry)) parts.push(chunk);
  } catch (error) {
    if (error instanceof RefusedFile) return p.fileDamaged(name);
    throw error;
  }
  const bytes = Buffer.concat(parts);
  try {
    const checked = checkUpload({ fileName: entry.name, bytes });
    return { fileName: checked.fileName, contentType: checked.contentType, extension: checked.extension, bytes };
  } catch (error) {
    if (error instanceof AppError) return p.fileContent(name);
    throw error;
  }
}

// ---------------------------------------------------------------- the rows

interface Lookups {
  bodyByName: Map<string, string>;
  personByName: Map<string, { id: string; name: string }>;
  municipalityByName: Map<string, { number: string; name: string }>;
}

async function lookups(ctx: RequestContext, networkId: string): Promise<Lookups> {
  const bodyRows = await ctx.db
    .select({ id: bodies.id, name: bodies.name, shortCode: bodies.shortCode })
    .from(bodies)
    .where(eq(bodies.networkId, networkId));
  const bodyByName = new Map<string, string>();
  for (const b of bodyRows) {
    bodyByName.set(fold(b.name), b.id);
    if (b.shortCode) bodyByName.set(fold(b.shortCode), b.id);
  }
  const personRows = await ctx.db
    .select({ id: people.id, name: people.name, title: people.title })
    .from(people)
    .where(visibleInNetwork(networkId));
  const personByName = new Map<string, { id: string; name: string }>();
  for (const person of personRows) {
    personByName.set(fold(person.name), person);
    if (person.title) personByName.set(fold(`${person.name}, ${person.title}`), person);
  }
  const places = await ctx.db.select({ number: municipalities.number, name: municipalities.name }).from(municipalities);
  const municipalityByName = new Map(places.map((m) => [fold(`${m.name} kommune`), m]));
  return { bodyByName, personByName, municipalityByName };
}

/** The first sheet with the number column in its first row, else the first. */
function sheetOf(workbook: Workbook) {
  const number = fold(HISTORY_COLUMNS.number);
  return (
    workbook.sheets.find((s) => (s.rows.find((r) => r.row === 1)?.cells ?? []).some((c) => typeof c === 'string' && fold(c) === number)) ??
    workbook.sheets[0] ??
    null
  );
}

/**
 * The spreadsheet (and the ZIP beside it) as a plan for the network. Throws 422 with every problem; the caller writes
 * the plan. Rows with the same body and meeting date are one meeting, its cases in the rows' order.
 */
export async function planFromSpreadsheet(
  ctx: RequestContext,
  networkId: string,
  files: { spreadsheet: Buffer; zip: Buffer | null; fileName?: string },
): Promise<{ plan: HistoryPlan; problems: RowProblem[] }> {
  const p = messagesFor(ctx.language);
  const problems: RowProblem[] = [];
  const empty = (): { plan: HistoryPlan; problems: RowProblem[] } => ({
    plan: { networkId, newBodies: [], meetings: [], cases: [], source: {} },
    problems,
  });
  let workbook: Workbook | null = null;
  if (files.spreadsheet.length > 0) {
    try {
      workbook = await readSpreadsheet(files.spreadsheet, { language: ctx.language, formats: ['xlsx', 'csv'] });
    } catch (error) {
      if (!(error instanceof UnreadableSpreadsheet)) throw error;
    }
  }
  const sheet = workbook ? sheetOf(workbook) : null;
  if (!sheet) {
    problems.push({ sheet: '', row: 0, column: null, message: p.unreadable });
    return empty();
  }
  const rows = sheet.rows.map((r) => ({ row: r.row, cells: r.cells.map(cellOf) }));
  const [heading, ...data] = rows;
  const index: Partial<Record<HistoryColumn, number>> = {};
  (heading?.cells ?? []).forEach((cell, i) => {
    const text = textOf(cell);
    if (text === null) return;
    for (const key of Object.keys(HISTORY_COLUMNS) as HistoryColumn[])
      if (index[key] === undefined && (fold(HISTORY_COLUMNS[key]) === fold(text) || fold(key) === fold(text))) index[key] = i;
  });
  const problem = (row: number, column: HistoryColumn | null, message: string) =>
    problems.push({ sheet: sheet.name, row, column: column ? HISTORY_COLUMNS[column] : null, message });
  const missing = (['body', 'meetingDate', 'number', 'title'] as const).filter((c) => index[c] === undefined);
  for (const c of missing) problem(heading?.row ?? 1, c, p.missingColumn(HISTORY_COLUMNS[c]));
  if (missing.length > 0) return empty();
  const nonEmpty = data.filter((r) => r.cells.some((c) => textOf(c) !== null));
  if (nonEmpty.length === 0) problem(heading?.row ?? 1, null, p.noRows);
  if (nonEmpty.length > HISTORY_LIMITS.rows) {
    problem(heading?.row ?? 1, null, p.tooManyRows(HISTORY_LIMITS.rows));
    return empty();
  }

  const zip = files.zip && files.zip.length > 0 ? readAttachmentZip(files.zip, p, problems) : null;
  const known = await lookups(ctx, networkId);
  const pace = pacer();
  const meetingsByKey = new Map<string, PlannedMeeting & { firstRow: number; written: Partial<Record<HistoryColumn, string>> }>();
  const casesByKey = new Map<string, PlannedCase>();
  const itemRows = new Map<string, number>();

  for (const { row, cells } of nonEmpty) {
    await pace();
    let ok = true;
    const at = (c: HistoryColumn) => (index[c] === undefined ? null : (cells[index[c]] ?? null));
    const text = (c: HistoryColumn) => textOf(at(c));
    const fail = (c: HistoryColumn | null, message: string) => {
      ok = false;
      problem(row, c, message);
    };
    const required = (c: HistoryColumn) => {
      const value = text(c);
      if (value === null) fail(c, p.required);
      return value;
    };
    const limited = (c: HistoryColumn, max: number) => {
      const value = text(c);
      if (value !== null && value.length > max) fail(c, p.tooLong(max));
      return value;
    };
    const yesNo = (c: HistoryColumn, fallback: boolean) => {
      const value = text(c);
      if (value === null) return fallback;
      if (YES.has(fold(value))) return true;
      if (NO.has(fold(value))) return false;
      fail(c, p.badYesNo(value));
      return fallback;
    };
    const dateIn = (c: HistoryColumn) => {
      const value = text(c);
      if (value === null) return null;
      const date = dateOf(at(c));
      if (!date) fail(c, p.badDate(value));
      return date;
    };
    const timeIn = (c: HistoryColumn) => {
      const value = text(c);
      if (value === null) return null;
      const time = timeOf(at(c));
      if (!time) fail(c, p.badTime(value));
      return time;
    };

    const bodyText = required('body');
    const bodyId = bodyText === null ? undefined : known.bodyByName.get(fold(bodyText));
    if (bodyText !== null && !bodyId) fail('body', p.unknownBody(bodyText));
    const dateText = required('meetingDate');
    const date = dateText === null ? null : dateIn('meetingDate');
    const startTime = timeIn('startTime') ?? '09:00';
    const endTime = timeIn('endTime');
    const place = limited('place', 300);
    const isPublic = yesNo('publicMeeting', true);
    const summonsSent = dateIn('summonsSent');
    const minutesApproved = dateIn('minutesApproved');

    const numberText = required('number');
    const numberMatch = numberText === null ? null : /^(\d{1,4})\s*\/\s*(\d{2}|\d{4})$/.exec(numberText);
    if (numberText !== null && (!numberMatch || Number(numberMatch[1]) < 1)) fail('number', p.badNumber(numberText));
    const sequence = numberMatch ? Number(numberMatch[1]) : 0;
    const year = numberMatch ? (numberMatch[2]!.length === 4 ? Number(numberMatch[2]) : 2000 + Number(numberMatch[2])) : 0;
    const title = required('title');
    if (title !== null && title.length > MAX_TITLE) fail('title', p.tooLong(MAX_TITLE));
    const typeText = text('type');
    const type = typeText === null ? 'decision' : TYPE_BY_NAME.get(fold(typeText));
    if (!type) fail('type', p.unknownType(typeText ?? ''));
    const officerText = text('caseOfficer');
    const officer = officerText === null ? null : known.personByName.get(fold(officerText));
    if (officerText !== null && !officer) fail('caseOfficer', p.unknownPerson(officerText));
    const recommendation = limited('recommendation', MAX_TEXT) ?? '';
    const deliberation = limited('deliberation', MAX_TEXT) ?? '';
    const decision = limited('decision', MAX_TEXT);
    const outcomeText = text('outcome');
    const outcome =
      outcomeText === null ? (type === 'information' || type === 'report' ? 'noted' : 'decided') : OUTCOME_BY_NAME.get(fold(outcomeText));
    if (!outcome) fail('outcome', p.unknownOutcome(outcomeText ?? ''));
    if (outcome === 'decided' && decision === null) fail('decision', p.decisionRequired);
    const exempt = yesNo('exempt', false);
    const basis = limited('exemptLegalBasis', 300);
    if (exempt && basis === null) fail('exemptLegalBasis', p.basisRequired);

    const remarks: StoredProtocolRemark[] = [];
    const remarkText = limited('protocolRemark', MAX_TEXT);
    if (remarkText !== null) {
      const split = remarkText.indexOf(':');
      const author = split > 0 ? remarkText.slice(0, split).trim() : '';
      const body = split > 0 ? remarkText.slice(split + 1).trim() : '';
      if (!author || !body) fail('protocolRemark', p.badRemark);
      else {
        const municipality = known.municipalityByName.get(fold(author));
        const person = municipality ? undefined : known.personByName.get(fold(author));
        if (municipality)
          remarks.push({
            id: crypto.randomUUID(),
            authorKind: 'municipality',
            personId: null,
            municipalityNumber: municipality.number,
            authorName: `${municipality.name} kommune`,
            text: body,
          });
        else if (person)
          remarks.push({
            id: crypto.randomUUID(),
            authorKind: 'person',
            personId: person.id,
            municipalityNumber: null,
            authorName: person.name,
            text: body,
          });
        else fail('protocolRemark', p.unknownAuthor(author));
      }
    }

    const documents: PlannedDocument[] = [];
    const attachmentText = text('attachments');
    for (const name of (attachmentText ?? '')
      .split(/[;\n]/)
      .map((n) => n.trim())
      .filter(Boolean)) {
      if (!files.zip || files.zip.length === 0) {
        fail('attachments', p.noZip(name));
        continue;
      }
      if (!zip) {
        ok = false;
        continue;
      }
      const entry = zip.byName.get(name) ?? zip.byName.get(name.replace(/\\/g, '/'));
      if (!entry) {
        fail('attachments', p.notInZip(name));
        continue;
      }
      const found = await attachmentOf(zip, entry, name, p);
      if (typeof found === 'string') fail('attachments', found);
      else documents.push({ ...found, fileName: name.split(/[\\/]/).pop() ?? found.fileName });
    }

    if (!ok || !bodyId || !date || !type || !outcome || !title || !numberMatch) continue;

    const meetingKey = `${bodyId}|${date}|${startTime}`;
    const written: Partial<Record<HistoryColumn, string>> = {
      endTime: endTime ?? '',
      place: place ?? '',
      publicMeeting: isPublic ? 'Ja' : 'Nei',
      summonsSent: summonsSent ?? '',
      minutesApproved: minutesApproved ?? '',
    };
    let meeting = meetingsByKey.get(meetingKey);
    if (!meeting) {
      meeting = {
        externalId: `sheet:${date} ${startTime}`,
        bodyId,
        date,
        startTime,
        endTime,
        place,
        isPublic,
        writtenProcedure: false,
        summonsPublishedAt: osloLocalToUtc(summonsSent ?? date, '12:00'),
        minutesApprovedAt: osloLocalToUtc(minutesApproved ?? date, '12:00'),
        items: [],
        at: { sheet: sheet.name, row, column: null },
        firstRow: row,
        written,
      };
      meetingsByKey.set(meetingKey, meeting);
    } else {
      // A meeting's own columns may be left empty after its first row, but not contradict it.
      for (const key of Object.keys(written) as HistoryColumn[]) {
        const before = meeting.written[key] ?? '';
        const now = written[key] ?? '';
        const givenHere = text(key) !== null;
        if (givenHere && now !== before && before !== '') problem(row, key, p.differs(HISTORY_COLUMNS[key], before, meeting.firstRow));
        else if (givenHere && before === '' && now !== '') {
          meeting.written[key] = now;
          if (key === 'endTime') meeting.endTime = endTime;
          if (key === 'place') meeting.place = place;
          if (key === 'summonsSent') meeting.summonsPublishedAt = osloLocalToUtc(summonsSent!, '12:00');
          if (key === 'minutesApproved') meeting.minutesApprovedAt = osloLocalToUtc(minutesApproved!, '12:00');
        }
      }
    }

    const number = `${String(sequence).padStart(3, '0')}/${String(year % 100).padStart(2, '0')}`;
    const caseKey = `sheet:${bodyId}:${year}:${sequence}`;
    const itemKey = `${meetingKey}|${caseKey}`;
    const earlier = itemRows.get(itemKey);
    if (earlier !== undefined) {
      problem(row, 'number', p.twiceInMeeting(number, earlier));
      continue;
    }
    itemRows.set(itemKey, row);
    // A case on several meetings (postponed, then decided) is one case: what its last row says of it stands.
    const previous = casesByKey.get(caseKey);
    const planned: PlannedCase = {
      externalId: caseKey,
      bodyId,
      year,
      sequence,
      type,
      title,
      caseOfficerId: officer?.id ?? null,
      casePaper: '',
      recommendation,
      exemptFromPublic: exempt,
      exemptLegalBasis: exempt ? basis : null,
      documents: [...(previous?.documents ?? []), ...documents.filter((d) => !previous?.documents.some((x) => x.fileName === d.fileName))],
      at: { sheet: sheet.name, row, column: HISTORY_COLUMNS.number },
    };
    casesByKey.set(caseKey, planned);
    meeting.items.push({
      caseExternalId: caseKey,
      deliberation,
      decision: outcome === 'postponed' || outcome === 'withdrawn' ? decision : (decision ?? recommendation),
      outcome,
      protocolRemarks: remarks,
      closedBasis: null,
    });
  }
  if (problems.length > 0) return empty();
  return {
    plan: {
      networkId,
      newBodies: [],
      meetings: [...meetingsByKey.values()].map(({ firstRow: _f, written: _w, ...m }) => m),
      cases: [...casesByKey.values()],
      source: { kind: 'spreadsheet', fileName: files.fileName ?? null, rows: nonEmpty.length },
    },
    problems,
  };
}
