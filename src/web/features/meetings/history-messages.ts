import type { Language } from '../../../shared/i18n/languages.ts';
import { useI18n } from '../../app/i18n/index.tsx';

/** The history import screen's texts. Bokmål is the source: its shape is the type nynorsk and English must match. */
const nb = {
  link: 'Importer historikk',
  title: 'Importer historikk til {name}',
  intro:
    'Tidligere møter, saker, vedtak og dokumenter kan hentes inn fra et regneark eller fra et annet systems OParl-grensesnitt. Importerte møter låses som godkjente, beholder saksnumrene og sine egne datoer, og blir søkbare. Saksnummereringen fortsetter etter det høyeste importerte nummeret. Importerer du det samme på nytt, oppdateres det som kom inn forrige gang.',
  sheetHeading: 'Fra regneark',
  template: 'Last ned malen (XLSX)',
  rules: [
    'Én rad per sak. Rader med samme organ og møtedato er ett møte.',
    'Organet må finnes i nettverket (navn eller kortnavn). Saksnummer skrives NNN/ÅÅ.',
    'Vedlegg legges i én ZIP-fil; kolonnen Vedlegg nevner filnavnene. PDF, DOCX og XLSX tas imot.',
    'Importen er alt eller ingenting: er én rad feil, lagres ingenting, og du får en liste med rad, kolonne og årsak.',
  ],
  spreadsheet: 'Regneark',
  spreadsheetDescription: 'Malen, utfylt: XLSX eller CSV.',
  zip: 'Vedlegg (ZIP), valgfritt',
  zipDescription: 'En ZIP-fil med vedleggene som regnearket nevner.',
  noFile: 'Velg et regneark.',
  wrongType: 'Regnearket må være XLSX eller CSV.',
  wrongZip: 'Vedleggene må være en ZIP-fil.',
  upload: 'Importer',
  uploading: 'Importerer …',
  oparlHeading: 'Fra et OParl-grensesnitt',
  oparlIntro:
    'Oppgi adressen til det andre systemets OParl-grensesnitt (System eller Body). Ferdige møter med saker, vedtak og vedlegg hentes; organer som mangler, opprettes.',
  systemUrl: 'Systemets OParl-adresse',
  systemUrlDescription: 'For eksempel https://eksempel.no/api/oparl/v1/system',
  fetch: 'Hent og importer',
  fetching: 'Henter …',
  imported:
    'Importert: {meetingsCreated} nye og {meetingsUpdated} oppdaterte møter, {casesCreated} nye og {casesUpdated} oppdaterte saker, {documents} nye vedlegg.',
  nextNumbers: 'Neste saksnummer',
  body: 'Organ',
  year: 'År',
  next: 'Neste nummer',
  refused: 'Importen ble avvist: ingenting ble lagret',
  problemsSummary: 'Rett {count} feil og prøv igjen.',
  problemsCaption: 'Feil i importen',
  sheet: 'Ark',
  row: 'Rad',
  column: 'Kolonne',
  reason: 'Årsak',
  wholeRow: 'Hele raden',
};
export type HistoryMessages = typeof nb;

