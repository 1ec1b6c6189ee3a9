import { and, asc, count, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { invitations, municipalities, networks, passwordResets, roleAssignments, users } from '../../db/schema/index.ts';
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
import { recordAudit, recordLinkUse } from '../audit/index.ts';
import { personalLink, queueEmail, type LinkIssuer } from '../mail/index.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createSession, deleteSessionsOfUser, hashToken, newToken } from './sessions.ts';
import { administeredMunicipalities, administeredNetworkIds, assertCan, NOWHERE, ofRole, ofUser, requireUser } from '../../access/index.ts';

const INVITATION_DAYS = 14;
const PASSWORD_RESET_MINUTES = 60;
/** Requests per account and hour that send an e-mail; more are answered alike and send nothing. */
const PASSWORD_RESETS_PER_HOUR = 3;

export async function login(ctx: RequestContext, input: LoginInput) {
  const email = input.email.toLowerCase();
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid || user.disabled) throw new AppError('invalid_credentials');
  return ctx.db.transaction(async (tx) => {
    // The session starts only if the password checked is still the account's: a login that verified the old
    // password while a new one was being set gets no session that would outlive the change.
    const [current] = await tx
      .update(users)
      .set({ lastLoginAt: new Date() })
      .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash!), eq(users.disabled, false)))
      .returning({ id: users.id });
    if (!current) throw new AppError('invalid_credentials');
    return createSession(tx, user.id);
  });
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
    // Checked again under the row's lock: a password set meanwhile (another change, a reset) is not the one given.
    const [locked] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me.id)).for('update');
    if (locked?.passwordHash !== user.passwordHash) throw invalidField('currentPassword', 'passwordMismatch');
    // Other sessions may belong to whoever knew the old password.
    await setPassword(tx, me.id, passwordHash, keepSessionToken ?? undefined);
    await recordAudit(tx, ctx, { entityType: 'user', entityId: me.id, action: 'changePassword' });
  });
}

/**
 * Sets the account's password in the caller's transaction and ends every other way in: each session but the one
 * kept, and every invitation or password reset still open. Every path that sets a password goes through here.
 */
async function setPassword(tx: DbOrTx, userId: string, passwordHash: string, keepSessionToken?: string) {
  const now = new Date();
  await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId));
  await deleteSessionsOfUser(tx, userId, keepSessionToken);
  await tx
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.userId, userId), isNull(invitations.acceptedAt)));
  await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
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

/** Creates the account without a password and e-mails a link where the person chooses one; the link is theirs alone. */
export async function inviteUser(ctx: RequestContext, input: InvitationCreateInput): Promise<{ user: UserSummary }> {
  const inviter = requireUser(ctx);
  for (const [index, role] of input.roles.entries()) {
    await checkRoleTargets(ctx, role, index);
    await assertCanGrant(ctx, role);
  }
  const email = input.email.toLowerCase();
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw invalidField('email', 'invalid');
  const scopes = input.roles.map(scopeOf);
  const unique = scopes.filter((s, i) => scopes.findIndex((t) => JSON.stringify(t) === JSON.stringify(s)) === i);
  const networkId = unique.find((s) => s.networkId)?.networkId ?? (await inviterNetworkFor(ctx, unique));
  const userId = await ctx.db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email, name: input.name, language: ctx.language }).returning();
    if (!user) throw new AppError('internal_error');
    await tx.insert(roleAssignments).values(unique.map((s) => ({ userId: user.id, ...s })));
    const [invitation] = await tx
      .insert(invitations)
      .values({
        // Of a token nobody holds: the e-mail gives the invitation its real one as it is sent.
        tokenHash: hashToken(newToken()),
        userId: user.id,
        invitedBy: inviter.id,
        networkId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000),
      })
      .returning({ id: invitations.id });
    await queueEmail(tx, {
      to: email,
      networkId,
      subject: 'Invitasjon til Digiregion',
      text: `Hei ${input.name}!\n\n${inviter.name} har invitert deg til Digiregion.\nVelg passord her innen ${INVITATION_DAYS} dager:\n${personalLink('invitation', invitation!.id)}\n`,
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
  return { user: await summary(ctx.db, userId) };
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

/** The invitation behind a token: unknown is 404, used or run out is 410. */
async function findOpenInvitation(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ invitation: invitations, user: users })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) throw notFound();
  if (row.invitation.acceptedAt || row.invitation.expiresAt.getTime() <= Date.now() || row.user.disabled) throw new AppError('link_used');
  return row;
}

/** The invitation page asks who is invited: a use of the link, in the inviting network's audit log. */
export async function getInvitation(ctx: RequestContext, token: string) {
  const { invitation, user } = await findOpenInvitation(ctx.db, token);
  await recordLinkUse(ctx.db, ctx, {
    kind: 'invitation',
    linkId: invitation.id,
    networkId: invitation.networkId,
    action: 'open',
    details: { userId: user.id },
  });
  return { email: user.email, name: user.name };
}

/**
 * Takes the invitation once: the statement that finds it marks it accepted, so of requests at once with one link
 * exactly one sets the password and gets a session; the rest get 410 and change nothing.
 */
