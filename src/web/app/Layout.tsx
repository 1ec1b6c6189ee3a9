import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link as RouterLink, Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import { Alert, Button, Dropdown, Field, Label, Link, Paragraph, Select, SkipLink } from '@digdir/designsystemet-react';
import type { NetworkSummary } from '../../shared/network/schema.ts';
import { isLanguage, LANGUAGES } from '../../shared/i18n/languages.ts';
import { ApiError, useApi } from './api.ts';
import { fmt, LANGUAGE_NAMES, useI18n } from './i18n/index.tsx';
import { useSession } from './session.tsx';
import { useAccountCapabilities } from './capabilities.ts';
import { useCurrentNetworkSlug } from './network-frame.tsx';

/** The shell: skip link, header with network and language switchers and the user menu, main, footer. */
export function Layout() {
  const { m } = useI18n();
  return (
    <div className="dr-shell">
      <SkipLink href="#main">{m.shell.skipLink}</SkipLink>
      <Header />
      <main id="main" tabIndex={-1} className="dr-main">
        <Outlet />
      </main>
      <footer className="dr-footer">
        <div className="dr-container">
          <Paragraph data-size="sm">{m.shell.footerAbout}</Paragraph>
          <Paragraph data-size="sm">{m.shell.footerSsb}</Paragraph>
          <Paragraph data-size="sm">
            <Link href="/api/docs">{m.shell.footerApi}</Link>
          </Paragraph>
          <Paragraph data-size="sm">
            <Link asChild>
              <RouterLink to="/tilgjengelighet">{m.shell.footerAccessibility}</RouterLink>
            </Link>
          </Paragraph>
        </div>
      </footer>
    </div>
  );
}

function Header() {
  const { m } = useI18n();
  const networks = useApi<NetworkSummary[]>('/networks');
  const match = useMatch('/n/:slug/*');
  const navigate = useNavigate();
  // The network of the page's frame (also on a meeting's or case's page), else the one in the address.
  const currentSlug = useCurrentNetworkSlug() ?? match?.params.slug ?? '';
  const location = useLocation();
  // On a narrow screen the tools fold behind a menu button (a disclosure); styles.css shows them always on a wide one.
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuPath, setMenuPath] = useState(location.pathname);
  const menuId = useId();
  // The labels name their selects by id, not only through ds-field, which comes with Designsystemet's web layer after
  // the first paint (main.tsx).
  const menuButton = useRef<HTMLButtonElement>(null);
  // The menu was opened to go somewhere: a new page closes it.
  if (menuPath !== location.pathname) {
    setMenuPath(location.pathname);
    setMenuOpen(false);
  }
  const closeOnEscape = (event: KeyboardEvent) => {
    const button = menuButton.current;
    // An open user menu takes the Escape first (it closes itself); a hidden button means the tools are not folded.
    if (event.key !== 'Escape' || !menuOpen || !button?.checkVisibility() || document.querySelector(':popover-open')) return;
    setMenuOpen(false);
    button.focus();
  };

  return (
    <header className="dr-header">
      <div className="dr-container dr-header-inner" onKeyDown={closeOnEscape}>
        <RouterLink to="/" className="dr-brand" aria-label={m.shell.home}>
          <span aria-hidden="true" className="dr-brand-mark" />
          {m.common.appName}
        </RouterLink>
        <Button
          ref={menuButton}
          type="button"
          variant="secondary"
          data-size="sm"
          className="dr-menu-button"
          aria-expanded={menuOpen}
          aria-controls={menuId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true" className="dr-menu-icon" />
          {m.shell.menu}
        </Button>
        <div id={menuId} className="dr-header-tools" data-open={menuOpen}>
          <HeaderSelect
            label={m.shell.networkSwitcher}
            value={currentSlug}
            onChange={(slug) => {
              if (slug) void navigate(`/n/${slug}`);
            }}
          >
            <Select.Option value="">{m.shell.chooseNetwork}</Select.Option>
            {(networks.data ?? []).map((n) => (
              <Select.Option key={n.id} value={n.slug}>
                {n.name}
              </Select.Option>
            ))}
          </HeaderSelect>
          <Link asChild>
            <RouterLink to="/innsyn">{m.shell.publicNav}</RouterLink>
          </Link>
          <LanguageSwitcher />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}

function LanguageSwitcher() {
  const { m, lang } = useI18n();
  const { changeLanguage } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <HeaderSelect
      label={m.shell.language}
      value={lang}
      onChange={(next) => {
        if (!isLanguage(next)) return;
        setFailure(null);
        changeLanguage(next).catch((error: unknown) => setFailure(error instanceof ApiError ? error.message : String(error)));
      }}
      after={
        failure && (
          <Alert data-color="warning" data-size="sm" role="alert">
            {fmt(m.shell.languageSaveFailed, { message: failure })}
          </Alert>
        )
      }
    >
      {LANGUAGES.map((l) => (
        <Select.Option key={l} value={l} lang={l}>
          {LANGUAGE_NAMES[l]}
        </Select.Option>
      ))}
    </HeaderSelect>
  );
}

/** A small select in the header with its label above it, and what follows it in the same field (a warning). */
function HeaderSelect({
  label,
  value,
  onChange,
  children,
  after,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  after?: ReactNode;
}) {
  const id = useId();
  return (
    <Field className="dr-header-field">
      <Label data-size="sm" htmlFor={id}>
        {label}
      </Label>
      <Select id={id} data-size="sm" width="auto" value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </Select>
      {after}
    </Field>
  );
}

function UserMenu() {
  const { m } = useI18n();
  const { user, logout, ready } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const account = useAccountCapabilities();

  if (!ready) return null;
  if (!user) {
    const here = location.pathname + location.search;
    const to = location.pathname === '/logg-inn' ? '/logg-inn' : `/logg-inn?til=${encodeURIComponent(here)}`;
    return (
      <Button asChild variant="secondary" data-size="sm">
        <RouterLink to={to}>{m.shell.login}</RouterLink>
      </Button>
    );
  }
  const go = (to: string) => {
    setOpen(false);
    void navigate(to);
  };
  return (
    <Dropdown.TriggerContext>
      <Dropdown.Trigger variant="secondary" data-size="sm" aria-label={fmt(m.shell.userMenu, { name: user.name })}>
        {user.name}
      </Dropdown.Trigger>
      <Dropdown placement="bottom-end" open={open} onOpen={() => setOpen(true)} onClose={() => setOpen(false)} data-size="sm">
        <Dropdown.List>
          <Dropdown.Item>
            <Dropdown.Button onClick={() => go('/konto')}>{m.shell.account}</Dropdown.Button>
          </Dropdown.Item>
          {account.administration && (
            <Dropdown.Item>
              <Dropdown.Button onClick={() => go('/admin')}>{m.shell.admin}</Dropdown.Button>
            </Dropdown.Item>
          )}
          <Dropdown.Item>
            <Dropdown.Button
              onClick={() => {
                setOpen(false);
                void logout().then(() => navigate('/'));
              }}
            >
              {m.shell.logout}
            </Dropdown.Button>
          </Dropdown.Item>
        </Dropdown.List>
      </Dropdown>
    </Dropdown.TriggerContext>
  );
}
