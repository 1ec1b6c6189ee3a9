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

/**
 * Moves the counter of a body and year on to at least `atLeast`, never back: imported history (history-import.ts)
 * brings numbers given elsewhere, and the next case summoned here must follow the highest of them.
 */
export async function raiseCaseNumberCounter(tx: DbOrTx, bodyId: string, year: number, atLeast: number) {
  await tx
    .insert(caseNumberCounters)
    .values({ bodyId, year, last: atLeast })
    .onConflictDoUpdate({
      target: [caseNumberCounters.bodyId, caseNumberCounters.year],
      set: { last: sql`greatest(${caseNumberCounters.last}, ${atLeast})` },
    });
}
