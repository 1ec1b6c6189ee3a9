import { and, asc, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { invitations, municipalities, networks, roleAssignments, users } from '../../db/schema/index.ts';
import { AppError, conflict, inUse, invalidField, notFound } from '../../errors.ts';
import type {
  ChangePasswordInput,
  CurrentUser,
  InvitationCreateInput,
  LoginInput,
  RoleAssignment,
  RoleAssignmentInput,
  UserSummary,
} from '../../../shared/auth/schema.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { recordAudit } from '../audit/index.ts';
import { queueEmail } from '../mail/index.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createSession, deleteSessionsOfUser, hashToken, newToken } from './sessions.ts';
import { administeredMunicipalities, administeredNetworkIds, assertCan, NOWHERE, ofRole, ofUser, requireUser } from '../../access/index.ts';

const INVITATION_DAYS = 14;

export async function login(ctx: RequestContext, input: LoginInput) {
  const email = input.email.toLowerCase();
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid || user.disabled) throw new AppError('invalid_credentials');
  return startSession(ctx.db, user.id);
}

export async function startSession(db: DbOrTx, userId: string) {
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
  return createSession(db, userId);
}

async function rolesOf(db: DbOrTx, userIds: string[]): Promise<Map<string, RoleAssignment[]>> {
  const result = new Map<string, RoleAssignment[]>();
  if (userIds.length === 0) return result;
  const rows = await db
    .select({ assignment: roleAssignments, networkName: networks.name, municipalityName: municipalities.name })
    .from(roleAssignments)
    .leftJoin(networks, eq(networks.id, roleAssignments.networkId))
    .leftJoin(municipalities, eq(municipalities.number, roleAssignments.municipalityNumber))
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.createdAt));
  for (const { assignment, networkName, municipalityName } of rows) {
    const list = result.get(assignment.userId) ?? [];
    list.push({
      id: assignment.id,
      role: assignment.role,
      networkId: assignment.networkId,
      networkName,
      municipalityNumber: assignment.municipalityNumber,
      municipalityName,
    });
    result.set(assignment.userId, list);
  }
  return result;
}

export async function currentUser(ctx: RequestContext, csrfToken: string | null): Promise<CurrentUser> {
  if (!ctx.user) return { user: null, csrfToken: null };
  const roles = (await rolesOf(ctx.db, [ctx.user.id])).get(ctx.user.id) ?? [];
  return { user: { ...ctx.user, roles }, csrfToken };
}

export async function changePassword(ctx: RequestContext, input: ChangePasswordInput, keepSessionToken: string | null) {
  const me = requireUser(ctx);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, me.id));
  if (!user) throw notFound();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw invalidField('currentPassword', 'passwordMismatch');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, me.id));
    // Other sessions may belong to whoever knew the old password.
    await deleteSessionsOfUser(tx, me.id, keepSessionToken ?? undefined);
    await recordAudit(tx, ctx, { entityType: 'user', entityId: me.id, action: 'changePassword' });
  });
}

export async function setLanguage(ctx: RequestContext, language: Language) {
  const me = requireUser(ctx);
  await ctx.db.update(users).set({ language }).where(eq(users.id, me.id));
}

// ---------------------------------------------------------------- administration

function statusOf(user: typeof users.$inferSelect): UserSummary['status'] {
  if (user.disabled) return 'disabled';
  return user.passwordHash || user.oidcSubject ? 'active' : 'invited';
}

/** The networks whose administration the caller reaches ('all' for the platform administrator); 403 for anyone else. */
export async function administrationScope(ctx: RequestContext): Promise<string[] | 'all'> {
  await assertCan(ctx, 'admin.use', NOWHERE);
  return administeredNetworkIds(ctx);
}

/**
 * The platform administrator gives any role. A network's secretariat gives the network roles of its own network, and
 * the editor role for its member municipalities. Nobody else gives roles (`role.grant`).
 */
async function assertCanGrant(ctx: RequestContext, role: RoleAssignmentInput): Promise<void> {
  await assertCan(ctx, 'role.grant', await ofRole(ctx, role));
}

