import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { changeCounters } from '../../db/schema/index.ts';
import { today } from './dates.ts';

/**
 * The most read answers of the network module (the overview, the people search) are kept per instance
 * until the data behind them changes. A database trigger bumps the 'network' change counter in the same
 * transaction as any change to the module's tables (migration 0002), so one primary-key look-up tells
 * whether a kept answer is still true. Today's date is part of the stamp too: who is a current member
 * changes at midnight without any write.
 */
export async function networkStamp(ctx: RequestContext): Promise<string> {
  const [row] = await ctx.db.select({ version: changeCounters.version }).from(changeCounters).where(eq(changeCounters.scope, 'network'));
  return `${today()}|${row?.version ?? 0}`;
}

/** A bounded map of answers, each valid for the stamp it was built under; the oldest entry goes first. */
export function stampedCache<T>(maxEntries: number) {
  const entries = new Map<string, { stamp: string; value: T }>();
  return async (key: string, stamp: string, build: () => Promise<T>): Promise<T> => {
    const cached = entries.get(key);
    if (cached?.stamp === stamp) return cached.value;
    const value = await build();
    entries.delete(key);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, { stamp, value });
    return value;
  };
}
