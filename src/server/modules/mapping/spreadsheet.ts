import ExcelJS from 'exceljs';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { applicationUsages, municipalities, networkMembers, products, sharedSolutions, solutionAdoptions } from '../../db/schema/index.ts';
import { rowProblems, type RowProblem } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { RenderedFile } from '../documents/index.ts';
import { pacer, readSpreadsheet, UnreadableSpreadsheet, type Cell, type Sheet, type Workbook } from '../spreadsheets/index.ts';
import { currentMembership, requireNetwork } from '../network/index.ts';
import { assertCan, can, inNetwork, ofMunicipality } from '../../access/index.ts';
import { DOMAINS, domainPath } from '../../../shared/mapping/domains.ts';
import {
  ADOPTION_STATUSES,
  CRITICALITIES,
  DELIVERED_VIA,
  DPA_STATUSES,
  DPIA_STATUSES,
  HOSTINGS,
  LIFECYCLES,
  timeVerdict,
  type AdoptionStatus,
  type Criticality,
  type DeliveredVia,
  type DpaStatus,
  type DpiaStatus,
  type Hosting,
  type ImportResult,
  type Lifecycle,
} from '../../../shared/mapping/schema.ts';
import { loadMatchKeys, productMatchKey } from './catalog.ts';
import { readableMunicipality, writableMunicipality } from './records.ts';
import {
  ADOPTION_LABELS,
  CRITICALITY_LABELS,
  DELIVERED_VIA_LABELS,
  DPA_LABELS,
  DPIA_LABELS,
  HEADINGS,
  HOSTING_LABELS,
  LIFECYCLE_LABELS,
  TIME_LABELS,
  type Heading,
} from './sheet-terms.ts';

/**
 * The mapping spreadsheet: one workbook for applications («Fagsystemer») and shared-solution adoption
 * («Fellesløsninger»), written as a template prefilled with what is recorded, and read back by an import
 * that is all-or-nothing. The same writer makes the demo and test files, so they import exactly what a
 * person would upload.
 */

export const APPLICATIONS_SHEET = 'Fagsystemer';
export const ADOPTIONS_SHEET = 'Fellesløsninger';
const LISTS_SHEET = 'Lister';
const GUIDE_SHEET = 'Veiledning';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows past the data that still carry the drop-down lists, for what people add. */
const SPARE_ROWS = 300;
/** A file that is wrong throughout is not described row by row beyond this. */
const MAX_PROBLEMS = 1000;

// ---------------------------------------------------------------- the data in a workbook

/** One row of «Fagsystemer»: a municipality's use of a product, the product by name, vendor and domain. */
export interface SheetApplication {
  municipalityNumber: string;
  productName: string;
  vendor: string;
  domain: string | null;
  productVersion?: string | null;
  hosting?: Hosting | null;
  contractStart?: string | null;
  contractEnd?: string | null;
  contractOptions?: string | null;
  /** Øre (the sheet shows kroner). */
  annualCost?: number | null;
  userCount?: number | null;
  lifecycle?: Lifecycle;
  lifecycleDate?: string | null;
  criticality?: Criticality | null;
  functionalFit?: number | null;
  technicalFit?: number | null;
  /** Keys of shared solutions (the sheet shows their names). */
  integrations?: string[];
  dpaStatus?: DpaStatus | null;
  dpiaStatus?: DpiaStatus | null;
  systemOwner?: string | null;
  notes?: string | null;
  /** The usage's version when the sheet was written; none on a row typed anew (the column «Radversjon»). */
  version?: number;
}

/** One row of «Fellesløsninger». */
export interface SheetAdoption {
  municipalityNumber: string;
  solutionKey: string;
  status: AdoptionStatus;
  deliveredVia?: DeliveredVia | null;
  since?: string | null;
  note?: string | null;
  /** The adoption's version when the sheet was written; none where no status was recorded. */
  version?: number;
}

export interface MappingWorkbookData {
  /** The municipalities the workbook is for, in the order they are listed. */
  municipalities: { number: string; name: string }[];
  solutions: { key: string; name: string; owner: string }[];
  applications: SheetApplication[];
  adoptions: SheetAdoption[];
}

// The row's version is read into `version`; its column has a field name of its own, since «version» would be
// read as the product's version («Version» is that column's English heading).
type AppField = Exclude<keyof SheetApplication, 'version'> | 'municipalityName' | 'timeVerdict' | 'rowVersion';

interface Column<F extends string> {
  field: F;
  heading: Heading;
  width: number;
  /** The range on the lists sheet the drop-down takes its values from. */
  list?: string;
  fit?: boolean;
  date?: boolean;
  hidden?: boolean;
}

const APPLICATION_COLUMNS: Column<AppField>[] = [
  { field: 'municipalityNumber', heading: 'municipalityNumber', width: 11, list: 'J' },
  { field: 'municipalityName', heading: 'municipalityName', width: 18 },
  { field: 'productName', heading: 'product', width: 30 },
  { field: 'vendor', heading: 'vendor', width: 22 },
  { field: 'domain', heading: 'domain', width: 44, list: 'A' },
  { field: 'productVersion', heading: 'productVersion', width: 10 },
  { field: 'hosting', heading: 'hosting', width: 18, list: 'B' },
  { field: 'contractStart', heading: 'contractStart', width: 12, date: true },
  { field: 'contractEnd', heading: 'contractEnd', width: 12, date: true },
  { field: 'contractOptions', heading: 'contractOptions', width: 24 },
  { field: 'annualCost', heading: 'annualCost', width: 16 },
  { field: 'userCount', heading: 'userCount', width: 10 },
  { field: 'lifecycle', heading: 'lifecycle', width: 12, list: 'C' },
  { field: 'lifecycleDate', heading: 'lifecycleDate', width: 12, date: true },
  { field: 'criticality', heading: 'criticality', width: 12, list: 'D' },
  { field: 'functionalFit', heading: 'functionalFit', width: 12, fit: true },
  { field: 'technicalFit', heading: 'technicalFit', width: 12, fit: true },
  { field: 'integrations', heading: 'integrations', width: 30 },
  { field: 'dpaStatus', heading: 'dpaStatus', width: 18, list: 'E' },
  { field: 'dpiaStatus', heading: 'dpiaStatus', width: 16, list: 'F' },
  { field: 'systemOwner', heading: 'systemOwner', width: 20 },
  { field: 'notes', heading: 'notes', width: 40 },
  { field: 'timeVerdict', heading: 'timeVerdict', width: 12 },
  { field: 'rowVersion', heading: 'rowVersion', width: 10, hidden: true },
];

type AdoptionField =
  'municipalityNumber' | 'municipalityName' | 'solution' | 'owner' | 'status' | 'deliveredVia' | 'since' | 'note' | 'rowVersion';
