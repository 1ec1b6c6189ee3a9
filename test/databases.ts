import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabase } from './global-setup.ts';
import { PG_TEMPLATE_DB } from './paths.ts';

/**
 * A new database on the tests' PostgreSQL server: empty, or a copy of the prepared demo database. For tests that
 * need a database by URL (the backup, restore and upgrade commands) rather than a running app.
 */
export async function createPostgresDatabase(from: 'empty' | 'demo'): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `digiregion_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(from === 'demo' ? `create database ${name} template ${PG_TEMPLATE_DB}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
