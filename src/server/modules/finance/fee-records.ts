import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { feeSchedules } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCan, inNetwork, requireUser } from '../../access/index.ts';

/**
 * Finding a fee schedule, then asking the access module: the network's internal readers read its schedules
 * (`network.readInternals`); its secretariat writes and adopts them (`network.administer`). Outside the network: 404.
 */

export type FeeScheduleRow = typeof feeSchedules.$inferSelect;

async function findSchedule(ctx: RequestContext, id: string): Promise<FeeScheduleRow> {
  const [row] = await ctx.db.select().from(feeSchedules).where(eq(feeSchedules.id, id));
  if (!row) throw notFound();
  return row;
}

export async function readableSchedule(ctx: RequestContext, id: string): Promise<FeeScheduleRow> {
  requireUser(ctx);
  const row = await findSchedule(ctx, id);
  await assertCan(ctx, 'network.readInternals', inNetwork(row.networkId));
  return row;
}

export async function writableSchedule(ctx: RequestContext, id: string): Promise<FeeScheduleRow> {
  requireUser(ctx);
  const row = await findSchedule(ctx, id);
  await assertCan(ctx, 'network.administer', inNetwork(row.networkId));
  return row;
}

/** An adopted schedule is what the municipalities are invoiced by: it is never changed. */
export function assertDraft(row: FeeScheduleRow): void {
  if (row.status !== 'draft') throw new AppError('locked');
}
