import { z } from 'zod';

/**
 * History in: earlier meetings, cases, decisions and documents brought into a network, from the spreadsheet template
 * (one row per case, the attachments in a ZIP beside it) or from another system's OParl 1.1 API. Either way the import
 * is all or nothing, and a second import of the same history updates what the first brought in.
 */

/** The template's columns, in order, as the secretariat reads them; the keys are what the code calls them. */
export const HISTORY_COLUMNS = {
  body: 'Organ',
  meetingDate: 'Møtedato',
  startTime: 'Starttid',
  endTime: 'Sluttid',
  place: 'Sted',
  publicMeeting: 'Offentlig møte',
  summonsSent: 'Innkalling sendt',
  minutesApproved: 'Protokoll godkjent',
  number: 'Saksnummer',
  title: 'Tittel',
  type: 'Sakstype',
  caseOfficer: 'Saksbehandler',
  recommendation: 'Innstilling',
  deliberation: 'Behandling',
  decision: 'Vedtak',
  outcome: 'Utfall',
  exempt: 'Unntatt offentlighet',
  exemptLegalBasis: 'Hjemmel',
  protocolRemark: 'Protokollmerknad',
  attachments: 'Vedlegg',
} as const;
export type HistoryColumn = keyof typeof HISTORY_COLUMNS;

/** What each column takes, for the template's second sheet («Veiledning»). */
export const HISTORY_COLUMN_HELP: Record<HistoryColumn, string> = {
  body: 'Organets navn eller kortnavn (f.eks. AU), slik det står i Digiregion. Påkrevd.',
  meetingDate: 'Møtets dato, ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ. Påkrevd. Rader med samme organ og dato er samme møte.',
  startTime: 'Klokkeslett TT:MM. Tomt: 09:00.',
  endTime: 'Klokkeslett TT:MM, kan stå tomt.',
  place: 'Møtested, kan stå tomt.',
  publicMeeting: 'Ja eller Nei. Tomt: Ja.',
  summonsSent: 'Datoen innkallingen ble sendt. Tomt: møtedatoen.',
  minutesApproved: 'Datoen protokollen ble godkjent. Tomt: møtedatoen.',
  number: 'Saksnummer NNN/ÅÅ (f.eks. 014/22), unikt per organ og år. Påkrevd. En utsatt sak står igjen på et senere møte med samme nummer.',
  title: 'Sakens tittel. Påkrevd.',
  type: 'Vedtakssak, Orienteringssak, Drøftingssak, Referatsak, Eventuelt, Godkjenning av innkalling eller Godkjenning av saksliste. Tomt: Vedtakssak.',
  caseOfficer: 'Saksbehandlerens navn, slik personen er registrert i nettverket. Kan stå tomt.',
  recommendation: 'Innstillingen (forslag til vedtak). Markdown.',
  deliberation: 'Behandling i møtet. Markdown.',
  decision: 'Vedtaket. Markdown. Påkrevd når utfallet er Vedtatt.',
  outcome:
    'Vedtatt, Tatt til orientering, Utsatt eller Trukket. Tomt: Tatt til orientering for orienteringssaker og referatsaker, ellers Vedtatt.',
  exempt: 'Ja når saken er unntatt offentlighet. Tomt: Nei.',
  exemptLegalBasis: 'Hjemmel for unntaket, f.eks. «offl. § 13 jf. fvl. § 13». Påkrevd når saken er unntatt.',
  protocolRemark: 'Protokollmerknad som «Forfatter: tekst», der forfatteren er en kommune («Øksnes kommune») eller en person i nettverket.',
  attachments: 'Vedleggenes filnavn i ZIP-filen, skilt med semikolon eller linjeskift. PDF, DOCX eller XLSX.',
};

/** Bounds of one import: rows of the spreadsheet, and the attachments' ZIP as a whole and each file in it. */
export const HISTORY_LIMITS = {
  rows: 50_000,
  /** The whole request: spreadsheet and ZIP together. */
  requestBytes: 400 * 1024 * 1024,
  zipBytes: 380 * 1024 * 1024,
  zipEntries: 60_000,
  /** The files unpacked, summed, as the ZIP's directory declares them. */
  zipUnpackedBytes: 1024 * 1024 * 1024,
  /** One file unpacked (the upload limit of a case attachment). */
  fileBytes: 25 * 1024 * 1024,
  /** Packed-to-unpacked: a document compresses a few times at most; a bomb thousands. */
  ratio: 100,
  /** OParl: one answer's bytes, one file's bytes, the answers (pages and files) of one import, the seconds of one request. */
  oparlResponseBytes: 20 * 1024 * 1024,
  oparlFileBytes: 25 * 1024 * 1024,
  oparlRequests: 50_000,
  oparlTimeoutSeconds: 20,
  /** Problems listed before «… and N more». */
  problems: 500,
} as const;

/** What came in: counted, so the secretariat sees it matches what it sent. */
export const HistoryImportResultSchema = z.object({
  meetingsCreated: z.number(),
  meetingsUpdated: z.number(),
  casesCreated: z.number(),
  casesUpdated: z.number(),
  agendaItems: z.number(),
  documents: z.number(),
  /** Per body and year, the next case number after the import. */
  nextNumbers: z.array(z.object({ bodyId: z.string(), bodyName: z.string(), year: z.number(), next: z.string() })),
});
export type HistoryImportResult = z.infer<typeof HistoryImportResultSchema>;

export const OparlImportSchema = z.object({
  /** The other system's OParl System URL (or one of its Body URLs). */
  systemUrl: z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(2000, { error: 'tooLong' })
    .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), { error: 'url' }),
});
export type OparlImportInput = z.infer<typeof OparlImportSchema>;
