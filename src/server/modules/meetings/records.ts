import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { bodies, meetings, networks } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCan, inNetwork } from '../../access/index.ts';

/**
 * Finding a body or meeting, then asking the access module: the network's internal readers read everything, exempt
 * papers included (`network.readInternals`); only the secretariat changes anything (`network.administer`). The
 * public sees what publicAccess shows them.
 */

export async function findBody(db: DbOrTx, bodyId: string) {
  const [row] = await db
    .select({ body: bodies, networkName: networks.name })
    .from(bodies)
    .innerJoin(networks, eq(networks.id, bodies.networkId))
    .where(eq(bodies.id, bodyId));
  return row ? { ...row.body, networkName: row.networkName } : null;
}
export type BodyWithNetwork = NonNullable<Awaited<ReturnType<typeof findBody>>>;

export async function readableBody(ctx: RequestContext, bodyId: string): Promise<BodyWithNetwork> {
  const body = await findBody(ctx.db, bodyId);
  if (!body) throw notFound();
  await assertCan(ctx, 'network.readInternals', inNetwork(body.networkId));
  return body;
}

export async function writableBody(ctx: RequestContext, bodyId: string): Promise<BodyWithNetwork> {
  const body = await findBody(ctx.db, bodyId);
  if (!body) throw notFound();
  await assertCan(ctx, 'network.administer', inNetwork(body.networkId));
  return body;
}

async function findMeeting(db: DbOrTx, meetingId: string) {
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  return meeting && !meeting.deletedAt ? meeting : null;
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export async function readableMeeting(ctx: RequestContext, meetingId: string) {
  const meeting = await findMeeting(ctx.db, meetingId);
  if (!meeting) throw notFound();
  return { meeting, body: await readableBody(ctx, meeting.bodyId) };
}

/** The secretariat's meeting, still open for changes: approved minutes lock it for good. */
export async function writableMeeting(ctx: RequestContext, meetingId: string) {
  const meeting = await findMeeting(ctx.db, meetingId);
  if (!meeting) throw notFound();
  const body = await writableBody(ctx, meeting.bodyId);
  assertUnlocked(meeting);
  return { meeting, body };
}

export const isLocked = (meeting: { status: string }) => meeting.status === 'minutesApproved';

export function assertUnlocked(meeting: { status: string }) {
  if (isLocked(meeting)) throw new AppError('locked');
}
