import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { NavLink, Outlet, useLocation, useParams } from 'react-router';
import { Spinner } from '@digdir/designsystemet-react';
import type { NetworkCapabilities } from '../../shared/access/schema.ts';
import type { Language } from '../../shared/i18n/languages.ts';
import type { NetworkOverview } from '../../shared/network/schema.ts';
import { useApi, type Loaded } from './api.ts';
import { FrameCapabilitiesContext, useCapabilities } from './capabilities.ts';
import { fmt, useI18n } from './i18n/index.tsx';
import { NoAccessPage } from './NoAccessPage.tsx';
import { Page } from './Page.tsx';
import { useSession } from './session.tsx';
import { Trail } from './Trail.tsx';
import { LoadState } from './ui.tsx';

/**
 * The network frame: every page of a network (below `/n/:slug`, and the meeting and case pages that belong to one) is
 * shown inside it. The frame loads the network and the account's capabilities in it once, names the network in the
 * header, draws the network's navigation and the breadcrumbs, shows «Ingen tilgang» for a section the account may not
 * see, and gives the page the network through `useNetwork()`.
 *
 * The sections come from the features (each feature's index.ts), assembled by the router; app/ knows none of them.
 */
export interface NetworkSection {
  /** The first path segment below `/n/:slug`; '' is the network's overview. */
  path: string;
  /** The tab's and the breadcrumb's name in each language. */
  label: Record<Language, string>;
  /** Whether the account may see the section, by its capabilities in the network; everyone when absent. */
  visible?: (capabilities: NetworkCapabilities) => boolean;
}

const SectionsContext = createContext<readonly NetworkSection[]>([]);

/** The network the page shows (its slug), for the header's network switcher; null when the page has none. */
const CurrentNetworkContext = createContext<{ slug: string | null; setSlug: (slug: string | null) => void }>({
  slug: null,
  setSlug: () => undefined,
});

/** Around the whole app: the network sections the features contribute, and the page's current network. */
export function NetworkFrameProvider({ sections, children }: { sections: readonly NetworkSection[]; children: ReactNode }) {
  const [slug, setSlug] = useState<string | null>(null);
  const current = useMemo(() => ({ slug, setSlug }), [slug]);
  return (
    <SectionsContext.Provider value={sections}>
      <CurrentNetworkContext.Provider value={current}>{children}</CurrentNetworkContext.Provider>
    </SectionsContext.Provider>
  );
}

/** The slug of the network the page belongs to (shown in the header), or null. */
export function useCurrentNetworkSlug(): string | null {
  return useContext(CurrentNetworkContext).slug;
}

interface FrameValue {
  network: NetworkOverview;
  reload: () => void;
  /** The breadcrumbs for a page with this title; null on the network's overview. */
  trail: (pageTitle: string) => ReactNode;
  nav: ReactNode;
}

const FrameContext = createContext<FrameValue | null>(null);

/** The network of the page, loaded once by the frame around it. */
export function useNetwork(): NetworkOverview {
  const frame = useContext(FrameContext);
  if (!frame) throw new Error('useNetwork outside a network frame');
  return frame.network;
}

/** Loads the network again (after a change to it, its members or bodies); what is shown stays meanwhile. */
export function useReloadNetwork(): () => void {
  const frame = useContext(FrameContext);
  if (!frame) throw new Error('useReloadNetwork outside a network frame');
  return frame.reload;
}

/** For `Page`: the frame's breadcrumbs and navigation, when the page is inside one. */
export function usePageFrame(): Pick<FrameValue, 'trail' | 'nav'> | null {
  return useContext(FrameContext);
}

/** The layout route of `/n/:slug/*`: the frame for the network in the address, the page below it. */
export function NetworkFrameRoute() {
  const { slug = '' } = useParams();
  const { pathname } = useLocation();
  const below = pathname.split('/').slice(3);
  return (
    <NetworkFrame network={slug} section={below[0] ?? ''} deeper={below.length > 1}>
      <Outlet />
    </NetworkFrame>
  );
}

const NO_CRUMBS: { to: string; label: string }[] = [];

/**
 * The frame for a network given by id or slug. `section` is the path segment of the section the page belongs to
 * (the meeting pages: 'organer'); `crumbs` are the levels between the section and the page; `deeper` whether the
 * page lies below the section's own page.
 */
export function NetworkFrame({
  network: ref,
  section,
  deeper = true,
  crumbs = NO_CRUMBS,
  children,
}: {
  network: string;
  section: string;
  deeper?: boolean;
  crumbs?: { to: string; label: string }[];
  children: ReactNode;
}) {
  const { m, lang } = useI18n();
  const sections = useContext(SectionsContext);
  const { setSlug } = useContext(CurrentNetworkContext);
  const loaded: Loaded<NetworkOverview> = useApi<NetworkOverview>(`/networks/${encodeURIComponent(ref)}`);
  const { ready, user } = useSession();
  const answer = useCapabilities({ network: ref });
  const capabilities = answer?.network ?? null;
  const network = loaded.data;

  useEffect(() => {
    if (!network) return;
    setSlug(network.slug);
    return () => setSlug(null);
  }, [network, setSlug]);

  const here = sections.find((s) => s.path === section);
  const gated = here?.visible !== undefined;
  const allowed = !gated || (capabilities !== null && here.visible!(capabilities));
  const undecided = gated && !allowed && (!ready || (user !== null && capabilities === null));

  const value = useMemo<FrameValue | null>(() => {
    if (!network) return null;
    const base = `/n/${network.slug}`;
    const shown = sections.filter((s) => !s.visible || (capabilities !== null && s.visible(capabilities)));
    const nav = (
      <nav aria-label={fmt(m.network.tabsLabel, { name: network.name })} className="dr-subnav">
        <ul>
          {shown.map((s) => (
            <li key={s.path}>
              <NavLink to={s.path ? `${base}/${s.path}` : base} end={s.path === ''}>
                {s.label[lang]}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    );
    const trail = (pageTitle: string) => {
      if (!here || here.path === '') return null;
      const sectionLink = { to: `${base}/${here.path}`, label: here.label[lang] };
      // A crumb's address without a leading slash lies below the network's own.
      const levels = crumbs.map((c) => ({ label: c.label, to: c.to.startsWith('/') ? c.to : `${base}/${c.to}` }));
      const links = deeper || crumbs.length > 0 ? [sectionLink, ...levels, { label: pageTitle }] : [{ label: here.label[lang] }];
      return <Trail links={[{ to: base, label: network.name }, ...links]} />;
    };
    return { network, reload: loaded.reload, nav, trail };
  }, [network, loaded.reload, sections, capabilities, m, lang, here, deeper, crumbs]);

  const framed = useMemo(() => (network ? { id: network.id, slug: network.slug, capabilities } : null), [network, capabilities]);

  if (!value || !framed) {
    return (
      <Page title={loaded.error ? m.notFound.title : m.common.loading} waiting={!loaded.error}>
        <LoadState loaded={loaded}>{() => null}</LoadState>
      </Page>
    );
  }
  return (
    <FrameCapabilitiesContext.Provider value={framed}>
      <FrameContext.Provider value={value}>
        {undecided ? (
          <Page title={m.common.loading} waiting>
            <Spinner aria-label={m.common.loading} data-size="md" />
          </Page>
        ) : allowed ? (
          children
        ) : (
          <NoAccessPage network={value.network} />
        )}
      </FrameContext.Provider>
    </FrameCapabilitiesContext.Provider>
  );
}