const ADOPTION_COLUMNS: Column<AdoptionField>[] = [
  { field: 'municipalityNumber', heading: 'municipalityNumber', width: 11, list: 'J' },
  { field: 'municipalityName', heading: 'municipalityName', width: 18 },
  { field: 'solution', heading: 'solution', width: 40, list: 'I' },
  { field: 'owner', heading: 'owner', width: 20 },
  { field: 'status', heading: 'status', width: 18, list: 'G' },
  { field: 'deliveredVia', heading: 'deliveredVia', width: 18, list: 'H' },
  { field: 'since', heading: 'since', width: 12, date: true },
  { field: 'note', heading: 'note', width: 40 },
  { field: 'rowVersion', heading: 'rowVersion', width: 10, hidden: true },
];

const nb = <K extends string>(labels: Record<K, { nb: string }>, keys: readonly K[]) => keys.map((k) => labels[k].nb);

const GUIDE = [
  'Kartlegging av fagsystemer og nasjonale fellesløsninger',
  '',
  'Arket «Fagsystemer» har én rad per fagsystem en kommune bruker. Arket «Fellesløsninger» har én rad per kommune og fellesløsning.',
  'Fyll ut eller endre radene, lagre filen som XLSX og last den opp under Kartlegging → Importer regneark.',
  '',
  'Slik leses filen:',
  '• Et fagsystem kjennes igjen på navn og leverandør. Står det allerede i katalogen (også med en annen skrivemåte som er slått sammen), brukes det; ellers legges det til.',
  '• En rad for et fagsystem kommunen allerede har registrert, oppdaterer registreringen. Rader som ikke står i filen, blir ikke slettet.',
  '• Fagområde, driftsform, livsløp, kritikalitet, databehandleravtale, DPIA, status og levert via velges fra nedtrekkslistene.',
  '• Fagområde må fylles ut for et fagsystem som ikke finnes i katalogen fra før.',
  '• Datoer skrives i en datocelle eller som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.',
  '• Funksjonell og teknisk egnethet er et tall fra 1 (dårlig) til 4 (god). TIME-vurderingen beregnes av disse og leses ikke inn.',
  '• Årlig kostnad skrives i hele kroner.',
  '• Integrasjoner er navnene på fellesløsninger fagsystemet er integrert med, skilt med komma.',
  '• En rad i «Fellesløsninger» uten status blir hoppet over.',
  `• Den skjulte kolonnen «${HEADINGS.rowVersion.nb}» sist i arkene viser hvilken versjon av raden regnearket ble lastet ned med. Ikke endre den, og la den stå tom på nye rader. Er en rad endret i Digiregion etter at regnearket ble lastet ned, avvises importen, så ingen endring blir overskrevet uten at du har sett den.`,
  '',
  'Importen er alt eller ingenting: finnes det én feil, endres ingenting, og du får en liste over hver rad og kolonne som må rettes.',
];

/** Writes the workbook: guide, the two data sheets with drop-down lists, and the hidden lists they draw on. */
export async function writeMappingWorkbook(data: MappingWorkbookData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Digiregion';
  const solutionName = new Map(data.solutions.map((s) => [s.key, s.name]));
  const municipalityName = new Map(data.municipalities.map((m) => [m.number, m.name]));

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 120;
  for (const line of GUIDE) guide.addRow([line]);
  guide.getRow(1).font = { bold: true, size: 14 };

  const apps = workbook.addWorksheet(APPLICATIONS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  apps.columns = APPLICATION_COLUMNS.map((c) => ({ header: HEADINGS[c.heading].nb, width: c.width }));
  for (const a of data.applications) {
    apps.addRow([
      a.municipalityNumber,
      municipalityName.get(a.municipalityNumber) ?? null,
      a.productName,
      a.vendor,
      a.domain ? domainPath(a.domain, 'nb') : null,
      a.productVersion ?? null,
      a.hosting ? HOSTING_LABELS[a.hosting].nb : null,
      dateCell(a.contractStart),
      dateCell(a.contractEnd),
      a.contractOptions ?? null,
      a.annualCost == null ? null : a.annualCost / 100,
      a.userCount ?? null,
      LIFECYCLE_LABELS[a.lifecycle ?? 'inOperation'].nb,
      dateCell(a.lifecycleDate),
      a.criticality ? CRITICALITY_LABELS[a.criticality].nb : null,
      a.functionalFit ?? null,
      a.technicalFit ?? null,
      (a.integrations ?? []).map((k) => solutionName.get(k) ?? k).join(', ') || null,
      a.dpaStatus ? DPA_LABELS[a.dpaStatus].nb : null,
      a.dpiaStatus ? DPIA_LABELS[a.dpiaStatus].nb : null,
      a.systemOwner ?? null,
      a.notes ?? null,
      (() => {
        const verdict = timeVerdict(a.functionalFit ?? null, a.technicalFit ?? null);
        return verdict ? TIME_LABELS[verdict].nb : null;
      })(),
      a.version ?? null,
    ]);
  }

  // Every municipality gets a row for every solution, so the sheet is a checklist to fill in.
  const adoptionOf = new Map(data.adoptions.map((a) => [`${a.municipalityNumber}|${a.solutionKey}`, a]));
  const ads = workbook.addWorksheet(ADOPTIONS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ads.columns = ADOPTION_COLUMNS.map((c) => ({ header: HEADINGS[c.heading].nb, width: c.width }));
  for (const m of data.municipalities) {
    for (const s of data.solutions) {
      const a = adoptionOf.get(`${m.number}|${s.key}`);
      ads.addRow([
        m.number,
        m.name,
        s.name,
        s.owner,
        a ? ADOPTION_LABELS[a.status].nb : null,
        a?.deliveredVia ? DELIVERED_VIA_LABELS[a.deliveredVia].nb : null,
        dateCell(a?.since),
        a?.note ?? null,
        a?.version ?? null,
      ]);
    }
  }

  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const listValues: Record<string, string[]> = {
    A: DOMAINS.map((d) => domainPath(d.key, 'nb')),
    B: nb(HOSTING_LABELS, HOSTINGS),
    C: nb(LIFECYCLE_LABELS, LIFECYCLES),
    D: nb(CRITICALITY_LABELS, CRITICALITIES),
    E: nb(DPA_LABELS, DPA_STATUSES),
    F: nb(DPIA_LABELS, DPIA_STATUSES),
    G: nb(ADOPTION_LABELS, ADOPTION_STATUSES),
    H: nb(DELIVERED_VIA_LABELS, DELIVERED_VIA),
    I: data.solutions.map((s) => s.name),
    J: data.municipalities.map((m) => m.number),
  };
  const listHeadings: Record<string, Heading> = {
    A: 'domain',
    B: 'hosting',
    C: 'lifecycle',
    D: 'criticality',
    E: 'dpaStatus',
    F: 'dpiaStatus',
    G: 'status',
    H: 'deliveredVia',
    I: 'solution',
    J: 'municipalityNumber',
  };
  for (const [letter, values] of Object.entries(listValues)) {
    const column = lists.getColumn(letter);
    column.width = letter === 'A' || letter === 'I' ? 44 : 20;
    lists.getCell(`${letter}1`).value = HEADINGS[listHeadings[letter]!].nb;
    values.forEach((v, i) => (lists.getCell(`${letter}${i + 2}`).value = v));
  }

  styleSheet(apps, APPLICATION_COLUMNS, data.applications.length, listValues);
  styleSheet(ads, ADOPTION_COLUMNS, data.municipalities.length * data.solutions.length, listValues);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function styleSheet<F extends string>(sheet: ExcelJS.Worksheet, columns: Column<F>[], rows: number, listValues: Record<string, string[]>) {
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const last = rows + 1 + SPARE_ROWS;
  // ExcelJS has sheet-wide ranges of validations (one per column, not one per cell), untyped.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  columns.forEach((c, i) => {
    const letter = sheet.getColumn(i + 1).letter;
    const range = `${letter}2:${letter}${last}`;
    if (c.date) sheet.getColumn(i + 1).numFmt = 'dd.mm.yyyy';
    if (c.hidden) sheet.getColumn(i + 1).hidden = true;
    if (c.list) {
      const count = listValues[c.list]!.length;
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`${LISTS_SHEET}!$${c.list}$2:$${c.list}$${count + 1}`],
        showErrorMessage: true,
        errorTitle: 'Ugyldig verdi',
        error: 'Velg en verdi fra listen.',
      });
    }
    if (c.fit) {
      validations.add(range, {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [1, 4],
        showErrorMessage: true,
        errorTitle: 'Ugyldig verdi',
        error: 'Skriv et tall fra 1 til 4.',
      });
    }
  });
}

