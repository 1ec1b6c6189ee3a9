import { Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from './i18n/index.tsx';
import { Page } from './Page.tsx';
import { AppLink } from './ui.tsx';

/** Any address the app does not know. */
export function NotFoundPage() {
  const { m } = useI18n();
  return (
    <Page title={m.notFound.title}>
      <Paragraph>{m.notFound.text}</Paragraph>
      <Paragraph>
        <AppLink to="/">{m.notFound.home}</AppLink>
      </Paragraph>
    </Page>
  );
}
