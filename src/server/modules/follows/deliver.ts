import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { RequestContext, RoleGrant } from '../../context.ts';
import { queryRows, type Db, type DbOrTx } from '../../db/client.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import { personalLink, queueEmail } from '../mail/index.ts';
import { collectEvents, showEvents, type EventRow, type Reader, type ShownEvent } from './events.ts';
import { deletePendingSubscriptions, matchesFollow } from './service.ts';
import { fill, TEXTS } from './texts.ts';

/**
 * Telling followers. The collector job reads new happenings from the audit log every half minute and e-mails each
 * follower who wants them at once; the weekly job sends each person one digest of the week. Who may read what is
 * decided here, for each recipient, as the data stands when the e-mail is made: an account reads what its roles let it,
 * a resident what the public pages show. Every e-mail carries a one-click unsubscribe (RFC 8058). Each delivery is
 * written down (follow_deliveries, follow_digests) in the transaction that queues the e-mail, so a job run twice
 * sends once.
 */

export const FOLLOW_COLLECT_JOB = 'follows.collect';
export const FOLLOW_DIGEST_JOB = 'follows.weeklyDigest';
const Payload = z.object({ publicUrl: z.string() });
export const COLLECT_INTERVAL_MS = 30_000;

interface FollowerRow {
  id: string;
  user_id: string | null;
  email: string | null;
  language: Language;
  target_kind: string;
  target_id: string | null;
  search: { q: string } | null;
  user_email: string | null;
  user_name: string | null;
  user_language: Language | null;
}

/** The reader a follow's e-mail is for: its account with the account's roles today, or the public. */
async function readerOf(db: DbOrTx, follow: FollowerRow, cache: Map<string, Reader>): Promise<Reader | null> {
  const key = follow.user_id ?? `public:${follow.language}`;
  const known = cache.get(key);
  if (known) return known;
  let reader: Reader;
  if (follow.user_id) {
    const roles = await queryRows<{ role: RoleGrant['role']; network_id: string | null; municipality_number: string | null }>(
      db,
      sql`select role, network_id, municipality_number from role_assignments where user_id = ${follow.user_id}`,
    );
    const ctx: RequestContext = {
      db: db,
      requestId: 'follows',
      language: follow.user_language ?? 'nb',
      user: {
        id: follow.user_id,
        email: follow.user_email!,
        name: follow.user_name!,
        language: follow.user_language ?? 'nb',
        hasPassword: false,
      },
      roles: roles.map((r) => ({ role: r.role, networkId: r.network_id, municipalityNumber: r.municipality_number })),
      cache: new Map(),
    };
    reader = { kind: 'account', ctx, language: ctx.language };
  } else reader = { kind: 'public', language: follow.language };
  cache.set(key, reader);
  return reader;
}

const FOLLOWERS = sql`select f.id, f.user_id, f.email, f.language, f.target_kind, f.target_id, f.search,
    u.email as user_email, u.name as user_name, u.language as user_language
  from follows f left join users u on u.id = f.user_id`;
/** A follow that may be told: confirmed, and its account not disabled. */
const TELLABLE = sql`f.confirmed_at is not null and (u.id is null or not u.disabled)`;

const address = (f: FollowerRow) => f.email ?? f.user_email!;

async function followTitle(db: DbOrTx, follow: FollowerRow, language: Language): Promise<string> {
  if (follow.target_kind === 'search') return fill(TEXTS[language].searchTitle, { q: follow.search?.q ?? '' });
  const [row] = await queryRows<{ title: string }>(
    db,
    follow.target_kind === 'body'
      ? sql`select name as title from bodies where id = ${follow.target_id}`
      : follow.target_kind === 'project'
        ? sql`select 'P-' || year || '-' || lpad(sequence::text, 3, '0') || ' ' || title as title from projects where id = ${follow.target_id}`
        : sql`select title from cases where id = ${follow.target_id}`,
  );
  return row?.title ?? '';
}

function footer(publicUrl: string, language: Language, followTitle: string, unsubscribe: string, digest: boolean, account: boolean) {
  const t = TEXTS[language];
  return [
    '',
    '--',
    digest ? '' : fill(t.why, { follow: followTitle }),
    digest ? t.unsubscribeAll : fill(t.unsubscribe, { follow: followTitle }),
    unsubscribe,
    ...(account ? [t.manage, `${publicUrl}/folger`] : []),
  ].filter((line, i) => line !== '' || i < 2);
}