/** Users the caller administers: everyone for the platform administrator, else those with a role in their networks. */
export async function listUsers(ctx: RequestContext): Promise<UserSummary[]> {
  const networkIds = await administrationScope(ctx);
  let rows: (typeof users.$inferSelect)[];
  if (networkIds === 'all') {
    rows = await ctx.db.select().from(users);
  } else {
    const memberMunicipalities = await administeredMunicipalities(ctx, networkIds);
    const ids = await ctx.db
      .selectDistinct({ userId: roleAssignments.userId })
      .from(roleAssignments)
      .where(
        or(
          inArray(roleAssignments.networkId, networkIds),
          memberMunicipalities.length > 0 ? inArray(roleAssignments.municipalityNumber, memberMunicipalities) : undefined,
        ),
      );
    rows =
      ids.length === 0
        ? []
        : await ctx.db
            .select()
            .from(users)
            .where(
              inArray(
                users.id,
                ids.map((r) => r.userId),
              ),
            );
  }
  const roles = await rolesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows
    .map((u) => ({ id: u.id, email: u.email, name: u.name, status: statusOf(u), roles: roles.get(u.id) ?? [] }))
    .sort((a, b) => compareNorwegian(a.name, b.name));
}

/** An account with a role where the caller administers (`user.manage`): 403 for non-administrators, 404 otherwise. */
async function requireManagedUser(ctx: RequestContext, userId: string): Promise<UserSummary> {
  await assertCan(ctx, 'user.manage', await ofUser(ctx, userId));
  return summary(ctx.db, userId);
}

async function checkRoleTargets(ctx: RequestContext, role: RoleAssignmentInput, index?: number) {
  const prefix = index === undefined ? '' : `roles.${index}.`;
  if (role.networkId) {
    const [network] = await ctx.db.select({ id: networks.id }).from(networks).where(eq(networks.id, role.networkId));
    if (!network) throw invalidField(`${prefix}networkId`, 'invalid');
  }
  if (role.municipalityNumber) {
    const [m] = await ctx.db
      .select({ n: municipalities.number })
      .from(municipalities)
      .where(eq(municipalities.number, role.municipalityNumber));
    if (!m) throw invalidField(`${prefix}municipalityNumber`, 'invalid');
  }
}

function scopeOf(role: RoleAssignmentInput) {
  return {
    role: role.role,
    networkId: role.role === 'networkAdmin' || role.role === 'networkMember' ? (role.networkId ?? null) : null,
    municipalityNumber: role.role === 'municipalityEditor' ? (role.municipalityNumber ?? null) : null,
  };
}

export async function grantRole(ctx: RequestContext, userId: string, input: RoleAssignmentInput): Promise<UserSummary> {
  await checkRoleTargets(ctx, input);
  await assertCanGrant(ctx, input);
  await requireManagedUserOrAny(ctx, userId);
  const scope = scopeOf(input);
  const existing = await ctx.db
    .select()
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, userId),
        eq(roleAssignments.role, scope.role),
        scope.networkId ? eq(roleAssignments.networkId, scope.networkId) : isNull(roleAssignments.networkId),
        scope.municipalityNumber
          ? eq(roleAssignments.municipalityNumber, scope.municipalityNumber)
          : isNull(roleAssignments.municipalityNumber),
      ),
    );
  if (existing.length > 0) throw conflict();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(roleAssignments)
      .values({ userId, ...scope })
      .returning();
    await recordAudit(tx, ctx, {
      networkId: scope.networkId,
      entityType: 'roleAssignment',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
  });
  return requireManagedUser(ctx, userId);
}

/** Granting a role to a user who has none in the caller's networks yet must still find them. */
async function requireManagedUserOrAny(ctx: RequestContext, userId: string) {
  const [user] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound();
}

export async function revokeRole(ctx: RequestContext, userId: string, roleId: string): Promise<UserSummary> {
  const user = await requireManagedUser(ctx, userId);
  const [row] = await ctx.db
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.id, roleId), eq(roleAssignments.userId, userId)));
  if (!row) throw notFound();
  await assertCanGrant(ctx, row);
  // The last platform administrator cannot be removed, or nobody could administer the platform.
  if (row.role === 'platformAdmin') {
    const admins = await ctx.db.select({ id: roleAssignments.id }).from(roleAssignments).where(eq(roleAssignments.role, 'platformAdmin'));
    if (admins.length <= 1) throw inUse();
  }
  await ctx.db.transaction(async (tx) => {
    await tx.delete(roleAssignments).where(eq(roleAssignments.id, roleId));
    await recordAudit(tx, ctx, { networkId: row.networkId, entityType: 'roleAssignment', entityId: roleId, action: 'delete', before: row });
  });
  return (await listUsers(ctx)).find((u) => u.id === userId) ?? { ...user, roles: user.roles.filter((r) => r.id !== roleId) };
}

