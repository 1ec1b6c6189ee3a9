import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Heading } from '@digdir/designsystemet-react';
import { useI18n } from './i18n/index.tsx';
import { usePageFrame } from './network-frame.tsx';

let lastPath: string | null = null;

/**
 * One page: its document title, its one h1, and focus moved to that h1 after a client-side
 * navigation so screen reader and keyboard users start at the new content. Inside a network frame, the network's
 * breadcrumbs above and its navigation below the title.
 */
export function Page({
  title,
  children,
  lead,
  waiting = false,
}: {
  title: string;
  children?: ReactNode;
  lead?: ReactNode;
  /** A stand-in while the real page is not there yet (the network frame loading): the focus waits for the real one. */
  waiting?: boolean;
}) {
  const { m } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  const frame = usePageFrame();

  useEffect(() => {
    document.title = title === m.common.appName ? title : `${title} – ${m.common.appName}`;
  }, [title, m]);

  useEffect(() => {
    if (waiting) return;
    if (lastPath !== null && lastPath !== pathname) heading.current?.focus();
    lastPath = pathname;
  }, [pathname, waiting]);

  return (
    <>
      {frame?.trail(title)}
      {lead}
      <Heading level={1} data-size="lg" tabIndex={-1} ref={heading} className="dr-page-title">
        {title}
      </Heading>
      {frame?.nav}
      {children}
    </>
  );
}
