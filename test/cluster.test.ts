import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../src/server/db/client.ts';
import { auditEntries, jobs, networks, outbox, people } from '../src/server/db/schema/index.ts';
import { DEMO_PASSWORD } from '../src/server/demo/seed.ts';
import { BENEFIT_REMINDER_JOB } from '../src/server/modules/benefits/index.ts';
import { EMAIL_JOB, queueEmail } from '../src/server/modules/mail/index.ts';
import { startAppProcess, type AppProcess } from './app-process.ts';
import { USERS } from './harness.ts';
import { freePort, startNginx, type TestNginx } from './nginx.ts';
import { PG_TEMPLATE_DB } from './paths.ts';
import { startSmtpServer, type TestSmtpServer } from './smtp-server.ts';

/**
 * Two app processes (src/server/main.ts, as production runs it) on one PostgreSQL database, behind Debian's
 * nginx with deploy/nginx/digiregion.conf, all on loopback: a session made on one instance works on the
 * other, each e-mail job runs once whichever instance takes it, and a write the cluster acknowledged is in the
 * database even when the instance that made it is killed with SIGKILL in the middle of a burst of writes.
 * PostgreSQL only: PGlite cannot be shared between processes.
 */

const JOB_COUNT = 1000;
const BURST = 400;
const BURST_CONCURRENCY = 16;
/** The burst's instance A is killed once this many writes have been answered. */
const KILL_AFTER = 100;
/** Each instance sends from its own address, so the received messages tell which instance ran the job. */
const SENDER = { a: 'instans-a@digiregion.test', b: 'instans-b@digiregion.test' };

let adminClient: pg.Client | null = null;
let databaseName: string | null = null;
let database: Database | null = null;
let smtp: TestSmtpServer | null = null;
let nginx: TestNginx | null = null;
let filesDir: string | null = null;
const instances: AppProcess[] = [];
let a: AppProcess;
let b: AppProcess;

beforeAll(async () => {
  smtp = await startSmtpServer();
  const adminUrl = inject('postgresAdminUrl');
  adminClient = new pg.Client({ connectionString: adminUrl });
  await adminClient.connect();
  // A copy of the prepared template: migrated, with the reference and demo data. Both instances start on it
  // at once and each runs the migrations (none left), loads the reference data and schedules its jobs.
  databaseName = `digiregion_cluster_${randomBytes(6).toString('hex')}`;
  await adminClient.query(`create database ${databaseName} template ${PG_TEMPLATE_DB}`);
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  const databaseUrl = url.toString();
  database = await openDatabase({ url: databaseUrl });

  // One files folder for both, as a shared volume would be.
  filesDir = mkdtempSync(join(tmpdir(), 'digiregion-cluster-files-'));
  const [portA, portB] = [await freePort(), await freePort()];
  const env = (sender: string) => ({
    DATABASE_URL: databaseUrl,
    DEMO: 'false',
    FILES_DIR: filesDir!,
    // nodemailer's pooled transport keeps its connections open: about 25 ms a message here instead of about 130 ms
    // for a new connection each (measured on loopback), which keeps the 1,000 messages within seconds.
    SMTP_URL: `${smtp!.url}?pool=true`,
    SMTP_FROM: `Digiregion <${sender}>`,
    TRUST_PROXY: '127.0.0.1',
    DATABASE_POOL_SIZE: '10',
    // Both instances run the job queue: the test is that they share it.
    RUN_JOBS: 'true',
  });
  a = startAppProcess('A', portA, env(SENDER.a));
  b = startAppProcess('B', portB, env(SENDER.b));
  instances.push(a, b);
  await Promise.all([a.ready(), b.ready()]);
  nginx = await startNginx([`127.0.0.1:${portA}`, `127.0.0.1:${portB}`]);
}, 180_000);

afterAll(async () => {
  // Whatever failed above: stop every process this file started, then remove its database and folders.
  for (const instance of instances) await instance.stop().catch(() => undefined);
  await nginx?.stop().catch(() => undefined);
  await smtp?.close().catch(() => undefined);
  await database?.close().catch(() => undefined);
  if (adminClient && databaseName) {
    // As in test/harness.ts: dropping with force while a pool's connection is still closing kills it, and its
    // error surfaces as an uncaught exception. Wait for the server to see every connection go.
    for (let i = 0; i < 100; i++) {
      const { rows } = await adminClient.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [
        databaseName,
      ]);
      if (rows[0]?.n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await adminClient.query(`drop database if exists ${databaseName} with (force)`).catch(() => undefined);
  }
  await adminClient?.end().catch(() => undefined);
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
}, 60_000);

/** A logged-in session as the web client keeps it: the session cookie and the CSRF token. */
interface Session {
  cookie: string;
  csrfToken: string;
}

async function login(baseUrl: string, email: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('dr_session='));
  expect(cookie).toBeDefined();
  return { cookie: cookie!.split(';')[0]!, csrfToken: body.csrfToken };
}

