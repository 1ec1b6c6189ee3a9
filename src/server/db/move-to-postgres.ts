import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { PgDialect } from 'drizzle-orm/pg-core';
import { createPglite, migrationsFolder, openDatabase, queryRows, type Database, type DbOrTx, type Tx } from './client.ts';
import { assertEmbeddedDatabaseStopped, assertEmptyDatabase, BackupError } from './backup.ts';
import {
  compareSummaries,
  listTables,
  quoteIdentifier,
  summarizeDatabase,
  summarizeTables,
  type TableColumns,
  type TableDifference,
  type TableSummary,
} from './compare.ts';

/** Rows sent to PostgreSQL per statement. */
const BATCH_ROWS = 2000;

export interface MoveResult {
  tables: TableSummary[];
  /** Tables whose rows differ between the embedded database and PostgreSQL after the move: empty when exact. */
  differences: TableDifference[];
}

/**
 * Moves the whole embedded database (every network in it) into an empty PostgreSQL database. The target gets the
 * app's migrations and every row in one transaction, so a move that fails leaves it empty. The embedded database is
 * brought to this version's migrations first, as the app does at every start, and is otherwise left as it was.
 */
export async function moveToPostgres(options: { dataDir: string; targetUrl: string; log?: (line: string) => void }): Promise<MoveResult> {
  const log = options.log ?? (() => undefined);
  assertEmbeddedDatabaseStopped(options.dataDir);
  if (!existsSync(join(options.dataDir, 'PG_VERSION')))
    throw new BackupError(`There is no embedded database in ${options.dataDir} (DATA_DIR).`);
  const target = await openDatabase({ url: options.targetUrl });
  let source: Database | undefined;
  try {
    await assertEmptyDatabase(target.db);
    source = await openDatabase({ pglite: await createPglite(options.dataDir) });
    await source.migrate();
    const sourceDb = source.db;
    const sourceTables = await listTables(sourceDb);
    await target.db.transaction(async (tx) => {
      await migrateWithin(tx);
      const tables = await listTables(tx);
      assertSameSchema(sourceTables, tables);
      await assertSameMigrationLog(sourceDb, tx, tables);
      log(`Copying ${tables.length} tables…`);
      await copyRows(
        sourceDb,
        tx,
        tables.filter((t) => t.schema === 'public'),
        log,
      );
    });
    const differences = compareSummaries(await summarizeDatabase(source.db), await summarizeDatabase(target.db));
    return { tables: await summarizeDatabase(target.db), differences };
  } finally {
    await source?.close();
    await target.close();
  }
}

/**
 * Drizzle's own migrator, run inside the caller's transaction instead of its own, so that the schema commits or
 * rolls back together with the rows.
 */
async function migrateWithin(tx: Tx): Promise<void> {
  const session = {
    execute: (query: SQL) => tx.execute(query),
    all: (query: SQL) => queryRows<unknown>(tx, query),
    transaction: (work: (inner: Tx) => Promise<void>) => work(tx),
  };
  await new PgDialect().migrate(readMigrationFiles({ migrationsFolder }), session as never, { migrationsFolder });
}

function assertSameSchema(source: TableColumns[], target: TableColumns[]): void {
  const describe = (tables: TableColumns[]) => new Map(tables.map((t) => [t.table, t.columns.join(',')]));
  const a = describe(source);
  const b = describe(target);
  const differing = [...new Set([...a.keys(), ...b.keys()])].filter((table) => a.get(table) !== b.get(table));
  if (differing.length > 0) {
    throw new BackupError(
      `The embedded database's tables differ from this version's (${differing.join(', ')}): it was made by another version of Digiregion; move it with that version.`,
    );
  }
}

/** Drizzle's log of applied migrations is written by the migrations on both sides: it must come out the same. */
async function assertSameMigrationLog(source: DbOrTx, target: Tx, tables: TableColumns[]): Promise<void> {
  const drizzleTables = tables.filter((t) => t.schema === 'drizzle');
  const sourceLog = await source.transaction((tx) => summarizeTables(tx, drizzleTables));
  const targetLog = await summarizeTables(target, drizzleTables);
  if (compareSummaries(sourceLog, targetLog).length > 0) {
    throw new BackupError(
      "The embedded database's migration history differs from this version's: move it with the version that last ran on it.",
    );
  }
}

