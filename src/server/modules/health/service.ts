import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { pendingMigrations, type Database } from '../../db/client.ts';
import { AppError } from '../../errors.ts';

/**
 * Whether the instance may take traffic: the database answers and has every migration. Throws
 * `unavailable` otherwise, with the reason in the log.
 */
export function readinessCheck(database: Database): (log: FastifyBaseLogger) => Promise<void> {
  // Once every migration is there it stays so; after that a check is one round trip.
  let migrated = false;
  return async (log) => {
    try {
      await database.db.execute(sql`select 1`);
      if (!migrated) migrated = (await pendingMigrations(database.db)) === 0;
    } catch (error) {
      log.warn({ err: error }, 'not ready: the database does not answer');
      throw new AppError('unavailable');
    }
    if (!migrated) {
      log.info('not ready: migrations are not done');
      throw new AppError('unavailable');
    }
  };
}