function send(baseUrl: string, session: Session | null, method: string, path: string, body?: unknown) {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function networkId(slug: string): Promise<string> {
  const [row] = await database!.db.select({ id: networks.id }).from(networks).where(eq(networks.slug, slug));
  return row!.id;
}

describe('several instances behind nginx on one PostgreSQL', () => {
  it('started together, the instances leave one migration history and one daily reminder job', async () => {
    const journal = JSON.parse(readFileSync(new URL('../src/server/db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as {
      entries: unknown[];
    };
    const [migrations] = await queryRows<{ n: number }>(database!.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(migrations!.n).toBe(journal.entries.length);
    const reminders = await database!.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, BENEFIT_REMINDER_JOB), inArray(jobs.status, ['queued', 'running'])));
    expect(reminders).toHaveLength(1);
  });

  it('a session made on one instance works on the other, directly and through nginx', async () => {
    const session = await login(a.url, USERS.vesteralenAdmin);
    const me = await send(b.url, session, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(USERS.vesteralenAdmin);

    // A change through B, read back through A.
    const name = `Klyngeperson ${randomBytes(3).toString('hex')}`;
    const created = await send(b.url, session, 'POST', '/api/people', { networkId: await networkId('digivesteralen'), name });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = await send(a.url, session, 'GET', `/api/people/${id}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { name: string }).name).toBe(name);

    // Through nginx: round robin sends these to both instances; each knows the session.
    const marker = `me-${randomBytes(4).toString('hex')}`;
    for (let i = 0; i < 4; i++) {
      const response = await send(nginx!.url, session, 'GET', `/api/auth/me?${marker}=${i}`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { user: { email: string } }).user.email).toBe(USERS.vesteralenAdmin);
    }
    const answeredBy = new Set(
      nginx!
        .accessLog()
        .split('\n')
        .filter((line) => line.includes(marker))
        .map((line) => line.split(' ')[1]),
    );
    expect(answeredBy).toEqual(new Set([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`]));

    // Logging out through one instance ends the session on both.
    expect((await send(b.url, session, 'POST', '/api/auth/logout', {})).status).toBeLessThan(300);
    const after = await send(a.url, session, 'GET', '/api/auth/me');
    expect(((await after.json()) as { user: unknown }).user).toBeNull();
  });

  it(`${JOB_COUNT} e-mail jobs taken by both instances are each sent once`, { timeout: 300_000 }, async () => {
    const marker = `klynge-${randomBytes(4).toString('hex')}`;
    // One transaction, so both runners find all the jobs at once and compete for them.
    await database!.db.transaction(async (tx) => {
      for (let i = 0; i < JOB_COUNT; i++) {
        await queueEmail(tx, { to: `mottaker-${i}@example.no`, subject: `${marker} ${i}`, text: `Melding ${i}`, networkId: null });
      }
    });

    const subjectLike = like(sql`${jobs.payload}->>'subject'`, `${marker} %`);
    const deadline = Date.now() + 240_000;
    let finished = 0;
    while (Date.now() < deadline) {
      const [row] = await database!.db
        .select({ n: sql<number>`count(*)::int` })
        .from(jobs)
        .where(and(eq(jobs.kind, EMAIL_JOB), subjectLike, inArray(jobs.status, ['done', 'failed'])));
      finished = row!.n;
      if (finished === JOB_COUNT) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(finished).toBe(JOB_COUNT);

    const rows = await database!.db
      .select({ status: jobs.status, attempts: jobs.attempts })
      .from(jobs)
      .where(and(eq(jobs.kind, EMAIL_JOB), subjectLike));
    expect(rows).toHaveLength(JOB_COUNT);
    expect(rows.filter((r) => r.status !== 'done' || r.attempts !== 1)).toEqual([]);

    // Every message arrived over SMTP exactly once: none missing, none twice.
    const received = smtp!.messages.filter((m) => m.mail.subject?.startsWith(`${marker} `));
    const bySubject = new Map<string, number>();
    for (const message of received) bySubject.set(message.mail.subject!, (bySubject.get(message.mail.subject!) ?? 0) + 1);
    expect(received).toHaveLength(JOB_COUNT);
    expect(bySubject.size).toBe(JOB_COUNT);
    expect([...bySubject.values()].every((n) => n === 1)).toBe(true);
    // Both instances took part.
    const senders = new Map<string, number>();
    for (const message of received) senders.set(message.envelope.from ?? '', (senders.get(message.envelope.from ?? '') ?? 0) + 1);
    expect([...senders.keys()].sort()).toEqual([SENDER.a, SENDER.b]);

    const [kept] = await database!.db
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(like(outbox.subject, `${marker} %`));
    expect(kept!.n).toBe(JOB_COUNT);
  });

  it('every write acknowledged through nginx is in the database after SIGKILL of an instance mid-burst', { timeout: 120_000 }, async () => {
    const session = await login(nginx!.url, USERS.vesteralenAdmin);
    const network = await networkId('digivesteralen');
    const burst = randomBytes(4).toString('hex');
    const prefix = `Skriv ${burst}`;
    const acknowledged: { id: string; name: string }[] = [];
    const refused: string[] = [];
    let answered = 0;
    let next = 0;

    const worker = async () => {
      while (next < BURST) {
        const name = `${prefix} ${next++}`;
        try {
          // The query string only marks the burst's lines in nginx's access log.
          const response = await send(nginx!.url, session, 'POST', `/api/people?burst=${burst}`, { networkId: network, name });
          if (response.status === 201) acknowledged.push({ id: ((await response.json()) as { id: string }).id, name });
          else refused.push(`${response.status} ${await response.text()}`);
        } catch (error) {
          refused.push(String(error));
        }
        // Kill A while writes are in flight on it, at a fixed point in the burst.
        if (++answered === KILL_AFTER) a.child.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: BURST_CONCURRENCY }, worker));
    await a.exited;
    expect(a.child.signalCode).toBe('SIGKILL');

    expect(acknowledged.length + refused.length).toBe(BURST);
    // Only writes in flight on A when it died may fail, and only as nginx's 502 (never sent on to B: not idempotent).
    expect(refused.length).toBeLessThanOrEqual(BURST_CONCURRENCY);
    expect(refused.filter((r) => !r.startsWith('502 '))).toEqual([]);
    // Both instances took writes in the burst (so A died in the middle of it), and every 502 was A's.
    const lines = nginx!
      .accessLog()
      .split('\n')
      .filter((line) => line.includes(`burst=${burst}`))
      .map((line) => line.split(' '));
    const answeredBy201 = new Set(lines.filter((l) => l[2] === '201').map((l) => l[1]));
    expect(answeredBy201).toEqual(new Set([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`]));
    expect(lines.filter((l) => l[2] === '502').every((l) => l[1]!.startsWith(`127.0.0.1:${a.port}`))).toBe(true);

    // Every acknowledged write is there, with its audit entry.
    const ids = acknowledged.map((w) => w.id);
    const stored = await database!.db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids));
    expect(new Map(stored.map((p) => [p.id, p.name]))).toEqual(new Map(acknowledged.map((w) => [w.id, w.name])));
    const audited = await database!.db
      .select({ id: auditEntries.entityId })
      .from(auditEntries)
      .where(and(eq(auditEntries.entityType, 'person'), eq(auditEntries.action, 'create'), inArray(auditEntries.entityId, ids)));
    expect(new Set(audited.map((r) => r.id))).toEqual(new Set(ids));

    // No write was made twice: nginx never passed a POST on to B that A may already have made.
    const burstRows = await database!.db
      .select({ name: people.name })
      .from(people)
      .where(like(people.name, `${prefix} %`));
    expect(burstRows.length).toBe(new Set(burstRows.map((r) => r.name)).size);

    // B answered everything after the kill, and still does, directly and through nginx.
    for (const { id, name } of acknowledged.slice(-5)) {
      const response = await send(nginx!.url, session, 'GET', `/api/people/${id}`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { name: string }).name).toBe(name);
    }
    expect((await fetch(`${b.url}/api/health`)).status).toBe(200);
  });
});
