import { resolve } from 'node:path';
import { z } from 'zod';
import { ACCESSIBILITY_REVIEWED_ON } from '../shared/accessibility/schema.ts';
import type { SmtpConfig } from './modules/mail/index.ts';
import type { StorageConfig } from './modules/storage/index.ts';
import type { RequestQueueLimits } from './plugins/request-queue.ts';
import { invalidTrustProxyEntries, parseTrustProxy, type TrustProxy } from './trust-proxy.ts';

export { parseTrustProxy } from './trust-proxy.ts';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the login button, e.g. "Logg inn med Entra ID". */
  label: string;
  scopes: string;
}

export interface AppConfig {
  port: number;
  host: string;
  /** The address people use, for links in e-mails and the OIDC redirect. */
  publicUrl: string;
  /** Whether link fields (a meeting's remote link) take http:// too; https:// only unless a test setup needs it. */
  allowHttpLinks: boolean;
  /** The accessibility statement's per-installation parts: where to report a deviation, and when it was last reviewed. */
  accessibility: { contact: string | null; reviewedOn: string };
  databaseUrl: string | undefined;
  /** PostgreSQL connections per instance. */
  databasePoolSize: number;
  dataDir: string;
  /** Uploaded attachments (local file storage). */
  filesDir: string;
  /** Where uploaded files live: a local folder, or an S3-compatible bucket that several instances share. */
  storage: StorageConfig;
  /** Demo mode loads the demo networks on first start and shows the demo passwords on the login page. */
  demo: boolean;
  /**
   * Which proxies in front may tell the client's address and protocol (X-Forwarded-*): none, a number of hops
   * counted from this server, or their addresses. Never «every hop»: that lets a client pick its own address
   * and slip past the rate limits.
   */
  trustProxy: TrustProxy;
  oidc: OidcConfig | null;
  smtp: SmtpConfig | null;
  /**
   * Development and tests only: every e-mail is also written here as an .eml file, personal links included, as a
   * mail server would receive it. Never set in production: the files hold what acts as each recipient.
   */
  mailDir: string | null;
  webRoot: string | null;
  /** Whether the web client's source maps (`*.map`, built only with WEB_SOURCE_MAPS=true too) are served. */
  webSourceMaps: boolean;
  logLevel: string;
  /** Whether this instance runs background jobs (e-mail, reminders); any number of instances may. */
  runJobs: boolean;
  /** Whether decision search answers are kept per instance until the meetings change; off only to measure the search. */
  searchCache: boolean;
  /** The internal Prometheus listener; port 0 turns it off. */
  metricsPort: number;
  metricsHost: string;
  /** How long a stop may take (requests in flight, the running job) before the process gives up and exits 1. */
  shutdownTimeoutMs: number;
  /** API reads worked on at once, and how many more may wait their turn (plugins/request-queue.ts). */
  requestQueue: RequestQueueLimits;
  /**
   * Hosts (`name` or `name:port`) an OParl history import may fetch from although they resolve to an internal address
   * (an intranet system, a test's own server). Every other internal address is refused.
   */
  oparlImportAllowedHosts: string[];
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A whole number in a range, from its decimal text. */
const integer = (min: number, max: number) => z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const url = (...protocols: string[]) => z.string().refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol));

/**
 * Every environment variable Digiregion reads, with what it expects (said in the message for a bad value).
 * `.env.example` lists the same names; a test keeps the two equal.
 */