/** A date as a date cell, as Excel stores it (midnight UTC reads back as the same calendar day). */
function dateCell(iso: string | null | undefined): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

// ---------------------------------------------------------------- reading a workbook

type CellValue = Cell;

/** A cell's content as trimmed text, whatever kind of cell it is; null when empty. */
function cellText(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoOfDate(value);
  return value.error;
}

function isoOfDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const validIso = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && y <= 2200
    ? isoOfDate(date)
    : null;
};

/** A date from a date cell, or text written ÅÅÅÅ-MM-DD or DD.MM.ÅÅÅÅ; undefined when it is neither. */
function parseDate(value: CellValue): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoOfDate(value);
  const text = cellText(value);
  if (text === null) return null;
  if (typeof value === 'number') return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return validIso(Number(m[1]), Number(m[2]), Number(m[3])) ?? undefined;
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return validIso(Number(m[3]), Number(m[2]), Number(m[1])) ?? undefined;
  return undefined;
}

/** A number from a number cell or Norwegian text («125 000,50»); undefined when it is no number. */
function parseNumber(value: CellValue): number | null | undefined {
  if (typeof value === 'number') return value;
  const text = cellText(value);
  if (text === null) return null;
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^kr\.?/i, '')
    .replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : undefined;
}

const fold = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s*(→|->|>)\s*/g, ' → ')
    .replace(/\s+/g, ' ')
    .trim();

/** A choice read by its code or its label in any language. */
function choiceReader<K extends string>(labels: Record<K, Record<string, string>>) {
  const map = new Map<string, K>();
  for (const [key, byLanguage] of Object.entries(labels) as [K, Record<string, string>][]) {
    map.set(fold(key), key);
    for (const label of Object.values(byLanguage)) map.set(fold(label), key);
  }
  return { read: (text: string) => map.get(fold(text)), options: Object.values(labels).map((l) => (l as { nb: string }).nb) };
}

const CHOICES = {
  hosting: choiceReader(HOSTING_LABELS),
  lifecycle: choiceReader(LIFECYCLE_LABELS),
  criticality: choiceReader(CRITICALITY_LABELS),
  dpaStatus: choiceReader(DPA_LABELS),
  dpiaStatus: choiceReader(DPIA_LABELS),
  status: choiceReader(ADOPTION_LABELS),
  deliveredVia: choiceReader(DELIVERED_VIA_LABELS),
};

const domainByText = (() => {
  const map = new Map<string, string>();
  for (const d of DOMAINS) {
    map.set(fold(d.key), d.key);
    for (const language of ['nb', 'nn', 'en'] as const) map.set(fold(domainPath(d.key, language)), d.key);
  }
  // A main domain's own label, and a subdomain's label where no other domain has the same one.
  const seen = new Map<string, string | null>();
  for (const d of DOMAINS) {
    for (const label of Object.values(d.label)) {
      const key = fold(label);
      seen.set(key, seen.has(key) && seen.get(key) !== d.key ? null : d.key);
    }
  }
  for (const [label, key] of seen) if (key && !map.has(label)) map.set(label, key);
  return map;
})();

/** Headings in any of the three languages, and the field names themselves, lead to the field. */
function headingReader<F extends string>(columns: Column<F>[]) {
  const map = new Map<string, F>();
  for (const c of columns) {
    map.set(fold(c.field), c.field);
    for (const text of Object.values(HEADINGS[c.heading])) map.set(fold(text), c.field);
  }
  return map;
}
const APPLICATION_HEADINGS = headingReader(APPLICATION_COLUMNS);
const ADOPTION_HEADINGS = headingReader(ADOPTION_COLUMNS);
const LIMITS = { productName: 120, vendor: 120, productVersion: 60, contractOptions: 500, systemOwner: 120, notes: 2000, note: 500 };

export interface ImportLookups {
  /** Every municipality by number, to tell an unknown number from one outside the import's reach. */
  municipalities: Map<string, string>;
  /** The municipalities whose rows this import may write. */
  writable: Set<string>;
  /** Why a known municipality outside `writable` may not be imported, in words. */
  refusal: (number: string, name: string) => string;
  /** The municipality of rows with no number (an import for one municipality). */
  defaultMunicipality: string | null;
  solutions: { key: string; name: string }[];
  productKeys: Map<string, { id: string; domain: string }>;
}

export interface ParsedApplication extends SheetApplication {
  row: number;
  matchKey: string;
}
export interface ParsedAdoption extends SheetAdoption {
  row: number;
}
export interface ParsedWorkbook {
  applications: ParsedApplication[];
  adoptions: ParsedAdoption[];
  problems: RowProblem[];
  /** The fields whose columns the file has; a missing column leaves that field as it is. */
  applicationFields: Set<string>;
  adoptionFields: Set<string>;
  /** The heading of each sheet's row-version column as the file writes it, to name it in a problem. */
  versionColumn: { applications: string; adoptions: string };
}

