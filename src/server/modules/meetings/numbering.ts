import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { caseNumberCounters, consultations } from '../../db/schema/index.ts';

/**
 * Gives a case its number before a body, NNN/YY, from a counter per body and year. The counter only
 * grows, and a numbered consultation is never deleted, so a number is never handed out twice.
 */
export async function assignCaseNumber(tx: DbOrTx, consultation: { id: string; bodyId: string; sequence: number | null }, year: number) {
  if (consultation.sequence !== null) return;
  const [counter] = await tx
    .insert(caseNumberCounters)
    .values({ bodyId: consultation.bodyId, year, last: 1 })
    .onConflictDoUpdate({
      target: [caseNumberCounters.bodyId, caseNumberCounters.year],
      set: { last: sql`${caseNumberCounters.last} + 1` },
    })
    .returning({ last: caseNumberCounters.last });
  await tx.update(consultations).set({ year, sequence: counter!.last }).where(eq(consultations.id, consultation.id));
}
