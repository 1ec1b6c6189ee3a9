import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The database as every module sees it: the same Drizzle API over PGlite or PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A function that can run inside or outside a transaction takes this. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgresql';

/**
 * Connections of an instance, per pool: for PostgreSQL the main pool and the prepared statements' pool
 * (`queryPrepared`); PGlite is one connection inside the process.
 */
export interface ConnectionStats {
  pool: 'main' | 'prepared';
  total: number;
  /** Pooled connections not in use (PostgreSQL only). */
  idle?: number;
  /** Queries waiting for a connection (PostgreSQL only). */
  waiting?: number;
}

export interface Database {
  db: Db;
  kind: DatabaseKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
  connections(): ConnectionStats[];
}

/** The app's migrations, in the order Drizzle applies them (see meta/_journal.json). */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * The key of the PostgreSQL advisory lock held while migrating, so that instances starting together
 * migrate one after the other: the first applies the migrations, the others find nothing left to do.
 */
export const MIGRATION_LOCK_KEY = 7_140_025_510_003;

/** A PostgreSQL server when a URL is given, otherwise the embedded PGlite with its data in `dataDir`. */
export async function openDatabase(options: { url?: string; dataDir?: string; pglite?: PGlite; poolSize?: number }): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  const client = options.pglite ?? (await createPglite(options.dataDir));
  return wrapPglite(client);
}

export async function createPglite(dataDir?: string): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // PGlite's 128 MB of shared buffers are WebAssembly memory, resident from the start; the embedded database is
  // small, its files stay in the operating system's cache, and 32 MB leave 110 MB of the process for the rest.
  return PGlite.create({ dataDir: dataDir ?? 'memory://', postgresqlconf: ['shared_buffers = 32MB'] });
}

function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => client.close(),
    connections: () => [{ pool: 'main', total: 1 }],
  };
}

function openPostgres(url: string, poolSize: number): Database {
  // JIT compilation costs more than it saves on these short queries (22 ms of a 73 ms people search).
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
  // The prepared statements' own connections, which keep one generic plan per statement (see `queryPrepared`).
  const planned = new pg.Pool({
    connectionString: url,
    max: Math.ceil(poolSize / 2),
    options: '-c jit=off -c plan_cache_mode=force_generic_plan',
  });
  // An idle connection the server dropped (a restart, a failover) would otherwise end the process. The pool
  // discards it and connects anew for the next query; a database that stays away shows in /api/ready.
  for (const each of [pool, planned]) each.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  plannedOnce.set(db, drizzlePg({ client: planned, schema }));
  return {
    db,
    kind: 'postgresql',
    migrate: async () => {
      // A session lock on one dedicated connection, which the migrations run on too; it goes with the connection if the process dies.
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } catch (error) {
        broken = error as Error;
        throw error;
      } finally {
        // A connection that failed may still hold the lock: destroy it rather than return it to the pool.
        client.release(broken);
      }
    },
    close: async () => {
      await Promise.all([pool.end(), planned.end()]);
    },
    connections: () =>
      (['main', 'prepared'] as const).map((name) => {
        const each = name === 'main' ? pool : planned;
        return { pool: name, total: each.totalCount, idle: each.idleCount, waiting: each.waitingCount };
      }),
  };
}

/** How many migrations the code has (drizzle-kit's journal). */
export const MIGRATION_COUNT = (JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] })
  .entries.length;

/**
 * How many of the code's migrations the database still lacks. A database ahead of the code (a newer instance
 * migrated it during a rolling deploy) lacks none.
 */
