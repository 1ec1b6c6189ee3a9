import { AppLink } from './ui.tsx';
import './trail.css';
import { useI18n } from './i18n/index.tsx';

/**
 * Where a page sits (breadcrumbs): Innsyn › body › …, or network › section › …, as a list of links above the page
 * title. The last entry without `to` is the page itself, marked as the current page.
 */
export function Trail({ links }: { links: { to?: string; label: string }[] }) {
  const { m } = useI18n();
  return (
    <nav aria-label={m.shell.trail} className="dr-trail">
      <ol>
        {links.map((l, i) => (
          <li key={`${i}-${l.label}`}>{l.to ? <AppLink to={l.to}>{l.label}</AppLink> : <span aria-current="page">{l.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
