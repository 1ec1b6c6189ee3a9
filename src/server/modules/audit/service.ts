import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditEntries, users } from '../../db/schema/index.ts';
import type { RequestContext } from '../../context.ts';
import type { PersonalLinkKind } from '../../../shared/personal-links.ts';

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
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent ?? null,
  });
}

/** What a personal link was used for: opened (its page asked the API), or the act it exists for. */
export type LinkUse = 'open' | 'reportAbsence' | 'answer' | 'sign' | 'save' | 'submit' | 'accept';

/**
 * Records one use of a personal link in its network's audit log: which link (its record's id, never the token),
 * what was done, and, as every entry, when and from where. The person is named by id in `after`.
 */
export async function recordLinkUse(
  tx: DbOrTx,
  ctx: RequestContext,
  use: { kind: PersonalLinkKind; linkId: string; networkId: string | null; action: LinkUse; details?: Record<string, unknown> },
): Promise<void> {
  await recordAudit(tx, ctx, {
    networkId: use.networkId,
    entityType: 'personalLink',
    entityId: use.linkId,
    action: use.action,
    after: { kind: use.kind, ...use.details },
  });
}

/** Keys that hold a secret or its hash: never copied into the log, whatever row a caller hands over. */
const SECRET_KEYS = new Set(['tokenHash', 'absenceTokenHash', 'passwordHash', 'csrfToken', 'token', 'codeVerifier']);

function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => (SECRET_KEYS.has(key) ? undefined : v)) as unknown;
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
      ip: auditEntries.ip,
      userAgent: auditEntries.userAgent,
    })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .limit(filter.limit);
}
