import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditEntries, users } from '../../db/schema/index.ts';
import type { RequestContext } from '../../context.ts';

export interface AuditChange {
  networkId?: string | null;
  entityType: string;
  entityId: string;
  /** create, update, delete, or a named action such as invite or changePassword. */
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit entry. Call it with the transaction that makes the change, so both land or neither. */
export async function recordAudit(tx: DbOrTx, ctx: RequestContext, change: AuditChange): Promise<void> {
  await tx.insert(auditEntries).values({
    actorId: ctx.user?.id ?? null,
    networkId: change.networkId ?? null,
    entityType: change.entityType,
    entityId: change.entityId,
    action: change.action,
    before: toJson(change.before),
    after: toJson(change.after),
    requestId: ctx.requestId,
  });
}

function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

export async function listAuditEntries(db: DbOrTx, filter: { networkId?: string; entityType?: string; entityId?: string; limit: number }) {
  const conditions = [
    filter.networkId ? eq(auditEntries.networkId, filter.networkId) : undefined,
    filter.entityType ? eq(auditEntries.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditEntries.entityId, filter.entityId) : undefined,
  ];
  return db
    .select({
      id: auditEntries.id,
      at: auditEntries.at,
      actorName: users.name,
      action: auditEntries.action,
      entityType: auditEntries.entityType,
      entityId: auditEntries.entityId,
      before: auditEntries.before,
      after: auditEntries.after,
    })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .limit(filter.limit);
}
