import { createInflateRaw } from 'node:zlib';
import { SPREADSHEET_LIMITS } from '../../../shared/spreadsheets/limits.ts';
import { overLimit, unreadable } from './types.ts';

/**
 * The zip archive an XLSX workbook is, read from its central directory (APPNOTE.TXT 6.3), which lists every part with
 * its packed and unpacked size. The limits on the number of parts and the sum of the unpacked sizes are checked here,
 * from the directory alone, before a byte is unpacked; unpacking a part then stops the moment it gives more than the
 * directory declared, so a directory that lies about a bomb gains nothing.
 */

export interface ZipEntry {
  name: string;
  flags: number;
  /** 0 stored, 8 deflate. */
  method: number;
  packedSize: number;
  unpackedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** A zip archive starts with «PK». */
export const looksLikeZip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;

function view(bytes: Uint8Array) {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** An unsigned 64-bit field, refused when it is beyond what a JavaScript number holds exactly (no real file is). */
function u64(data: DataView, at: number): number {
  const value = data.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw unreadable('damaged');
  return Number(value);
}

/**
 * The archive's parts, with the limits on their number and unpacked size checked. Throws a refusal for a file that is
 * no zip archive, a damaged one, or one beyond the limits.
 */
export function readZipDirectory(bytes: Uint8Array, limits: { parts: number; unpackedBytes: number } = SPREADSHEET_LIMITS) {
  const data = view(bytes);
  // The end-of-directory record is the last thing in the file, followed only by a comment of at most 64 KiB.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - MAX16; at--) {
    if (data.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw unreadable('damaged');
  if (data.getUint16(end + 4, true) !== 0 || data.getUint16(end + 6, true) !== 0) throw unreadable('unsupported'); // split across disks
  let count: number = data.getUint16(end + 10, true);
  let directorySize: number = data.getUint32(end + 12, true);
  let directoryOffset: number = data.getUint32(end + 16, true);
  if (count === MAX16 || directorySize === MAX32 || directoryOffset === MAX32) {
    const locator = end - 20;
    if (locator < 0 || data.getUint32(locator, true) !== ZIP64_LOCATOR) throw unreadable('damaged');
    const record = u64(data, locator + 8);
    if (record + 56 > bytes.length || data.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) throw unreadable('damaged');
    count = u64(data, record + 32);
    directorySize = u64(data, record + 40);
    directoryOffset = u64(data, record + 48);
  }
  // Known before a single entry is read: a directory of a million entries is not even walked.
  if (count > limits.parts) throw overLimit('parts', count);
  if (directoryOffset + directorySize > bytes.length) throw unreadable('damaged');

  const entries: ZipEntry[] = [];
  let unpacked = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || data.getUint32(at, true) !== DIRECTORY_ENTRY) throw unreadable('damaged');
    const flags = data.getUint16(at + 8, true);
    const method = data.getUint16(at + 10, true);
    let packedSize: number = data.getUint32(at + 20, true);
    let unpackedSize: number = data.getUint32(at + 24, true);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    let localHeaderOffset: number = data.getUint32(at + 42, true);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > bytes.length) throw unreadable('damaged');
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + nameStart, nameLength).toString('utf8');
    if (unpackedSize === MAX32 || packedSize === MAX32 || localHeaderOffset === MAX32) {
      // The zip64 extra field holds the real values, in this order, of those set to 0xFFFFFFFF.
      let extra = extraStart;
      let found = false;
      while (extra + 4 <= extraStart + extraLength) {
        const id = data.getUint16(extra, true);
        const size = data.getUint16(extra + 2, true);
        if (id === 0x0001) {
          let field = extra + 4;
          const take = () => {
            if (field + 8 > extra + 4 + size) throw unreadable('damaged');
            const value = u64(data, field);
            field += 8;
            return value;
          };
          if (unpackedSize === MAX32) unpackedSize = take();
          if (packedSize === MAX32) packedSize = take();
          if (localHeaderOffset === MAX32) localHeaderOffset = take();
          found = true;
          break;
        }
        extra += 4 + size;
      }
      if (!found) throw unreadable('damaged');
    }
    unpacked += unpackedSize;
    entries.push({ name, flags, method, packedSize, unpackedSize, localHeaderOffset });
    at = next;
  }
  if (unpacked > limits.unpackedBytes) throw overLimit('unpackedBytes', unpacked);
  return entries;
}

/** Where a part's packed bytes are, from its local header (whose sizes may be zero: the directory's are used). */
function packedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || data.getUint32(at, true) !== LOCAL_HEADER) throw unreadable('damaged');
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
  if (start + entry.packedSize > bytes.length) throw unreadable('damaged');
  return bytes.subarray(start, start + entry.packedSize);
}

/**
 * A part's unpacked bytes, chunk by chunk, never more than the directory declared for it: one byte more and the
 * archive is refused as damaged, and unpacking stops there.
 */
export async function* unpack(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.flags & 0x1) throw unreadable('unsupported'); // encrypted
  const packed = packedBytes(bytes, entry);
  if (entry.method === 0) {
    if (entry.packedSize !== entry.unpackedSize) throw unreadable('damaged');
    for (let at = 0; at < packed.length; at += 1 << 20)
      yield Buffer.from(packed.buffer, packed.byteOffset + at, Math.min(1 << 20, packed.length - at));
    return;
  }
  if (entry.method !== 8) throw unreadable('unsupported');
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  inflater.end(packed);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.unpackedSize) throw unreadable('damaged');
      yield chunk;
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('Z_')) throw unreadable('damaged');
    throw error;
  } finally {
    inflater.destroy();
  }
  if (total !== entry.unpackedSize) throw unreadable('damaged');
}
