import { createHash, type Hash } from 'node:crypto';
import type { FileStorage } from '../storage/index.ts';
import { TAR_END, tarHeader, tarLength, tarPadding } from './tar.ts';

/** One file of an extract: its path below the extract's folder, its size and SHA-256, and the storage keys of its bytes. */
export interface PackageFile {
  path: string;
  size: number;
  sha256: string;
  storageKeys: string[];
}

/**
 * The extract as a tar, one file at a time: a file's parts are read from storage and passed on before the next is
 * read, so memory holds one part (at most a few megabytes, or one attachment), never the extract. Every entry lies in
 * the folder `root` and carries the extract's time, so the same extract always gives the same bytes.
 */
export async function* tarChunks(
  files: AsyncIterable<PackageFile> | Iterable<PackageFile>,
  storage: FileStorage,
  root: string,
  mtime: Date,
): AsyncGenerator<Buffer> {
  for await (const file of files) {
    yield tarHeader(`${root}/${file.path}`, file.size, mtime);
    let written = 0;
    for (const key of file.storageKeys) {
      const bytes = await storage.get(key);
      written += bytes.length;
      yield bytes;
    }
    // The size was fixed when the file was stored; bytes that changed since would break the tar itself.
    if (written !== file.size) throw new Error(`${file.path}: stored ${written} bytes, expected ${file.size}`);
    const padding = tarPadding(file.size);
    if (padding.length > 0) yield padding;
  }
  yield TAR_END;
}

export const packageSize = (files: PackageFile[]) => tarLength(files.map((f) => f.size));

/** The tar's SHA-256, computed by writing it to nowhere. */
export async function packageSha256(files: PackageFile[], storage: FileStorage, root: string, mtime: Date): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of tarChunks(files, storage, root, mtime)) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * A text file written to storage in parts of about `partBytes`, hashed and measured as it goes: the arkivstruktur.xml
 * of five years of a large network is tens of megabytes, and is never held whole.
 */
export class StoredTextFile {
  private chunks: string[] = [];
  private pendingLength = 0;
  private readonly hash: Hash = createHash('sha256');
  private size = 0;
  private readonly keys: string[] = [];

  constructor(
    private readonly storage: FileStorage,
    private readonly keyBase: string,
    private readonly partBytes = 4 * 1024 * 1024,
  ) {}

  async write(text: string): Promise<void> {
    this.chunks.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= this.partBytes) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.chunks.length === 0) return;
    const bytes = Buffer.from(this.chunks.join(''), 'utf8');
    this.chunks = [];
    this.pendingLength = 0;
    this.hash.update(bytes);
    this.size += bytes.length;
    const key = `${this.keyBase}.part-${String(this.keys.length + 1).padStart(4, '0')}`;
    await this.storage.put(key, bytes);
    this.keys.push(key);
  }

  async finish(path: string): Promise<PackageFile> {
    await this.flush();
    return { path, size: this.size, sha256: this.hash.digest('hex'), storageKeys: [...this.keys] };
  }
}

/** Stores one whole file and describes it. */
export async function storeFile(storage: FileStorage, key: string, path: string, bytes: Buffer): Promise<PackageFile> {
  await storage.put(key, bytes);
  return { path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), storageKeys: [key] };
}