const VARIABLES = {
  PORT: { schema: integer(0, 65535).default(3000), expected: 'a port number from 0 to 65535' },
  HOST: { schema: z.string().default('0.0.0.0'), expected: 'an address to listen on' },
  PUBLIC_URL: { schema: url('http:', 'https:').optional(), expected: 'an http:// or https:// address' },
  ALLOW_HTTP_LINKS: { schema: flag.default(false), expected: '"true" or "false"' },
  DATABASE_URL: { schema: url('postgres:', 'postgresql:').optional(), expected: 'a postgres:// or postgresql:// address' },
  DATABASE_POOL_SIZE: { schema: integer(1, 1000).default(10), expected: 'a whole number from 1 to 1000' },
  DATA_DIR: { schema: z.string().default('data/pglite'), expected: 'a folder' },
  FILES_DIR: { schema: z.string().default('data/files'), expected: 'a folder' },
  STORAGE: { schema: z.enum(['local', 's3']).default('local'), expected: '"local" or "s3"' },
  S3_ENDPOINT: { schema: url('http:', 'https:').optional(), expected: 'an http:// or https:// address' },
  S3_REGION: { schema: z.string().default('us-east-1'), expected: 'a region name' },
  S3_BUCKET: { schema: z.string().optional(), expected: "the bucket's name" },
  S3_ACCESS_KEY_ID: { schema: z.string().optional(), expected: 'the access key id' },
  S3_SECRET_ACCESS_KEY: { schema: z.string().optional(), expected: 'the secret access key' },
  S3_FORCE_PATH_STYLE: { schema: flag.default(true), expected: '"true" or "false"' },
  DEMO: { schema: flag.optional(), expected: '"true" or "false"' },
  TRUST_PROXY: {
    schema: z
      .string()
      .transform(parseTrustProxy)
      .refine((trust) => invalidTrustProxyEntries(trust).length === 0)
      .default(false),
    expected: '"false", "true", a number of proxies, or addresses and CIDRs separated by commas',
  },
  OIDC_ISSUER: { schema: url('http:', 'https:').optional(), expected: "the OpenID Connect provider's https:// address" },
  OIDC_CLIENT_ID: { schema: z.string().optional(), expected: 'the client id' },
  OIDC_CLIENT_SECRET: { schema: z.string().optional(), expected: 'the client secret' },
  OIDC_LABEL: { schema: z.string().default('Entra ID'), expected: "the login button's text" },
  OIDC_SCOPES: { schema: z.string().default('openid email profile'), expected: 'scopes separated by spaces' },
  SMTP_URL: { schema: url('smtp:', 'smtps:').optional(), expected: 'an smtp:// or smtps:// address' },
  SMTP_FROM: { schema: z.string().default('Digiregion <noreply@digiregion.no>'), expected: 'a sender address' },
  MAIL_DIR: { schema: z.string().min(1).optional(), expected: 'a folder' },
  WEB_ROOT: { schema: z.string().default('dist/web'), expected: 'the folder of the built web client' },
  WEB_SOURCE_MAPS: { schema: flag.default(false), expected: '"true" or "false"' },
  LOG_LEVEL: { schema: z.enum(LOG_LEVELS).default('info'), expected: `one of ${LOG_LEVELS.join(', ')}` },
  RUN_JOBS: { schema: flag.default(true), expected: '"true" or "false"' },
  SEARCH_CACHE: { schema: flag.default(true), expected: '"true" or "false"' },
  METRICS_PORT: { schema: integer(0, 65535).default(9464), expected: 'a port number from 0 to 65535 (0 turns metrics off)' },
  METRICS_HOST: { schema: z.string().default('127.0.0.1'), expected: 'an address to listen on' },
  SHUTDOWN_TIMEOUT_MS: { schema: integer(1, 3_600_000).default(30_000), expected: 'milliseconds, a whole number from 1 to 3600000' },
  MAX_ACTIVE_REQUESTS: { schema: integer(1, 10_000).default(8), expected: 'a whole number from 1 to 10000' },
  MAX_WAITING_REQUESTS: { schema: integer(0, 1_000_000).default(1000), expected: 'a whole number from 0 to 1000000' },
  MAX_REQUEST_WAIT_MS: { schema: integer(1, 600_000).default(10_000), expected: 'milliseconds, a whole number from 1 to 600000' },
  OPARL_IMPORT_ALLOWED_HOSTS: {
    schema: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((host) => host.trim().toLowerCase())
          .filter(Boolean),
      ),
    expected: 'host names (or host:port) separated by commas',
  },
  ACCESSIBILITY_CONTACT: { schema: z.email().optional(), expected: 'an e-mail address' },
  ACCESSIBILITY_REVIEWED: { schema: z.iso.date().default(ACCESSIBILITY_REVIEWED_ON), expected: 'a date, YYYY-MM-DD' },
} as const;

type VariableName = keyof typeof VARIABLES;
export const CONFIG_VARIABLES = Object.keys(VARIABLES) as VariableName[];

/** Values that must not be echoed into a log. */
const SECRET: ReadonlySet<VariableName> = new Set([
  'DATABASE_URL',
  'SMTP_URL',
  'OIDC_CLIENT_SECRET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
]);

const ENV_SCHEMA = z.object(
  Object.fromEntries(Object.entries(VARIABLES).map(([name, v]) => [name, v.schema])) as {
    [K in VariableName]: (typeof VARIABLES)[K]['schema'];
  },
);