/** E-mails the new happenings at once to each follower who wants that and may read them; returns how many e-mails. */
export async function deliverImmediately(db: DbOrTx, events: EventRow[], publicUrl: string): Promise<number> {
  const base = publicUrl.replace(/\/$/, '');
  const readers = new Map<string, Reader>();
  let sent = 0;
  for (const event of events) {
    const followers = await queryRows<FollowerRow>(
      db,
      sql`${FOLLOWERS} join follow_events e on e.id = ${event.id} and ${matchesFollow(sql`f`, sql`e`)}
          where ${TELLABLE} and f.delivery = 'immediate' and f.created_at <= e.occurred_at
            and not exists (select 1 from follow_deliveries d where d.follow_id = f.id and d.event_id = e.id)`,
    );
    for (const follower of followers) {
      const reader = await readerOf(db, follower, readers);
      if (!reader) continue;
      const [shown] = await showEvents(db, reader, [event]);
      if (!shown) continue;
      const claimed = await queryRows<{ follow_id: string }>(
        db,
        sql`insert into follow_deliveries (follow_id, event_id) values (${follower.id}, ${event.id})
            on conflict do nothing returning follow_id`,
      );
      if (claimed.length === 0) continue;
      const t = TEXTS[reader.language];
      const title = await followTitle(db, follower, reader.language);
      const unsubscribe = personalLink('unsubscribe', follower.id);
      await queueEmail(db, {
        to: address(follower),
        networkId: event.network_id,
        subject: fill(t.immediateSubject, { title: shown.title }),
        text: [
          t.greeting,
          '',
          fill(t.immediateIntro, { follow: title }),
          '',
          shown.title,
          `${t.open} ${base}${shown.path}`,
          ...footer(base, reader.language, title, unsubscribe, false, follower.user_id !== null),
        ].join('\n'),
        listUnsubscribe: unsubscribe,
      });
      sent++;
    }
  }
  return sent;
}

