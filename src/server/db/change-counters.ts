import { inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import { changeCounters } from './schema/index.ts';
import { today } from '../modules/network/dates.ts';

/**
 * The most read answers (the network overview, the people search, the public decision search, the OParl
 * lists, the dashboards) are kept per instance until the data behind them changes. Database triggers bump a counter
 * per scope in the same transaction as any change to the scope's tables (migrations 0002, 0003, 0004, 0011, 0038 and
 * 0040), whoever makes it, so one primary-key look-up tells every instance whether what it kept is still true. A scope
 * is what some answer reads and others do not: `adoptions` (shared solutions and their adoptions) apart from the rest
 * of `mapping`; `benefits` (benefits, indicators) and `figures` (their targets and measurements) apart from the rest
 * of `portfolio`, so a measurement leaves the portfolio overview as it was, and the roll-up's benefit lines too;
 * `risks` (project risks, migration 0044), which only the risk map reads.
 */
export type ChangeScope = 'network' | 'meetings' | 'mapping' | 'adoptions' | 'portfolio' | 'risks' | 'benefits' | 'figures';

/** Every scope's version as one JSON object, for a statement that reads them beside its own rows (the session look-up). */
export const CHANGE_COUNTERS_JSON = sql<Record<string, number>>`(select coalesce(json_object_agg(scope, version), '{}'::json) from change_counters)`;

const KNOWN_COUNTERS = 'changeCounters.known';

/**
 * For a read whose session look-up read the counters too (one round trip fewer for every kept answer a logged-in
 * person reads). Not for a write: its own changes are not in them.
 */
export function rememberChangeCounters(ctx: RequestContext, counters: Record<string, number>): void {
  ctx.cache.set(KNOWN_COUNTERS, counters);
}

/** Whether this request knows the counters already (a read whose session look-up read them). */
export function knowsChangeCounters(ctx: RequestContext): boolean {
  return ctx.cache.has(KNOWN_COUNTERS);
}

/** The stamp an answer built from these scopes is valid under. Today's date is part of it: who is a current
 * member, and which meetings are still to come, change at midnight without any write. */
export async function changeStamp(ctx: RequestContext, scopes: ChangeScope[]): Promise<string> {
  return (await changeStamps(ctx, { stamp: scopes })).stamp;
}

/**
 * Several stamps from one reading of the counters, for an answer kept in parts under different scopes: read apart,
 * a write between the two readings could leave a part kept under a stamp older than the answer's.
 */
export async function changeStamps<K extends string>(ctx: RequestContext, stamps: Record<K, ChangeScope[]>): Promise<Record<K, string>> {
  const known = ctx.cache.get(KNOWN_COUNTERS) as Record<string, number> | undefined;
  const scopes = [...new Set(Object.values<ChangeScope[]>(stamps).flat())];
  const versions =
    known ??
    Object.fromEntries(
      (await ctx.db.select().from(changeCounters).where(inArray(changeCounters.scope, scopes))).map((r) => [r.scope, r.version]),
    );
  const day = today();
  return Object.fromEntries(
    Object.entries<ChangeScope[]>(stamps).map(([name, of]) => [name, [day, ...of.map((scope) => versions[scope] ?? 0)].join('|')]),
  ) as Record<K, string>;
}

/**
 * A bounded map of answers, each valid for the stamp it was built under; the oldest entry goes first. Requests that
 * arrive while an answer is being built wait for that one build instead of starting their own; a build that fails is
 * forgotten, so the next request tries again.
 */
export function stampedCache<T>(maxEntries: number) {
  const entries = new Map<string, { stamp: string; value: Promise<T> }>();
  return (key: string, stamp: string, build: () => Promise<T>): Promise<T> => {
    const cached = entries.get(key);
    if (cached?.stamp === stamp) return cached.value;
    const value = build();
    entries.delete(key);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, { stamp, value });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
}
