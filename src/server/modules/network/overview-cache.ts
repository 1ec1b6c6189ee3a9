import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { auditEntries, networks } from '../../db/schema/index.ts';
import { today } from './dates.ts';
import { getNetworkOverview, requireNetwork } from './service.ts';

/**
 * The network overview is the most read page and the same for every visitor, so each instance keeps
 * its JSON until the data behind it changes. Every change writes an audit entry in its transaction,
 * so the newest audit entry of the network (and of the network list and the municipality file) tells
 * whether the cached copy is still true; checking costs one indexed look-up instead of the whole build.
 */
const cache = new Map<string, { stamp: string; json: string }>();
const MAX_ENTRIES = 200;

async function stampOf(ctx: RequestContext, networkId: string): Promise<string> {
  const [row] = await queryRows<{ stamp: string }>(
    ctx.db,
    sql`select concat_ws('|',
      (select max(${auditEntries.at}) from ${auditEntries} where ${auditEntries.networkId} = ${networkId}),
      (select max(${networks.updatedAt}) from ${networks}), (select count(*) from ${networks}),
      (select max(${auditEntries.at}) from ${auditEntries} where ${auditEntries.entityType} = 'municipalityFile')) as stamp`,
  );
  return row?.stamp ?? '';
}

/** The overview as JSON text, built only when something in it may have changed. */
export async function getNetworkOverviewJson(ctx: RequestContext, ref: string): Promise<string> {
  const network = await requireNetwork(ctx, ref);
  // Today's date too: who is a current member (and so the host and population) changes at midnight, unaudited.
  const stamp = `${today()}|${await stampOf(ctx, network.id)}`;
  const cached = cache.get(network.id);
  if (cached?.stamp === stamp) return cached.json;
  const json = JSON.stringify(await getNetworkOverview(ctx, network.id));
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(network.id, { stamp, json });
  return json;
}
