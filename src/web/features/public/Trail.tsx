import { AppLink } from '../../app/ui.tsx';
import { usePublicMessages } from './messages.ts';

/** Where a public page sits: Innsyn › body › …, as a list of links above the page title. */
export function Trail({ links }: { links: { to: string; label: string }[] }) {
  const pm = usePublicMessages();
  return (
    <nav aria-label={pm.trail} className="dr-trail">
      <ol>
        {links.map((l) => (
          <li key={l.to}>
            <AppLink to={l.to}>{l.label}</AppLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}