const nn: HistoryMessages = {
  link: 'Importer historikk',
  title: 'Importer historikk til {name}',
  intro:
    'Tidlegare møte, saker, vedtak og dokument kan hentast inn frå eit rekneark eller frå eit anna system sitt OParl-grensesnitt. Importerte møte vert låste som godkjende, held på saksnumra og sine eigne datoar, og vert søkbare. Saksnummereringa held fram etter det høgaste importerte nummeret. Importerer du det same på nytt, vert det som kom inn førre gong oppdatert.',
  sheetHeading: 'Frå rekneark',
  template: 'Last ned malen (XLSX)',
  rules: [
    'Éi rad per sak. Rader med same organ og møtedato er eitt møte.',
    'Organet må finnast i nettverket (namn eller kortnamn). Saksnummer vert skrive NNN/ÅÅ.',
    'Vedlegg vert lagde i éi ZIP-fil; kolonnen Vedlegg nemner filnamna. PDF, DOCX og XLSX vert tekne imot.',
    'Importen er alt eller ingenting: er éi rad feil, vert ingenting lagra, og du får ei liste med rad, kolonne og årsak.',
  ],
  spreadsheet: 'Rekneark',
  spreadsheetDescription: 'Malen, utfylt: XLSX eller CSV.',
  zip: 'Vedlegg (ZIP), valfritt',
  zipDescription: 'Ei ZIP-fil med vedlegga som reknearket nemner.',
  noFile: 'Vel eit rekneark.',
  wrongType: 'Reknearket må vere XLSX eller CSV.',
  wrongZip: 'Vedlegga må vere ei ZIP-fil.',
  upload: 'Importer',
  uploading: 'Importerer …',
  oparlHeading: 'Frå eit OParl-grensesnitt',
  oparlIntro:
    'Oppgi adressa til det andre systemet sitt OParl-grensesnitt (System eller Body). Ferdige møte med saker, vedtak og vedlegg vert henta; organ som manglar, vert oppretta.',
  systemUrl: 'Systemet si OParl-adresse',
  systemUrlDescription: 'Til dømes https://eksempel.no/api/oparl/v1/system',
  fetch: 'Hent og importer',
  fetching: 'Hentar …',
  imported:
    'Importert: {meetingsCreated} nye og {meetingsUpdated} oppdaterte møte, {casesCreated} nye og {casesUpdated} oppdaterte saker, {documents} nye vedlegg.',
  nextNumbers: 'Neste saksnummer',
  body: 'Organ',
  year: 'År',
  next: 'Neste nummer',
  refused: 'Importen vart avvist: ingenting vart lagra',
  problemsSummary: 'Rett {count} feil og prøv igjen.',
  problemsCaption: 'Feil i importen',
  sheet: 'Ark',
  row: 'Rad',
  column: 'Kolonne',
  reason: 'Årsak',
  wholeRow: 'Heile rada',
};

const en: HistoryMessages = {
  link: 'Import history',
  title: 'Import history into {name}',
  intro:
    'Earlier meetings, cases, decisions and documents can be brought in from a spreadsheet or from another system’s OParl API. Imported meetings are locked as approved, keep their case numbers and their own dates, and can be searched. Case numbering continues after the highest imported number. Importing the same again updates what came in the last time.',
  sheetHeading: 'From a spreadsheet',
  template: 'Download the template (XLSX)',
  rules: [
    'One row per case. Rows with the same body and meeting date are one meeting.',
    'The body must exist in the network (name or short name). Case numbers are written NNN/YY.',
    'Attachments go in one ZIP file; the column Vedlegg names the files. PDF, DOCX and XLSX are taken.',
    'The import is all or nothing: if one row is wrong, nothing is saved, and you get a list of row, column and reason.',
  ],
  spreadsheet: 'Spreadsheet',
  spreadsheetDescription: 'The template, filled in: XLSX or CSV.',
  zip: 'Attachments (ZIP), optional',
  zipDescription: 'A ZIP file with the attachments the spreadsheet names.',
  noFile: 'Choose a spreadsheet.',
  wrongType: 'The spreadsheet must be XLSX or CSV.',
  wrongZip: 'The attachments must be a ZIP file.',
  upload: 'Import',
  uploading: 'Importing …',
  oparlHeading: 'From an OParl API',
  oparlIntro:
    'Give the address of the other system’s OParl API (System or Body). Finished meetings with cases, decisions and attachments are fetched; missing bodies are created.',
  systemUrl: 'The system’s OParl address',
  systemUrlDescription: 'For example https://example.org/api/oparl/v1/system',
  fetch: 'Fetch and import',
  fetching: 'Fetching …',
  imported:
    'Imported: {meetingsCreated} new and {meetingsUpdated} updated meetings, {casesCreated} new and {casesUpdated} updated cases, {documents} new attachments.',
  nextNumbers: 'Next case number',
  body: 'Body',
  year: 'Year',
  next: 'Next number',
  refused: 'The import was refused: nothing was saved',
  problemsSummary: 'Correct {count} problems and try again.',
  problemsCaption: 'Problems in the import',
  sheet: 'Sheet',
  row: 'Row',
  column: 'Column',
  reason: 'Reason',
  wholeRow: 'The whole row',
};

const CATALOG: Record<Language, HistoryMessages> = { nb, nn, en };

export function useHistoryMessages(): HistoryMessages {
  const { lang } = useI18n();
  return CATALOG[lang];
}
