import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3_TEST_CREDENTIALS, startS3Server, type TestS3Server } from '../../../../test/s3-server.ts';
import { fileStorageFor, MissingFileError, S3StorageError, storeWith, type ConfiguredFileStorage } from './index.ts';
import { objectUrl } from './s3.ts';

interface Backend {
  name: string;
  start(): Promise<{ storage: ConfiguredFileStorage; stop: () => Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'local folder',
    async start() {
      const dir = await mkdtemp(join(tmpdir(), 'digiregion-files-'));
      return { storage: fileStorageFor({ kind: 'local', dir }), stop: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'S3 (s3rver on loopback)',
    async start() {
      const server = await startS3Server();
      const storage = fileStorageFor({ kind: 's3', ...s3Settings(server) });
      return { storage, stop: () => server.close() };
    },
  },
];

const s3Settings = (server: TestS3Server) => ({
  endpoint: server.endpoint,
  region: server.region,
  bucket: server.bucket,
  ...S3_TEST_CREDENTIALS,
  forcePathStyle: true,
});

// The same contract for every storage: the modules must not be able to tell which one they were given.
describe.each(backends)('file storage contract: $name', (backend) => {
  let storage: ConfiguredFileStorage;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, stop } = await backend.start());
  });
  afterAll(() => stop());

  it('passes its start-up check', async () => {
    await expect(storage.check()).resolves.toBeUndefined();
  });

  it('gives back exactly the bytes it was given, zero bytes and all', async () => {
    const bytes = Buffer.concat([Buffer.alloc(16), randomBytes(4096), Buffer.from([0, 255, 0, 13, 10, 0])]);
    await storage.put('cases/binary.pdf', bytes);
    expect((await storage.get('cases/binary.pdf')).equals(bytes)).toBe(true);
  });

  it('keeps a 5 MB file whole', async () => {
    const bytes = randomBytes(5 * 1024 * 1024);
    await storage.put('projects/large.pdf', bytes);
    const back = await storage.get('projects/large.pdf');
    expect(back.length).toBe(bytes.length);
    expect(back.equals(bytes)).toBe(true);
  });

  it('replaces a file put again under the same key', async () => {
    await storage.put('status-reports/overwrite.pdf', Buffer.from('first version, the longer one'));
    await storage.put('status-reports/overwrite.pdf', Buffer.from('second'));
    expect((await storage.get('status-reports/overwrite.pdf')).toString()).toBe('second');
  });

  it('keeps keys with Norwegian letters, spaces, signs and nested folders apart', async () => {
    const keys = [
      'møter/2026/sak 12 – Bodø.pdf',
      'moter/2026/sak 12 – Bodo.pdf',
      'Æ Ø Å/æøå ÆØÅ/vedlegg (1).docx',
      "tegn/a+b & c=d 50% #1 ?x 'y' *z*.xlsx",
      'a/b/c/d/e/f/dypt.pdf',
    ];
    for (const [i, key] of keys.entries()) await storage.put(key, Buffer.from(`file ${i}`));
    for (const [i, key] of keys.entries()) expect((await storage.get(key)).toString()).toBe(`file ${i}`);
  });

  it('rejects with MissingFileError for a key with nothing stored, or only a folder', async () => {
    await storage.put('cases/present/file.pdf', Buffer.from('x'));
    for (const key of ['cases/absent.pdf', 'never/was/here.pdf', 'cases/present', 'cases/present/file.pdf/below']) {
      const error = await storage.get(key).catch((e: unknown) => e);
      expect(error, key).toBeInstanceOf(MissingFileError);
      expect((error as MissingFileError).key).toBe(key);
    }
  });

  it('removes a file, and takes the removal of a key with nothing stored as done', async () => {
    await storage.put('cases/orphan/file.pdf', Buffer.from('x'));
    await storage.put('cases/orphan/kept.pdf', Buffer.from('y'));
    await storage.remove('cases/orphan/file.pdf');
    await expect(storage.get('cases/orphan/file.pdf')).rejects.toBeInstanceOf(MissingFileError);
    expect((await storage.get('cases/orphan/kept.pdf')).toString()).toBe('y');
    await expect(storage.remove('cases/orphan/file.pdf')).resolves.toBeUndefined();
    await expect(storage.remove('never/was/here.pdf')).resolves.toBeUndefined();
  });

  it('refuses keys that are not plain relative paths, before storing anything', async () => {
    for (const key of [
      '../outside.pdf',
      'cases/../../outside.pdf',
      '/absolute.pdf',
      'cases//double.pdf',
      'cases/./dot.pdf',
      '',
      'cases/',
      'a\\b.pdf',
      'nul\u0000.pdf',
    ]) {
      await expect(storage.put(key, Buffer.from('x')), JSON.stringify(key)).rejects.toThrow('invalid storage key');
      await expect(storage.get(key), JSON.stringify(key)).rejects.toThrow('invalid storage key');
      await expect(storage.remove(key), JSON.stringify(key)).rejects.toThrow('invalid storage key');
    }
  });

  it('keeps a file stored with what refers to it, and takes it back when that write fails (storeWith)', async () => {
    const row = await storeWith(storage, 'cases/with-row.pdf', Buffer.from('kept'), async () => 'row');
    expect(row).toBe('row');
    expect((await storage.get('cases/with-row.pdf')).toString()).toBe('kept');
    const failure = new Error('the transaction failed');
    await expect(
      storeWith(storage, 'cases/without-row.pdf', Buffer.from('orphan'), async () => {
        // The file is there while the write runs: a row never refers to a file that is not stored.
        expect((await storage.get('cases/without-row.pdf')).toString()).toBe('orphan');
        throw failure;
      }),
    ).rejects.toBe(failure);
    await expect(storage.get('cases/without-row.pdf')).rejects.toBeInstanceOf(MissingFileError);
  });
});

