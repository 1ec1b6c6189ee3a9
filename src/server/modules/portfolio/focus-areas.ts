import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { strategies, strategyVersions } from '../../db/schema/index.ts';

export interface FocusAreas {
  /** The focus areas of the network's newest published strategy version, in its order: what a proposal may point at. */
  current: Array<{ key: string; title: string }>;
  /** Each key's title in the newest published version that has it, so a key a revision removed still has a name. */
  titles: Map<string, string>;
}

/**
 * The network's focus areas from its published strategies, in the order the public strategy page gives them
 * (newest period first, then title, then newest version): the first is the strategy in force. A draft never counts.
 */
export async function networkFocusAreas(db: DbOrTx, networkId: string): Promise<FocusAreas> {
  const rows = await db
    .select({ strategyId: strategies.id, content: strategyVersions.content })
    .from(strategies)
    .innerJoin(strategyVersions, eq(strategyVersions.strategyId, strategies.id))
    .where(and(eq(strategies.networkId, networkId), eq(strategyVersions.status, 'published')))
    .orderBy(desc(strategies.periodStart), asc(strategies.title), desc(strategyVersions.number));
  const newest = rows[0];
  const current = newest ? newest.content.focusAreas.map((a) => ({ key: a.key, title: a.title })) : [];
  const titles = new Map<string, string>();
  for (const row of rows) for (const area of row.content.focusAreas) if (!titles.has(area.key)) titles.set(area.key, area.title);
  return { current, titles };
}
