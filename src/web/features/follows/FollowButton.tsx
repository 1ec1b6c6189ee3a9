import { useId, useState } from 'react';
import { Button, Details, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import {
  FOLLOW_DELIVERIES,
  type Follow,
  type FollowDelivery,
  type FollowState,
  type FollowTargetInput,
} from '../../../shared/follows/schema.ts';
import { api, useApi } from '../../app/api.ts';
import { useAction } from '../../app/action.tsx';
import { FailureAlert, SuccessMessage } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { useSession } from '../../app/session.tsx';
import { useFollowMessages } from './messages.ts';
import './follows.css';

export function lookupPath(target: FollowTargetInput): string {
  const params = new URLSearchParams({ kind: target.kind });
  if (target.kind === 'search') {
    params.set('q', target.search.q);
    if (target.search.network) params.set('network', target.search.network);
    if (target.search.body) params.set('body', target.search.body);
  } else params.set('id', target.id);
  return `/me/follows/lookup?${params.toString()}`;
}

/** The choice of e-mail at once or a weekly digest, as radio buttons. */
export function DeliveryChoice({
  value,
  onChange,
  disabled,
}: {
  value: FollowDelivery;
  onChange: (d: FollowDelivery) => void;
  disabled?: boolean;
}) {
  const t = useFollowMessages();
  const name = useId();
  return (
    <fieldset className="dr-follow-delivery">
      <legend>{t.deliveryLabel}</legend>
      {FOLLOW_DELIVERIES.map((d) => (
        <Radio key={d} name={name} value={d} label={t.delivery[d]} checked={value === d} disabled={disabled} onChange={() => onChange(d)} />
      ))}
    </fieldset>
  );
}

/**
 * «Følg» for a logged-in account on a body's, a project's, a case's or a search's page: follows it with an e-mail at
 * once, then offers the weekly digest instead and «Slutt å følge». Nothing without login (the public pages offer the
 * e-mail subscription, SubscribeForm).
 */
export function FollowButton({ target }: { target: FollowTargetInput }) {
  const { user } = useSession();
  if (!user) return null;
  return <FollowControl target={target} />;
}

function FollowControl({ target }: { target: FollowTargetInput }) {
  const t = useFollowMessages();
  const state = useApi<FollowState>(lookupPath(target));
  const [status, setStatus] = useState<string | null>(null);
  const { busy, failure: error, run: act } = useAction();
  if (state.error?.status === 404) return null;
  const follow = state.data?.follow ?? null;
  const run = (action: () => Promise<Follow | null>, message: (f: Follow | null) => string) =>
    act(async () => {
      const after = await action();
      state.setData({ follow: after });
      setStatus(message(after));
    });
  const save = (delivery: FollowDelivery) => api<Follow>('/me/follows', { method: 'POST', body: { target, delivery } });
  return (
    <div className="dr-follow">
      <FailureAlert error={error} />
      <SuccessMessage message={status} />
      {state.data === undefined ? (
        // Its place is kept while the state loads, so the page does not move under the reader's pointer when it comes.
        <Button variant="secondary" data-size="sm" disabled>
          {t.follow}
        </Button>
      ) : follow === null ? (
        <Button
          variant="secondary"
          data-size="sm"
          disabled={busy}
          onClick={() =>
            void run(
              () => save('immediate'),
              (f) => fmt(t.followed, { title: f?.target.title ?? '' }),
            )
          }
        >
          {t.follow}
        </Button>
      ) : (
        <div className="dr-follow-on">
          <Paragraph data-size="sm">{t.following}</Paragraph>
          <DeliveryChoice
            value={follow.delivery}
            disabled={busy}
            onChange={(d) =>
              void run(
                () => save(d),
                () => t.changed,
              )
            }
          />
          <Button
            variant="tertiary"
            data-size="sm"
            disabled={busy}
            onClick={() =>
              void run(
                async () => {
                  await api('/me/follows/unfollow', { method: 'POST', body: { target } });
                  return null;
                },
                () => fmt(t.stopped, { title: follow.target.title }),
              )
            }
          >
            {t.stop}
          </Button>
        </div>
      )}
    </div>
  );
}

/**
 * «Abonner på e-post» on a public page: an address and at once or weekly; the server sends a confirmation link and
 * nothing else until it is clicked. With the Atom feed of the same, when there is one.
 */
export function SubscribeForm({ target, feedPath }: { target: FollowTargetInput; feedPath?: string }) {
  const t = useFollowMessages();
  const { lang } = useI18n();
  const [email, setEmail] = useState('');
  const [delivery, setDelivery] = useState<FollowDelivery>('immediate');
  const [done, setDone] = useState(false);
  const { busy, failure: error, run } = useAction();
  const id = useId();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    return run(async () => {
      await api('/public/follows', { method: 'POST', body: { email, target, delivery, language: lang } });
      setDone(true);
    });
  };
  return (
    <Details className="dr-subscribe">
      <Details.Summary>{t.subscribeTitle}</Details.Summary>
      <Details.Content>
        {done ? (
          <SuccessMessage message={t.subscribed} />
        ) : (
          <form onSubmit={(e) => void submit(e)} noValidate className="dr-stack">
            <Paragraph data-size="sm">{t.subscribeIntro}</Paragraph>
            <FailureAlert error={error} />
            <Textfield
              id={`${id}-email`}
              label={t.email}
              type="email"
              autoComplete="email"
              required
              value={email}
              error={error?.fields.email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <DeliveryChoice value={delivery} onChange={setDelivery} />
            <div>
              <Button type="submit" disabled={busy}>
                {t.subscribe}
              </Button>
            </div>
          </form>
        )}
        {feedPath && (
          <Paragraph data-size="sm">
            <a href={feedPath} type="application/atom+xml">
              {t.feed}
            </a>
          </Paragraph>
        )}
      </Details.Content>
    </Details>
  );
}
