import { and, asc, eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { sharedSolutions, solutionAdoptions } from '../../db/schema/index.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { notFound, staleVersion } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { renderTable, type ExportFormat } from '../documents/index.ts';
import type { Adoption, AdoptionInput } from '../../../shared/mapping/schema.ts';
import { readableMunicipality, writableMunicipality } from './records.ts';
import { presentAdoption } from './presenter.ts';
import { ADOPTION_LABELS, DELIVERED_VIA_LABELS, HEADINGS, type Heading } from './sheet-terms.ts';

/**
 * Sets a municipality's status for a shared solution: the first status is created, a later one updates it
 * and must carry the version it saw (409 when it is missing or old, so no one overwrites a status unseen).
 */
export async function setAdoption(ctx: RequestContext, number: string, solutionKey: string, input: AdoptionInput): Promise<Adoption> {
  await writableMunicipality(ctx, number);
  const [solution] = await ctx.db.select({ key: sharedSolutions.key }).from(sharedSolutions).where(eq(sharedSolutions.key, solutionKey));
  if (!solution) throw notFound();
  const values = {
    status: input.status,
    deliveredVia: input.deliveredVia ?? null,
    since: input.since ?? null,
    note: input.note ?? null,
  };
  const [before] = await ctx.db
    .select()
    .from(solutionAdoptions)
    .where(and(eq(solutionAdoptions.municipalityNumber, number), eq(solutionAdoptions.solutionKey, solutionKey)));
  const after = await ctx.db.transaction(async (tx) => {
    if (!before) {
      const [row] = await tx
        .insert(solutionAdoptions)
        .values({ ...values, municipalityNumber: number, solutionKey })
        .onConflictDoNothing()
        .returning();
      // Someone else set the first status a moment ago: this save did not see it.
      if (!row) throw staleVersion();
      await recordAudit(tx, ctx, { entityType: 'solutionAdoption', entityId: row.id, action: 'create', after: row });
      return row;
    }
    if (input.version === undefined) throw staleVersion();
    const row = await updateVersioned(tx, solutionAdoptions, before.id, input.version, values);
    await recordAudit(tx, ctx, { entityType: 'solutionAdoption', entityId: row.id, action: 'update', before, after: row });
    return row;
  });
  return presentAdoption(after);
}

/** The municipality's status for every shared solution, as XLSX or CSV. */
export async function exportAdoptions(ctx: RequestContext, number: string, format: ExportFormat) {
  await readableMunicipality(ctx, number);
  const solutions = await ctx.db.select().from(sharedSolutions).orderBy(asc(sharedSolutions.sortOrder));
  const rows = await ctx.db.select().from(solutionAdoptions).where(eq(solutionAdoptions.municipalityNumber, number));
  const byKey = new Map(rows.map((r) => [r.solutionKey, r]));
  const lang = ctx.language;
  const label = (heading: Heading) => HEADINGS[heading][lang];
  const list = solutions.map((s) => ({ solution: s, adoption: byKey.get(s.key) ?? null }));
  return renderTable<(typeof list)[number]>(
    format,
    `fellesloesninger-${number}`,
    [
      { header: label('solution'), value: (r) => r.solution.name, width: 36 },
      { header: label('owner'), value: (r) => r.solution.owner, width: 20 },
      { header: label('status'), value: (r) => (r.adoption ? ADOPTION_LABELS[r.adoption.status][lang] : null), width: 18 },
      {
        header: label('deliveredVia'),
        value: (r) => (r.adoption?.deliveredVia ? DELIVERED_VIA_LABELS[r.adoption.deliveredVia][lang] : null),
        width: 18,
      },
      { header: label('since'), value: (r) => r.adoption?.since ?? null, width: 12 },
      { header: label('note'), value: (r) => r.adoption?.note ?? null, width: 40 },
    ],
    list,
  );
}