export async function pendingMigrations(db: Db): Promise<number> {
  // Two statements: a query naming a table that does not exist fails when parsed, whatever its conditions.
  const [table] = await queryRows<{ exists: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`);
  if (!table?.exists) return MIGRATION_COUNT;
  const [row] = await queryRows<{ applied: number }>(db, sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
  return Math.max(0, MIGRATION_COUNT - (row?.applied ?? 0));
}

/** Raw SQL for what the query builder cannot say; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  // execute() is typed unknown over the generic driver type.
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}

const dialect = new PgDialect();

/** Each PostgreSQL database's pool for prepared statements, whose connections plan each statement once. */
const plannedOnce = new WeakMap<DbOrTx, Db>();

/**
 * Raw SQL as a named prepared statement, planned once per pooled connection where `queryRows` has it planned on every
 * call. For the hot reads whose statements are long and whose answers are small: planning was two thirds of the start
 * page's database time (issue 18). They run on a pool of their own whose connections always keep the generic plan:
 * left to choose, PostgreSQL planned these statements anew on every call (their generic plans are costed from
 * default guesses about the id arrays), and the generic plans ran no slower. Where such a guess would turn index
 * probes into a scan, `unnest` the ids and probe one by one. Inside a transaction it runs on the transaction's connection.
 * The name is the text's hash, so only statements whose text does not vary with the input belong here: every
 * distinct text stays prepared on each connection for the connection's life. PGlite runs it as any query.
 */
export async function queryPrepared<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const built = dialect.sqlToQuery(query);
  const name = `q_${createHash('sha1').update(built.sql).digest('base64url').slice(0, 27)}`;
  const session = (plannedOnce.get(db) ?? db)._.session;
  const result = (await session.prepareQuery(built, undefined, name, false).execute()) as { rows: T[] };
  return result.rows;
}

/**
 * Reads that do not depend on each other, side by side where they can be: on the pool each takes a connection of its
 * own, so under load a page waits its turn for a connection once rather than once per read. On one connection (a
 * transaction, PGlite) they run one after the other, as that connection would run them anyway.
 */
export async function together<T extends readonly unknown[]>(
  db: DbOrTx,
  reads: readonly [...{ [K in keyof T]: () => Promise<T[K]> }],
): Promise<T> {
  if (plannedOnce.has(db)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}

/**
 * Keys as one array parameter (`{a,b}`), so that a statement's text does not vary with how many there are (and a
 * prepared statement serves them all): for uuids and other keys that hold no comma, brace, quote or space
 * (municipality numbers).
 */
export const keyArray = (keys: readonly string[], type: 'uuid' | 'text' = 'uuid'): SQL => sql`${`{${keys.join(',')}}`}::${sql.raw(type)}[]`;

/** A part of `queryParts`: its query, none (an empty list), or a query asked only when a condition of the statement holds. */
export type Part = SQL | null | { when: SQL; query: SQL };

/**
 * Several queries' rows in one statement, each part a JSON array under its name (a null part is an empty list), so
 * a page made of many small lists costs one pool checkout and one round trip. Each part's rows keep its own order.
 * JSON has no dates: a part returns its dates and times as text. `with` names what the parts share (`with` queries);
 * a part `when` a condition on them is planned but not executed where the condition fails (PostgreSQL runs a
 * sub-select of a `case` only for the branch taken). Parts that are all null send no statement at all.
 */
export async function queryParts<T extends Record<string, unknown[]>>(
  db: DbOrTx,
  parts: { [K in keyof T]: Part },
  { with: shared }: { with?: SQL } = {},
): Promise<T> {
  const entries = Object.entries<Part>(parts);
  if (entries.every(([, part]) => part === null)) return Object.fromEntries(entries.map(([name]) => [name, []])) as unknown as T;
  const columns = entries.map(([name, part]) => {
    if (part === null) return sql`'[]'::json as ${sql.identifier(name)}`;
    const rows = (query: SQL) => sql`(select coalesce(json_agg(part), '[]'::json) from (${query}) part)`;
    const column = 'when' in part ? sql`case when ${part.when} then ${rows(part.query)} else '[]'::json end` : rows(part);
    return sql`${column} as ${sql.identifier(name)}`;
  });
  const [row] = await queryPrepared<T>(db, sql`${shared ? sql`with ${shared} ` : sql``}select ${sql.join(columns, sql`, `)}`);
  return row!;
}
