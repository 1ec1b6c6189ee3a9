import { createHash } from 'node:crypto';
import { SaxesParser } from 'saxes';
import type { Verification } from '../../../shared/archive/schema.ts';
import { readTar, TarFormatError } from './tar.ts';

/**
 * Verifies an extract from its tar alone, as its receiver would: every file's SHA-256 and size against what
 * arkivstruktur.xml says of it (each dokumentobjekt's sjekksum and filstoerrelse), arkivstruktur.xml and
 * endringslogg.xml (and the schemas) against arkivuttrekk.xml's checksums, and the counts arkivuttrekk.xml states
 * (folders, registrations, documents, document files, changes) against what the files hold. The tar is read once, as
 * it streams: files are hashed as they pass and the big XML files parsed as they pass; nothing is held whole but the
 * small arkivuttrekk.xml.
 */

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** A streaming parser over bytes, with the byte-to-text decoding split across chunks handled. */
class XmlStream {
  readonly parser = new SaxesParser();
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });
  error: string | null = null;
  constructor() {
    this.parser.on('error', (error) => {
      this.error ??= error.message;
    });
  }
  write(chunk: Uint8Array) {
    if (this.error) return;
    this.parser.write(this.decoder.decode(chunk, { stream: true }));
  }
  close() {
    if (this.error) return;
    this.parser.write(this.decoder.decode());
    this.parser.close();
  }
}

interface DocumentObject {
  reference: string;
  checksum: string;
  algorithm: string;
  size: string;
}

/** arkivstruktur.xml: counts the archival units and keeps each document object's file, checksum and size. */
class StructureReader extends XmlStream {
  counts = { folders: 0, registrations: 0, documents: 0, documentObjects: 0 };
  objects: DocumentObject[] = [];
  private readonly stack: string[] = [];
  private current: Partial<DocumentObject> | null = null;
  private text = '';
  constructor() {
    super();
    this.parser.on('opentag', (tag) => {
      const name = localName(tag.name);
      this.stack.push(name);
      this.text = '';
      if (name === 'mappe') this.counts.folders++;
      else if (name === 'registrering') this.counts.registrations++;
      else if (name === 'dokumentbeskrivelse') this.counts.documents++;
      else if (name === 'dokumentobjekt') {
        this.counts.documentObjects++;
        this.current = {};
      }
    });
    this.parser.on('text', (text) => {
      this.text += text;
    });
    this.parser.on('closetag', (tag) => {
      const name = localName(tag.name);
      this.stack.pop();
      if (this.current && this.stack.at(-1) === 'dokumentobjekt') {
        const value = this.text.trim();
        if (name === 'referanseDokumentfil') this.current.reference = value;
        else if (name === 'sjekksum') this.current.checksum = value;
        else if (name === 'sjekksumAlgoritme') this.current.algorithm = value;
        else if (name === 'filstoerrelse') this.current.size = value;
      }
      if (name === 'dokumentobjekt' && this.current) {
        this.objects.push({ reference: '', checksum: '', algorithm: '', size: '', ...this.current });
        this.current = null;
      }
      this.text = '';
    });
  }
}

/** endringslogg.xml: counts the changes. */
class ChangelogReader extends XmlStream {
  changes = 0;
  constructor() {
    super();
    this.parser.on('opentag', (tag) => {
      if (localName(tag.name) === 'endring') this.changes++;
    });
  }
}

/** arkivuttrekk.xml, small: read whole into a tree. */
class TreeReader extends XmlStream {
  root: XmlNode | null = null;
  private readonly stack: XmlNode[] = [];
  constructor() {
    super();
    this.parser.on('opentag', (tag) => {
      const node: XmlNode = { name: localName(tag.name), attributes: tag.attributes, children: [], text: '' };
      const parent = this.stack.at(-1);
      if (parent) parent.children.push(node);
      else this.root = node;
      this.stack.push(node);
    });
    this.parser.on('text', (text) => {
      const node = this.stack.at(-1);
      if (node) node.text += text;
    });
    this.parser.on('closetag', () => {
      this.stack.pop();
    });
  }
}