/** Creates the account without a password and e-mails a link where the person chooses one. */
export async function inviteUser(ctx: RequestContext, input: InvitationCreateInput, publicUrl: string) {
  const inviter = requireUser(ctx);
  for (const [index, role] of input.roles.entries()) {
    await checkRoleTargets(ctx, role, index);
    await assertCanGrant(ctx, role);
  }
  const email = input.email.toLowerCase();
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw invalidField('email', 'invalid');
  const token = newToken();
  const invitationUrl = `${publicUrl.replace(/\/$/, '')}/invitasjon/${token}`;
  const scopes = input.roles.map(scopeOf);
  const unique = scopes.filter((s, i) => scopes.findIndex((t) => JSON.stringify(t) === JSON.stringify(s)) === i);
  const networkId = unique.find((s) => s.networkId)?.networkId ?? (await inviterNetworkFor(ctx, unique));
  const userId = await ctx.db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email, name: input.name, language: ctx.language }).returning();
    if (!user) throw new AppError('internal_error');
    await tx.insert(roleAssignments).values(unique.map((s) => ({ userId: user.id, ...s })));
    await tx.insert(invitations).values({
      tokenHash: hashToken(token),
      userId: user.id,
      invitedBy: inviter.id,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000),
    });
    await queueEmail(tx, {
      to: email,
      networkId,
      subject: 'Invitasjon til Digiregion',
      text: `Hei ${input.name}!\n\n${inviter.name} har invitert deg til Digiregion.\nVelg passord her innen ${INVITATION_DAYS} dager:\n${invitationUrl}\n`,
    });
    await recordAudit(tx, ctx, {
      networkId,
      entityType: 'user',
      entityId: user.id,
      action: 'invite',
      after: { email, name: input.name, roles: unique },
    });
    return user.id;
  });
  return { user: await summary(ctx.db, userId), invitationUrl };
}

/**
 * The network an invitation giving only editor roles belongs to: the inviting secretariat's network of
 * which the municipality is a member, so the e-mail lands in that secretariat's outbox and audit log.
 */
async function inviterNetworkFor(ctx: RequestContext, scopes: { municipalityNumber: string | null }[]): Promise<string | null> {
  const administered = administeredNetworkIds(ctx);
  if (administered === 'all') return null;
  const numbers = new Set(scopes.flatMap((s) => (s.municipalityNumber ? [s.municipalityNumber] : [])));
  for (const networkId of administered) {
    if ((await administeredMunicipalities(ctx, [networkId])).some((n) => numbers.has(n))) return networkId;
  }
  return null;
}

async function summary(db: DbOrTx, userId: string): Promise<UserSummary> {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) throw notFound();
  return { id: u.id, email: u.email, name: u.name, status: statusOf(u), roles: (await rolesOf(db, [u.id])).get(u.id) ?? [] };
}

async function findOpenInvitation(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ invitation: invitations, user: users })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())));
  if (!row) throw notFound();
  return row;
}

export async function getInvitation(ctx: RequestContext, token: string) {
  const { user } = await findOpenInvitation(ctx.db, token);
  return { email: user.email, name: user.name };
}

export async function acceptInvitation(ctx: RequestContext, token: string, password: string) {
  const { invitation, user } = await findOpenInvitation(ctx.db, token);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.tokenHash, invitation.tokenHash));
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(
      tx,
      { ...ctx, user: { id: user.id, email: user.email, name: user.name, language: user.language, hasPassword: true } },
      {
        entityType: 'user',
        entityId: user.id,
        action: 'acceptInvitation',
      },
    );
  });
  return startSession(ctx.db, user.id);
}

/**
 * The first platform administrator of an installation, made from the command line: an account with
 * the role and an invitation link to choose a password. Refused if the e-mail is taken.
 */
export async function createPlatformAdministrator(db: DbOrTx, email: string, name: string, publicUrl: string): Promise<string> {
  const token = newToken();
  await db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email: email.toLowerCase(), name }).returning();
    if (!user) throw new AppError('internal_error');
    await tx.insert(roleAssignments).values({ userId: user.id, role: 'platformAdmin' });
    await tx
      .insert(invitations)
      .values({ tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000) });
  });
  return `${publicUrl.replace(/\/$/, '')}/invitasjon/${token}`;
}
