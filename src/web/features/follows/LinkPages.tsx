import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import type { UnsubscribeAnswer } from '../../../shared/follows/schema.ts';
import { api } from '../../app/api.ts';
import { useAction } from '../../app/action.tsx';
import { FailureAlert, SuccessMessage } from '../../app/forms.tsx';
import { fmt } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useFollowMessages } from './messages.ts';

/**
 * A personal link's page acts only when its button is pressed: mail scanners open links, and must neither unsubscribe
 * nor confirm anyone. (The one-click unsubscribe of RFC 8058 is a POST to the same address, answered by the server.)
 */
function LinkAction({
  title,
  intro,
  button,
  api: path,
  done,
}: {
  title: string;
  intro: string;
  button: string;
  api: string;
  done: string;
}) {
  const t = useFollowMessages();
  const { token } = useParams();
  const [result, setResult] = useState<string | null>(null);
  const { busy, failure: error, run } = useAction();
  const act = () =>
    run(async () => {
      const answer = await api<UnsubscribeAnswer>(`${path}/${encodeURIComponent(token ?? '')}`, { method: 'POST' });
      setResult(fmt(done, { title: answer.title }));
    });
  return (
    <Page title={title}>
      {result ? (
        <SuccessMessage message={result} />
      ) : error?.status === 404 ? (
        <Alert data-color="warning">{t.linkGone}</Alert>
      ) : (
        <>
          <Paragraph>{intro}</Paragraph>
          <FailureAlert error={error} />
          <Button onClick={() => void act()} disabled={busy}>
            {button}
          </Button>
        </>
      )}
    </Page>
  );
}

/** `/avmeld/:token`: stops a follow (or a digest's follows) without login. */
export function UnsubscribePage() {
  const t = useFollowMessages();
  return (
    <LinkAction
      title={t.unsubscribeTitle}
      intro={t.unsubscribeIntro}
      button={t.unsubscribeButton}
      api="/follows/unsubscribe"
      done={t.unsubscribed}
    />
  );
}

/** `/bekreft-abonnement/:token`: confirms a resident's subscription (double opt-in). */
export function ConfirmSubscriptionPage() {
  const t = useFollowMessages();
  return <LinkAction title={t.confirmTitle} intro={t.confirmIntro} button={t.confirmButton} api="/follows/confirm" done={t.confirmed} />;
}
