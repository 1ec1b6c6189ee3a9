import type { RequestContext } from '../../context.ts';
import { changeStamp, stampedCache } from '../../db/change-counters.ts';
import { getNetworkOverview, requireNetwork } from './service.ts';

/** The overview is the most read page and the same for every visitor: kept per instance until its data changes. */
const overviews = stampedCache<string>(200);

/** The overview as JSON text, built only when something in it may have changed. */
export async function getNetworkOverviewJson(ctx: RequestContext, ref: string): Promise<string> {
  const network = await requireNetwork(ctx, ref);
  return overviews(network.id, await changeStamp(ctx, ['network']), async () =>
    JSON.stringify(await getNetworkOverview(ctx, network.id)),
  );
}
