import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.ts';
import { staleVersion } from '../errors.ts';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Saves `values` only if the row is still at `expectedVersion`, and bumps the version.
 * A save based on an old version changes nothing and answers 409: no edit is silently overwritten.
 * `condition`, if given, must also hold for the row in the same statement (e.g. that it is still a draft);
 * when it does not, this also answers 409, and the caller may tell a better reason.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: DbOrTx,
  table: T,
  id: string,
  expectedVersion: number,
  values: Partial<T['$inferInsert']>,
  condition?: SQL,
): Promise<T['$inferSelect']> {
  const where: SQL | undefined = and(eq(table.id, id), eq(table.version, expectedVersion), condition);
  // Drizzle cannot infer the row type of a generic table; the casts say what it is.
  const rows = (await db
    .update(table)
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
    .where(where)
    .returning()) as T['$inferSelect'][];
  const row = rows[0];
  if (!row) throw staleVersion();
  return row;
}

/** Drops keys whose value is undefined so a partial update touches only what was sent. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
