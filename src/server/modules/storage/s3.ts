import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { assertStorageKey, MissingFileError, type ConfiguredFileStorage } from './file-storage.ts';

export interface S3StorageOptions {
  /** The service address, e.g. `https://s3.eu-north-1.amazonaws.com` or `http://127.0.0.1:9000`. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` when true (what most self-hosted stores expect); `bucket.endpoint/key` when false. */
  forcePathStyle: boolean;
}

/** An object store that answered, but not with success. `code` is S3's own (`NoSuchBucket`, `AccessDenied`, …). */
export class S3StorageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'S3StorageError';
  }
}

// A hung store must not hold a request for ever; 25 MB over a slow link still fits well inside.
const REQUEST_TIMEOUT_MS = 120_000;
// aws4fetch retries 5xx and 429 with backoff; its default of 10 can wait close to a minute.
const RETRIES = 2;

/** RFC 3986 encoding of one path segment, the same S3 applies when it checks the signature. */
const encodeSegment = (segment: string) =>
  encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The address of an object (or of the bucket, without `key`), each key segment encoded once. */
export function objectUrl(options: Pick<S3StorageOptions, 'endpoint' | 'bucket' | 'forcePathStyle'>, key?: string): URL {
  const url = new URL(options.endpoint);
  const prefix = url.pathname.replace(/\/+$/, '');
  const keyPath = key === undefined ? '' : `/${key.split('/').map(encodeSegment).join('/')}`;
  if (options.forcePathStyle) {
    url.pathname = `${prefix}/${encodeSegment(options.bucket)}${keyPath}`;
  } else {
    url.hostname = `${options.bucket}.${url.hostname}`;
    url.pathname = `${prefix}${keyPath || '/'}`;
  }
  return url;
}

/** S3 answers errors as `<Error><Code>NoSuchKey</Code><Message>…</Message></Error>`; HEAD answers carry no body. */
async function errorOf(response: Response, what: string): Promise<S3StorageError> {
  const body = await response.text().catch(() => '');
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? `HTTP${response.status}`;
  const detail = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  return new S3StorageError(response.status, code, `S3 ${what}: ${response.status} ${code}${detail ? ` (${detail})` : ''}`);
}

/**
 * Files as objects in an S3-compatible store (AWS S3, MinIO, Ceph, Garage, the Norwegian clouds), one object per
 * key, signed with AWS Signature V4. The payload hash is signed and Content-MD5 sent, so the store refuses bytes
 * damaged on the way. One PUT per file: attachments are far below S3's 5 GB single-upload limit.
 */
export function s3FileStorage(options: S3StorageOptions): ConfiguredFileStorage {
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    service: 's3',
    region: options.region,
    retries: RETRIES,
  });
  const where = `bucket ${options.bucket} at ${options.endpoint}`;

  const send = async (method: string, url: URL, what: string, init: RequestInit = {}) => {
    try {
      return await client.fetch(url, { ...init, method, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      throw new Error(`S3 ${what}: ${where} could not be reached`, { cause: error });
    }
  };

  return {
    description: `S3 ${where}`,
    async put(key, bytes) {
      assertStorageKey(key);
      const what = `PUT ${options.bucket}/${key}`;
      const response = await send('PUT', objectUrl(options, key), what, {
        // A Buffer is a Uint8Array over an ArrayBuffer here (never shared memory), which is what fetch takes.
        body: bytes as Uint8Array<ArrayBuffer>,
        headers: {
          'Content-Length': String(bytes.length),
          'Content-Type': 'application/octet-stream',
          'Content-MD5': createHash('md5').update(bytes).digest('base64'),
          'X-Amz-Content-Sha256': createHash('sha256').update(bytes).digest('hex'),
        },
      });
      if (!response.ok) throw await errorOf(response, what);
      await response.body?.cancel();
    },
    async get(key) {
      assertStorageKey(key);
      const what = `GET ${options.bucket}/${key}`;
      const response = await send('GET', objectUrl(options, key), what);
      if (!response.ok) {
        const error = await errorOf(response, what);
        if (error.code === 'NoSuchKey') throw new MissingFileError(key, { cause: error });
        throw error;
      }
      return Buffer.from(await response.arrayBuffer());
    },
    async remove(key) {
      assertStorageKey(key);
      const what = `DELETE ${options.bucket}/${key}`;
      // S3 answers 204 whether or not the object was there.
      const response = await send('DELETE', objectUrl(options, key), what);
      if (!response.ok) throw await errorOf(response, what);
      await response.body?.cancel();
    },
    async check() {
      const response = await send('HEAD', objectUrl(options), `HEAD ${options.bucket}`).catch((error: unknown) => {
        throw new Error(`file storage: ${where} could not be reached; check S3_ENDPOINT`, { cause: error });
      });
      if (response.ok) return;
      const hint =
        response.status === 404
          ? 'the bucket does not exist; check S3_BUCKET (and S3_FORCE_PATH_STYLE)'
          : response.status === 403
            ? 'access denied; check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY'
            : response.status === 301 || response.status === 400
              ? 'the store refused the request; check S3_REGION and S3_ENDPOINT'
              : 'check S3_ENDPOINT, S3_BUCKET and S3_REGION';
      throw new Error(`file storage: ${where} answered ${response.status}: ${hint}`);
    },
  };
}
