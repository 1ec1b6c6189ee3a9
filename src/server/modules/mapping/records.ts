import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { municipalities } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { assertCan, ofMunicipality, requireUser } from '../../access/index.ts';

/**
 * Finding the municipality whose mapping is asked for, then asking the access module. A municipality's applications
 * and adoptions are entered once and seen by every network it is a current member of (decision 0008): its editors and
 * the secretariat of any of those networks change them (`mapping.write`), everyone who reads one of those networks'
 * internal pages reads them (`mapping.read`).
 */

async function requireMunicipality(db: DbOrTx, number: string) {
  const [row] = await db
    .select({ number: municipalities.number, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.number, number));
  if (!row) throw notFound();
  return row;
}

/** The municipality, if the caller may read its mapping; 404 otherwise. */
export async function readableMunicipality(ctx: RequestContext, number: string) {
  requireUser(ctx);
  const municipality = await requireMunicipality(ctx.db, number);
  await assertCan(ctx, 'mapping.read', await ofMunicipality(ctx, number));
  return municipality;
}

/** The municipality, if the caller may change its mapping; 403 if they may only read it, 404 if not even that. */
export async function writableMunicipality(ctx: RequestContext, number: string) {
  requireUser(ctx);
  const municipality = await requireMunicipality(ctx.db, number);
  await assertCan(ctx, 'mapping.write', await ofMunicipality(ctx, number));
  return municipality;
}
