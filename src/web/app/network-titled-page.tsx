import type { ReactNode } from 'react';
import type { NetworkOverview } from '../../shared/network/schema.ts';
import { fmt } from './i18n/index.tsx';
import { useNetwork } from './network-frame.tsx';
import { Page } from './Page.tsx';

/**
 * A page of the network frame whose title names the network («Risikokart for DigiVesterålen»): `title` is the
 * message with `{name}`, and `children` draws the page's body with the network.
 */
export function NetworkTitledPage({ title, children }: { title: string; children: (network: NetworkOverview) => ReactNode }) {
  const network = useNetwork();
  return <Page title={fmt(title, { name: network.name })}>{children(network)}</Page>;
}
