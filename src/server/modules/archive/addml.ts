import { escapeXml } from './xml.ts';

/**
 * arkivuttrekk.xml: the extract's description in ADDML 8.3 as Arkivverket's Noark 5 template has it (the one its
 * validator Arkade reads): who made the archive, the period, and for arkivstruktur.xml and endringslogg.xml their
 * checksums, schemas and how many folders, registrations and documents they hold.
 */

export interface AddmlInput {
  archiveName: string;
  creatorName: string;
  systemName: string;
  periodFrom: string;
  periodTo: string;
  containsScreened: boolean;
  documentFileCount: number;
  arkivstruktur: { sha256: string; folders: number; registrations: number; documents: number; documentObjects: number };
  endringslogg: { sha256: string; changes: number };
  /** SHA-256 of each schema file in the extract, by name. */
  schemas: Record<string, string>;
}

interface Property {
  name: string;
  value?: string | number | boolean;
  dataType?: 'integer' | 'boolean' | 'string' | 'date';
  properties?: Property[];
}

function propertyXml(p: Property, depth: number): string {
  const pad = '  '.repeat(depth);
  const type = p.dataType ? ` dataType="${p.dataType}"` : '';
  const value = p.value === undefined ? '' : `<value>${escapeXml(String(p.value))}</value>`;
  if (!p.properties?.length) return `${pad}<property name="${escapeXml(p.name)}"${type}>${value}</property>\n`;
  return (
    `${pad}<property name="${escapeXml(p.name)}"${type}>${value}\n` +
    `${pad}  <properties>\n${p.properties.map((c) => propertyXml(c, depth + 2)).join('')}${pad}  </properties>\n` +
    `${pad}</property>\n`
  );
}

const properties = (list: Property[], depth: number) =>
  `${'  '.repeat(depth)}<properties>\n${list.map((p) => propertyXml(p, depth + 1)).join('')}${'  '.repeat(depth)}</properties>\n`;

const xmlFormat: Property = { name: 'format', value: 'XML', properties: [{ name: 'version', value: '1.0' }] };
const sha256Checksum = (value: string): Property => ({
  name: 'checksum',
  properties: [
    { name: 'algorithm', value: 'SHA-256' },
    { name: 'value', value },
  ],
});
const fileProperty = (name: string, sha256: string): Property => ({
  name: 'file',
  properties: [{ name: 'name', value: name }, xmlFormat, sha256Checksum(sha256)],
});
const schemaProperty = (name: string, sha256: string | undefined, main: boolean): Property => ({
  name: 'schema',
  ...(main ? { value: 'main' } : {}),
  properties: [
    { name: 'file', properties: [{ name: 'name', value: name }, xmlFormat, ...(sha256 ? [sha256Checksum(sha256)] : [])] },
    { name: 'type', value: 'XML Schema', properties: [{ name: 'version', value: '1.0' }] },
  ],
});
const occurrences = (element: string, count: number): Property => ({
  name: 'numberOfOccurrences',
  value: element,
  properties: [
    { name: 'elementPath', value: `//${element}` },
    { name: 'value', dataType: 'integer', value: count },
  ],
});

function dataObject(name: string, list: Property[], depth: number): string {
  const pad = '  '.repeat(depth);
  return `${pad}<dataObject name="${escapeXml(name)}">\n${properties(list, depth + 1)}${pad}</dataObject>\n`;
}

export function addmlXml(input: AddmlInput): string {
  const { arkivstruktur, endringslogg, schemas } = input;
  const element = (name: string, value: string) =>
    `        <additionalElement name="${name}"><value>${escapeXml(value)}</value></additionalElement>\n`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<addml xmlns="http://www.arkivverket.no/standarder/addml" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://www.arkivverket.no/standarder/addml addml.xsd" name="Noark 5-arkivuttrekk">\n' +
    '  <dataset>\n' +
    '    <description>Noark 5-arkivuttrekk</description>\n' +
    '    <reference>\n' +
    '      <context>\n' +
    '        <additionalElements>\n' +
    '        <additionalElement name="recordCreators">\n' +
    '          <additionalElements>\n' +
    `  ${element('recordCreator', input.creatorName)}` +
    '          </additionalElements>\n' +
    '        </additionalElement>\n' +
    element('systemType', 'Noark 5') +
    element('systemName', input.systemName) +
    element('archive', input.archiveName) +
    '        </additionalElements>\n' +
    '      </context>\n' +
    '      <content>\n' +
    '        <additionalElements>\n' +
    '          <additionalElement name="archivalPeriod">\n' +
    properties(
      [
        { name: 'startDate', value: input.periodFrom },
        { name: 'endDate', value: input.periodTo },
      ],
      6,
    ) +
    '          </additionalElement>\n' +
    '        </additionalElements>\n' +
    '      </content>\n' +
    '    </reference>\n' +
    '    <dataObjects>\n' +
    '      <dataObject name="Noark 5-arkivuttrekk">\n' +
    properties(
      [
        {
          name: 'info',
          properties: [
            { name: 'type', value: 'Noark 5', properties: [{ name: 'version', value: '5.0' }] },
            {
              name: 'additionalInfo',
              properties: [
                { name: 'inneholderSkjermetInformasjon', dataType: 'boolean', value: input.containsScreened },
                { name: 'omfatterDokumenterSomErKassert', dataType: 'boolean', value: false },
                { name: 'inneholderDokumenterSomSkalKasseres', dataType: 'boolean', value: false },
                { name: 'inneholderVirksomhetsspesifikkeMetadata', dataType: 'boolean', value: false },
                { name: 'antallDokumentfiler', dataType: 'integer', value: input.documentFileCount },
              ],
            },
          ],
        },
      ],
      4,
    ) +
    '        <dataObjects>\n' +
    dataObject(
      'arkivstruktur',
      [
        fileProperty('arkivstruktur.xml', arkivstruktur.sha256),
        schemaProperty('arkivstruktur.xsd', schemas['arkivstruktur.xsd'], true),
        schemaProperty('metadatakatalog.xsd', schemas['metadatakatalog.xsd'], false),
        {
          name: 'info',
          properties: [
            occurrences('mappe', arkivstruktur.folders),
            occurrences('registrering', arkivstruktur.registrations),
            occurrences('dokumentbeskrivelse', arkivstruktur.documents),
            occurrences('dokumentobjekt', arkivstruktur.documentObjects),
          ],
        },
      ],
      5,
    ) +
    dataObject(
      'endringslogg',
      [
        fileProperty('endringslogg.xml', endringslogg.sha256),
        schemaProperty('endringslogg.xsd', schemas['endringslogg.xsd'], true),
        schemaProperty('metadatakatalog.xsd', schemas['metadatakatalog.xsd'], false),
        { name: 'info', properties: [occurrences('endring', endringslogg.changes)] },
      ],
      5,
    ) +
    '        </dataObjects>\n' +
    '      </dataObject>\n' +
    '    </dataObjects>\n' +
    '  </dataset>\n' +
    '</addml>\n'
  );
}
