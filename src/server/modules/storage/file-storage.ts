/**
 * Where uploaded files live. The database keeps the metadata and checksum; the bytes sit behind this
 * interface so several instances can share an object store instead of a local folder.
 */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** Rejects with MissingFileError when nothing is stored under `key`. */
  get(key: string): Promise<Buffer>;
  /**
   * Takes back a file put for a request that then failed (see storeWith). Nothing a row refers to is ever removed:
   * documents are never hard-deleted. Removing a key with nothing stored is no error.
   */
  remove(key: string): Promise<void>;
}

/** A storage as configured at start: what the modules use, plus a check that it can be reached. */
export interface ConfiguredFileStorage extends FileStorage {
  /** Resolves when the storage is reachable and usable; rejects with a message naming the settings to fix. */
  check(): Promise<void>;
  /** For the start-up log, without secrets: «local folder /srv/files», «S3 bucket x at https://…». */
  description: string;
}

/**
 * Nothing is stored under the key. Every storage rejects with this one error, so a document row whose
 * file is gone answers the same (an unhandled 500, logged) whichever storage is configured.
 */
export class MissingFileError extends Error {
  constructor(
    readonly key: string,
    options?: ErrorOptions,
  ) {
    super(`no file stored under ${key}`, options);
    this.name = 'MissingFileError';
  }
}

/**
 * Keys are relative paths of plain segments. Empty, «.» and «..» segments are refused everywhere: a folder
 * would resolve them out of its root, and a URL would normalise them into another key.
 */
export function assertStorageKey(key: string): void {
  const segments = key.split('/');
  const bad =
    key.includes('\\') ||
    /[\u0000-\u001f\u007f]/.test(key) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..');
  if (bad) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}