describe('local file storage', () => {
  let parent: string;
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'digiregion-files-'));
  });
  afterAll(() => rm(parent, { recursive: true, force: true }));

  it('never writes outside its folder and leaves no temporary file behind', async () => {
    const storage = fileStorageFor({ kind: 'local', dir: join(parent, 'files') });
    await expect(storage.put('../escaped.pdf', Buffer.from('x'))).rejects.toThrow('invalid storage key');
    await storage.put('cases/kept.pdf', Buffer.from('x'));
    expect(await readdir(parent)).toEqual(['files']);
    expect(await readdir(join(parent, 'files', 'cases'))).toEqual(['kept.pdf']);
  });

  it('fails its check naming FILES_DIR when the folder cannot be made', async () => {
    await writeFile(join(parent, 'a-file'), 'not a folder');
    const storage = fileStorageFor({ kind: 'local', dir: join(parent, 'a-file', 'files') });
    await expect(storage.check()).rejects.toThrow(/cannot be created or written; check FILES_DIR/);
  });
});

describe('S3 file storage', () => {
  let server: TestS3Server;
  beforeAll(async () => {
    server = await startS3Server({ region: 'eu-north-1', bucket: 'vedlegg' });
  });
  afterAll(() => server.close());

  it('stores each key as the object of that exact name, encoded once', async () => {
    const storage = fileStorageFor({ kind: 's3', ...s3Settings(server) });
    await storage.put('møter/sak 1 (ny).pdf', Buffer.from('x'));
    await storage.put('a+b%20c.pdf', Buffer.from('y'));
    expect(await server.keys()).toEqual(['a+b%20c.pdf', 'møter/sak 1 (ny).pdf']);
  });

  it('is refused with S3’s own error code for a wrong secret, an unknown key id or the wrong region', async () => {
    const cases = [
      { change: { secretAccessKey: 'wrong' }, status: 403, code: 'SignatureDoesNotMatch' },
      { change: { accessKeyId: 'NOBODY' }, status: 403, code: 'InvalidAccessKeyId' },
      { change: { region: 'us-east-1' }, status: 400, code: 'AuthorizationHeaderMalformed' },
    ];
    for (const { change, status, code } of cases) {
      const storage = fileStorageFor({ kind: 's3', ...s3Settings(server), ...change });
      // One at a time: a refusal nobody awaits yet is an unhandled rejection.
      for (const attempt of [() => storage.put('refused.pdf', Buffer.from('x')), () => storage.get('refused.pdf')]) {
        const error = await attempt().catch((e: unknown) => e);
        expect(error, code).toBeInstanceOf(S3StorageError);
        expect(error, code).toMatchObject({ status, code });
      }
    }
    expect(await server.keys()).not.toContain('refused.pdf');
  });

  it('tells in its check which setting to fix', async () => {
    const check = (change: object) => fileStorageFor({ kind: 's3', ...s3Settings(server), ...change }).check();
    await expect(check({ bucket: 'no-such-bucket' })).rejects.toThrow(/404: the bucket does not exist; check S3_BUCKET/);
    await expect(check({ secretAccessKey: 'wrong' })).rejects.toThrow(
      /403: access denied; check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/,
    );
    await expect(check({ endpoint: `http://127.0.0.1:${await closedPort()}` })).rejects.toThrow(/could not be reached; check S3_ENDPOINT/);
  });

  it('addresses objects path style, or virtual-hosted style with the bucket in the host name', () => {
    const settings = { endpoint: 'https://s3.example.no/prefix/', bucket: 'vedlegg' };
    expect(objectUrl({ ...settings, forcePathStyle: true }, 'møter/sak 1.pdf').href).toBe(
      'https://s3.example.no/prefix/vedlegg/m%C3%B8ter/sak%201.pdf',
    );
    expect(objectUrl({ ...settings, forcePathStyle: false }, 'møter/sak 1.pdf').href).toBe(
      'https://vedlegg.s3.example.no/prefix/m%C3%B8ter/sak%201.pdf',
    );
    expect(objectUrl({ ...settings, forcePathStyle: true }).href).toBe('https://s3.example.no/prefix/vedlegg');
    expect(objectUrl({ ...settings, forcePathStyle: false }).href).toBe('https://vedlegg.s3.example.no/prefix/');
  });
});

/** A loopback port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
