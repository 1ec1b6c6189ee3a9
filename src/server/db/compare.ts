import { sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from './client.ts';

/** Where a Digiregion database keeps everything: the app's tables, and Drizzle's log of applied migrations. */
export const DATA_SCHEMAS = ['public', 'drizzle'] as const;

export interface TableColumns {
  /** `schema.name`, the key tables are compared by. */
  table: string;
  schema: string;
  name: string;
  /** In column order; the digest covers exactly these. */
  columns: string[];
}

export interface TableSummary {
  table: string;
  rows: number;
  /** md5 over the md5 of every row's text, sorted: equal digests mean equal rows, whatever their physical order. */
  digest: string;
}

export interface TableDifference {
  table: string;
  expected: { rows: number; digest: string } | null;
  actual: { rows: number; digest: string } | null;
}

/** Every table in the data schemas with its columns, from information_schema. */
export async function listTables(db: DbOrTx): Promise<TableColumns[]> {
  const rows = await queryRows<{ schema: string; name: string; columns: string[] }>(
    db,
    sql`select c.table_schema as schema, c.table_name as name, json_agg(c.column_name::text order by c.ordinal_position) as columns
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where t.table_type = 'BASE TABLE' and c.table_schema in ('public', 'drizzle')
        group by c.table_schema, c.table_name
        order by c.table_schema, c.table_name`,
  );
  return rows.map((r) => ({ table: `${r.schema}.${r.name}`, schema: r.schema, name: r.name, columns: r.columns }));
}

/**
 * Row count and digest of each table (all of them, or the given tables restricted to the given columns, as the
 * upgrade test does with an older schema). Call inside one transaction so that every table is read at one moment;
 * `summarizeDatabase` does that.
 */
export async function summarizeTables(tx: DbOrTx, tables?: TableColumns[]): Promise<TableSummary[]> {
  // Row text depends on these settings; fix them so that two servers (or PGlite and PostgreSQL) print alike.
  await tx.execute(sql.raw(`set local timezone = 'UTC'`));
  await tx.execute(sql.raw(`set local datestyle = 'ISO, YMD'`));
  await tx.execute(sql.raw(`set local intervalstyle = 'postgres'`));
  await tx.execute(sql.raw(`set local extra_float_digits = 1`));
  await tx.execute(sql.raw(`set local bytea_output = 'hex'`));
  const summaries: TableSummary[] = [];
  for (const table of tables ?? (await listTables(tx))) {
    const row = `row(${table.columns.map((c) => `t.${quoteIdentifier(c)}`).join(', ')})::text`;
    // Row digests rather than the rows themselves in the aggregate: 32 bytes per row whatever its size, and
    // hex sorts the same under every collation.
    const [summary] = await queryRows<{ rows: number; digest: string }>(
      tx,
      sql.raw(
        `select count(*)::int as rows, md5(coalesce(string_agg(md5(${row}), '' order by md5(${row}) collate "C"), '')) as digest
         from ${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)} t`,
      ),
    );
    summaries.push({ table: table.table, rows: summary!.rows, digest: summary!.digest });
  }
  return summaries;
}

/** Every table's summary, read in one snapshot. */
export function summarizeDatabase(db: Db, tables?: TableColumns[]): Promise<TableSummary[]> {
  return db.transaction((tx) => summarizeTables(tx, tables), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

/** The tables whose rows differ, including tables only one side has; empty when the two are equal. */
export function compareSummaries(expected: TableSummary[], actual: TableSummary[]): TableDifference[] {
  const byTable = (list: TableSummary[]) => new Map(list.map((s) => [s.table, s]));
  const left = byTable(expected);
  const right = byTable(actual);
  const names = [...new Set([...left.keys(), ...right.keys()])].sort();
  const differences: TableDifference[] = [];
  for (const table of names) {
    const a = left.get(table);
    const b = right.get(table);
    if (a && b && a.rows === b.rows && a.digest === b.digest) continue;
    differences.push({
      table,
      expected: a ? { rows: a.rows, digest: a.digest } : null,
      actual: b ? { rows: b.rows, digest: b.digest } : null,
    });
  }
  return differences;
}

/** Compares every table of two databases. */
export async function compareDatabases(expected: Db, actual: Db): Promise<TableDifference[]> {
  return compareSummaries(await summarizeDatabase(expected), await summarizeDatabase(actual));
}

/** A report for the console: one line per differing table, or that all are equal. */
export function describeComparison(summaries: TableSummary[], differences: TableDifference[]): string {
  if (differences.length === 0) {
    const rows = summaries.reduce((sum, s) => sum + s.rows, 0);
    return `All ${summaries.length} tables are equal (${rows} rows).`;
  }
  const side = (s: TableDifference['expected']) => (s ? `${s.rows} rows, digest ${s.digest.slice(0, 12)}` : 'missing');
  return [
    `${differences.length} of ${new Set([...summaries.map((s) => s.table), ...differences.map((d) => d.table)]).size} tables differ:`,
    ...differences.map((d) => `  ${d.table}: expected ${side(d.expected)}; found ${side(d.actual)}`),
  ].join('\n');
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
