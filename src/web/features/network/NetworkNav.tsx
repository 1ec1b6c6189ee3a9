import { NavLink } from 'react-router';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { useArchiveMessages } from '../archive/messages.ts';
import { useStrategyMessages } from '../strategy/messages.ts';
import { useProposalMessages } from '../proposals/messages.ts';
import { useProjectMessages } from '../projects/messages.ts';
import { useRealizationMessages } from '../benefits/realization-messages.ts';
import { useFinanceMessages } from '../finance/messages.ts';

/**
 * Links between a network's pages; «Personer» and the other internal pages only for those who may read them. The
 * chief executives who read the portfolio without a role see the proposals, projects, benefits and finance statements.
 */
export function NetworkNav({ network }: { network: NetworkOverview }) {
  const { m } = useI18n();
  const sm = useStrategyMessages();
  const pm = useProposalMessages();
  const prm = useProjectMessages();
  const rm = useRealizationMessages();
  const fm = useFinanceMessages();
  const am = useArchiveMessages();
  const base = `/n/${network.slug}`;
  const capabilities = useNetworkCapabilities(network.id);
  const internal = capabilities.readInternals;
  return (
    <nav aria-label={fmt(m.network.tabsLabel, { name: network.name })} className="dr-subnav">
      <ul>
        <li>
          <NavLink to={base} end>
            {m.network.overview}
          </NavLink>
        </li>
        {internal && (
          <li>
            <NavLink to={`${base}/personer`}>{m.network.people}</NavLink>
          </li>
        )}
        <li>
          <NavLink to={`${base}/organer`}>{m.network.bodies}</NavLink>
        </li>
        {internal && (
          <>
            <li>
              <NavLink to={`${base}/kartlegging`}>{m.network.mapping}</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/undersokelser`}>{m.network.surveys}</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/strategi`}>{sm.nav}</NavLink>
            </li>
          </>
        )}
        {capabilities.readPortfolio && (
          <>
            <li>
              <NavLink to={`${base}/forslag`}>{pm.nav}</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/prosjekter`}>{prm.nav}</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/nytte`}>{rm.nav}</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/okonomi`}>{fm.nav}</NavLink>
            </li>
          </>
        )}
        {capabilities.administer && (
          <li>
            <NavLink to={`${base}/arkiv`}>{am.nav}</NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
