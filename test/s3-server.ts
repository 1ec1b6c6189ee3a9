import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** The one key pair s3rver knows. */
export const S3_TEST_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface TestS3Server {
  /** Give to `s3FileStorage` as `endpoint` (path style). */
  endpoint: string;
  region: string;
  bucket: string;
  /** Every object key in the bucket, as the server stored it. */
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A real S3-compatible server (s3rver) on loopback with a bucket of its own, in a temporary folder.
 * s3rver checks that the access key exists but does not verify Signature V4, nor the payload hash or
 * Content-MD5; so it sits behind a front that checks all three as S3 does, and a signing mistake (a key
 * encoded twice, the wrong region, the wrong secret) fails here rather than in production.
 */
export async function startS3Server(options: { region?: string; bucket?: string } = {}): Promise<TestS3Server> {
  const region = options.region ?? 'eu-north-1';
  const bucket = options.bucket ?? 'digiregion-test';
  const directory = await mkdtemp(join(tmpdir(), 'digiregion-s3rver-'));
  const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const backend = await s3rver.run();

  const front = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const refusal = refusalOf(req, body, region);
      if (refusal) return sendS3Error(res, refusal.status, refusal.code);
      const forwarded = httpRequest(
        { host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forwarded.on('error', () => sendS3Error(res, 502, 'BadGateway'));
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    region,
    bucket,
    async keys() {
      const { objects } = await s3rver.store.listObjects(bucket, {});
      return objects.map((object) => object.key).sort();
    },
    async close() {
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await s3rver.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

function sendS3Error(res: ServerResponse, status: number, code: string) {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>refused by the test front</Message></Error>`);
}

/** S3's URI encoding: every byte but A–Z a–z 0–9 - _ . ~ as %XX. */
const uriEncode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** Why S3 would refuse this request, or null: Signature V4 in the Authorization header, payload hash, Content-MD5. */
function refusalOf(req: IncomingMessage, body: Buffer, region: string): { status: number; code: string } | null {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(',') : (value ?? '');
  };
  const auth =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      header('authorization'),
    );
  if (!auth) return { status: 403, code: 'AccessDenied' };
  const [, accessKeyId, date, signedRegion, signedHeaders, signature] = auth as unknown as string[];
  if (accessKeyId !== S3_TEST_CREDENTIALS.accessKeyId) return { status: 403, code: 'InvalidAccessKeyId' };
  if (signedRegion !== region) return { status: 400, code: 'AuthorizationHeaderMalformed' };
  const signed = signedHeaders!.split(';');
  if (!['host', 'x-amz-date', 'x-amz-content-sha256'].every((name) => signed.includes(name))) {
    return { status: 403, code: 'AccessDenied' };
  }

  const payloadHash = header('x-amz-content-sha256');
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256Hex(body)) return { status: 400, code: 'XAmzContentSHA256Mismatch' };
  const contentMd5 = header('content-md5');
  if (contentMd5 && contentMd5 !== createHash('md5').update(body).digest('base64')) return { status: 400, code: 'BadDigest' };

  const url = new URL(req.url ?? '/', 'http://front');
  const canonicalUri = url.pathname
    .split('/')
    .map((segment) => uriEncode(decodeURIComponent(segment)))
    .join('/');
  const canonicalQuery = [...url.searchParams]
    .map(([name, value]) => `${uriEncode(name)}=${uriEncode(value)}`)
    .sort()
    .join('&');
  const canonicalHeaders = signed.map((name) => `${name}:${header(name).trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [req.method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', header('x-amz-date'), scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = ['s3', 'aws4_request'].reduce(
    (key, part) => hmac(key, part),
    hmac(hmac(`AWS4${S3_TEST_CREDENTIALS.secretAccessKey}`, date!), region),
  );
  if (createHmac('sha256', signingKey).update(stringToSign).digest('hex') !== signature) {
    return { status: 403, code: 'SignatureDoesNotMatch' };
  }
  return null;
}
