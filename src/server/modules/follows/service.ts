import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { queryRows, type Db, type DbOrTx } from '../../db/client.ts';
import { follows, followTokens } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import {
  PENDING_SUBSCRIPTION_DAYS,
  type Follow,
  type FollowChanges,
  type FollowCreateInput,
  type FollowTargetInput,
  type SavedSearchInput,
  type SubscribeInput,
  FollowCreateSchema,
  SubscribeSchema,
} from '../../../shared/follows/schema.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import { caseNumberText } from '../../../shared/meetings/schema.ts';
import { can, inNetwork, ofProject, requireUser } from '../../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { personalLink, queueEmail } from '../mail/index.ts';
import { showEvents, type EventRow } from './events.ts';
import { fill, TEXTS } from './texts.ts';

/**
 * Following: an account follows what it may read (a body, a project, a case, a saved search among public decisions);
 * a resident subscribes with an e-mail address to what is public (a body's public meetings, a project, a search), and
 * nothing is sent before the address is confirmed. The happenings sent and shown are filtered for each reader when
 * they are sent or shown (events.ts), so a follow made while something was readable carries nothing it no longer is.
 */

type FollowRow = typeof follows.$inferSelect;

/** What is followed, as the caller may see it. */
interface Resolved {
  targetKey: string;
  targetId: string | null;
  search: SavedSearchInput | null;
  networkId: string | null;
  network: { slug: string; name: string } | null;
  title: string;
  /** Where it is: inside the app for one who reads it there, else on the public pages. */
  path: string;
  /** The Atom feed, for what the public reads. */
  feedPath: string | null;
  /** Whether the public reads it (a resident may subscribe to it). */
  isPublic: boolean;
  /** Whether this reader reads it (internally or as the public). */
  readable: boolean;
}

export const searchKey = (s: SavedSearchInput) =>
  `search:${createHash('sha256')
    .update(JSON.stringify([s.q.trim().toLowerCase().replace(/\s+/g, ' '), s.network ?? '', s.body ?? '']))
    .digest('hex')
    .slice(0, 32)}`;

export function searchQueryString(s: SavedSearchInput): string {
  const params = new URLSearchParams({ q: s.q });
  if (s.network) params.set('network', s.network);
  if (s.body) params.set('body', s.body);
  return params.toString();
}

