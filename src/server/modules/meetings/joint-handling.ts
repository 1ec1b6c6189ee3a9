import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { JointHandlingInput, Meeting } from '../../../shared/meetings/schema.ts';
import type { RequestContext } from '../../context.ts';
import { agendaItems, consultations, meetings } from '../../db/schema/index.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { AppError, invalidField, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { writableMeeting } from './records.ts';
import * as repo from './repo.ts';
import { getMeeting, searchTextOf } from './service.ts';

/**
 * Samlet behandling: the chosen items of a meeting in progress are handled together with one decision (and one
 * deliberation, if given), written on each of them with the group's id, so each case's own record (the minutes, the
 * decision search, the public pages) carries the decision. One audit entry names them all. The meeting's version
 * guards it, as the agenda's order is guarded.
 */
export async function handleJointly(ctx: RequestContext, meetingId: string, input: JointHandlingInput): Promise<Meeting> {
  const { meeting, body } = await writableMeeting(ctx, meetingId);
  // Before the summons nothing is handled; a written procedure decides by the members' answers.
  if (meeting.status === 'planned' || meeting.writtenProcedure) throw new AppError('invalid_state');
  if (new Set(input.itemIds).size !== input.itemIds.length) throw invalidField('itemIds', 'invalid');
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, meetings, meetingId, input.version, {});
    const rows = await repo.listItems(tx, [meetingId]);
    const chosen = input.itemIds.map((id) => rows.find((r) => r.item.id === id));
    // Each must be on this meeting, not moved on (postponed or withdrawn), and not already in another group.
    const fits = (r: (typeof rows)[number] | undefined) =>
      r !== undefined && r.item.outcome !== 'postponed' && r.item.outcome !== 'withdrawn' && r.item.jointHandlingId === null;
    if (!chosen.every(fits)) throw invalidField('itemIds', 'invalid');
    const items = chosen.filter((r) => r !== undefined);
    const jointHandlingId = randomUUID();
    for (const { item, case: c, consultation } of items) {
      const deliberation = input.deliberation ?? item.deliberation;
      await tx
        .update(agendaItems)
        .set({
          jointHandlingId,
          decision: input.decision,
          outcome: input.outcome,
          deliberation,
          searchText: searchTextOf(c.title, consultation.recommendation, { deliberation, decision: input.decision }),
          version: sql`${agendaItems.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(agendaItems.id, item.id));
    }
    await tx
      .update(consultations)
      .set({ decidedAt: new Date(), updatedAt: new Date() })
      .where(
        inArray(
          consultations.id,
          items.map((r) => r.consultation.id),
        ),
      );
    await recordAudit(tx, ctx, {
      networkId: body.networkId,
      entityType: 'meeting',
      entityId: meetingId,
      action: 'jointHandling',
      before: items.map((r) => ({ id: r.item.id, outcome: r.item.outcome, decision: r.item.decision, deliberation: r.item.deliberation })),
      after: {
        jointHandlingId,
        itemIds: input.itemIds,
        outcome: input.outcome,
        decision: input.decision,
        deliberation: input.deliberation,
      },
    });
  });
  return getMeeting(ctx, meetingId);
}

/**
 * Takes one item out of its joint handling, to be handled on its own; its decision stays until edited. A group left
 * with one item is no group, so that one is let go too.
 */
export async function leaveJointHandling(ctx: RequestContext, itemId: string, version: number): Promise<Meeting> {
  const row = await repo.findItem(ctx.db, itemId);
  if (!row || row.meeting.deletedAt) throw notFound();
  const { body } = await writableMeeting(ctx, row.meeting.id);
  const groupId = row.item.jointHandlingId;
  if (!groupId) throw new AppError('invalid_state');
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, agendaItems, itemId, version, { jointHandlingId: null });
    const rest = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, row.meeting.id), eq(agendaItems.jointHandlingId, groupId)));
    if (rest.length === 1)
      await tx
        .update(agendaItems)
        .set({ jointHandlingId: null, version: sql`${agendaItems.version} + 1`, updatedAt: new Date() })
        .where(eq(agendaItems.id, rest[0]!.id));
    await recordAudit(tx, ctx, {
      networkId: body.networkId,
      entityType: 'agendaItem',
      entityId: itemId,
      action: 'leaveJointHandling',
      before: { jointHandlingId: groupId },
      after: { jointHandlingId: null, dissolved: rest.length <= 1 },
    });
  });
  return getMeeting(ctx, row.meeting.id);
}
