import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { sharedSolutions } from '../../db/schema/index.ts';
import { PROJECT_ROOT } from '../../project-root.ts';

export const SHARED_SOLUTIONS_JSON = join(PROJECT_ROOT, 'data/reference/shared-solutions.json');

const CatalogSchema = z.array(
  z.object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    owner: z.string().min(1),
    purpose: z.string().min(1),
    source: z.url(),
    validFrom: z.iso.date(),
    validTo: z.iso.date().nullish(),
  }),
);

/**
 * Loads the shared-solution catalog: new entries are added, changed ones updated. An entry missing from
 * the file is kept (adoptions point to it); the file closes it with validTo instead.
 */
export async function loadSharedSolutions(db: DbOrTx, path = SHARED_SOLUTIONS_JSON): Promise<number> {
  const catalog = CatalogSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  const rows = catalog.map((s, sortOrder) => ({ ...s, validTo: s.validTo ?? null, sortOrder }));
  await db
    .insert(sharedSolutions)
    .values(rows)
    .onConflictDoUpdate({
      target: sharedSolutions.key,
      set: {
        name: sql`excluded.name`,
        owner: sql`excluded.owner`,
        purpose: sql`excluded.purpose`,
        source: sql`excluded.source`,
        validFrom: sql`excluded.valid_from`,
        validTo: sql`excluded.valid_to`,
        sortOrder: sql`excluded.sort_order`,
      },
      // Unchanged rows are left alone, so a restart does not move the change counter.
      setWhere: sql`(${sharedSolutions.name}, ${sharedSolutions.owner}, ${sharedSolutions.purpose}, ${sharedSolutions.source}, ${sharedSolutions.validFrom}, ${sharedSolutions.validTo}, ${sharedSolutions.sortOrder}) is distinct from (excluded.name, excluded.owner, excluded.purpose, excluded.source, excluded.valid_from, excluded.valid_to, excluded.sort_order)`,
    });
  return rows.length;
}