export async function acceptInvitation(ctx: RequestContext, token: string, password: string) {
  const { user } = await findOpenInvitation(ctx.db, token);
  // Hashed before the transaction: argon2 takes a while, and no row should wait for it.
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
      .returning();
    if (!taken) throw new AppError('link_used');
    await setPassword(tx, user.id, passwordHash);
    const asUser = { ...ctx, user: { id: user.id, email: user.email, name: user.name, language: user.language, hasPassword: true } };
    await recordAudit(tx, asUser, { networkId: taken.networkId, entityType: 'user', entityId: user.id, action: 'acceptInvitation' });
    await recordLinkUse(tx, asUser, {
      kind: 'invitation',
      linkId: taken.id,
      networkId: taken.networkId,
      action: 'accept',
      details: { userId: user.id },
    });
    return startSession(tx, user.id);
  });
}

// ---------------------------------------------------------------- forgotten password

/**
 * E-mails a link to choose a new password, if the address is an account's that signs in with a password (or has
 * not chosen one yet). The answer is the same whether or not it is: nobody learns who has an account. An account
 * that signs in only through single sign-on gets no link, so a password never goes round the identity provider.
 */
export async function requestPasswordReset(ctx: RequestContext, emailInput: string): Promise<void> {
  const email = emailInput.toLowerCase();
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
  if (!user || user.disabled || (user.passwordHash === null && user.oidcSubject !== null)) return;
  await ctx.db.transaction(async (tx) => {
    // One request at a time per account, so the hourly limit holds when requests come at once.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for('update');
    const hourAgo = new Date(Date.now() - 3600_000);
    const [recent] = await tx
      .select({ n: count() })
      .from(passwordResets)
      .where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, hourAgo)));
    if ((recent?.n ?? 0) >= PASSWORD_RESETS_PER_HOUR) return;
    const now = new Date();
    // The newest link is the one that works.
    await tx
      .update(passwordResets)
      .set({ expiresAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
    const [reset] = await tx
      .insert(passwordResets)
      .values({ userId: user.id, tokenHash: hashToken(newToken()), expiresAt: new Date(now.getTime() + PASSWORD_RESET_MINUTES * 60_000) })
      .returning({ id: passwordResets.id });
    await queueEmail(tx, {
      to: user.email,
      networkId: null,
      subject: 'Nytt passord til Digiregion',
      text: [
        `Hei ${user.name},`,
        '',
        'Noen, forhåpentlig du, har bedt om å få velge nytt passord til Digiregion-kontoen din.',
        `Velg nytt passord her innen én time: ${personalLink('passwordReset', reset!.id)}`,
        '',
        'Har du ikke bedt om dette, kan du se bort fra e-posten. Passordet ditt er ikke endret.',
      ].join('\n'),
    });
    await recordAudit(tx, ctx, { entityType: 'user', entityId: user.id, action: 'requestPasswordReset', after: { resetId: reset!.id } });
  });
}

/** The reset behind a token: unknown is 404, used or run out is 410. */
async function findOpenReset(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ reset: passwordResets, user: users })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)));
  if (!row) throw notFound();
  if (row.reset.usedAt || row.reset.expiresAt.getTime() <= Date.now() || row.user.disabled) throw new AppError('link_used');
  return row;
}

/** The page of the link asks whose password it sets: a use of the link, audited. */
export async function getPasswordReset(ctx: RequestContext, token: string) {
  const { reset, user } = await findOpenReset(ctx.db, token);
  await recordLinkUse(ctx.db, ctx, {
    kind: 'passwordReset',
    linkId: reset.id,
    networkId: null,
    action: 'open',
    details: { userId: user.id },
  });
  return { email: user.email, name: user.name };
}

/**
 * Sets the new password through the link, once: as with an invitation, exactly one of requests at once succeeds.
 * Every session of the account ends (whoever knew the old password is out) and a new one starts here.
 */
export async function completePasswordReset(ctx: RequestContext, token: string, password: string) {
  const { user } = await findOpenReset(ctx.db, token);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning();
    if (!taken) throw new AppError('link_used');
    await setPassword(tx, user.id, passwordHash);
    const asUser = { ...ctx, user: { id: user.id, email: user.email, name: user.name, language: user.language, hasPassword: true } };
    await recordAudit(tx, asUser, { entityType: 'user', entityId: user.id, action: 'resetPassword' });
    await recordLinkUse(tx, asUser, {
      kind: 'passwordReset',
      linkId: taken.id,
      networkId: null,
      action: 'accept',
      details: { userId: user.id },
    });
    return startSession(tx, user.id);
  });
}

/** The auth module's personal links, given their token as their e-mail is sent (see mail's personalLink()). */
export const authLinkIssuers: { invitation: LinkIssuer; passwordReset: LinkIssuer } = {
  invitation: async (db: Db, id, tokenHash) =>
    (
      await db
        .update(invitations)
        .set({ tokenHash })
        .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
        .returning({ id: invitations.id })
    ).length > 0,
  passwordReset: async (db: Db, id, tokenHash) =>
    (
      await db
        .update(passwordResets)
        .set({ tokenHash })
        .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
        .returning({ id: passwordResets.id })
    ).length > 0,
};

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
