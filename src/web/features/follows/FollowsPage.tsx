import { useState } from 'react';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import type { Follow, FollowDelivery, FollowTargetInput } from '../../../shared/follows/schema.ts';
import { api, asApiError, useApi, type ApiError } from '../../app/api.ts';
import { FailureAlert, SuccessMessage } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { AppLink, LoadState } from '../../app/ui.tsx';
import { DeliveryChoice } from './FollowButton.tsx';
import { useFollowMessages } from './messages.ts';
import './follows.css';

const targetOf = (f: Follow): FollowTargetInput =>
  f.target.kind === 'search' ? { kind: 'search', search: f.target.search! } : { kind: f.target.kind, id: f.target.id! };

/** `/folger`: what the account follows, each with at once or weekly, its feed, and «Slutt å følge». */
export function FollowsPage() {
  const t = useFollowMessages();
  const { date } = useI18n();
  const list = useApi<Follow[]>('/me/follows');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  async function run(action: () => Promise<unknown>, message: string) {
    setError(null);
    try {
      await action();
      setStatus(message);
      list.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <Page title={t.pageTitle}>
      <Paragraph>{t.pageIntro}</Paragraph>
      <FailureAlert error={error} />
      <SuccessMessage message={status} />
      <LoadState loaded={list}>
        {(follows) =>
          follows.length === 0 ? (
            <Paragraph>{t.empty}</Paragraph>
          ) : (
            <ul className="dr-follow-list">
              {follows.map((f) => (
                <li key={f.id} className="dr-follow-item">
                  <Paragraph>
                    <span className="dr-muted">{t.kind[f.target.kind]}</span> <AppLink to={f.target.path}>{f.target.title}</AppLink>
                    {f.network && <span className="dr-muted"> · {f.network.name}</span>}
                    <span className="dr-muted"> · {date(f.createdAt.slice(0, 10))}</span>
                  </Paragraph>
                  <DeliveryChoice
                    value={f.delivery}
                    onChange={(d: FollowDelivery) =>
                      void run(() => api('/me/follows', { method: 'POST', body: { target: targetOf(f), delivery: d } }), t.changed)
                    }
                  />
                  <div className="dr-button-row">
                    <Button
                      variant="secondary"
                      data-size="sm"
                      onClick={() =>
                        void run(
                          () => api('/me/follows/unfollow', { method: 'POST', body: { target: targetOf(f) } }),
                          fmt(t.stopped, { title: f.target.title }),
                        )
                      }
                    >
                      {t.stop}
                      <span className="dr-visually-hidden">: {f.target.title}</span>
                    </Button>
                    {f.feedPath && (
                      <a href={f.feedPath} type="application/atom+xml">
                        {t.feed}
                        <span className="dr-visually-hidden">: {f.target.title}</span>
                      </a>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </Page>
  );
}
