import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { strategies, strategyVersions } from '../../db/schema/index.ts';

export interface FocusAreas {
  /** The focus areas of the newest published version, in its order: what a measure or a proposal may point at. */
  current: Array<{ key: string; title: string }>;
  /** Each key's title in the newest published version that has it, so a key a revision removed still has a name. */
  titles: Map<string, string>;
}

/**
 * Focus areas from published versions only: a draft may still change, and is not what the municipalities have
 * adopted (decision 0009). The versions come in the order the public strategy page gives them (newest period first,
 * then title, then newest version), so the first is the one in force.
 */
async function publishedFocusAreas(db: DbOrTx, which: SQL): Promise<FocusAreas> {
  const rows = await db
    .select({ content: strategyVersions.content })
    .from(strategies)
    .innerJoin(strategyVersions, eq(strategyVersions.strategyId, strategies.id))
    .where(and(which, eq(strategyVersions.status, 'published')))
    .orderBy(desc(strategies.periodStart), asc(strategies.title), desc(strategyVersions.number));
  const current = rows[0]?.content.focusAreas.map((a) => ({ key: a.key, title: a.title })) ?? [];
  const titles = new Map<string, string>();
  for (const { content } of rows) for (const area of content.focusAreas) if (!titles.has(area.key)) titles.set(area.key, area.title);
  return { current, titles };
}

/** The network's focus areas: those of its newest published strategy, and the titles of every key it has published. */
export function networkFocusAreas(db: DbOrTx, networkId: string): Promise<FocusAreas> {
  return publishedFocusAreas(db, eq(strategies.networkId, networkId));
}

/** One strategy's focus areas, for its action plans' measures: its own newest published version, not the network's. */
export function strategyFocusAreas(db: DbOrTx, strategyId: string): Promise<FocusAreas> {
  return publishedFocusAreas(db, eq(strategies.id, strategyId));
}