/** Finds what a follow names and whether the reader (an account, or the public when ctx has no user) reads it. */
async function resolveTarget(ctx: RequestContext, target: FollowTargetInput, language: Language): Promise<Resolved | null> {
  const internalReader = async (networkId: string) => ctx.user !== null && (await can(ctx, 'network.readInternals', inNetwork(networkId)));
  switch (target.kind) {
    case 'body': {
      const [row] = await queryRows<{ id: string; name: string; network_id: string; slug: string; network_name: string }>(
        ctx.db,
        sql`select b.id, b.name, b.network_id, n.slug, n.name as network_name from bodies b join networks n on n.id = b.network_id
            where b.id = ${target.id}`,
      );
      if (!row) return null;
      const internal = await internalReader(row.network_id);
      // A body and its public meetings are on the public pages (innsyn/organ).
      return {
        targetKey: `body:${row.id}`,
        targetId: row.id,
        search: null,
        networkId: row.network_id,
        network: { slug: row.slug, name: row.network_name },
        title: row.name,
        path: internal ? `/n/${row.slug}/organer/${row.id}` : `/innsyn/organ/${row.id}`,
        feedPath: `/api/public/feeds/bodies/${row.id}`,
        isPublic: true,
        readable: true,
      };
    }
    case 'project': {
      const [row] = await queryRows<{
        id: string;
        title: string;
        year: number;
        sequence: number;
        network_id: string;
        slug: string;
        network_name: string;
        owner_person_id: string | null;
        manager_person_id: string | null;
      }>(
        ctx.db,
        sql`select p.id, p.title, p.year, p.sequence, p.network_id, n.slug, n.name as network_name, p.owner_person_id, p.manager_person_id
            from projects p join networks n on n.id = p.network_id where p.id = ${target.id}`,
      );
      if (!row) return null;
      const reference = projectReference(row.year, row.sequence);
      const internal =
        ctx.user !== null &&
        (await can(
          ctx,
          'project.read',
          ofProject({ networkId: row.network_id, ownerPersonId: row.owner_person_id, managerPersonId: row.manager_person_id }),
        ));
      // Every project of a portfolio is on the public pages from the day it is made.
      return {
        targetKey: `project:${row.id}`,
        targetId: row.id,
        search: null,
        networkId: row.network_id,
        network: { slug: row.slug, name: row.network_name },
        title: `${reference} ${row.title}`,
        path: internal ? `/n/${row.slug}/prosjekter/${row.id}` : `/innsyn/n/${row.slug}/prosjekter/${reference}`,
        feedPath: `/api/public/feeds/projects/${row.id}`,
        isPublic: true,
        readable: true,
      };
    }
    case 'case': {
      const [row] = await queryRows<{
        id: string;
        title: string;
        exempt: boolean;
        network_id: string;
        slug: string;
        network_name: string;
        item_id: string | null;
        meeting_id: string | null;
        year: number | null;
        sequence: number | null;
        published: boolean | null;
      }>(
        ctx.db,
        sql`select c.id, c.title, c.exempt_from_public as exempt, c.network_id, n.slug, n.name as network_name,
              last.item_id, last.meeting_id, last.year, last.sequence, last.published
            from cases c join networks n on n.id = c.network_id
            left join lateral (
              select ai.id as item_id, m.id as meeting_id, co.year, co.sequence,
                (m.is_public and m.summons_published_at is not null) as published
              from consultations co join agenda_items ai on ai.consultation_id = co.id join meetings m on m.id = ai.meeting_id
              where co.case_id = c.id and m.deleted_at is null order by m.date desc, ai.position limit 1
            ) last on true
            where c.id = ${target.id} and c.deleted_at is null`,
      );
      if (!row) return null;
      const internal = await internalReader(row.network_id);
      const isPublic = !row.exempt && row.published === true;
      const number = row.year !== null && row.sequence !== null ? `${caseNumberText(row.sequence, row.year)} ` : '';
      return {
        targetKey: `case:${row.id}`,
        targetId: row.id,
        search: null,
        networkId: row.network_id,
        network: { slug: row.slug, name: row.network_name },
        title: `${number}${row.title}`,
        path:
          internal && row.meeting_id
            ? `/moter/${row.meeting_id}/saker/${row.item_id}`
            : row.meeting_id
              ? `/innsyn/moter/${row.meeting_id}`
              : '/innsyn',
        feedPath: null,
        isPublic,
        readable: internal || isPublic,
      };
    }
    case 'search': {
      const s = target.search;
      let network: Resolved['network'] = null;
      let networkId: string | null = null;
      if (s.network) {
        const [row] = await queryRows<{ id: string; slug: string; name: string }>(
          ctx.db,
          sql`select id, slug, name from networks where slug = ${s.network}`,
        );
        if (!row) throw new AppError('validation_failed', { 'target.search.network': { key: 'invalid' } });
        network = { slug: row.slug, name: row.name };
        networkId = row.id;
      }
      if (s.body) {
        const [row] = await queryRows<{ id: string }>(ctx.db, sql`select id from bodies where id = ${s.body}`);
        if (!row) throw new AppError('validation_failed', { 'target.search.body': { key: 'invalid' } });
      }
      const query = searchQueryString(s);
      return {
        targetKey: searchKey(s),
        targetId: null,
        search: { q: s.q, ...(s.network ? { network: s.network } : {}), ...(s.body ? { body: s.body } : {}) },
        networkId,
        network,
        title: fill(TEXTS[language].searchTitle, { q: s.q }),
        path: `/innsyn/sok?${query}`,
        feedPath: `/api/public/feeds/decisions?${query}`,
        isPublic: true,
        readable: true,
      };
    }
  }
}

const targetOf = (row: FollowRow): FollowTargetInput =>
  row.targetKind === 'search' ? { kind: 'search', search: row.search! } : { kind: row.targetKind, id: row.targetId! };