/**
 * Checks the whole workbook as read; every problem is collected, none stops the reading. A national file's rows take
 * seconds to check: they are checked in slices, with other requests answered in between.
 */
export async function parseMappingWorkbook(workbook: Workbook, lookups: ImportLookups): Promise<ParsedWorkbook> {
  const pace = pacer();
  const problems: RowProblem[] = [];
  const result: ParsedWorkbook = {
    applications: [],
    adoptions: [],
    problems,
    applicationFields: new Set(),
    adoptionFields: new Set(),
    versionColumn: { applications: HEADINGS.rowVersion.nb, adoptions: HEADINGS.rowVersion.nb },
  };
  const sheetNamed = (name: string) => workbook.sheets.find((w) => fold(w.name) === fold(name));
  const appSheet = sheetNamed(APPLICATIONS_SHEET);
  const adoptionSheet = sheetNamed(ADOPTIONS_SHEET);
  if (!appSheet && !adoptionSheet) {
    problems.push({
      sheet: '',
      row: 0,
      column: null,
      message: `Filen har verken arket «${APPLICATIONS_SHEET}» eller «${ADOPTIONS_SHEET}». Last ned malen og fyll den ut.`,
    });
    return result;
  }
  const solutionByText = new Map<string, string>();
  for (const s of lookups.solutions) {
    solutionByText.set(fold(s.key), s.key);
    solutionByText.set(fold(s.name), s.key);
  }

  /** The municipality of a row, or a problem. */
  const municipalityOf = (sheet: string, row: number, value: CellValue, column: string): string | undefined => {
    let text = cellText(value);
    if (text === null) {
      if (lookups.defaultMunicipality) return lookups.defaultMunicipality;
      problems.push({ sheet, row, column, message: 'Kommunenummer må fylles ut.' });
      return undefined;
    }
    // A number cell loses the leading zero of Oslo's 0301.
    if (/^\d{1,4}$/.test(text)) text = text.padStart(4, '0');
    const name = lookups.municipalities.get(text);
    if (!name) {
      problems.push({ sheet, row, column, message: `Kommunenummer «${text}» finnes ikke.` });
      return undefined;
    }
    if (!lookups.writable.has(text)) {
      problems.push({ sheet, row, column, message: lookups.refusal(text, name) });
      return undefined;
    }
    return text;
  };

  /** A row's version from the hidden column: a positive whole number, or none (a row typed anew). */
  const versionOf = (value: CellValue, problem: (message: string) => void): number | undefined => {
    const version = parseNumber(value);
    if (version === null) return undefined;
    if (version === undefined || !Number.isInteger(version) || version < 1 || version > 2_147_483_647) {
      problem(
        `«${cellText(value)}» er ikke et gyldig versjonsnummer. Kolonnen fylles ut av Digiregion når regnearket lastes ned og skal ikke endres; på en ny rad skal den stå tom.`,
      );
      return undefined;
    }
    return version;
  };

  if (appSheet) await readApplications(appSheet);
  if (adoptionSheet) await readAdoptions(adoptionSheet);
  return result;

  function headings<F extends string>(sheet: Sheet, reader: Map<string, F>, required: F[], columns: Column<F>[]) {
    const byIndex = new Map<number, F>();
    const names = new Map<F, string>();
    const values = sheet.rows.find((r) => r.row === 1)?.cells ?? [];
    values.forEach((v, i) => {
      const text = cellText(v);
      const field = text === null ? undefined : reader.get(fold(text));
      if (field && !names.has(field)) {
        byIndex.set(i, field);
        names.set(field, text!);
      }
    });
    for (const field of required) {
      if (!names.has(field)) {
        const heading = HEADINGS[columns.find((c) => c.field === field)!.heading].nb;
        problems.push({ sheet: sheet.name, row: 1, column: heading, message: `Kolonnen «${heading}» mangler.` });
      }
    }
    return { byIndex, names };
  }

  async function readApplications(sheet: Sheet) {
    const required: AppField[] = ['productName', 'vendor'];
    if (!lookups.defaultMunicipality) required.push('municipalityNumber');
    const { byIndex, names } = headings(sheet, APPLICATION_HEADINGS, required, APPLICATION_COLUMNS);
    if (required.some((f) => !names.has(f))) return;
    for (const field of names.keys()) result.applicationFields.add(field);
    const column = (field: string) => names.get(field as AppField) ?? field;
    result.versionColumn.applications = names.get('rowVersion') ?? HEADINGS.rowVersion.nb;
    for (const { row, cells: values } of sheet.rows) {
      await pace();
      if (row === 1) continue;
      const cells = new Map<string, CellValue>();
      let empty = true;
      values.forEach((v, i) => {
        const field = byIndex.get(i);
        if (!field) return;
        cells.set(field, v);
        if (
          field !== 'municipalityName' &&
          field !== 'municipalityNumber' &&
          field !== 'timeVerdict' &&
          field !== 'rowVersion' &&
          cellText(v) !== null
        )
          empty = false;
      });
      // A row with nothing but the municipality (or nothing at all) is a spare line of the template.
      if (empty) continue;
      const before = problems.length;
      const problem = (field: string, message: string) => problems.push({ sheet: sheet.name, row, column: column(field), message });
      const sheetName = sheet.name;
      const municipalityNumber = municipalityOf(sheetName, row, cells.get('municipalityNumber') ?? null, column('municipalityNumber'));
      const text = (field: keyof typeof LIMITS, required = false) => {
        const value = cellText(cells.get(field) ?? null);
        if (value === null) {
          if (required) problem(field, `«${column(field)}» må fylles ut.`);
          return null;
        }
        if (value.length > LIMITS[field]) problem(field, `Teksten kan ha høyst ${LIMITS[field]} tegn (har ${value.length}).`);
        return value;
      };
      const choice = <K extends string>(field: keyof typeof CHOICES) => {
        const value = cellText(cells.get(field) ?? null);
        if (value === null) return null;
        const key = CHOICES[field].read(value) as K | undefined;
        if (key === undefined) problem(field, `«${value}» er ikke et gyldig valg. Velg ett av: ${CHOICES[field].options.join(', ')}.`);
        return key ?? null;
      };
      const date = (field: string) => {
        const raw = cells.get(field) ?? null;
        const value = parseDate(raw);
        if (value === undefined) {
          problem(field, `«${cellText(raw)}» er ikke en dato. Bruk en datocelle eller skriv ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.`);
          return null;
        }
        return value;
      };
      const whole = (field: string, min: number, max: number, message: string) => {
        const raw = cells.get(field) ?? null;
        const value = parseNumber(raw);
        if (value === null) return null;
        if (value === undefined || !Number.isInteger(value) || value < min || value > max) {
          problem(field, `${message} (var «${cellText(raw)}»).`);
          return null;
        }
        return value;
      };

      const productName = text('productName', true);
      const vendor = text('vendor', true);
      const domainText = cellText(cells.get('domain') ?? null);
      let domain: string | null = null;
      if (domainText !== null) {
        domain = domainByText.get(fold(domainText)) ?? null;
        if (!domain) problem('domain', `«${domainText}» er ikke et fagområde. Velg fra listen, for eksempel «${domainPath('helse.epj')}».`);
      }
      const matchKey = productName && vendor ? productMatchKey(productName, vendor) : '';
      if (matchKey && domainText === null && !lookups.productKeys.has(matchKey)) {
        problem('domain', `«${column('domain')}» må fylles ut for et fagsystem som ikke finnes i katalogen.`);
      }
      const costRaw = cells.get('annualCost') ?? null;
      const cost = parseNumber(costRaw);
      let annualCost: number | null = null;
      if (cost === undefined || (cost !== null && (cost < 0 || cost > 10_000_000))) {
        problem('annualCost', `Årlig kostnad må være et beløp i kroner fra 0 til 10 000 000 (var «${cellText(costRaw)}»).`);
      } else if (cost !== null) annualCost = Math.round(cost * 100);
      const integrations: string[] = [];
      for (const part of (cellText(cells.get('integrations') ?? null) ?? '').split(/[,;\n]/)) {
        const name = part.trim();
        if (!name) continue;
        const key = solutionByText.get(fold(name));
        if (!key) problem('integrations', `«${name}» er ikke en fellesløsning i katalogen.`);
        else if (!integrations.includes(key)) integrations.push(key);
      }
      const parsed: ParsedApplication = {
        row,
        matchKey,
        municipalityNumber: municipalityNumber ?? '',
        productName: productName ?? '',
        vendor: vendor ?? '',
        domain,
        productVersion: text('productVersion'),
        hosting: choice<Hosting>('hosting'),
        contractStart: date('contractStart'),
        contractEnd: date('contractEnd'),
        contractOptions: text('contractOptions'),
        annualCost,
        userCount: whole('userCount', 0, 1_000_000, 'Antall brukere må være et helt tall fra 0 til 1 000 000'),
        lifecycle: choice<Lifecycle>('lifecycle') ?? 'inOperation',
        lifecycleDate: date('lifecycleDate'),
        criticality: choice<Criticality>('criticality'),
        functionalFit: whole('functionalFit', 1, 4, 'Egnethet må være et helt tall fra 1 til 4'),
        technicalFit: whole('technicalFit', 1, 4, 'Egnethet må være et helt tall fra 1 til 4'),
        integrations,
        dpaStatus: choice<DpaStatus>('dpaStatus'),
        dpiaStatus: choice<DpiaStatus>('dpiaStatus'),
        systemOwner: text('systemOwner'),
        notes: text('notes'),
        version: versionOf(cells.get('rowVersion') ?? null, (message) => problem('rowVersion', message)),
      };
      if (parsed.contractStart && parsed.contractEnd && parsed.contractEnd < parsed.contractStart) {
        problem('contractEnd', `«${column('contractEnd')}» kan ikke være før «${column('contractStart')}».`);
      }
      if (problems.length === before) result.applications.push(parsed);
    }
  }

  async function readAdoptions(sheet: Sheet) {
    const required: AdoptionField[] = ['solution', 'status'];
    if (!lookups.defaultMunicipality) required.push('municipalityNumber');
    const { byIndex, names } = headings(sheet, ADOPTION_HEADINGS, required, ADOPTION_COLUMNS);
    if (required.some((f) => !names.has(f))) return;
    for (const field of names.keys()) result.adoptionFields.add(field);
    const column = (field: AdoptionField) => names.get(field) ?? field;
    result.versionColumn.adoptions = names.get('rowVersion') ?? HEADINGS.rowVersion.nb;
    for (const { row, cells: values } of sheet.rows) {
      await pace();
      if (row === 1) continue;
      const cells = new Map<AdoptionField, CellValue>();
      values.forEach((v, i) => {
        const field = byIndex.get(i);
        if (field) cells.set(field, v);
      });
      const get = (field: AdoptionField) => cellText(cells.get(field) ?? null);
      const statusText = get('status');
      // A solution without a status is a line of the checklist not filled in: nothing to record.
      if (statusText === null && get('deliveredVia') === null && get('since') === null && get('note') === null) continue;
      const before = problems.length;
      const problem = (field: AdoptionField, message: string) => problems.push({ sheet: sheet.name, row, column: column(field), message });
      const municipalityNumber = municipalityOf(sheet.name, row, cells.get('municipalityNumber') ?? null, column('municipalityNumber'));
      const solutionText = get('solution');
      const solutionKey = solutionText === null ? undefined : solutionByText.get(fold(solutionText));
      if (solutionText === null) problem('solution', `«${column('solution')}» må fylles ut.`);
      else if (!solutionKey) problem('solution', `«${solutionText}» er ikke en fellesløsning i katalogen.`);
      let status: AdoptionStatus | undefined;
      if (statusText === null) problem('status', `«${column('status')}» må fylles ut når raden har andre opplysninger.`);
      else {
        status = CHOICES.status.read(statusText);
        if (!status) problem('status', `«${statusText}» er ikke et gyldig valg. Velg ett av: ${CHOICES.status.options.join(', ')}.`);
      }
      const viaText = get('deliveredVia');
      const deliveredVia = viaText === null ? null : CHOICES.deliveredVia.read(viaText);
      if (deliveredVia === undefined) {
        problem('deliveredVia', `«${viaText}» er ikke et gyldig valg. Velg ett av: ${CHOICES.deliveredVia.options.join(', ')}.`);
      }
      const sinceRaw = cells.get('since') ?? null;
      const since = parseDate(sinceRaw);
      if (since === undefined) {
        problem('since', `«${cellText(sinceRaw)}» er ikke en dato. Bruk en datocelle eller skriv ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.`);
      }
      const note = get('note');
      if (note && note.length > LIMITS.note) problem('note', `Teksten kan ha høyst ${LIMITS.note} tegn (har ${note.length}).`);
      const version = versionOf(cells.get('rowVersion') ?? null, (message) => problem('rowVersion', message));
      if (problems.length === before) {
        result.adoptions.push({
          row,
          municipalityNumber: municipalityNumber!,
          solutionKey: solutionKey!,
          status: status!,
          deliveredVia: deliveredVia ?? null,
          since: since ?? null,
          note,
          version,
        });
      }
    }
  }
}

