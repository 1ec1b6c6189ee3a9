import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { FollowChanges } from '../../../shared/follows/schema.ts';
import { useApi } from '../../app/api.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import { AppLink, LoadState } from '../../app/ui.tsx';
import { useFollowMessages } from './messages.ts';
import './follows.css';

/** «Nytt i det du følger» on the start page: what happened since the last visit in what the account follows. */
export function FollowedChanges() {
  const t = useFollowMessages();
  const { dateTime } = useI18n();
  const changes = useApi<FollowChanges>('/me/follows/changes');
  return (
    <section className="dr-section" aria-labelledby="followed-changes">
      <Heading level={2} data-size="md" id="followed-changes">
        {t.changesTitle}
      </Heading>
      <LoadState loaded={changes}>
        {(x) =>
          x.changes.length === 0 ? (
            <Paragraph>{t.changesEmpty}</Paragraph>
          ) : (
            <ul className="dr-follow-list">
              {x.changes.map((c) => (
                <li key={`${c.followId}-${c.kind}-${c.path}-${c.occurredAt}`}>
                  <span className="dr-muted">{t.events[c.kind]}</span> <AppLink to={c.path}>{c.title}</AppLink>{' '}
                  <span className="dr-muted">{dateTime(c.occurredAt)}</span>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
      <Paragraph>
        <AppLink to="/folger">{t.manage}</AppLink>
      </Paragraph>
    </section>
  );
}
