import { Paragraph } from '@digdir/designsystemet-react';
import { fmt } from '../../app/i18n/index.tsx';
import { AppLink } from '../../app/ui.tsx';
import { useProposalMessages } from './messages.ts';
import { publicProposalPath } from './paths.ts';

/** On the public home page: the way to the public form of a network. */
export function ProposalPublicLink({ slug, name }: { slug: string; name: string }) {
  const pm = useProposalMessages();
  return (
    <Paragraph>
      <AppLink to={publicProposalPath(slug)}>{fmt(pm.public.homeLink, { name })}</AppLink>
    </Paragraph>
  );
}