/** The same municipality and product (or solution) twice: the later row is reported, naming the first. */
async function findDuplicates(parsed: ParsedWorkbook, productKeys: Map<string, { id: string }>, municipalityNames: Map<string, string>) {
  const pace = pacer();
  const firstApplication = new Map<string, ParsedApplication>();
  for (const a of parsed.applications) {
    await pace();
    const identity = `${a.municipalityNumber}|${productKeys.get(a.matchKey)?.id ?? a.matchKey}`;
    const first = firstApplication.get(identity);
    if (first) {
      parsed.problems.push({
        sheet: APPLICATIONS_SHEET,
        row: a.row,
        column: null,
        message: `Rad ${first.row} og rad ${a.row} gjelder begge ${a.productName} (${a.vendor}) i ${municipalityNames.get(a.municipalityNumber) ?? a.municipalityNumber}. Slå dem sammen til én rad.`,
      });
    } else firstApplication.set(identity, a);
  }
  const firstAdoption = new Map<string, ParsedAdoption>();
  for (const a of parsed.adoptions) {
    await pace();
    const identity = `${a.municipalityNumber}|${a.solutionKey}`;
    const first = firstAdoption.get(identity);
    if (first) {
      parsed.problems.push({
        sheet: ADOPTIONS_SHEET,
        row: a.row,
        column: null,
        message: `Rad ${first.row} og rad ${a.row} gjelder samme fellesløsning i ${municipalityNames.get(a.municipalityNumber) ?? a.municipalityNumber}. Slå dem sammen til én rad.`,
      });
    } else firstAdoption.set(identity, a);
  }
}

