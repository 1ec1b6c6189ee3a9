import { dateTime, element, escapeXml } from './xml.ts';

/**
 * The one builder of Noark 5 (version 5.0) arkivstruktur XML for meetings, used twice: for the archive extract
 * (arkivuttrekk: everything, exempt material with `skjerming`, the files in the tar) and for the public form eInnsyn
 * takes (what is published only, files by their public address). Both describe a meeting the same way:
 *
 *   arkiv → arkivdel → klassifikasjonssystem («Organer») → klasse (one per body) → mappe xsi:type="moetemappe"
 *   (one per meeting) → registrering xsi:type="moeteregistrering" (the summons, one per case in agenda order, the
 *   minutes) → dokumentbeskrivelse → dokumentobjekt (format, size, SHA-256).
 *
 * The model below is plain data; `extract.ts` and `einnsyn.ts` fill it from the meetings module, each by its rules.
 * Element order follows arkivstruktur.xsd exactly (a registration's documents come before its title, a moetemappe's
 * own elements after its registrations).
 */

export const ARKIVSTRUKTUR_NS = 'http://www.arkivverket.no/standarder/noark5/arkivstruktur';

/** Exempt material: the legal basis as the case records it, and what is screened. */
export interface Screening {
  /** Tilgangsrestriksjon (M500). */
  restriction: string;
  /** Skjermingshjemmel (M501): «offentleglova § 13, jf. forvaltningsloven § 13». */
  basis: string;
  /** Skjermingmetadata (M502): the metadata elements screened, e.g. tittel. */
  metadata: string[];
  /** Skjermingdokument (M503) on a document: the whole of it or parts. */
  document?: 'Hele dokumentet' | 'Deler av dokumentet';
}

/** The file of a document: a path in the tar (`dokumenter/…`) or a public address. */
export interface NoarkFile {
  reference: string;
  /** Format (M701) and its details (M702). */
  format: string;
  formatDetails: string | null;
  createdAt: Date;
  createdBy: string;
  /** Known for stored bytes; a document rendered when fetched has neither (see decision 0011). */
  sha256: string | null;
  size: number | null;
}

export interface NoarkDocument {
  /** Dokumentbeskrivelse's systemID; the document object's is derived from it. */
  id: string;
  objectId: string;
  /** Dokumenttype (M083): Møteinnkalling, Saksframlegg, Vedlegg, Møteprotokoll. */
  type: string;
  title: string;
  /** Hoveddokument or Vedlegg. */
  role: 'Hoveddokument' | 'Vedlegg';
  number: number;
  createdAt: Date;
  createdBy: string;
  screening: Screening | null;
  file: NoarkFile;
}

export interface NoarkRemark {
  text: string;
  date: Date;
  by: string;
}

export interface NoarkRegistration {
  id: string;
  /** Møteregistreringstype (M085): Møteinnkalling, Møtesak, Møteprotokoll. */
  registrationType: 'Møteinnkalling' | 'Møtesak' | 'Møteprotokoll';
  createdAt: Date;
  createdBy: string;
  archivedAt: Date;
  archivedBy: string;
  screening: Screening | null;
  documents: NoarkDocument[];
  /** The case number, «014/22» (registreringsID). */
  caseNumber: string | null;
  title: string;
  publicTitle: string;
  /** The decision, as the minutes give it (beskrivelse). */
  description: string | null;
  remarks: NoarkRemark[];
  /** Møtesakstype (M088): Vedtakssak, Orienteringssak … */
  caseType: string | null;
  /** Møteregistreringsstatus (M055): Vedtatt, Tatt til orientering, Utsatt … */
  status: string | null;
  unit: string;
  officer: string;
  /** Earlier handlings of the same case (a postponed case's first item). */
  fromRegistrations: string[];
}

export interface NoarkMeeting {
  id: string;
  /** MappeID: «AU 2/2022». */
  folderId: string;
  title: string;
  publicTitle: string;
  createdAt: Date;
  createdBy: string;
  closedAt: Date;
  closedBy: string;
  /** Møtenummer (M008). */
  number: string;
  /** Utvalg (M370): the body. */
  body: string;
  /** YYYY-MM-DD. */
  date: string;
  place: string | null;
  previousMeetingId: string | null;
  nextMeetingId: string | null;
  participants: { name: string; role: string }[];
  registrations: NoarkRegistration[];
}

