import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, type TestApp } from '../../../../test/harness.ts';
import { expectError } from '../../../../test/helpers.ts';
import { queryRows } from '../../db/client.ts';

describe.each(DATABASE_KINDS)('liveness and readiness on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('is alive, without login', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: kind });
  });

  it('is not ready while a migration is missing, and ready once it is there', async () => {
    // As a database that an older instance migrated looks to a newer one: the last migration is not there.
    const [last] = await queryRows<{ id: number; hash: string; created_at: string }>(
      t.db,
      sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations) returning id, hash, created_at`,
    );
    expectError(await t.anonymous().get('/api/ready'), 503, 'unavailable');
    await t.db.execute(
      sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last!.id}, ${last!.hash}, ${last!.created_at})`,
    );
    const res = await t.anonymous().get('/api/ready');
    expect(res).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('answers 503 to every new request while the instance stops, and closes the connection', async () => {
    t.app.lifecycle.shuttingDown = true;
    try {
      for (const url of ['/api/ready', '/api/health', '/api/networks']) {
        const res = await t.anonymous().get(url);
        expectError(res, 503, 'unavailable');
        expect(res.headers.connection).toBe('close');
        expect(res.headers['x-request-id']).toBe(res.body.error.requestId);
      }
    } finally {
      t.app.lifecycle.shuttingDown = false;
    }
    expect((await t.anonymous().get('/api/ready')).status).toBe(200);
  });

  it('is in the API documentation, public', async () => {
    const paths = (t.app as unknown as { swagger(): { paths: Record<string, Record<string, { responses: object }>> } }).swagger().paths;
    expect(Object.keys(paths['/api/ready']!.get!.responses)).toEqual(['200', '503']);
  });
});

describe('readiness on postgresql when the database does not answer', () => {
  let t: TestApp;
  let admin: pg.Client;
  let name: string;
  beforeAll(async () => {
    t = await startTestApp('postgresql');
    admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
    [{ name } = { name: '' }] = await queryRows<{ name: string }>(t.db, sql`select current_database() as name`);
  });
  afterAll(async () => {
    await admin.query(`alter database ${name} allow_connections true`);
    await admin.end();
    await t.close();
  });

  it('is not ready while the server refuses connections, and ready again when it takes them', async () => {
    expect((await t.anonymous().get('/api/ready')).status).toBe(200);
    await admin.query(`alter database ${name} allow_connections false`);
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
    expectError(await t.anonymous().get('/api/ready'), 503, 'unavailable');
    await admin.query(`alter database ${name} allow_connections true`);
    expect((await t.anonymous().get('/api/ready')).status).toBe(200);
  });
});