// ---------------------------------------------------------------- import

export interface ImportScope {
  networkId: string | null;
  /** What the audit entry is about: the network or the municipality. */
  entityType: 'network' | 'municipality';
  entityId: string;
  writable: Set<string>;
  refusal: (number: string, name: string) => string;
  defaultMunicipality: string | null;
}

const USAGE_FIELDS = [
  ['productVersion', 'product_version', 'text'],
  ['hosting', 'hosting', 'text'],
  ['contractStart', 'contract_start', 'date'],
  ['contractEnd', 'contract_end', 'date'],
  ['contractOptions', 'contract_options', 'text'],
  ['annualCost', 'annual_cost', 'integer'],
  ['userCount', 'user_count', 'integer'],
  ['lifecycle', 'lifecycle', 'text'],
  ['lifecycleDate', 'lifecycle_date', 'date'],
  ['criticality', 'criticality', 'text'],
  ['functionalFit', 'functional_fit', 'integer'],
  ['technicalFit', 'technical_fit', 'integer'],
  ['integrations', 'integrations', 'text[]'],
  ['dpaStatus', 'dpa_status', 'text'],
  ['dpiaStatus', 'dpia_status', 'text'],
  ['systemOwner', 'system_owner', 'text'],
  ['notes', 'notes', 'text'],
] as const;
type UsageField = (typeof USAGE_FIELDS)[number][0];

const ADOPTION_FIELDS = [
  ['status', 'status', 'text'],
  ['deliveredVia', 'delivered_via', 'text'],
  ['since', 'since', 'date'],
  ['note', 'note', 'text'],
] as const;

/** Rows per statement: each statement's text is built on the event loop, so a batch is kept to a few milliseconds of it. */
const BATCH = 1000;
const sameValue = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : (a ?? null) === (b ?? null);

const STALE_ROW = 'Raden er endret i Digiregion etter at regnearket ble lastet ned. Last ned regnearket på nytt og gjør endringen der.';
const GONE_USAGE =
  'Fagsystemet er ikke lenger registrert for kommunen i Digiregion: det er fjernet etter at regnearket ble lastet ned, eller raden er skrevet om til et annet fagsystem. Last ned regnearket på nytt, og skriv et nytt fagsystem på en ny rad.';
const GONE_ADOPTION =
  'Statusen for denne fellesløsningen er fjernet i Digiregion etter at regnearket ble lastet ned. Last ned regnearket på nytt og gjør endringen der.';
const RACED =
  'Kartleggingen ble endret i Digiregion mens filen ble importert, så ingenting ble endret. Last opp filen på nytt for å se om radene dine fortsatt kan importeres.';

/** Sorted as the file reads, sheet by sheet; a file wrong throughout is not described row by row. */
function reportProblems(problems: RowProblem[]): never {
  problems.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === APPLICATIONS_SHEET ? -1 : 1));
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    problems.length = MAX_PROBLEMS;
    problems.push({ sheet: '', row: 0, column: null, message: `… og ${more} problemer til. Rett de første og importer på nytt.` });
  }
  throw rowProblems(problems);
}

/**
 * Imports a workbook: everything is read and checked first, and a file with any problem answers 422 with all
 * of them and changes nothing. Inside one transaction each row is compared with what is stored, and a row from
 * a template whose record has changed since the download (its version differs) and that would change it, is
 * a problem too: the file would overwrite an edit its author never saw. A good file is then written with
 * set-based statements: new products added, usages and adoptions inserted or updated in batches (rows that
 * would not change are not touched, a row is only updated at the version it was compared with), and one
 * audit entry with the counts.
 */
