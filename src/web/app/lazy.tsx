import { lazy, Suspense, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { Spinner } from '@digdir/designsystemet-react';
import { useI18n } from './i18n/index.tsx';

/**
 * Code loaded when first needed, so the first load carries only what its page shows. Features name their pages and
 * the sections they lend to other features' pages this way in their index.ts.
 */

/** A route whose page module is loaded when the route is first visited; `name` is the page's export there. */
export function lazyPage<M, K extends keyof M>(path: string | undefined, load: () => Promise<M>, name: K): RouteObject {
  return {
    ...(path === undefined ? { index: true } : { path }),
    lazy: async () => ({ Component: (await load())[name] as ComponentType }),
  };
}

/**
 * A section lent to another feature's page, loaded when that page first shows it (a spinner meanwhile, or nothing
 * when `quiet`). It has the props of the component it loads.
 */
export function lazySection<M, K extends keyof M>(load: () => Promise<M>, name: K, quiet = false): M[K] {
  const Loaded = lazy(async () => ({ default: (await load())[name] as ComponentType<object> }));
  function Section(props: object) {
    return (
      <Suspense fallback={quiet ? null : <Waiting />}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return Section as M[K];
}

function Waiting() {
  const { m } = useI18n();
  return <Spinner aria-label={m.common.loading} data-size="sm" />;
}
