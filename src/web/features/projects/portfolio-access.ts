import type { PortfolioAccess } from '../../../shared/portfolio/access.ts';
import { useApi } from '../../app/api.ts';
import { canReadInternals, isNetworkAdmin, useSession } from '../../app/session.tsx';

const NONE: PortfolioAccess = { read: false, propose: false, write: false, chiefExecutive: false };

/**
 * What the logged-in user may do with the network's portfolio. The roles tell it for the network's own people; only
 * someone without one asks the server, which also counts the chief executives who read the portfolio (and nothing
 * else of the network) because they sit in its chief executives' council.
 */
export function usePortfolioAccess(networkId: string, currentMemberNumbers: string[]): PortfolioAccess {
  const { user } = useSession();
  const internal = canReadInternals(user, networkId, currentMemberNumbers);
  const asked = useApi<PortfolioAccess>(user && !internal ? `/networks/${networkId}/portfolio-access` : null);
  if (!user) return NONE;
  if (internal) return { read: true, propose: true, write: isNetworkAdmin(user, networkId), chiefExecutive: false };
  return asked.data ?? NONE;
}
