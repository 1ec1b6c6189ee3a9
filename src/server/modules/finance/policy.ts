import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { feeSchedules } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCanAdministerNetwork, assertCanReadNetworkInternals, requireUser } from '../network/index.ts';

/**
 * Who may read and change member fees: the network's internal readers read its schedules; its secretariat (network
 * administrator, or the platform administrator) writes and adopts them. Outside the network: 404, as if absent.
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
  await assertCanReadNetworkInternals(ctx, row.networkId);
  return row;
}

export async function writableSchedule(ctx: RequestContext, id: string): Promise<FeeScheduleRow> {
  requireUser(ctx);
  const row = await findSchedule(ctx, id);
  await assertCanAdministerNetwork(ctx, row.networkId);
  return row;
}

/** An adopted schedule is what the municipalities are invoiced by: it is never changed. */
export function assertDraft(row: FeeScheduleRow): void {
  if (row.status !== 'draft') throw new AppError('locked');
}
