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
