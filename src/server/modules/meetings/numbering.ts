import { and, eq, max, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { caseNumberCounters, consultations } from '../../db/schema/index.ts';
import { invalidField } from '../../errors.ts';
import type { CaseNumbering } from '../../../shared/meetings/schema.ts';
import { recordAudit } from '../audit/index.ts';
import { readableBody, writableBody } from './records.ts';

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

/** The highest number in use and the number the next case gets, per body and year. */
export async function caseNumberingOf(db: DbOrTx, bodyId: string, year: number): Promise<CaseNumbering> {
  const [counter] = await db
    .select({ last: caseNumberCounters.last })
    .from(caseNumberCounters)
    .where(and(eq(caseNumberCounters.bodyId, bodyId), eq(caseNumberCounters.year, year)));
  const [used] = await db
    .select({ max: max(consultations.sequence) })
    .from(consultations)
    .where(and(eq(consultations.bodyId, bodyId), eq(consultations.year, year)));
  const last = Math.max(counter?.last ?? 0, used?.max ?? 0);
  return { year, lastUsed: used?.max ?? null, next: last + 1 };
}

export async function getCaseNumbering(ctx: RequestContext, bodyId: string, year: number): Promise<CaseNumbering> {
  await readableBody(ctx, bodyId);
  return caseNumberingOf(ctx.db, bodyId, year);
}

/**
 * Sets the number the body's next case gets in a year: a body that numbered its cases up to 111/26 elsewhere goes
 * on at 112/26. Only upwards, never at or below a number given: no number is handed out twice.
 */
export async function setNextCaseNumber(ctx: RequestContext, bodyId: string, year: number, next: number): Promise<CaseNumbering> {
  const body = await writableBody(ctx, bodyId);
  await ctx.db.transaction(async (tx) => {
    // The counter row is locked (or created) first, so two settings and a summons at once are taken in turn.
    await tx
      .insert(caseNumberCounters)
      .values({ bodyId, year, last: 0 })
      .onConflictDoUpdate({ target: [caseNumberCounters.bodyId, caseNumberCounters.year], set: { last: sql`${caseNumberCounters.last}` } });
    const before = await caseNumberingOf(tx, bodyId, year);
    if (next < before.next) throw invalidField('next', 'tooSmall', { min: before.next });
    await tx
      .update(caseNumberCounters)
      .set({ last: next - 1 })
      .where(and(eq(caseNumberCounters.bodyId, bodyId), eq(caseNumberCounters.year, year)));
    await recordAudit(tx, ctx, {
      networkId: body.networkId,
      entityType: 'body',
      entityId: bodyId,
      action: 'setNextCaseNumber',
      before,
      after: { year, next },
    });
  });
  return caseNumberingOf(ctx.db, bodyId, year);
}