/** The ISO week a moment falls in, in Norway, as `2026-W49`. */
export function isoWeek(now: Date): string {
  const oslo = new Date(now.toLocaleString('en-US', { timeZone: 'Europe/Oslo' }));
  const day = new Date(Date.UTC(oslo.getFullYear(), oslo.getMonth(), oslo.getDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * One digest per recipient (an account, or a resident's address) for the week: what happened in the last seven days
 * in everything they follow weekly, that they may read now and were not told of. The week is claimed first
 * (follow_digests), in the transaction that queues the e-mail, so a second run in the same week sends nothing.
 */
export async function sendWeeklyDigests(db: Db, publicUrl: string, now = new Date()): Promise<number> {
  const base = publicUrl.replace(/\/$/, '');
  const week = isoWeek(now);
  const from = new Date(now.getTime() - 7 * 24 * 3600 * 1000);
  const followers = await queryRows<FollowerRow>(db, sql`${FOLLOWERS} where ${TELLABLE} and f.delivery = 'weekly' order by f.created_at`);
  const byRecipient = new Map<string, FollowerRow[]>();
  for (const f of followers) {
    const key = f.user_id ? `user:${f.user_id}` : `email:${f.email}`;
    byRecipient.set(key, [...(byRecipient.get(key) ?? []), f]);
  }
  let sent = 0;
  for (const [recipient, own] of byRecipient) {
    await db.transaction(async (tx) => {
      const readers = new Map<string, Reader>();
      const reader = await readerOf(tx, own[0]!, readers);
      if (!reader) return;
      const sections: { follow: FollowerRow; title: string; shown: ShownEvent[] }[] = [];
      for (const follow of own) {
        const events = await queryRows<EventRow>(
          tx,
          sql`select e.id, e.kind, e.network_id, e.target_kind, e.target_id, e.subject_id, e.occurred_at
              from follows f join follow_events e on ${matchesFollow(sql`f`, sql`e`)}
              where f.id = ${follow.id} and e.occurred_at > ${from.toISOString()} and e.occurred_at <= ${now.toISOString()}
                and e.occurred_at >= f.created_at
                and not exists (select 1 from follow_deliveries d where d.follow_id = f.id and d.event_id = e.id)
              order by e.occurred_at`,
        );
        const shown = await showEvents(tx, reader, events);
        if (shown.length > 0) sections.push({ follow, title: await followTitle(tx, follow, reader.language), shown });
      }
      if (sections.length === 0) return;
      const [digest] = await queryRows<{ id: string }>(
        tx,
        sql`insert into follow_digests (recipient, week, follow_ids)
            values (${recipient}, ${week}, ${sql.raw(`array[${sections.map((s) => `'${s.follow.id}'`).join(',')}]::uuid[]`)})
            on conflict (recipient, week) do nothing returning id`,
      );
      if (!digest) return;
      for (const section of sections)
        for (const s of section.shown)
          await tx.execute(
            sql`insert into follow_deliveries (follow_id, event_id) values (${section.follow.id}, ${s.event.id}) on conflict do nothing`,
          );
      const t = TEXTS[reader.language];
      const count = sections.reduce((n, s) => n + s.shown.length, 0);
      const unsubscribe = personalLink('unsubscribeDigest', digest.id);
      await queueEmail(tx, {
        to: address(own[0]!),
        networkId: null,
        subject: fill(t.digestSubject, { count }),
        text: [
          t.greeting,
          '',
          t.digestIntro,
          ...sections.flatMap((section) => [
            '',
            section.title,
            ...section.shown.flatMap((s) => [`- ${s.title}`, `  ${base}${s.path}`]),
            fill(t.unsubscribe, { follow: section.title }),
            personalLink('unsubscribe', section.follow.id),
          ]),
          ...footer(base, reader.language, '', unsubscribe, true, own[0]!.user_id !== null),
        ].join('\n'),
        listUnsubscribe: unsubscribe,
      });
      sent++;
    });
  }
  return sent;
}

/** Collects new happenings and tells those who want them at once, in one transaction: a failed run leaves no trace. */
export async function collectAndDeliver(db: Db, publicUrl: string, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const events = await collectEvents(tx, now);
    await deletePendingSubscriptions(tx, now);
    return deliverImmediately(tx, events, publicUrl);
  });
}

export const followCollectJob: JobHandler = async (payload, db: Db) => {
  const { publicUrl } = Payload.parse(payload);
  await collectAndDeliver(db, publicUrl);
  await enqueueJob(db, FOLLOW_COLLECT_JOB, { publicUrl }, { runAt: new Date(Date.now() + COLLECT_INTERVAL_MS) });
};

/** Monday 07:00 in Norway after `now`. */
export function nextMondayMorning(now: Date): Date {
  const oslo = new Date(now.toLocaleString('en-US', { timeZone: 'Europe/Oslo' }));
  const offset = now.getTime() - oslo.getTime();
  const target = new Date(oslo);
  target.setHours(7, 0, 0, 0);
  const days = (8 - target.getDay()) % 7 || (oslo >= target ? 7 : 0);
  target.setDate(target.getDate() + days);
  return new Date(target.getTime() + offset);
}

export const followDigestJob: JobHandler = async (payload, db: Db) => {
  const { publicUrl } = Payload.parse(payload);
  await sendWeeklyDigests(db, publicUrl);
  await enqueueJob(db, FOLLOW_DIGEST_JOB, { publicUrl }, { runAt: nextMondayMorning(new Date()) });
};

/** At start: queues both jobs unless they are waiting already (started by this or another instance). */
export async function scheduleFollowJobs(db: DbOrTx, publicUrl: string): Promise<void> {
  for (const [kind, runAt] of [
    [FOLLOW_COLLECT_JOB, new Date(Date.now() + COLLECT_INTERVAL_MS)],
    [FOLLOW_DIGEST_JOB, nextMondayMorning(new Date())],
  ] as const) {
    const [waiting] = await queryRows<{ id: string }>(
      db,
      sql`select id from jobs where kind = ${kind} and status in ('queued', 'running') limit 1`,
    );
    if (!waiting) await enqueueJob(db, kind, { publicUrl }, { runAt });
  }
}
