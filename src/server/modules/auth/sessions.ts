import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { roleAssignments, sessions, users } from '../../db/schema/index.ts';
import type { AuthUser, RoleGrant } from '../../context.ts';
import { CHANGE_COUNTERS_JSON } from '../../db/change-counters.ts';

export const SESSION_COOKIE = 'dr_session';
const SESSION_HOURS = 12;
const RENEW_AFTER_HOURS = 1;

export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: DbOrTx, userId: string): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export interface LoadedSession {
  user: AuthUser;
  roles: RoleGrant[];
  csrfToken: string;
  expiresAt: Date;
  /** Every change scope's version as the session was read (db/change-counters.ts). */
  changeCounters: Record<string, number>;
}

/**
 * The look-up of a session with its user and roles (in the same query: every logged-in request pays for it), and the
 * change counters a kept answer is checked against (one round trip fewer for each of those), as a named prepared
 * statement per database: planning it cost four times its running.
 */
function sessionLookup(db: DbOrTx) {
  return db
    .select({
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      id: users.id,
      email: users.email,
      name: users.name,
      language: users.language,
      passwordHash: users.passwordHash,
      roles: sql<
        RoleGrant[]
      >`coalesce((select json_agg(json_build_object('role', ra.role, 'networkId', ra.network_id, 'municipalityNumber', ra.municipality_number))
        from ${roleAssignments} ra where ra.user_id = "users"."id"), '[]'::json)`,
      changeCounters: CHANGE_COUNTERS_JSON,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now')), eq(users.disabled, false)))
    .prepare('load_session');
}

const lookups = new WeakMap<DbOrTx, ReturnType<typeof sessionLookup>>();

/** The session behind a cookie token with its user and roles, or null if unknown, expired or disabled. */
export async function loadSession(db: DbOrTx, token: string): Promise<LoadedSession | null> {
  const tokenHash = hashToken(token);
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = sessionLookup(db)));
  const [row] = await lookup.execute({ tokenHash, now: new Date() });
  if (!row) return null;
  // Sliding expiry, written at most once an hour per session.
  const renewBefore = Date.now() + (SESSION_HOURS - RENEW_AFTER_HOURS) * 3600_000;
  let expiresAt = row.expiresAt;
  if (expiresAt.getTime() < renewBefore) {
    expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    await db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash));
  }
  return {
    user: { id: row.id, email: row.email, name: row.name, language: row.language, hasPassword: row.passwordHash !== null },
    roles: row.roles,
    csrfToken: row.csrfToken,
    expiresAt,
    changeCounters: row.changeCounters,
  };
}

export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Ends every session of the account but the one whose token is given (none when left out), in one statement. */
export async function deleteSessionsOfUser(db: DbOrTx, userId: string, exceptToken?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptToken ? ne(sessions.tokenHash, hashToken(exceptToken)) : undefined));
}

export async function deleteExpiredSessions(db: DbOrTx): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
