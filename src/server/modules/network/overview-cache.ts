import type { RequestContext } from '../../context.ts';
import { changeStamp } from '../../db/change-counters.ts';
import { preparedJsonCache, type PreparedJson } from '../../prepared-answers.ts';
import { getNetworkOverview, requireNetwork } from './service.ts';

/**
 * The overview is the most read page and the same for every visitor: kept per instance as JSON text and gzip until its
 * data changes, so a visit costs neither serializing nor compressing.
 */
const overviews = preparedJsonCache(200);

/** The overview as prepared JSON, built only when something in it may have changed. */
export async function preparedNetworkOverview(ctx: RequestContext, ref: string): Promise<PreparedJson> {
  const network = await requireNetwork(ctx, ref);
  return overviews(network.id, await changeStamp(ctx, ['network']), () => getNetworkOverview(ctx, network.id));
}
