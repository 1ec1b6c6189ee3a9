import { useState } from 'react';
import { Alert, Button, Details, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { OutboxMessage } from '../../../shared/auth/schema.ts';
import { api, asApiError, useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { LoadState, Section } from '../../app/ui.tsx';
import { DataTable } from '../../app/table.tsx';

/**
 * E-mail the platform has sent or is waiting to send (all of it, when no SMTP server is configured). Personal links
 * show as •••: the server never hands their tokens out. A message can be sent again, with fresh links.
 */
export function OutboxSection() {
  const { m, dateTime } = useI18n();
  const outbox = useApi<OutboxMessage[]>('/admin/outbox');
  const [notice, setNotice] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  const [sending, setSending] = useState<string | null>(null);

  async function resend(message: OutboxMessage) {
    setSending(message.id);
    try {
      await api(`/admin/outbox/${message.id}/resend`, { method: 'POST' });
      setNotice({ kind: 'success', text: fmt(m.admin.resent, { to: message.to }) });
      outbox.reload();
      // The e-mail goes from a job a moment later; its new row shows then.
      window.setTimeout(outbox.reload, 3000);
    } catch (error) {
      setNotice({ kind: 'danger', text: asApiError(error).message });
    } finally {
      setSending(null);
    }
  }

  return (
    <Section id="outbox-heading" title={m.admin.outboxHeading}>
      <Paragraph>{m.admin.outboxIntro}</Paragraph>
      <div role="status">{notice && <Alert data-color={notice.kind}>{notice.text}</Alert>}</div>
      <LoadState loaded={outbox}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{m.admin.outboxEmpty}</Paragraph>
          ) : (
            <DataTable
              caption={m.admin.outboxCaption}
              columns={[m.admin.to, m.admin.subject, m.admin.attachments, m.admin.createdAt, m.admin.status, m.common.actions]}
            >
              {list.map((x) => (
                <Table.Row key={x.id}>
                  <Table.Cell>{x.to}</Table.Cell>
                  <Table.Cell>
                    <Details>
                      <Details.Summary>{x.subject}</Details.Summary>
                      <Details.Content>
                        <pre className="dr-mail-text">{x.text}</pre>
                      </Details.Content>
                    </Details>
                  </Table.Cell>
                  <Table.Cell>{x.attachmentNames.join(', ')}</Table.Cell>
                  <Table.Cell>{dateTime(x.createdAt)}</Table.Cell>
                  <Table.Cell>
                    <div className="dr-tags">
                      {x.sentAt ? (
                        <span>
                          {m.admin.sentAt} {dateTime(x.sentAt)}
                        </span>
                      ) : (
                        <Tag data-size="sm" data-color="warning">
                          {m.admin.notSent}
                        </Tag>
                      )}
                      {x.resendOf && (
                        <Tag data-size="sm" data-color="info">
                          {m.admin.resendOf}
                        </Tag>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    {x.resendable && (
                      <Button
                        type="button"
                        variant="secondary"
                        data-size="sm"
                        aria-label={fmt(m.admin.resendLabel, { subject: x.subject, to: x.to })}
                        disabled={sending !== null}
                        onClick={() => void resend(x)}
                      >
                        {m.admin.resend}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </DataTable>
          )
        }
      </LoadState>
    </Section>
  );
}
