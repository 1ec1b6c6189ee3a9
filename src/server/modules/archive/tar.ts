/**
 * The tar format (POSIX ustar), written and read here rather than by a package: an extract needs plain files with
 * fixed metadata, and the reader has to hash each file as it streams past, never holding one whole.
 *
 * Writing: a 512-byte header per file, the bytes, zeros to the next 512-byte block, and two zero blocks at the end.
 * Every header carries the same mode, owner and time, so the same files always make the same tar.
 */

const BLOCK = 512;
export const TAR_END = Buffer.alloc(2 * BLOCK);

export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}

/** Zeros to fill a file of `size` bytes up to the next block. */
export const tarPadding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** The tar's whole length for files of these sizes. */
export const tarLength = (sizes: number[]) =>
  sizes.reduce((total, size) => total + BLOCK + size + ((BLOCK - (size % BLOCK)) % BLOCK), 0) + TAR_END.length;

function writeOctal(header: Buffer, value: number, offset: number, length: number) {
  header.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'ascii');
}

/** ustar keeps a path in `name` (100 bytes) and, when longer, the part before a slash in `prefix` (155 bytes). */
function splitPath(path: string): { name: string; prefix: string } {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  for (let i = path.length - 1; i > 0; i--) {
    if (path[i] !== '/') continue;
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix };
  }
  throw new TarFormatError(`path too long for a tar header: ${path}`);
}

/** The header of a regular file. */
export function tarHeader(path: string, size: number, mtime: Date): Buffer {
  const header = Buffer.alloc(BLOCK);
  const { name, prefix } = splitPath(path);
  header.write(name, 0, 100, 'utf8');
  writeOctal(header, 0o644, 100, 8);
  writeOctal(header, 0, 108, 8);
  writeOctal(header, 0, 116, 8);
  writeOctal(header, size, 124, 12);
  writeOctal(header, Math.floor(mtime.getTime() / 1000), 136, 12);
  header.fill(' ', 148, 156);
  header.write('0', 156, 1, 'ascii');
  header.write('ustar\0', 257, 6, 'ascii');
  header.write('00', 263, 2, 'ascii');
  header.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return header;
}

// ---------------------------------------------------------------- reading

export interface TarEntry {
  path: string;
  size: number;
  /** '0' (or NUL) a file, '5' a directory; others (links, devices) are reported but have no content to read. */
  type: string;
}

/** What to do with one entry's bytes: told every chunk in order, then the end. */
export interface TarEntrySink {
  data(chunk: Buffer): void;
  end(): void;
}

function readString(block: Buffer, offset: number, length: number): string {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function readNumber(block: Buffer, offset: number, length: number, what: string): number {
  const raw = block.subarray(offset, offset + length);
  // GNU base-256 for sizes past the octal field's 8 GB.
  if ((raw[0]! & 0x80) !== 0) {
    let value = raw[0]! & 0x7f;
    for (let i = 1; i < raw.length; i++) value = value * 256 + raw[i]!;
    return value;
  }
  const text = raw.toString('ascii').replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError(`a tar header has a ${what} that is not a number`);
  return parseInt(text, 8);
}

function checksumOk(block: Buffer): boolean {
  const stored = readNumber(block, 148, 8, 'checksum');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
  return sum === stored;
}

/** `path=…` records of a PAX extended header (the only one read: long paths). */
function paxPath(data: Buffer): string | null {
  let rest = data.toString('utf8');
  let path: string | null = null;
  while (rest.length > 0) {
    const space = rest.indexOf(' ');
    const length = Number(rest.slice(0, space));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = Buffer.from(rest).subarray(0, length).toString('utf8');
    const [key, ...value] = record.slice(space + 1, -1).split('=');
    if (key === 'path') path = value.join('=');
    rest = Buffer.from(rest).subarray(length).toString('utf8');
  }
  return path;
}

/**
 * Reads a tar as it streams: each entry's header goes to `onEntry`, which answers a sink for its bytes (or null to
 * skip them). Nothing but the bytes not yet used of the last chunk is held. Throws TarFormatError on a damaged header
 * or a tar cut off before its end.
 */
export async function readTar(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onEntry: (entry: TarEntry) => TarEntrySink | null,
): Promise<void> {
  type State = 'header' | 'data' | 'padding' | 'done';
  const r: {
    state: State;
    /** Bytes left of the entry's data, or of its padding. */
    remaining: number;
    size: number;
    sink: TarEntrySink | null;
    /** The data of a PAX or GNU long-name header, which names the entry after it. */
    meta: Buffer[] | null;
    nextPath: string | null;
    zeroBlocks: number;
  } = { state: 'header', remaining: 0, size: 0, sink: null, meta: null, nextPath: null, zeroBlocks: 0 };

  const endEntry = (): State => {
    if (r.meta) {
      const data = Buffer.concat(r.meta);
      r.nextPath = paxPath(data) ?? (data.includes(0x3d) ? r.nextPath : data.toString('utf8').replace(/\0+$/, ''));
      r.meta = null;
    } else r.sink?.end();
    r.remaining = (BLOCK - (r.size % BLOCK)) % BLOCK;
    return r.remaining > 0 ? 'padding' : 'header';
  };

  const startEntry = (block: Buffer): State => {
    if (block.every((byte) => byte === 0)) {
      r.zeroBlocks++;
      return r.zeroBlocks === 2 ? 'done' : 'header';
    }
    r.zeroBlocks = 0;
    if (!checksumOk(block)) throw new TarFormatError('a tar header is damaged (its checksum does not match)');
    const type = block[156] === 0 ? '0' : String.fromCharCode(block[156]!);
    r.size = readNumber(block, 124, 12, 'size');
    const prefix = readString(block, 257, 6) === 'ustar' ? readString(block, 345, 155) : '';
    const name = readString(block, 0, 100);
    r.sink = null;
    r.meta = null;
    if (type === 'x' || type === 'L') r.meta = [];
    else {
      r.sink = onEntry({ path: r.nextPath ?? (prefix ? `${prefix}/${name}` : name), size: r.size, type });
      r.nextPath = null;
    }
    r.remaining = r.size;
    return r.size > 0 ? 'data' : endEntry();
  };

  let pending = Buffer.alloc(0);
  for await (const chunk of source) {
    pending = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
    let offset = 0;
    while (r.state !== 'done') {
      if (r.state === 'header') {
        if (pending.length - offset < BLOCK) break;
        r.state = startEntry(pending.subarray(offset, offset + BLOCK));
        offset += BLOCK;
        continue;
      }
      if (offset >= pending.length) break;
      const take = Math.min(r.remaining, pending.length - offset);
      if (r.state === 'data') {
        const part = pending.subarray(offset, offset + take);
        if (r.meta) r.meta.push(Buffer.from(part));
        else r.sink?.data(part);
      }
      offset += take;
      r.remaining -= take;
      if (r.remaining > 0) break;
      r.state = r.state === 'data' ? endEntry() : 'header';
    }
    pending = Buffer.from(pending.subarray(offset));
    if (r.state === 'done') break;
  }
  if (r.state !== 'done') throw new TarFormatError('the tar ends before its end blocks: it is cut off');
}
