import { resolve } from 'node:path';
import type { SmtpConfig } from './modules/mail/index.ts';

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
  databaseUrl: string | undefined;
  dataDir: string;
  /** Uploaded attachments (local file storage). */
  filesDir: string;
  /** Demo mode loads the demo networks on first start and shows the demo passwords on the login page. */
  demo: boolean;
  /**
   * Which proxies in front may tell the client's address and protocol (X-Forwarded-*): none, a number of hops
   * counted from this server, or their addresses. Never «every hop»: that lets a client pick its own address
   * and slip past the rate limits.
   */
  trustProxy: false | number | string[];
  oidc: OidcConfig | null;
  smtp: SmtpConfig | null;
  webRoot: string | null;
  logLevel: string;
}

/** Reads the configuration from the environment; see the README for every variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  const oidcIssuer = env.OIDC_ISSUER;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? 'data/pglite'),
    filesDir: resolve(env.FILES_DIR ?? 'data/files'),
    demo: (env.DEMO ?? (env.DATABASE_URL ? 'false' : 'true')) === 'true',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    oidc: oidcIssuer
      ? {
          issuer: oidcIssuer,
          clientId: required(env, 'OIDC_CLIENT_ID'),
          clientSecret: required(env, 'OIDC_CLIENT_SECRET'),
          label: env.OIDC_LABEL ?? 'Entra ID',
          scopes: env.OIDC_SCOPES ?? 'openid email profile',
        }
      : null,
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM ?? 'Digiregion <noreply@digiregion.no>' } : null,
    webRoot: resolve(env.WEB_ROOT ?? 'dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} must be set when OIDC_ISSUER is set`);
  return value;
}

/** TRUST_PROXY: unset or «false»; «true» for the one TLS-terminating proxy in front; a number of hops; or addresses and CIDRs. */
export function parseTrustProxy(value: string | undefined): false | number | string[] {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return 1;
  if (/^\d+$/.test(text)) return Number(text);
  return text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}
