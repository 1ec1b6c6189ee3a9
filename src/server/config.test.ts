import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, type TestApp } from '../../test/harness.ts';
import { CONFIG_VARIABLES, ConfigError, parseTrustProxy, readConfig } from './config.ts';

/** The problems readConfig reports for an environment, or none. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    readConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('configuration from the environment', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:3000',
      allowHttpLinks: false,
      databaseUrl: undefined,
      databasePoolSize: 10,
      demo: true,
      trustProxy: false,
      oidc: null,
      smtp: null,
      logLevel: 'info',
      runJobs: true,
      searchCache: true,
      metricsPort: 9464,
      metricsHost: '127.0.0.1',
      shutdownTimeoutMs: 30_000,
      requestQueue: { active: 8, waiting: 1000, waitMs: 10_000 },
    });
    expect(config.storage).toEqual({ kind: 'local', dir: config.filesDir });
  });

  it('reads every kind of value, and counts an empty value as unset', () => {
    const config = readConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://digiregion.example.no',
      DATABASE_URL: 'postgres://app:hemmelig@db:5432/digiregion',
      DATABASE_POOL_SIZE: '25',
      DEMO: '',
      RUN_JOBS: 'false',
      SEARCH_CACHE: 'false',
      METRICS_PORT: '0',
      SHUTDOWN_TIMEOUT_MS: '5000',
      MAX_ACTIVE_REQUESTS: '16',
      MAX_WAITING_REQUESTS: '0',
      MAX_REQUEST_WAIT_MS: '2500',
      LOG_LEVEL: 'debug',
      OIDC_ISSUER: 'https://login.example.no',
      OIDC_CLIENT_ID: 'digiregion',
      OIDC_CLIENT_SECRET: 'hemmelig',
      SMTP_URL: 'smtps://u:p@smtp.example.no',
    });
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'https://digiregion.example.no',
      databasePoolSize: 25,
      demo: false,
      runJobs: false,
      searchCache: false,
      metricsPort: 0,
      shutdownTimeoutMs: 5000,
      requestQueue: { active: 16, waiting: 0, waitMs: 2500 },
      logLevel: 'debug',
      oidc: {
        issuer: 'https://login.example.no',
        clientId: 'digiregion',
        clientSecret: 'hemmelig',
        label: 'Entra ID',
        scopes: 'openid email profile',
      },
      smtp: { url: 'smtps://u:p@smtp.example.no', from: 'Digiregion <noreply@digiregion.no>' },
    });
  });

  it('gives S3 storage with its defaults when STORAGE=s3 has what it needs', () => {
    const config = readConfig({
      STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'vedlegg',
      S3_ACCESS_KEY_ID: 'nokkel',
      S3_SECRET_ACCESS_KEY: 'hemmelig',
    });
    expect(config.storage).toEqual({
      kind: 's3',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      bucket: 'vedlegg',
      accessKeyId: 'nokkel',
      secretAccessKey: 'hemmelig',
      forcePathStyle: true,
    });
    expect(
      readConfig({
        STORAGE: 's3',
        S3_ENDPOINT: 'http://s3',
        S3_BUCKET: 'b',
        S3_ACCESS_KEY_ID: 'a',
        S3_SECRET_ACCESS_KEY: 's',
        S3_FORCE_PATH_STYLE: 'false',
      }).storage,
    ).toMatchObject({
      forcePathStyle: false,
    });
  });

  it('lists every bad or missing value at once, naming the variable, what was given and what is expected', () => {
    expect(
      problemsOf({
        PORT: 'abc',
        DATABASE_POOL_SIZE: '0',
        DEMO: 'ja',
        LOG_LEVEL: 'verbose',
        TRUST_PROXY: '10.0.0.0/8, ikke-en-adresse',
        STORAGE: 's3',
        S3_ENDPOINT: 'ftp://s3',
        S3_SECRET_ACCESS_KEY: 'hemmelig',
        OIDC_ISSUER: 'https://login.example.no',
        SHUTDOWN_TIMEOUT_MS: '-1',
        MAX_ACTIVE_REQUESTS: '0',
        MAX_WAITING_REQUESTS: '-1',
        MAX_REQUEST_WAIT_MS: '0',
      }),
    ).toEqual([
      'PORT: got "abc", expected a port number from 0 to 65535',
      'DATABASE_POOL_SIZE: got "0", expected a whole number from 1 to 1000',
      'S3_ENDPOINT: got "ftp://s3", expected an http:// or https:// address',
      'DEMO: got "ja", expected "true" or "false"',
      'TRUST_PROXY: got "10.0.0.0/8, ikke-en-adresse", expected "false", "true", a number of proxies, or addresses and CIDRs separated by commas',
      'LOG_LEVEL: got "verbose", expected one of fatal, error, warn, info, debug, trace, silent',
      'SHUTDOWN_TIMEOUT_MS: got "-1", expected milliseconds, a whole number from 1 to 3600000',
      'MAX_ACTIVE_REQUESTS: got "0", expected a whole number from 1 to 10000',
      'MAX_WAITING_REQUESTS: got "-1", expected a whole number from 0 to 1000000',
      'MAX_REQUEST_WAIT_MS: got "0", expected milliseconds, a whole number from 1 to 600000',
      'OIDC_CLIENT_ID: not set, expected the client id (required when OIDC_ISSUER is set)',
      'OIDC_CLIENT_SECRET: not set, expected the client secret (required when OIDC_ISSUER is set)',
      "S3_BUCKET: not set, expected the bucket's name (required when STORAGE=s3)",
      'S3_ACCESS_KEY_ID: not set, expected the access key id (required when STORAGE=s3)',
    ]);
  });

  it('never repeats a secret in its message', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://app:hemmelig@db/digiregion', SMTP_URL: 'http://u:hemmelig@smtp' });
    expect(problems).toEqual([
      'DATABASE_URL: set (value hidden), expected a postgres:// or postgresql:// address',
      'SMTP_URL: set (value hidden), expected an smtp:// or smtps:// address',
    ]);
  });

  it('refuses a metrics listener on the public port', () => {
    expect(problemsOf({ PORT: '9464' })).toEqual([
      'METRICS_PORT: the default 9464 is the same as PORT, expected another port (or 0 to turn metrics off)',
    ]);
    expect(problemsOf({ PORT: '9464', METRICS_PORT: '0' })).toEqual([]);
  });

  it('.env.example names exactly the variables the configuration knows', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const named = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect([...named].sort()).toEqual([...CONFIG_VARIABLES].sort());
    expect(new Set(named).size).toBe(named.length);
  });

  it('.env.example as it stands gives the defaults', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const env = Object.fromEntries([...example.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(readConfig(env)).toEqual(readConfig({}));
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy, one, a number of hops, or the listed addresses, never every hop', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1')).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });
});

describe.each(DATABASE_KINDS)('behind one trusted proxy, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { trustProxy: 1 });
  });
  afterAll(() => t.close());

  it('a client that writes its own X-Forwarded-For still shares the rate limit of the address the proxy saw', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        // The client's forged first hop changes every time; the proxy appends the address it really saw.
        headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
        payload: { email: 'ingen@example.no', password: 'feil-passord' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