export async function importMappingWorkbook(ctx: RequestContext, scope: ImportScope, bytes: Buffer): Promise<ImportResult> {
  let workbook: Workbook | null;
  try {
    workbook = await readSpreadsheet(bytes, { language: ctx.language, formats: ['xlsx'] });
  } catch (error) {
    if (error instanceof UnreadableSpreadsheet) {
      throw rowProblems([{ sheet: '', row: 0, column: null, message: 'Filen kunne ikke leses som et Excel-regneark (XLSX).' }]);
    }
    throw error;
  }
  const municipalityRows = await ctx.db.select({ number: municipalities.number, name: municipalities.name }).from(municipalities);
  const municipalityNames = new Map(municipalityRows.map((m) => [m.number, m.name]));
  const solutions = await ctx.db.select({ key: sharedSolutions.key, name: sharedSolutions.name }).from(sharedSolutions);
  const productKeys = await loadMatchKeys(ctx.db);
  const parsed = await parseMappingWorkbook(workbook, {
    municipalities: municipalityNames,
    writable: scope.writable,
    refusal: scope.refusal,
    defaultMunicipality: scope.defaultMunicipality,
    solutions,
    productKeys,
  });
  // The cells are not needed once checked: a national file's go back to the heap before the writing.
  workbook = null;
  await findDuplicates(parsed, productKeys, municipalityNames);

  return ctx.db.transaction(async (tx) => {
    // Compared with the stored rows before anything is written, so stale rows are listed with the file's other problems.
    const numbers = [...new Set([...parsed.applications, ...parsed.adoptions].map((r) => r.municipalityNumber))];
    const usagePlan = await planUsages(tx, parsed, productKeys, numbers);
    const adoptionPlan = await planAdoptions(tx, parsed, numbers);
    const problems = [...parsed.problems, ...usagePlan.problems, ...adoptionPlan.problems];
    if (problems.length > 0) reportProblems(problems);

    // Products not in the catalog, once each.
    const newProducts = new Map<string, ParsedApplication>();
    for (const a of parsed.applications) if (!productKeys.has(a.matchKey) && !newProducts.has(a.matchKey)) newProducts.set(a.matchKey, a);
    let productsCreated = 0;
    const fresh = [...newProducts.values()];
    for (let i = 0; i < fresh.length; i += 1000) {
      const batch = fresh.slice(i, i + 1000);
      const created = await tx
        .insert(products)
        .values(batch.map((a) => ({ name: a.productName, vendor: a.vendor, domain: a.domain!, matchKey: a.matchKey })))
        .onConflictDoNothing({ target: products.matchKey })
        .returning({ id: products.id, domain: products.domain, matchKey: products.matchKey });
      productsCreated += created.length;
      for (const p of created) productKeys.set(p.matchKey, { id: p.id, domain: p.domain });
    }
    const missing = fresh.filter((a) => !productKeys.has(a.matchKey)).map((a) => a.matchKey);
    if (missing.length > 0) {
      // Added by someone else since the catalog was read.
      const raced = await tx
        .select({ id: products.id, domain: products.domain, matchKey: products.matchKey })
        .from(products)
        .where(inArray(products.matchKey, missing));
      for (const p of raced) productKeys.set(p.matchKey, { id: p.id, domain: p.domain });
    }
    for (const { source, row } of usagePlan.inserts) row.product_id ??= productKeys.get(source.matchKey)!.id;

    const written =
      (await writeRows(tx, 'application_usages', ['municipality_number text', 'product_id uuid'], USAGE_FIELDS, usagePlan)) &&
      (await writeRows(tx, 'solution_adoptions', ['municipality_number text', 'solution_key text'], ADOPTION_FIELDS, adoptionPlan));
    // Someone saved one of these rows (or added it) between the comparison and the write: the transaction is undone.
    if (!written) reportProblems([{ sheet: '', row: 0, column: null, message: RACED }]);

    const result: ImportResult = { applications: usagePlan.counts, adoptions: adoptionPlan.counts, productsCreated };
    await recordAudit(tx, ctx, {
      networkId: scope.networkId,
      entityType: scope.entityType === 'network' ? 'networkMappingImport' : 'municipalityMappingImport',
      entityId: scope.entityId,
      action: 'import',
      after: { ...result, municipalities: numbers.length, rows: parsed.applications.length + parsed.adoptions.length },
    });
    return result;
  });
}

/** What an import will write: rows to insert, rows to update at the version they were compared with, and the stale ones. */
interface WritePlan<R> {
  counts: { created: number; updated: number; unchanged: number };
  inserts: { source: R; row: Record<string, unknown> }[];
  /** Each with `version`: the stored version the row was compared with. */
  updates: Record<string, unknown>[];
  problems: RowProblem[];
}

type Fields = readonly (readonly [string, string, string])[];

/**
 * Compares one row of the file with the stored record (if any) and files it under insert, update or
 * unchanged; a row that carries a version and would change a record at another version (or one that is
 * gone) is a problem instead. A row without a version (typed anew, or a file made by hand) is not checked.
 */
function planRow<R extends { row: number; version?: number }>(
  plan: WritePlan<R>,
  source: R,
  before: Record<string, unknown> | undefined,
  row: Record<string, unknown>,
  changed: boolean,
  stale: (message: string) => RowProblem,
  gone: string,
) {
  const version = source.version ?? null;
  if (!before) {
    if (version !== null) plan.problems.push(stale(gone));
    else {
      plan.counts.created++;
      plan.inserts.push({ source, row });
    }
  } else if (!changed) plan.counts.unchanged++;
  else if (version !== null && version !== before.version) plan.problems.push(stale(STALE_ROW));
  else {
    plan.counts.updated++;
    plan.updates.push({ ...row, version: before.version });
  }
}

const emptyPlan = <R>(): WritePlan<R> => ({ counts: { created: 0, updated: 0, unchanged: 0 }, inserts: [], updates: [], problems: [] });

async function planUsages(tx: DbOrTx, parsed: ParsedWorkbook, productKeys: Map<string, { id: string }>, numbers: string[]) {
  const plan = emptyPlan<ParsedApplication>();
  if (parsed.applications.length === 0) return plan;
  const existing = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await tx
      .select()
      .from(applicationUsages)
      .where(inArray(applicationUsages.municipalityNumber, numbers.slice(i, i + 500)));
    for (const r of rows) existing.set(`${r.municipalityNumber}|${r.productId}`, r);
  }
  // A column left out of the file leaves that field as it is.
  const present = (field: UsageField) => parsed.applicationFields.has(field);
  const versionColumn = parsed.versionColumn.applications;
  const pace = pacer();
  for (const a of parsed.applications) {
    await pace();
    // A product new to the catalog has no usage yet; its id is known once it is added.
    const productId = productKeys.get(a.matchKey)?.id;
    const before = productId === undefined ? undefined : existing.get(`${a.municipalityNumber}|${productId}`);
    const row: Record<string, unknown> = { municipality_number: a.municipalityNumber, product_id: productId };
    let changed = !before;
    for (const [field, column] of USAGE_FIELDS) {
      const value = present(field) ? (a[field] ?? (field === 'integrations' ? [] : null)) : before ? before[field] : undefined;
      const stored = value ?? (field === 'integrations' ? [] : field === 'lifecycle' ? 'inOperation' : null);
      row[column] = stored;
      if (before && !sameValue(before[field], stored)) changed = true;
    }
    planRow(
      plan,
      a,
      before,
      row,
      changed,
      (message) => ({ sheet: APPLICATIONS_SHEET, row: a.row, column: versionColumn, message }),
      GONE_USAGE,
    );
  }
  return plan;
}

async function planAdoptions(tx: DbOrTx, parsed: ParsedWorkbook, numbers: string[]) {
  const plan = emptyPlan<ParsedAdoption>();
  if (parsed.adoptions.length === 0) return plan;
  const existing = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await tx
      .select()
      .from(solutionAdoptions)
      .where(inArray(solutionAdoptions.municipalityNumber, numbers.slice(i, i + 500)));
    for (const r of rows) existing.set(`${r.municipalityNumber}|${r.solutionKey}`, r);
  }
  const versionColumn = parsed.versionColumn.adoptions;
  const pace = pacer();
  for (const a of parsed.adoptions) {
    await pace();
    const before = existing.get(`${a.municipalityNumber}|${a.solutionKey}`);
    const row: Record<string, unknown> = { municipality_number: a.municipalityNumber, solution_key: a.solutionKey };
    let changed = !before;
    for (const [field, column] of ADOPTION_FIELDS) {
      const present = field === 'status' || parsed.adoptionFields.has(field);
      const value = present ? (a[field] ?? null) : before ? before[field] : null;
      row[column] = value;
      if (before && !sameValue(before[field], value)) changed = true;
    }
    planRow(
      plan,
      a,
      before,
      row,
      changed,
      (message) => ({ sheet: ADOPTIONS_SHEET, row: a.row, column: versionColumn, message }),
      GONE_ADOPTION,
    );
  }
  return plan;
}

