import { localFileStorage } from './local.ts';
import { s3FileStorage, type S3StorageOptions } from './s3.ts';
import type { ConfiguredFileStorage } from './file-storage.ts';

export { MissingFileError, type ConfiguredFileStorage, type FileStorage } from './file-storage.ts';
export { localFileStorage } from './local.ts';
export {
  acceptUploads,
  checkUpload,
  cleanFileName,
  detectUploadKind,
  MAX_UPLOAD_BYTES,
  storeWith,
  UPLOAD_CONTENT_TYPES,
  UPLOAD_KINDS,
  type CheckedUpload,
  type UploadKind,
} from './uploads.ts';
export { S3StorageError, s3FileStorage, type S3StorageOptions } from './s3.ts';

/**
 * The config of a read route that reads a stored file: it waits on the storage (a bucket over the network, perhaps),
 * not on this process, so it takes no turn in the request queue and holds no read's place while it waits (decision 0017).
 */
export const FROM_STORAGE = { unqueued: true } as const;

/** Where attachments are kept: a local folder (the default), or a bucket in an S3-compatible object store. */
export type StorageConfig = { kind: 'local'; dir: string } | ({ kind: 's3' } & S3StorageOptions);

/** The one file storage the configuration asks for; build it once at start and give it to every module. */
export function fileStorageFor(config: StorageConfig): ConfiguredFileStorage {
  switch (config.kind) {
    case 'local':
      return localFileStorage(config.dir);
    case 's3': {
      const { kind: _kind, ...options } = config;
      return s3FileStorage(options);
    }
  }
}
