import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { simpleParser } from 'mailparser';
import { inject } from 'vitest';
import { buildApp, type BuildOptions } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import { openDatabase, type Database, type Db } from '../src/server/db/client.ts';
import { networks, roleAssignments, users } from '../src/server/db/schema/index.ts';
import type { Role } from '../src/shared/auth/schema.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/server/demo/seed.ts';
import { SESSION_COOKIE, startSession } from '../src/server/modules/auth/index.ts';
import { DEMO_FILES_DIR, PG_TEMPLATE_DB, PGLITE_TEMPLATE_TAR } from './paths.ts';

export const DATABASE_KINDS = ['pglite', 'postgresql'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

/** The demo accounts by role, as the tests log in with them. */
export const USERS = {
  platformAdmin: DEMO_USERS[0]!.email,
  vesteralenAdmin: 'sekretariat@digivesteralen.no',
  helgelandAdmin: 'sekretariat@digitalehelgeland.no',
  lofotenAdmin: 'sekretariat@lofotenikt.no',
  sortlandEditor: 'kontakt@sortland.kommune.no',
  vesteralenMember: 'medlem@digivesteralen.no',
} as const;

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** An HTTP client against the app that keeps its session cookie and sends the CSRF token, like the web client. */
export class Client {
  cookie: string | null = null;
  csrfToken: string | null = null;
  /**
   * Each client comes from its own address, as people do: the login rate limit counts per address,
   * so tests that log in many times do not run into it. Pass one address to share a limit.
   */
  readonly remoteAddress: string;
  constructor(
    private readonly app: FastifyInstance,
    remoteAddress?: string,
  ) {
    this.remoteAddress = remoteAddress ?? nextAddress();
  }

  async request<T = any>(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response<T>> {
    const response = await this.app.inject({
      method,
      url,
      payload: payload as InjectOptions['payload'],
      remoteAddress: this.remoteAddress,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
    });
    const setCookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    if (setCookie) this.cookie = setCookie.value ? `${SESSION_COOKIE}=${setCookie.value}` : null;
    const body = response.headers['content-type']?.toString().includes('json') ? response.json<T>() : (response.body as T);
    return { status: response.statusCode, body, headers: response.headers };
  }

  get<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = any>(url: string, payload?: unknown) {
    return this.request<T>('POST', url, payload ?? {});
  }
  patch<T = any>(url: string, payload: unknown) {
    return this.request<T>('PATCH', url, payload);
  }
  put<T = any>(url: string, payload: unknown) {
    return this.request<T>('PUT', url, payload);
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }

  /** Logged in with a session of its own, as the login route would start it (without the password check's cost). */
  withSession(session: { token: string; csrfToken: string }): this {
    this.cookie = `${SESSION_COOKIE}=${session.token}`;
    this.csrfToken = session.csrfToken;
    return this;
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<this> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`login as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    this.csrfToken = response.body.csrfToken;
    return this;
  }
}

let addressCounter = 0;
function nextAddress(): string {
  addressCounter++;
  return `10.${process.pid % 250}.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
}

export interface RoleSpec {
  role: Role;
  networkId?: string | null;
  municipalityNumber?: string | null;
}

export interface TestApp {
  kind: DatabaseKind;
  app: FastifyInstance;
  database: Database;
  db: Db;
  /** The app's local file storage folder (a test may damage a stored file on purpose). */
  filesDir: string;
  anonymous(): Client;
  as(email: string): Promise<Client>;
  networkId(slug: string): Promise<string>;
  /**
   * Every e-mail sent so far, oldest first, as its recipient gets it (personal links included): read from the
   * app's MAIL_DIR, where the e-mail job writes each message. Run the jobs first (`app.jobs.drain()`).
   */
  mail(): Promise<SentMail[]>;
  /** A new account with the demo password and the given roles, straight in the database (no e-mail, no audit). */
  createUser(
    roles?: RoleSpec[],
    fields?: { email?: string; name?: string; language?: 'nb' | 'nn' | 'en' },
  ): Promise<{ id: string; email: string }>;
  close(): Promise<void>;
}

/** An e-mail as it left the platform. */
export interface SentMail {
  to: string;
  subject: string;
  text: string;
}

/** Opens a private copy of the prepared demo database of the given kind. */
async function openCopy(kind: DatabaseKind): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    // In memory: the tests do not need the data on disk, and PGlite's file system calls there cost a tenth of their time.
    const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE_TAR)]) });
    return { database: await openDatabase({ pglite }), dispose: async () => undefined };
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = `digiregion_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${PG_TEMPLATE_DB}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    database,
    dispose: async () => {
      // pool.end() can resolve before the server has seen every connection go; dropping with force
      // then kills a closing connection, whose error surfaces as an uncaught exception. Wait for them.
      for (let i = 0; i < 50; i++) {
        const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0]?.n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export async function startTestApp(
  kind: DatabaseKind,
  configOverrides: Partial<ReturnType<typeof readConfig>> = {},
  buildOverrides: Pick<BuildOptions, 'logger' | 'logStream'> = {},
): Promise<TestApp> {
  const { database, dispose } = await openCopy(kind);
  const filesDir = mkdtempSync(join(tmpdir(), 'digiregion-files-'));
  const mailDir = mkdtempSync(join(tmpdir(), 'digiregion-mail-'));
  const config = {
    // An OParl history import may fetch from this host: test/access-routes.ts serves its OParl source here.
    ...readConfig({ PUBLIC_URL: 'http://localhost:3999', DEMO: 'true', OPARL_IMPORT_ALLOWED_HOSTS: '127.0.0.1' }),
    webRoot: null,
    filesDir,
    storage: { kind: 'local' as const, dir: filesDir },
    mailDir,
    ...configOverrides,
  };
  // Each file is read once: a test file sends hundreds of messages and asks for them many times.
  const read = new Map<string, SentMail>();
  // The demo's files beside its rows, so that a demo document can be downloaded.
  if (existsSync(DEMO_FILES_DIR)) cpSync(DEMO_FILES_DIR, filesDir, { recursive: true });
  const app = await buildApp({ config, database, runJobs: false, logger: false, demoUsers: [], ...buildOverrides });
  await app.ready();
  let demoHash: string | null = null;
  let userCounter = 0;
  return {
    kind,
    app,
    database,
    db: database.db,
    filesDir,
    anonymous: () => new Client(app),
    // A session started as the login route starts it: the tests log in some two thousand times, the login route's own
    // tests check the password (src/server/modules/auth/routes.test.ts).
    as: async (email: string) => {
      const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()));
      if (!user) throw new Error(`no account ${email}`);
      return new Client(app).withSession(await startSession(database.db, user.id));
    },
    networkId: async (slug: string) => {
      const [row] = await database.db.select({ id: networks.id }).from(networks).where(eq(networks.slug, slug));
      if (!row) throw new Error(`no network ${slug}`);
      return row.id;
    },
    mail: async () => {
      const dir = config.mailDir;
      if (!dir || !existsSync(dir)) return [];
      const names = readdirSync(dir)
        .filter((name) => name.endsWith('.eml'))
        .sort();
      for (const name of names) {
        if (read.has(name)) continue;
        const parsed = await simpleParser(readFileSync(join(dir, name)));
        const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
        read.set(name, { to: to?.value[0]?.address ?? '', subject: parsed.subject ?? '', text: parsed.text ?? '' });
      }
      return names.map((name) => read.get(name)!);
    },
    createUser: async (roles = [], fields = {}) => {
      if (!demoHash) {
        const [admin] = await database.db.select({ hash: users.passwordHash }).from(users).where(eq(users.email, USERS.platformAdmin));
        demoHash = admin!.hash;
      }
      userCounter++;
      const email = fields.email ?? `test-user-${userCounter}-${randomBytes(4).toString('hex')}@example.no`;
      const [user] = await database.db
        .insert(users)
        .values({ email, name: fields.name ?? `Testbruker ${userCounter}`, language: fields.language ?? 'nb', passwordHash: demoHash })
        .returning();
      if (roles.length > 0) {
        await database.db.insert(roleAssignments).values(
          roles.map((r) => ({
            userId: user!.id,
            role: r.role,
            networkId: r.networkId ?? null,
            municipalityNumber: r.municipalityNumber ?? null,
          })),
        );
      }
      return { id: user!.id, email };
    },
    close: async () => {
      await app.close();
      await database.close();
      await dispose();
      rmSync(filesDir, { recursive: true, force: true });
      rmSync(mailDir, { recursive: true, force: true });
    },
  };
}