const children = (node: XmlNode | undefined, name: string) => node?.children.filter((c) => c.name === name) ?? [];
const child = (node: XmlNode | undefined, name: string) => children(node, name)[0];
/** The `property` children of a node's `properties`. */
const props = (node: XmlNode | undefined) => children(child(node, 'properties'), 'property');
const prop = (node: XmlNode | undefined, name: string) => props(node).find((p) => p.attributes.name === name);
const valueOf = (node: XmlNode | undefined) => child(node, 'value')?.text.trim() ?? null;

/** A file a dataObject or schema property describes: its name and checksum. */
function describedFile(fileProperty: XmlNode | undefined) {
  const checksum = prop(fileProperty, 'checksum');
  return {
    name: valueOf(prop(fileProperty, 'name')),
    algorithm: valueOf(prop(checksum, 'algorithm')),
    value: valueOf(prop(checksum, 'value')),
  };
}

const isSha256 = (algorithm: string | null) => (algorithm ?? '').replace('-', '').toUpperCase() === 'SHA256';

export async function verifyTar(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Verification> {
  const files = new Map<string, { size: number; sha256: string }>();
  const problems: Verification['problems'] = [];
  const problem = (path: string | null, message: string) => problems.push({ path, message });
  const structure = new StructureReader();
  const changelog = new ChangelogReader();
  const addml = new TreeReader();
  let root: string | null = null;

  try {
    await readTar(source, (entry) => {
      if (entry.type === '5') return null;
      if (entry.type !== '0') {
        problem(entry.path, 'Uttrekket inneholder noe annet enn vanlige filer og mapper.');
        return null;
      }
      const [top = '', ...rest] = entry.path.split('/');
      if (rest.length === 0) {
        problem(entry.path, 'Filen ligger utenfor uttrekkets mappe.');
        return null;
      }
      root ??= top;
      if (top !== root) problem(entry.path, `Filen ligger i mappen «${top}», uttrekket ellers i «${root}».`);
      const path = rest.join('/');
      const hash = createHash('sha256');
      let size = 0;
      const xml =
        path === 'arkivstruktur.xml' ? structure : path === 'endringslogg.xml' ? changelog : path === 'arkivuttrekk.xml' ? addml : null;
      return {
        data(chunk) {
          hash.update(chunk);
          size += chunk.length;
          xml?.write(chunk);
        },
        end() {
          if (files.has(path)) problem(path, 'Filen finnes to ganger i uttrekket.');
          files.set(path, { size, sha256: hash.digest('hex') });
          xml?.close();
        },
      };
    });
  } catch (error) {
    if (!(error instanceof TarFormatError)) throw error;
    problem(null, `Tar-filen er skadet: ${error.message}.`);
  }

  for (const [name, reader] of [
    ['arkivuttrekk.xml', addml],
    ['arkivstruktur.xml', structure],
    ['endringslogg.xml', changelog],
  ] as const) {
    if (!files.has(name)) problem(name, 'Filen mangler i uttrekket.');
    else if (reader.error) problem(name, `Filen er ikke gyldig XML: ${reader.error}`);
  }

  const checkFile = (name: string | null, algorithm: string | null, value: string | null, what: string) => {
    if (!name) return problem('arkivuttrekk.xml', `Beskrivelsen av ${what} mangler filnavn.`);
    const file = files.get(name);
    if (!file) return problem(name, `arkivuttrekk.xml beskriver ${name}, men filen mangler.`);
    if (!isSha256(algorithm) || !value) return problem(name, `arkivuttrekk.xml gir ingen SHA-256-sjekksum for ${name}.`);
    if (value.toLowerCase() !== file.sha256)
      problem(name, `Sjekksummen stemmer ikke: filen har ${file.sha256}, arkivuttrekk.xml sier ${value}.`);
  };

  // addml → dataset → dataObjects → «Noark 5-arkivuttrekk» → dataObjects → arkivstruktur, endringslogg
  const top = child(child(child(addml.root ?? undefined, 'dataset'), 'dataObjects'), 'dataObject');
  const described = new Map(children(child(top, 'dataObjects'), 'dataObject').map((d) => [d.attributes.name, d]));
  const documentFiles = [...files.keys()].filter((path) => path.startsWith('dokumenter/'));
  if (addml.root && !addml.error) {
    for (const [objectName, fileName] of [
      ['arkivstruktur', 'arkivstruktur.xml'],
      ['endringslogg', 'endringslogg.xml'],
    ] as const) {
      const object = described.get(objectName);
      if (!object) {
        problem('arkivuttrekk.xml', `arkivuttrekk.xml beskriver ikke ${fileName}.`);
        continue;
      }
      const file = describedFile(prop(object, 'file'));
      checkFile(file.name, file.algorithm, file.value, fileName);
      for (const schema of props(object).filter((p) => p.attributes.name === 'schema')) {
        const schemaFile = describedFile(prop(schema, 'file'));
        if (schemaFile.value) checkFile(schemaFile.name, schemaFile.algorithm, schemaFile.value, `skjemaet ${schemaFile.name ?? ''}`);
      }
      for (const occurrence of props(prop(object, 'info')).filter((p) => p.attributes.name === 'numberOfOccurrences')) {
        const element = valueOf(occurrence);
        const stated = Number(valueOf(prop(occurrence, 'value')));
        const counted =
          objectName === 'endringslogg'
            ? element === 'endring'
              ? changelog.changes
              : null
            : element === 'mappe'
              ? structure.counts.folders
              : element === 'registrering'
                ? structure.counts.registrations
                : element === 'dokumentbeskrivelse'
                  ? structure.counts.documents
                  : element === 'dokumentobjekt'
                    ? structure.counts.documentObjects
                    : null;
        if (counted !== null && counted !== stated)
          problem(fileName, `arkivuttrekk.xml sier ${stated} forekomster av ${element}, filen har ${counted}.`);
      }
    }
    const stated = valueOf(prop(prop(prop(top, 'info'), 'additionalInfo'), 'antallDokumentfiler'));
    if (stated === null) problem('arkivuttrekk.xml', 'arkivuttrekk.xml oppgir ikke antallDokumentfiler.');
    else if (Number(stated) !== documentFiles.length)
      problem('dokumenter/', `arkivuttrekk.xml sier ${stated} dokumentfiler, uttrekket har ${documentFiles.length}.`);
  }

  const referenced = new Set<string>();
  for (const object of structure.objects) {
    const path = object.reference;
    referenced.add(path);
    const file = files.get(path);
    if (!file) {
      problem(path || null, 'Et dokumentobjekt viser til en fil som mangler i uttrekket.');
      continue;
    }
    if (!isSha256(object.algorithm)) problem(path, `Dokumentobjektet har sjekksumalgoritmen «${object.algorithm}», ikke SHA-256.`);
    else if (object.checksum.toLowerCase() !== file.sha256)
      problem(path, `Sjekksummen stemmer ikke: filen har ${file.sha256}, arkivstruktur.xml sier ${object.checksum}.`);
    if (Number(object.size) !== file.size)
      problem(path, `Filstørrelsen stemmer ikke: filen har ${file.size} byte, arkivstruktur.xml sier ${object.size}.`);
  }
  for (const path of documentFiles)
    if (!referenced.has(path)) problem(path, 'Filen er ikke beskrevet av noe dokumentobjekt i arkivstruktur.xml.');

  return {
    ok: problems.length === 0,
    files: files.size,
    documentFiles: documentFiles.length,
    counts: structure.counts,
    problems,
  };
}
