import { constants, deflateRawSync } from 'node:zlib';

/**
 * Spreadsheet files as an attacker builds them, made in the test rather than kept as fixtures: zip archives written
 * byte by byte (so a central directory can say what the attacker likes), minimal XLSX workbooks around a sheet's XML,
 * and decompression bombs — a sheet of hundreds of MB of real XML that takes a few MB on disk, without the test ever
 * holding it unpacked.
 */

export interface PackedEntry {
  name: string;
  /** Deflated (raw) data. */
  deflated: Buffer;
  /** What the data really unpacks to. */
  size: number;
  /** What the central directory says it unpacks to; the real size unless the file lies. */
  declaredSize?: number;
  crc?: number;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Buffer): number {
  let crc = -1;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

export const packed = (name: string, data: string | Buffer): PackedEntry => {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
};

/** A zip archive of the entries, with a central directory that declares each entry's `declaredSize`. */
export function zipArchive(entries: PackedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const declared = entry.declaredSize ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(entry.crc ?? 0, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, entry.deflated);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc ?? 0, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += 30 + name.length + entry.deflated.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook needs around its sheets: content types, the package's and the workbook's relationships. */
function workbookParts(sheetNames: string[], extra: PackedEntry[] = []): PackedEntry[] {
  const sheets = sheetNames.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = sheetNames
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  return [
    packed(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ),
    packed(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    packed(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`,
    ),
    packed(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ),
    ...extra,
  ];
}

/** A workbook of one sheet whose XML is given whole («<sheetData>…</sheetData>» inside the worksheet element). */
export function xlsxWithSheet(sheetData: string, sheetName = 'Ark1'): Buffer {
  return zipArchive([
    ...workbookParts([sheetName]),
    packed(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`,
    ),
  ]);
}

/**
 * Deflated data of `head`, then `body` repeated `times`, then `tail`, without ever holding it unpacked: each piece is
 * deflated once with a full flush (which leaves no reference to earlier data and ends on a byte), so its bytes can be
 * repeated as they are, and an empty final block ends the stream.
 */
export function repeatedDeflate(head: string, body: string, times: number, tail: string): { deflated: Buffer; size: number } {
  const flushed = (text: string) => deflateRawSync(Buffer.from(text, 'utf8'), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const middle = flushed(body);
  const parts: Buffer[] = [flushed(head)];
  for (let i = 0; i < times; i++) parts.push(middle);
  parts.push(flushed(tail), deflateRawSync(Buffer.alloc(0)));
  return { deflated: Buffer.concat(parts), size: Buffer.byteLength(head) + Buffer.byteLength(body) * times + Buffer.byteLength(tail) };
}

/**
 * A decompression bomb shaped as a mapping workbook: a sheet «Fagsystemer» of real rows that unpacks to about
 * `unpackedMb` MB while the file is a few MB. With `declaredMb`, the central directory claims the sheet unpacks to
 * that much instead (a bomb that lies to get past a check of the declared sizes).
 */
export function decompressionBomb({ unpackedMb = 480, declaredMb }: { unpackedMb?: number; declaredMb?: number } = {}): Buffer {
  // 1 MiB of rows, each a row of text cells, repeated: what a sheet with millions of rows looks like.
  const row = `<row><c t="inlineStr"><is><t>Fagsystem</t></is></c><c t="inlineStr"><is><t>Leverandør AS</t></is></c><c><v>1</v></c></row>`;
  const block = row.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(row)));
  const sheet = repeatedDeflate(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row><c t="inlineStr"><is><t>Fagsystem</t></is></c><c t="inlineStr"><is><t>Leverandør</t></is></c></row>`,
    block,
    Math.round((unpackedMb * 1024 * 1024) / Buffer.byteLength(block)),
    '</sheetData></worksheet>',
  );
  return zipArchive([
    ...workbookParts(['Fagsystemer']),
    {
      name: 'xl/worksheets/sheet1.xml',
      ...sheet,
      ...(declaredMb === undefined ? {} : { declaredSize: declaredMb * 1024 * 1024 }),
    },
  ]);
}

/** A part of `head`, `body` repeated `times` and `tail`, packed without being held unpacked. */
export const packedRepeated = (name: string, head: string, body: string, times: number, tail: string): PackedEntry => ({
  name,
  ...repeatedDeflate(head, body, times, tail),
});

/** A workbook of `parts` parts (each a tiny file beside a valid sheet): the directory walk's own limit. */
export function manyParts(parts: number): Buffer {
  const base = workbookParts(['Ark1'], [packed('xl/worksheets/sheet1.xml', `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`)]);
  const extra = Array.from({ length: parts - base.length }, (_, i) => packed(`customXml/item${i}.xml`, '<a/>'));
  return zipArchive([...base, ...extra]);
}