export interface NoarkArchive {
  /** Arkiv: the network's. */
  id: string;
  title: string;
  description: string | null;
  createdAt: Date;
  createdBy: string;
  closedAt: Date;
  closedBy: string;
  /** Arkivskaper: the network, identified by its host municipality's organisation number when known. */
  creatorId: string;
  creatorName: string;
  /** Arkivdel: this extract, or the public form. */
  partId: string;
  partTitle: string;
  partDescription: string | null;
  /** Arkivdelstatus (M051). */
  partStatus: string;
  periodFrom: string | null;
  periodTo: string | null;
  /** The classification of meetings by body. */
  classificationId: string;
}

export interface NoarkBody {
  id: string;
  /** KlasseID: the body's short code, or its name. */
  classId: string;
  title: string;
  createdAt: Date;
  createdBy: string;
}

const indent = (depth: number) => '  '.repeat(depth);
const lines = (depth: number, parts: string[]) =>
  parts
    .filter(Boolean)
    .map((p) => `${indent(depth)}${p}\n`)
    .join('');

function screeningXml(screening: Screening | null, depth: number): string {
  if (!screening) return '';
  return (
    `${indent(depth)}<skjerming>\n` +
    lines(depth + 1, [
      element('tilgangsrestriksjon', screening.restriction),
      element('skjermingshjemmel', screening.basis),
      ...screening.metadata.map((m) => element('skjermingMetadata', m)),
      element('skjermingDokument', screening.document),
    ]) +
    `${indent(depth)}</skjerming>\n`
  );
}

function documentXml(document: NoarkDocument, partId: string, depth: number): string {
  const { file } = document;
  const object =
    `${indent(depth + 1)}<dokumentobjekt>\n` +
    lines(depth + 2, [
      element('systemID', document.objectId),
      element('versjonsnummer', 1),
      element('variantformat', 'Arkivformat'),
      element('format', file.format),
      element('formatDetaljer', file.formatDetails),
      element('opprettetDato', dateTime(file.createdAt)),
      element('opprettetAv', file.createdBy),
      element('referanseDokumentfil', file.reference),
      // eInnsyn's own examples give a document fetched by address no checksum this way.
      element('sjekksum', file.sha256 ?? 'N/A'),
      element('sjekksumAlgoritme', file.sha256 ? 'SHA-256' : 'N/A'),
      element('filstoerrelse', file.size ?? 0),
    ]) +
    `${indent(depth + 1)}</dokumentobjekt>\n`;
  return (
    `${indent(depth)}<dokumentbeskrivelse>\n` +
    lines(depth + 1, [
      element('systemID', document.id),
      element('dokumenttype', document.type),
      element('dokumentstatus', 'Dokumentet er ferdigstilt'),
      element('tittel', document.title),
      element('opprettetDato', dateTime(document.createdAt)),
      element('opprettetAv', document.createdBy),
      element('dokumentmedium', 'Elektronisk arkiv'),
      element('referanseArkivdel', partId),
      element('tilknyttetRegistreringSom', document.role),
      element('dokumentnummer', document.number),
      element('tilknyttetDato', dateTime(document.createdAt)),
      element('tilknyttetAv', document.createdBy),
    ]) +
    screeningXml(document.screening, depth + 1) +
    object +
    `${indent(depth)}</dokumentbeskrivelse>\n`
  );
}

function remarkXml(remark: NoarkRemark, depth: number): string {
  return (
    `${indent(depth)}<merknad>\n` +
    lines(depth + 1, [
      element('merknadstekst', remark.text),
      element('merknadstype', 'Merknad fra møtebehandlingen'),
      element('merknadsdato', dateTime(remark.date)),
      element('merknadRegistrertAv', remark.by),
    ]) +
    `${indent(depth)}</merknad>\n`
  );
}

function registrationXml(r: NoarkRegistration, partId: string, depth: number): string {
  return (
    `${indent(depth)}<registrering xsi:type="moeteregistrering">\n` +
    lines(depth + 1, [
      element('systemID', r.id),
      element('opprettetDato', dateTime(r.createdAt)),
      element('opprettetAv', r.createdBy),
      element('arkivertDato', dateTime(r.archivedAt)),
      element('arkivertAv', r.archivedBy),
      element('referanseArkivdel', partId),
    ]) +
    screeningXml(r.screening, depth + 1) +
    r.documents.map((d) => documentXml(d, partId, depth + 1)).join('') +
    lines(depth + 1, [
      element('registreringsID', r.caseNumber),
      element('tittel', r.title),
      element('offentligTittel', r.publicTitle),
      element('beskrivelse', r.description),
      element('dokumentmedium', 'Elektronisk arkiv'),
    ]) +
    r.remarks.map((m) => remarkXml(m, depth + 1)).join('') +
    lines(depth + 1, [
      element('moeteregistreringstype', r.registrationType),
      element('moetesakstype', r.caseType),
      element('moeteregistreringsstatus', r.status),
      element('administrativEnhet', r.unit),
      element('saksbehandler', r.officer),
      ...r.fromRegistrations.map((id) => element('referanseFraMoeteregistrering', id)),
    ]) +
    `${indent(depth)}</registrering>\n`
  );
}