/** The configuration is wrong; `problems` names each bad or missing variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The configuration has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} (see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/**
 * Reads and checks the configuration from the environment; see .env.example for every variable.
 * Throws a ConfigError that lists every problem at once. A variable set to the empty string counts as unset.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Partial<Record<VariableName, string>> = {};
  for (const name of CONFIG_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') raw[name] = value.trim();
  }
  const given = (name: VariableName) => {
    const value = raw[name];
    if (value === undefined) return 'not set';
    return SECRET.has(name) ? 'set (value hidden)' : `got "${value}"`;
  };
  const problem = (name: VariableName, note = '') => `${name}: ${given(name)}, expected ${VARIABLES[name].expected}${note}`;

  const problems: string[] = [];
  const parsed = ENV_SCHEMA.safeParse(raw);
  if (!parsed.success) {
    const names = new Set(parsed.error.issues.map((issue) => issue.path[0] as VariableName));
    for (const name of names) problems.push(problem(name));
  }
  const requireWhen = (condition: string, names: VariableName[]) => {
    for (const name of names) if (raw[name] === undefined) problems.push(problem(name, ` (required when ${condition})`));
  };
  if (raw.OIDC_ISSUER !== undefined) requireWhen('OIDC_ISSUER is set', ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']);
  if (raw.STORAGE === 's3') requireWhen('STORAGE=s3', ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']);
  if (parsed.success && parsed.data.METRICS_PORT !== 0 && parsed.data.METRICS_PORT === parsed.data.PORT) {
    const value = raw.METRICS_PORT === undefined ? `the default ${parsed.data.METRICS_PORT}` : `"${raw.METRICS_PORT}"`;
    problems.push(`METRICS_PORT: ${value} is the same as PORT, expected another port (or 0 to turn metrics off)`);
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const v = parsed.data;
  const filesDir = resolve(v.FILES_DIR);
  return {
    port: v.PORT,
    host: v.HOST,
    publicUrl: v.PUBLIC_URL ?? `http://localhost:${v.PORT}`,
    allowHttpLinks: v.ALLOW_HTTP_LINKS,
    accessibility: { contact: v.ACCESSIBILITY_CONTACT ?? null, reviewedOn: v.ACCESSIBILITY_REVIEWED },
    databaseUrl: v.DATABASE_URL,
    databasePoolSize: v.DATABASE_POOL_SIZE,
    dataDir: resolve(v.DATA_DIR),
    filesDir,
    storage:
      v.STORAGE === 's3'
        ? {
            kind: 's3',
            endpoint: v.S3_ENDPOINT!,
            region: v.S3_REGION,
            bucket: v.S3_BUCKET!,
            accessKeyId: v.S3_ACCESS_KEY_ID!,
            secretAccessKey: v.S3_SECRET_ACCESS_KEY!,
            forcePathStyle: v.S3_FORCE_PATH_STYLE,
          }
        : { kind: 'local', dir: filesDir },
    demo: v.DEMO ?? v.DATABASE_URL === undefined,
    trustProxy: v.TRUST_PROXY,
    oidc: v.OIDC_ISSUER
      ? {
          issuer: v.OIDC_ISSUER,
          clientId: v.OIDC_CLIENT_ID!,
          clientSecret: v.OIDC_CLIENT_SECRET!,
          label: v.OIDC_LABEL,
          scopes: v.OIDC_SCOPES,
        }
      : null,
    smtp: v.SMTP_URL ? { url: v.SMTP_URL, from: v.SMTP_FROM } : null,
    mailDir: v.MAIL_DIR ? resolve(v.MAIL_DIR) : null,
    webRoot: resolve(v.WEB_ROOT),
    webSourceMaps: v.WEB_SOURCE_MAPS,
    logLevel: v.LOG_LEVEL,
    runJobs: v.RUN_JOBS,
    searchCache: v.SEARCH_CACHE,
    metricsPort: v.METRICS_PORT,
    metricsHost: v.METRICS_HOST,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    requestQueue: { active: v.MAX_ACTIVE_REQUESTS, waiting: v.MAX_WAITING_REQUESTS, waitMs: v.MAX_REQUEST_WAIT_MS },
    oparlImportAllowedHosts: v.OPARL_IMPORT_ALLOWED_HOSTS,
  };
}