async function present(ctx: RequestContext, row: FollowRow): Promise<Follow | null> {
  const resolved = await resolveTarget(ctx, targetOf(row), ctx.language);
  if (!resolved?.readable) return null;
  return {
    id: row.id,
    target: { kind: row.targetKind, id: row.targetId, search: row.search ?? null, title: resolved.title, path: resolved.path },
    network: resolved.network,
    delivery: row.delivery,
    createdAt: row.createdAt.toISOString(),
    feedPath: resolved.isPublic ? resolved.feedPath : null,
  };
}

/** The account's follows, newest first; what it can no longer read is left out (and sends nothing). */
export async function listFollows(ctx: RequestContext): Promise<Follow[]> {
  const user = requireUser(ctx);
  const rows = await ctx.db.select().from(follows).where(eq(follows.userId, user.id)).orderBy(desc(follows.createdAt));
  const shown = await Promise.all(rows.map((r) => present(ctx, r)));
  return shown.filter((f): f is Follow => f !== null);
}

/** Whether the account follows this one thing (the follow button's state). */
export async function findFollow(ctx: RequestContext, target: FollowTargetInput): Promise<Follow | null> {
  const user = requireUser(ctx);
  const resolved = await resolveTarget(ctx, target, ctx.language);
  if (!resolved?.readable) throw notFound();
  const [row] = await ctx.db
    .select()
    .from(follows)
    .where(and(eq(follows.userId, user.id), eq(follows.targetKey, resolved.targetKey)));
  return row ? present(ctx, row) : null;
}

/** Follows a thing the account reads; following it again changes only how it is told. Unreadable: 404. */
export async function createFollow(ctx: RequestContext, input: FollowCreateInput): Promise<Follow> {
  const user = requireUser(ctx);
  const { target, delivery } = FollowCreateSchema.parse(input);
  const resolved = await resolveTarget(ctx, target, ctx.language);
  if (!resolved?.readable) throw notFound();
  const row = await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(follows)
      .values({
        userId: user.id,
        targetKind: target.kind,
        targetId: resolved.targetId,
        search: resolved.search,
        targetKey: resolved.targetKey,
        networkId: resolved.networkId,
        delivery,
        language: user.language,
        confirmedAt: new Date(),
      })
      .onConflictDoUpdate({
        target: [follows.userId, follows.targetKey],
        targetWhere: sql`${follows.userId} is not null`,
        set: { delivery },
      })
      .returning();
    await recordAudit(tx, ctx, {
      networkId: resolved.networkId,
      entityType: 'follow',
      entityId: saved!.id,
      action: 'follow',
      after: { targetKey: resolved.targetKey, delivery },
    });
    return saved!;
  });
  return (await present(ctx, row))!;
}

/**
 * Stops following. What the account reads but did not follow is no error (the button may have been pressed twice);
 * what it neither reads nor follows is 404, as everywhere. A follow of what it no longer reads can still be stopped.
 */
export async function unfollow(ctx: RequestContext, target: FollowTargetInput): Promise<void> {
  const user = requireUser(ctx);
  const resolved = await resolveTarget(ctx, target, ctx.language);
  if (!resolved) throw notFound();
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(follows)
      .where(and(eq(follows.userId, user.id), eq(follows.targetKey, resolved.targetKey)))
      .returning();
    for (const row of gone)
      await recordAudit(tx, ctx, {
        networkId: row.networkId,
        entityType: 'follow',
        entityId: row.id,
        action: 'unfollow',
        before: { targetKey: row.targetKey },
      });
    if (gone.length === 0 && !resolved.readable) throw notFound();
  });
}

// ---------------------------------------------------------------- residents

