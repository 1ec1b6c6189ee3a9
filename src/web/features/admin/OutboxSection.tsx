import { Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useApi } from '../../app/api.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import { LoadState } from '../../app/ui.tsx';

interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** File names of the attachments, the calendar invitation included. */
  attachmentNames: string[];
  createdAt: string;
  sentAt: string | null;
}

/** E-mail the platform has sent or is waiting to send (all of it, when no SMTP server is configured). */
export function OutboxSection() {
  const { m, dateTime } = useI18n();
  const outbox = useApi<OutboxMessage[]>('/admin/outbox');
  return (
    <section className="dr-section" aria-labelledby="outbox-heading">
      <Heading level={2} data-size="md" id="outbox-heading">
        {m.admin.outboxHeading}
      </Heading>
      <LoadState loaded={outbox}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{m.admin.outboxEmpty}</Paragraph>
          ) : (
            <div className="dr-table-wrap">
              <Table zebra>
                <caption>{m.admin.outboxCaption}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{m.admin.to}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{m.admin.subject}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{m.admin.attachments}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{m.admin.createdAt}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{m.admin.status}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
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
                        {x.sentAt ? (
                          <span>
                            {m.admin.sentAt} {dateTime(x.sentAt)}
                          </span>
                        ) : (
                          <Tag data-size="sm" data-color="warning">
                            {m.admin.waiting}
                          </Tag>
                        )}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )
        }
      </LoadState>
    </section>
  );
}