/**
 * Writes a plan in batches: new rows inserted (one that someone else added meanwhile is left alone), changed
 * rows updated only while still at the version they were compared with. False when any row was not written
 * for that reason.
 */
async function writeRows<R>(tx: DbOrTx, table: string, keys: [string, string], fields: Fields, plan: WritePlan<R>) {
  const keyNames = keys.map((k) => k.split(' ')[0]!);
  const columns = fields.map(([, c]) => c);
  const definition = fields.map(([, c, type]) => `${c} ${type}`).join(', ');
  const all = [...keyNames, ...columns].join(', ');
  const inserts = plan.inserts.map((i) => i.row);
  let written = 0;
  for (let i = 0; i < inserts.length; i += BATCH) {
    const [result] = await queryRows<{ n: number }>(
      tx,
      sql`with added as (
        insert into ${sql.raw(table)} (${sql.raw(all)})
        select ${sql.raw(all)}
        from jsonb_to_recordset(${JSON.stringify(inserts.slice(i, i + BATCH))}::jsonb)
          as v(${sql.raw(keys.join(', '))}, ${sql.raw(definition)})
        on conflict (${sql.raw(keyNames.join(', '))}) do nothing
        returning 1)
      select count(*)::int as n from added`,
    );
    written += result!.n;
  }
  const set = columns.map((c) => `${c} = v.${c}`).join(', ');
  const match = keyNames.map((k) => `t.${k} = v.${k}`).join(' and ');
  for (let i = 0; i < plan.updates.length; i += BATCH) {
    const [result] = await queryRows<{ n: number }>(
      tx,
      sql`with changed as (
        update ${sql.raw(table)} t set ${sql.raw(set)}, version = t.version + 1, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(plan.updates.slice(i, i + BATCH))}::jsonb)
          as v(${sql.raw(keys.join(', '))}, version integer, ${sql.raw(definition)})
        where ${sql.raw(match)} and t.version = v.version
        returning 1)
      select count(*)::int as n from changed`,
    );
    written += result!.n;
  }
  return written === inserts.length + plan.updates.length;
}

// ---------------------------------------------------------------- the routes' entry points

async function currentMembers(db: DbOrTx, networkId: string) {
  const rows = await db
    .select({ number: municipalities.number, name: municipalities.name })
    .from(networkMembers)
    .innerJoin(municipalities, eq(municipalities.number, networkMembers.municipalityNumber))
    .where(sql`${networkMembers.networkId} = ${networkId} and ${currentMembership()}`)
    .orderBy(asc(municipalities.number));
  return rows;
}

/** The recorded applications and adoptions of these municipalities, as the workbook holds them. */
async function workbookData(db: DbOrTx, list: { number: string; name: string }[]): Promise<MappingWorkbookData> {
  const numbers = list.map((m) => m.number);
  const solutions = await db
    .select({ key: sharedSolutions.key, name: sharedSolutions.name, owner: sharedSolutions.owner })
    .from(sharedSolutions)
    .where(sql`${sharedSolutions.validTo} is null or ${sharedSolutions.validTo} > current_date`)
    .orderBy(asc(sharedSolutions.sortOrder));
  const usageRows =
    numbers.length === 0
      ? []
      : await db
          .select({ usage: applicationUsages, name: products.name, vendor: products.vendor, domain: products.domain })
          .from(applicationUsages)
          .innerJoin(products, eq(products.id, applicationUsages.productId))
          .where(inArray(applicationUsages.municipalityNumber, numbers));
  const order = new Map(numbers.map((n, i) => [n, i]));
  usageRows.sort(
    (a, b) =>
      order.get(a.usage.municipalityNumber)! - order.get(b.usage.municipalityNumber)! ||
      a.domain.localeCompare(b.domain) ||
      a.name.localeCompare(b.name, 'nb'),
  );
  const adoptionRows =
    numbers.length === 0 ? [] : await db.select().from(solutionAdoptions).where(inArray(solutionAdoptions.municipalityNumber, numbers));
  return {
    municipalities: list,
    solutions,
    applications: usageRows.map(({ usage, name, vendor, domain }) => ({ ...usage, productName: name, vendor, domain })),
    adoptions: adoptionRows,
  };
}

const stamp = () => new Date().toISOString().slice(0, 10);

export async function municipalityTemplate(ctx: RequestContext, number: string): Promise<RenderedFile> {
  const municipality = await readableMunicipality(ctx, number);
  const body = await writeMappingWorkbook(await workbookData(ctx.db, [municipality]));
  return { body, contentType: XLSX_CONTENT_TYPE, fileName: `kartlegging-${number}-${stamp()}.xlsx` };
}

export async function networkTemplate(ctx: RequestContext, networkRef: string): Promise<RenderedFile> {
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'network.readInternals', inNetwork(network.id));
  const body = await writeMappingWorkbook(await workbookData(ctx.db, await currentMembers(ctx.db, network.id)));
  return { body, contentType: XLSX_CONTENT_TYPE, fileName: `kartlegging-${network.slug}-${stamp()}.xlsx` };
}

export async function importForMunicipality(ctx: RequestContext, number: string, bytes: Buffer): Promise<ImportResult> {
  const municipality = await writableMunicipality(ctx, number);
  return importMappingWorkbook(
    ctx,
    {
      networkId: null,
      entityType: 'municipality',
      entityId: number,
      writable: new Set([number]),
      refusal: (other, name) => `Raden gjelder ${name} (${other}), men filen lastes opp for ${municipality.name} (${number}).`,
      defaultMunicipality: number,
    },
    bytes,
  );
}

/**
 * A network's import takes rows for its current members that the caller may change: all of them for the
 * secretariat, their own for a municipality's editor. A reader who may change none of them is refused.
 */
export async function importForNetwork(ctx: RequestContext, networkRef: string, bytes: Buffer): Promise<ImportResult> {
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'mapping.importForNetwork', inNetwork(network.id));
  const members = await currentMembers(ctx.db, network.id);
  const writable = new Set<string>();
  for (const m of members) if (await can(ctx, 'mapping.write', await ofMunicipality(ctx, m.number))) writable.add(m.number);
  const memberNumbers = new Set(members.map((m) => m.number));
  return importMappingWorkbook(
    ctx,
    {
      networkId: network.id,
      entityType: 'network',
      entityId: network.id,
      writable,
      refusal: (number, name) =>
        memberNumbers.has(number)
          ? `Du kan ikke endre kartleggingen for ${name} (${number}).`
          : `${name} (${number}) er ikke medlem av ${network.name}.`,
      defaultMunicipality: null,
    },
    bytes,
  );
}