export async function subscribe(ctx: RequestContext, input: SubscribeInput, publicUrl: string): Promise<void> {
  const { email, target, delivery, language } = SubscribeSchema.parse(input);
  if (target.kind === 'case') throw new AppError('validation_failed', { 'target.kind': { key: 'choice' } });
  // As the public: a resident reads only what the public pages show.
  const resolved = await resolveTarget({ ...ctx, user: null, roles: [], cache: new Map() }, target, language);
  if (!resolved?.isPublic) throw notFound();
  const address = email.trim().toLowerCase();
  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(follows)
      .where(and(eq(follows.email, address), eq(follows.targetKey, resolved.targetKey)));
    // Asked twice: one subscription. A confirmed one stays as it is and nothing is sent (no one can fill another's
    // inbox by asking again); a pending one gets its confirmation again, with a fresh link.
    if (existing?.confirmedAt) return;
    const row =
      existing ??
      (
        await tx
          .insert(follows)
          .values({
            email: address,
            targetKind: target.kind,
            targetId: resolved.targetId,
            search: resolved.search,
            targetKey: resolved.targetKey,
            networkId: resolved.networkId,
            delivery,
            language,
          })
          .returning()
      )[0]!;
    if (existing) await tx.update(follows).set({ delivery, language }).where(eq(follows.id, existing.id));
    const t = TEXTS[language];
    await queueEmail(tx, {
      to: address,
      networkId: resolved.networkId,
      subject: fill(t.confirmSubject, { follow: resolved.title }),
      text: [
        t.greeting,
        '',
        fill(t.confirmText, { follow: resolved.title }),
        personalLink('followConfirm', row.id),
        '',
        fill(t.confirmIgnore, { days: PENDING_SUBSCRIPTION_DAYS }),
        '',
        `${publicUrl.replace(/\/$/, '')}${resolved.path}`,
      ].join('\n'),
    });
  });
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** The confirmation link's issuer: a pending subscription takes a new token; a confirmed or deleted one takes none. */
export async function issueConfirmLink(db: Db, followId: string, tokenHash: string): Promise<boolean> {
  const updated = await db
    .update(follows)
    .set({ confirmTokenHash: tokenHash })
    .where(and(eq(follows.id, followId), isNull(follows.confirmedAt)))
    .returning({ id: follows.id });
  return updated.length > 0;
}

/** The unsubscribe link's issuer: every link given keeps working until the follow ends. */
export async function issueUnsubscribeLink(db: Db, followId: string, tokenHash: string): Promise<boolean> {
  const [row] = await db.select({ id: follows.id }).from(follows).where(eq(follows.id, followId));
  if (!row) return false;
  await db.insert(followTokens).values({ tokenHash, followId }).onConflictDoNothing();
  return true;
}

/** A digest's link stops every follow the digest was about that still exists. */
export async function issueDigestUnsubscribeLink(db: Db, digestId: string, tokenHash: string): Promise<boolean> {
  const [digest] = await queryRows<{ follow_ids: string[] }>(db, sql`select follow_ids from follow_digests where id = ${digestId}`);
  if (!digest) return false;
  const ids = digest.follow_ids;
  const existing = ids.length === 0 ? [] : await db.select({ id: follows.id }).from(follows).where(inArray(follows.id, ids));
  if (existing.length === 0) return false;
  await db
    .insert(followTokens)
    .values(existing.map((f) => ({ tokenHash, followId: f.id })))
    .onConflictDoNothing();
  return true;
}

async function titleOf(ctx: RequestContext, row: FollowRow): Promise<string> {
  const resolved = await resolveTarget({ ...ctx, user: null, roles: [], cache: new Map() }, targetOf(row), row.language);
  return resolved?.title ?? '';
}

/** Confirms a resident's subscription by the link in its confirmation e-mail; the link works once. */
export async function confirmSubscription(ctx: RequestContext, token: string): Promise<{ title: string }> {
  const [row] = await ctx.db
    .select()
    .from(follows)
    .where(and(eq(follows.confirmTokenHash, sha256(token)), isNull(follows.confirmedAt)));
  if (!row) throw notFound();
  await ctx.db.transaction(async (tx) => {
    await tx.update(follows).set({ confirmedAt: new Date(), confirmTokenHash: null }).where(eq(follows.id, row.id));
    await recordAudit(tx, ctx, { networkId: row.networkId, entityType: 'follow', entityId: row.id, action: 'confirm' });
  });
  return { title: await titleOf(ctx, row) };
}

