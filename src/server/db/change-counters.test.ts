import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, type TestApp } from '../../../test/harness.ts';
import { queryRows } from './client.ts';
import type { ChangeScope } from './change-counters.ts';

/**
 * A write makes stale only the answers kept under the scopes of the tables it writes (migrations 0002–0004, 0011 and
 * 0038, 0040, 0044): a shared solution's adoption is not the landscape's, a measurement is not the portfolio overview's
 * nor the roll-up's benefit lines', a risk is neither's.
 */
describe.each(DATABASE_KINDS)('change scopes on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());

  const versions = async () =>
    new Map(
      (await queryRows<{ scope: string; version: number }>(t.db, sql`select scope, version from change_counters`)).map((r) => [
        r.scope,
        r.version,
      ]),
    );

  it('bumps the scope of the table a statement writes, and no other', async () => {
    // Each row written as it is: statement triggers fire all the same.
    const cases: [table: string, column: string, scope: ChangeScope | ChangeScope[]][] = [
      ['solution_adoptions', 'status', 'adoptions'],
      ['shared_solutions', 'name', 'adoptions'],
      ['application_usages', 'user_count', 'mapping'],
      ['products', 'name', 'mapping'],
      ['benefit_measurements', 'value', 'figures'],
      ['indicator_targets', 'weight', 'figures'],
      ['benefit_indicators', 'name', 'benefits'],
      ['benefits', 'title', 'benefits'],
      // Only the risk map reads the risks (migration 0044).
      ['project_risks', 'description', 'risks'],
      ['projects', 'title', 'portfolio'],
      // A project moved to another network moves the roll-up's benefit lines too (migration 0040). Written as it is,
      // the row triggers that move its targets' keys (and so `figures`) do not fire.
      ['projects', 'network_id', ['benefits', 'portfolio']],
      ['agenda_items', 'decision', 'meetings'],
      ['people', 'name', 'network'],
    ];
    for (const [table, column, scope] of cases) {
      const before = await versions();
      await queryRows(t.db, sql.raw(`update ${table} set ${column} = ${column} where ctid = (select ctid from ${table} limit 1)`));
      const after = await versions();
      const moved = [...new Set([...before.keys(), ...after.keys()])].filter((s) => (after.get(s) ?? 0) !== (before.get(s) ?? 0));
      expect(moved.sort(), `${table}.${column}`).toEqual([scope].flat());
    }
  });
});
