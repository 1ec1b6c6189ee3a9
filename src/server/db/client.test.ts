import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../../test/global-setup.ts';
import { sql } from 'drizzle-orm';
import { MIGRATION_COUNT, MIGRATION_LOCK_KEY, openDatabase, pendingMigrations, queryParts, queryRows, together } from './client.ts';

describe('migrations on PostgreSQL when several instances start together', () => {
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  const created: string[] = [];

  /** A fresh, empty database, as a new installation has. */
  async function emptyDatabase(): Promise<string> {
    const name = `digiregion_migrate_${randomBytes(6).toString('hex')}`;
    await admin.query(`create database ${name}`);
    created.push(name);
    return withDatabase(inject('postgresAdminUrl'), name);
  }

  async function appliedMigrations(url: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ hash: string; n: number }>(
        'select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash',
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(() => admin.connect());
  afterAll(async () => {
    for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('three instances migrating one empty database at once all succeed, and each migration is applied once', async () => {
    const url = await emptyDatabase();
    const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ url, poolSize: 2 })));
    try {
      expect(await pendingMigrations(instances[0]!.db)).toBe(MIGRATION_COUNT);
      const outcomes = await Promise.allSettled(instances.map((d) => d.migrate()));
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const applied = await appliedMigrations(url);
      expect(applied).toHaveLength(MIGRATION_COUNT);
      expect(applied.every((m) => m.n === 1)).toBe(true);
      for (const instance of instances) expect(await pendingMigrations(instance.db)).toBe(0);
    } finally {
      for (const instance of instances) await instance.close();
    }
  });

  it('an instance waits while another holds the migration lock, and migrates once it is let go', async () => {
    const url = await emptyDatabase();
    const instance = await openDatabase({ url, poolSize: 2 });
    // Stands in for an instance that is migrating: it holds the lock.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      let done = false;
      const migrating = instance.migrate().then(() => (done = true));
      await waitUntil(async () => {
        const { rows } = await other.query<{ n: number }>(
          "select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database where l.locktype = 'advisory' and not l.granted and d.datname = current_database()",
        );
        return rows[0]!.n === 1;
      });
      expect(done).toBe(false);
      expect(await pendingMigrations(instance.db)).toBe(MIGRATION_COUNT);
      await other.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      await migrating;
      expect(await pendingMigrations(instance.db)).toBe(0);
    } finally {
      await other.end();
      await instance.close();
    }
  });

  async function waitUntil(condition: () => Promise<boolean>) {
    for (let attempt = 0; attempt < 200; attempt++) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the condition never became true');
  }

  it('runs reads side by side on connections of their own from the pool, and one after the other in a transaction', async () => {
    const database = await openDatabase({ url: await emptyDatabase(), poolSize: 4 });
    try {
      // Each read holds its connection a moment, so reads side by side cannot share one.
      const backend = (label: string) => async () =>
        (
          await queryRows<{ label: string; pid: number }>(
            database.db,
            sql`select ${label} as label, pg_backend_pid() as pid, pg_sleep(0.05)::text`,
          )
        )[0]!;
      const [a, b, c] = await together(database.db, [backend('a'), backend('b'), backend('c')]);
      expect([a.label, b.label, c.label]).toEqual(['a', 'b', 'c']);
      expect(new Set([a.pid, b.pid, c.pid]).size).toBe(3);
      const inTransaction = await database.db.transaction((tx) =>
        together(tx, [
          async () => (await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`))[0]!.pid,
          async () => (await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`))[0]!.pid,
        ]),
      );
      expect(inTransaction[0]).toBe(inTransaction[1]);
    } finally {
      await database.close();
    }
  });

  it('runs a part of one statement only when its condition holds, and sends no statement when every part is empty', async () => {
    const database = await openDatabase({ url: await emptyDatabase(), poolSize: 2 });
    // A part that fails if it runs: a division by zero PostgreSQL cannot see before running it.
    const failing = sql`select 1 / (random() * 0)::int as x`;
    const parts = (holds: boolean) =>
      queryParts<{ flag: { holds: boolean }[]; failing: { x: number }[]; listed: { n: number }[]; none: never[] }>(
        database.db,
        {
          flag: sql`select holds from flag`,
          failing: { when: sql`(select holds from flag)`, query: failing },
          listed: { when: sql`not (select holds from flag)`, query: sql`select n from generate_series(1, 3) n` },
          none: null,
        },
        { with: sql`flag as (select ${holds}::boolean as holds)` },
      );
    try {
      // The same statement, prepared once: its plan has the failing part, but only the branch taken runs.
      for (let round = 0; round < 2; round++)
        expect(await parts(false)).toEqual({ flag: [{ holds: false }], failing: [], listed: [{ n: 1 }, { n: 2 }, { n: 3 }], none: [] });
      const refused = await parts(true).then(
        () => null,
        (error: Error) => error,
      );
      expect(String(refused?.cause)).toMatch(/division by zero/);
    } finally {
      await database.close();
    }
    // A closed pool refuses every statement: parts that are all empty send none.
    expect(await queryParts<{ a: never[]; b: never[] }>(database.db, { a: null, b: null })).toEqual({ a: [], b: [] });
    await expect(queryParts<{ a: { one: number }[] }>(database.db, { a: sql`select 1 as one` })).rejects.toThrow();
  });
});