/** Stops the follows an unsubscribe link was given for, without login. An unknown or used link: 404. */
export async function unsubscribe(ctx: RequestContext, token: string): Promise<{ title: string }> {
  const rows = await ctx.db
    .select({ follow: follows })
    .from(followTokens)
    .innerJoin(follows, eq(follows.id, followTokens.followId))
    .where(eq(followTokens.tokenHash, sha256(token)));
  if (rows.length === 0) throw notFound();
  const titles = await Promise.all(rows.map((r) => titleOf(ctx, r.follow)));
  await ctx.db.transaction(async (tx) => {
    await tx.delete(follows).where(
      inArray(
        follows.id,
        rows.map((r) => r.follow.id),
      ),
    );
    for (const { follow } of rows)
      await recordAudit(tx, ctx, {
        networkId: follow.networkId,
        entityType: 'follow',
        entityId: follow.id,
        action: 'unsubscribe',
        before: { targetKey: follow.targetKey },
      });
  });
  return { title: titles.join(', ') };
}

/** Residents' subscriptions never confirmed are deleted after PENDING_SUBSCRIPTION_DAYS: an address nobody confirmed is not kept. */
export async function deletePendingSubscriptions(db: DbOrTx, now = new Date()): Promise<number> {
  const gone = await db
    .delete(follows)
    .where(
      and(
        isNotNull(follows.email),
        isNull(follows.confirmedAt),
        lt(follows.createdAt, new Date(now.getTime() - PENDING_SUBSCRIPTION_DAYS * 24 * 3600 * 1000)),
      ),
    )
    .returning({ id: follows.id });
  return gone.length;
}

// ---------------------------------------------------------------- the in-app list

const FIRST_VISIT_DAYS = 14;

/** What happened in what the account follows since its visit before this one (as «Mitt arbeid» counts visits). */
export async function followChanges(ctx: RequestContext): Promise<FollowChanges> {
  const user = requireUser(ctx);
  const [visit] = await queryRows<{ seen_at: Date | string; previous_seen_at: Date | string | null }>(
    ctx.db,
    sql`select seen_at, previous_seen_at from my_work_visits where user_id = ${user.id}`,
  );
  // «Mitt arbeid» moves the stamps when it is opened; a visit within the hour is the same sitting.
  const seen = visit ? new Date(visit.seen_at) : null;
  const sinceDate =
    seen && seen.getTime() < Date.now() - 60 * 60 * 1000 ? seen : visit?.previous_seen_at ? new Date(visit.previous_seen_at) : null;
  const from = sinceDate ?? new Date(Date.now() - FIRST_VISIT_DAYS * 24 * 3600 * 1000);
  const events = await queryRows<EventRow & { follow_id: string }>(
    ctx.db,
    sql`select distinct on (e.id) e.id, e.kind, e.network_id, e.target_kind, e.target_id, e.subject_id, e.occurred_at, f.id as follow_id
        from follows f join follow_events e on ${matchesFollow(sql`f`, sql`e`)}
        where f.user_id = ${user.id} and e.occurred_at > ${from.toISOString()} and e.occurred_at >= f.created_at
        order by e.id limit 200`,
  );
  events.sort((a, b) => new Date(b.occurred_at).getTime() - new Date(a.occurred_at).getTime());
  const shown = await showEvents(ctx.db, { kind: 'account', ctx, language: ctx.language }, events);
  return {
    since: sinceDate?.toISOString() ?? null,
    changes: shown.slice(0, 50).map((s) => ({
      followId: (s.event as EventRow & { follow_id: string }).follow_id,
      kind: s.event.kind,
      occurredAt: new Date(s.event.occurred_at).toISOString(),
      title: s.title,
      path: s.path,
    })),
  };
}

/**
 * Whether an event is about what a follow follows, over the aliases given: the same body, project or case, or, for a
 * saved search, a public decision that matches it (the public search's own table holds only what the public may find).
 */
export function matchesFollow(f: ReturnType<typeof sql>, e: ReturnType<typeof sql>) {
  return sql`((${f}.target_kind = ${e}.target_kind and ${f}.target_id = ${e}.target_id)
    or (${f}.target_kind = 'search' and ${e}.kind = 'caseDecided' and exists (
      select 1 from public_decision_search p join networks pn on pn.id = p.network_id
      where p.agenda_item_id = ${e}.subject_id
        and p.rank_vector @@ websearch_to_tsquery('norwegian', ${f}.search->>'q')
        and (${f}.search->>'network' is null or pn.slug = ${f}.search->>'network')
        and (${f}.search->>'body' is null or p.body_id::text = ${f}.search->>'body'))))`;
}