async function copyRows(source: DbOrTx, target: Tx, tables: TableColumns[], log: (line: string) => void): Promise<void> {
  const names = tables.map((t) => `${quoteIdentifier(t.schema)}.${quoteIdentifier(t.name)}`);
  // The change-counter triggers would count every copied statement; the counters are copied as rows instead.
  for (const name of names) await target.execute(sql.raw(`alter table ${name} disable trigger user`));
  // The migrations insert no rows today; should one ever, the source's rows replace them.
  if (names.length > 0) await target.execute(sql.raw(`truncate table ${names.join(', ')}`));

  const { order, selfReferencing } = await foreignKeyOrder(target, tables);
  const generated = await generatedColumns(target);
  for (const table of order) {
    const qualified = `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`;
    const columns = table.columns
      .filter((c) => !generated.has(`${table.table}.${c}`))
      .map(quoteIdentifier)
      .join(', ');
    const insert = (rows: string[]) =>
      target.execute(
        sql`insert into ${sql.raw(qualified)} (${sql.raw(columns)}) overriding system value
            select ${sql.raw(columns)} from json_populate_recordset(null::${sql.raw(qualified)}, ${`[${rows.join(',')}]`}::json)`,
      );
    // PostgreSQL checks a foreign key at the end of each statement: a table whose rows refer to each other goes in
    // one statement, whatever the rows' order.
    const oneStatement = selfReferencing.has(table.table);
    let pending: string[] = [];
    let copied = 0;
    for await (const rows of readRows(source, qualified)) {
      pending.push(...rows);
      if (!oneStatement && pending.length >= BATCH_ROWS) {
        await insert(pending);
        copied += pending.length;
        pending = [];
      }
    }
    if (pending.length > 0) {
      await insert(pending);
      copied += pending.length;
    }
    if (copied > 0) log(`  ${table.table}: ${copied} ${copied === 1 ? 'row' : 'rows'}`);
  }
  await copySequences(source, target);
  for (const name of names) await target.execute(sql.raw(`alter table ${name} enable trigger user`));
}

/** The rows as JSON text, in batches, in physical order. */
async function* readRows(source: DbOrTx, qualified: string): AsyncGenerator<string[]> {
  let after = '(0,0)';
  for (;;) {
    const rows = await queryRows<{ position: string; row: string }>(
      source,
      sql`select ctid::text as position, row_to_json(t)::text as row from ${sql.raw(qualified)} t
          where ctid > ${after}::tid order by ctid limit ${BATCH_ROWS}`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => r.row);
    after = rows.at(-1)!.position;
  }
}

/** Tables ordered so that every table comes after the tables it refers to. */
async function foreignKeyOrder(db: DbOrTx, tables: TableColumns[]): Promise<{ order: TableColumns[]; selfReferencing: Set<string> }> {
  const references = await queryRows<{ from: string; to: string }>(
    db,
    sql`select distinct fn.nspname || '.' || f.relname as "from", tn.nspname || '.' || t.relname as "to"
        from pg_constraint k
        join pg_class f on f.oid = k.conrelid join pg_namespace fn on fn.oid = f.relnamespace
        join pg_class t on t.oid = k.confrelid join pg_namespace tn on tn.oid = t.relnamespace
        where k.contype = 'f'`,
  );
  const selfReferencing = new Set(references.filter((r) => r.from === r.to).map((r) => r.from));
  const waitingFor = new Map(tables.map((t) => [t.table, new Set<string>()]));
  for (const r of references) if (r.from !== r.to && waitingFor.has(r.to)) waitingFor.get(r.from)?.add(r.to);
  const order: TableColumns[] = [];
  const remaining = [...tables];
  while (remaining.length > 0) {
    const ready = remaining.filter((t) => waitingFor.get(t.table)!.size === 0);
    if (ready.length === 0) throw new Error(`The foreign keys of these tables form a cycle: ${remaining.map((t) => t.table).join(', ')}`);
    for (const table of ready) {
      order.push(table);
      remaining.splice(remaining.indexOf(table), 1);
      for (const waits of waitingFor.values()) waits.delete(table.table);
    }
  }
  return { order, selfReferencing };
}

/** `schema.table.column` of the columns PostgreSQL computes itself, which an insert must leave out. */
async function generatedColumns(db: DbOrTx): Promise<Set<string>> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select table_schema || '.' || table_name || '.' || column_name as name from information_schema.columns
        where is_generated = 'ALWAYS' and table_schema in ('public', 'drizzle')`,
  );
  return new Set(rows.map((r) => r.name));
}

/** Sequences in the app's schema continue where the embedded database's stood. */
async function copySequences(source: DbOrTx, target: Tx): Promise<void> {
  const sequences = await queryRows<{ name: string; value: string | null }>(
    source,
    sql`select quote_ident(schemaname) || '.' || quote_ident(sequencename) as name, last_value::text as value
        from pg_sequences where schemaname = 'public'`,
  );
  for (const s of sequences) {
    if (s.value === null) await target.execute(sql`select setval(${s.name}::regclass, 1, false)`);
    else await target.execute(sql`select setval(${s.name}::regclass, ${s.value}::bigint, true)`);
  }
}