/** One meeting: a moetemappe with its registrations in order. */
export function meetingXml(m: NoarkMeeting, partId: string, depth = 4): string {
  return (
    `${indent(depth)}<mappe xsi:type="moetemappe">\n` +
    lines(depth + 1, [
      element('systemID', m.id),
      element('mappeID', m.folderId),
      element('tittel', m.title),
      element('offentligTittel', m.publicTitle),
      element('dokumentmedium', 'Elektronisk arkiv'),
      element('opprettetDato', dateTime(m.createdAt)),
      element('opprettetAv', m.createdBy),
      element('avsluttetDato', dateTime(m.closedAt)),
      element('avsluttetAv', m.closedBy),
      element('referanseArkivdel', partId),
    ]) +
    m.registrations.map((r) => registrationXml(r, partId, depth + 1)).join('') +
    lines(depth + 1, [
      element('moetenummer', m.number),
      element('utvalg', m.body),
      element('moetedato', m.date),
      element('moetested', m.place),
      element('referanseForrigeMoete', m.previousMeetingId),
      element('referanseNesteMoete', m.nextMeetingId),
    ]) +
    m.participants
      .map(
        (p) =>
          `${indent(depth + 1)}<moetedeltaker>${element('moetedeltakerNavn', p.name)}${element('moetedeltakerFunksjon', p.role)}</moetedeltaker>\n`,
      )
      .join('') +
    `${indent(depth)}</mappe>\n`
  );
}

/** Everything before the first body's klasse. */
export function archiveStart(a: NoarkArchive): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<arkiv xmlns="${ARKIVSTRUKTUR_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ARKIVSTRUKTUR_NS} arkivstruktur.xsd">\n` +
    lines(1, [
      element('systemID', a.id),
      element('tittel', a.title),
      element('beskrivelse', a.description),
      element('arkivstatus', 'Opprettet'),
      element('dokumentmedium', 'Elektronisk arkiv'),
      element('opprettetDato', dateTime(a.createdAt)),
      element('opprettetAv', a.createdBy),
      element('avsluttetDato', dateTime(a.closedAt)),
      element('avsluttetAv', a.closedBy),
      `<arkivskaper>${element('arkivskaperID', a.creatorId)}${element('arkivskaperNavn', a.creatorName)}</arkivskaper>`,
      '<arkivdel>',
    ]) +
    lines(2, [
      element('systemID', a.partId),
      element('tittel', a.partTitle),
      element('beskrivelse', a.partDescription),
      element('arkivdelstatus', a.partStatus),
      element('dokumentmedium', 'Elektronisk arkiv'),
      element('opprettetDato', dateTime(a.createdAt)),
      element('opprettetAv', a.createdBy),
      element('avsluttetDato', dateTime(a.closedAt)),
      element('avsluttetAv', a.closedBy),
      element('arkivperiodeStartDato', a.periodFrom),
      element('arkivperiodeSluttDato', a.periodTo),
      '<klassifikasjonssystem>',
    ]) +
    lines(3, [
      element('systemID', a.classificationId),
      element('klassifikasjonstype', 'Organ'),
      element('tittel', 'Organer'),
      element('beskrivelse', 'Møtene ordnet etter organet som holdt dem.'),
      element('opprettetDato', dateTime(a.createdAt)),
      element('opprettetAv', a.createdBy),
    ])
  );
}

/** A body's klasse, opened; its meetings follow, then `bodyEnd()`. */
export function bodyStart(b: NoarkBody): string {
  return (
    `${indent(3)}<klasse>\n` +
    lines(4, [
      element('systemID', b.id),
      element('klasseID', b.classId),
      element('tittel', b.title),
      element('opprettetDato', dateTime(b.createdAt)),
      element('opprettetAv', b.createdBy),
    ])
  );
}

export const bodyEnd = () => `${indent(3)}</klasse>\n`;

/**
 * The end of the document. A classification system must have a class, so one with no meetings gets an empty
 * class of its own (`emptyClass`), which the schema allows.
 */
export function archiveEnd(emptyClass: NoarkBody | null): string {
  return (
    (emptyClass ? bodyStart(emptyClass) + bodyEnd() : '') + `${indent(2)}</klassifikasjonssystem>\n${indent(1)}</arkivdel>\n</arkiv>\n`
  );
}

export { escapeXml };
