import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Button, Details, Dialog, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { Loaded } from './api.ts';
import { fmt, useI18n } from './i18n/index.tsx';

/** Shows a spinner while loading and the server's message on failure; renders children with the data. */
export function LoadState<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { m } = useI18n();
  if (loaded.data !== undefined) return <>{children(loaded.data)}</>;
  if (loaded.error) {
    return (
      <Alert data-color={loaded.error.status === 404 ? 'warning' : 'danger'}>
        <Paragraph>{loaded.error.status === 404 ? m.notFound.text : loaded.error.message || m.common.loadFailed}</Paragraph>
        {loaded.error.status === 401 ? (
          <Paragraph>
            <Link asChild>
              <RouterLink to={`/logg-inn?til=${encodeURIComponent(location.pathname + location.search)}`}>{m.shell.login}</RouterLink>
            </Link>
          </Paragraph>
        ) : loaded.error.status !== 404 ? (
          <Button type="button" variant="secondary" data-size="sm" onClick={loaded.reload}>
            {m.common.tryAgain}
          </Button>
        ) : null}
      </Alert>
    );
  }
  return <Spinner aria-label={m.common.loading} data-size="md" />;
}

/**
 * A modal dialog (Designsystemet's, on the native <dialog>): the page behind is inert while it is open,
 * and focus goes back to where it was when it closes. Children are mounted only while open, so a form
 * starts fresh each time.
 */
export function ModalDialog({
  open,
  onClose,
  title,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const { m } = useI18n();
  const headingId = useId();
  const returnTo = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) {
      wasOpen.current = true;
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    const target = returnTo.current;
    returnTo.current = null;
    if (target?.isConnected) target.focus();
    else document.querySelector<HTMLElement>('h1')?.focus();
  }, [open]);

  return (
    <Dialog open={open} onClose={onClose} closeButton={m.common.closeDialog} aria-labelledby={headingId} className="dr-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={headingId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>{open && children}</Dialog.Block>
    </Dialog>
  );
}

/**
 * The frame of a table that may be wider than the screen: it scrolls sideways inside the page instead of widening
 * it, and is a named region that takes focus, so a keyboard can scroll it with the arrow keys (WCAG 2.1.1) and a
 * screen reader says what it holds. Put it around every table with more than two or three columns.
 */
export function ScrollRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `dr-table-wrap ${className}` : 'dr-table-wrap'} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A phone's width, where filters start folded (styles.css narrows the page's margins at the same width). */
export const PHONE_MEDIA = '(max-width: 40rem)';

/**
 * A page's filters behind a disclosure «Filtre»: open on a wide screen, where they sit beside the content, and folded
 * on a phone, where open they would push the content a screen or more down. `active` counts the filters in use, so a
 * folded disclosure still tells that the list is filtered.
 */
export function FilterDisclosure({ active = 0, children }: { active?: number; children: ReactNode }) {
  const { m } = useI18n();
  const [wide] = useState(() => !window.matchMedia(PHONE_MEDIA).matches);
  return (
    <Details defaultOpen={wide} className="dr-filter-disclosure">
      <Details.Summary>{active > 0 ? fmt(m.common.filtersActive, { count: active }) : m.common.filters}</Details.Summary>
      <Details.Content>{children}</Details.Content>
    </Details>
  );
}

/** Text for screen readers only. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="dr-visually-hidden">{children}</span>;
}

/** A link within the app, styled as a Designsystemet link. */
export function AppLink({
  to,
  children,
  ...rest
}: { to: string; children: ReactNode } & Omit<React.AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return (
    <Link asChild>
      <RouterLink to={to} {...rest}>
        {children}
      </RouterLink>
    </Link>
  );
}

/** Buttons under a form or dialog. */
export function ButtonRow({ children }: { children: ReactNode }) {
  return <div className="dr-button-row">{children}</div>;
}

export function todayIso(): string {
  // The calendar day in Norway, whatever the browser's zone.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/** A live region that is always present, so a success message is announced when it appears. */
export function SuccessMessage({ message }: { message: string | null }) {
  return (
    <div role="status" className="dr-status">
      {message && <Alert data-color="success">{message}</Alert>}
    </div>
  );
}

/**
 * A titled part of a page: a <section> named by its heading, so a screen reader lists it among the page's regions.
 * `id` is the heading's id (unique on the page); the default class spaces it as the page's other sections.
 */
export function Section({
  id,
  title,
  className = 'dr-section',
  level = 2,
  size = 'md',
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  level?: 2 | 3;
  size?: 'md' | 'sm' | 'xs';
  children?: ReactNode;
}) {
  return (
    <section className={className} aria-labelledby={id}>
      <Heading level={level} data-size={size} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
