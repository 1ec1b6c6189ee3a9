import { useEffect } from 'react';
import { useLocation, useParams } from 'react-router';
import { Alert, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { PublicAgendaItem, PublicMeeting } from '../../../shared/publicAccess/schema.ts';
import { useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { LoadState, ScrollRegion, Section } from '../../app/ui.tsx';
import { usePublicMessages, type PublicMessages } from './messages.ts';
import { PublicMarkdown } from './Markdown.tsx';
import { Trail } from '../../app/Trail.tsx';
import '../../app/public.css';
import { HeadRow, DataTable } from '../../app/table.tsx';

/**
 * `/innsyn/moter/:id`: a published meeting — agenda, public case papers and attachments, and once the
 * minutes are approved the deliberations, votes and decisions. E-mails link here, keep the address.
 */
export function PublicMeetingPage() {
  const { m, date } = useI18n();
  const pm = usePublicMessages();
  const { id = '' } = useParams();
  const meeting = useApi<PublicMeeting>(`/public/meetings/${encodeURIComponent(id)}`);
  const data = meeting.data;
  const title = data
    ? fmt(data.writtenProcedure ? pm.meeting.writtenTitle : pm.meeting.title, { body: data.body.name, date: date(data.date) })
    : meeting.error
      ? m.notFound.title
      : m.common.loading;
  const trail = [
    { to: '/innsyn', label: pm.body.breadcrumb },
    ...(data ? [{ to: `/innsyn/organ/${data.body.id}`, label: data.body.name }] : []),
  ];
  return (
    <Page title={title} lead={<Trail links={trail} />}>
      <LoadState loaded={meeting}>{(x) => <MeetingView meeting={x} />}</LoadState>
    </Page>
  );
}

function MeetingView({ meeting }: { meeting: PublicMeeting }) {
  const { date, dateTime } = useI18n();
  const pm = usePublicMessages();
  const { hash } = useLocation();

  // A link to one item (#sak-…) lands on it once the agenda is there.
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);

  return (
    <div className="dr-stack">
      {meeting.cancelled && (
        <Alert data-color="warning">
          <Paragraph>{pm.meeting.cancelled}</Paragraph>
        </Alert>
      )}
      <dl className="dr-facts">
        <dt>{pm.meeting.date}</dt>
        <dd>{date(meeting.date)}</dd>
        {!meeting.writtenProcedure && (
          <>
            <dt>{pm.meeting.time}</dt>
            <dd>{meeting.endTime ? `${meeting.startTime}–${meeting.endTime}` : meeting.startTime}</dd>
          </>
        )}
        {meeting.place && (
          <>
            <dt>{pm.meeting.place}</dt>
            <dd>{meeting.place}</dd>
          </>
        )}
        <dt>{pm.meeting.status}</dt>
        <dd>{meeting.cancelled ? pm.cancelled : pm.statuses[meeting.status]}</dd>
        {meeting.summonsPublishedAt && (
          <>
            <dt>{pm.meeting.summonsPublished}</dt>
            <dd>{dateTime(meeting.summonsPublishedAt)}</dd>
          </>
        )}
        {meeting.minutesApprovedAt && (
          <>
            <dt>{pm.meeting.minutesApproved}</dt>
            <dd>{dateTime(meeting.minutesApprovedAt)}</dd>
          </>
        )}
      </dl>
      {!meeting.cancelled && !meeting.minutesPublished && <Paragraph>{pm.meeting.minutesPending}</Paragraph>}
      {!meeting.cancelled && (
        <Paragraph>
          <a href={`/api/public/meetings/${meeting.id}/einnsyn`}>{pm.meeting.einnsyn}</a>
        </Paragraph>
      )}
      {meeting.minutesPublished && (
        <Paragraph>
          <a href={`/api/public/meetings/${meeting.id}/minutes?format=pdf`}>{pm.meeting.minutesPdf}</a>
          {' · '}
          <a href={`/api/public/meetings/${meeting.id}/minutes?format=docx`}>{pm.meeting.minutesDocx}</a>
        </Paragraph>
      )}

      {!meeting.cancelled && (
        <Section id="agenda-heading" title={pm.meeting.agenda} className="dr-section dr-stack">
          {meeting.items.length === 0 ? (
            <Paragraph>{pm.meeting.noItems}</Paragraph>
          ) : (
            meeting.items.map((item) => <AgendaItem key={item.id} item={item} />)
          )}
        </Section>
      )}

      {meeting.attendees.length > 0 && (
        <Section id="attendance-heading" title={pm.meeting.attendance}>
          <ScrollRegion label={pm.meeting.attendanceCaption}>
            <Table zebra>
              <caption className="dr-visually-hidden">{pm.meeting.attendanceCaption}</caption>
              <HeadRow cells={[pm.meeting.name, pm.meeting.role, pm.meeting.municipality, pm.meeting.present]} />
              <Table.Body>
                {meeting.attendees.map((a, i) => (
                  <Table.Row key={`${a.name}-${i}`}>
                    <Table.Cell>{a.name}</Table.Cell>
                    <Table.Cell>{pm.roles[a.role]}</Table.Cell>
                    <Table.Cell>{a.municipalityName ?? ''}</Table.Cell>
                    <Table.Cell>
                      {a.forInformation && !a.present
                        ? pm.meeting.forInformation
                        : a.present
                          ? a.meetsFor
                            ? `${pm.meeting.presentYes}, ${fmt(pm.meeting.meetsFor, { name: a.meetsFor })}`
                            : pm.meeting.presentYes
                          : pm.meeting.presentNo}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        </Section>
      )}
    </div>
  );
}

const size = (bytes: number, locale: string) =>
  bytes < 1024 * 1024
    ? `${new Intl.NumberFormat(locale).format(Math.max(1, Math.round(bytes / 1024)))} kB`
    : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

function AgendaItem({ item }: { item: PublicAgendaItem }) {
  const { lang } = useI18n();
  const pm = usePublicMessages();
  const headingId = `sak-${item.id}-heading`;
  const title = item.exempt ? pm.meeting.exemptTitle : item.title;
  return (
    <article className="dr-public-item" id={`sak-${item.id}`} aria-labelledby={headingId}>
      <Heading level={3} data-size="sm" id={headingId}>
        {item.number ? `${item.number} ${title}` : title}
      </Heading>
      <div>
        <Tag data-size="sm" data-color="neutral">
          {pm.caseTypes[item.type]}
        </Tag>
      </div>
      {item.exempt && (
        <Paragraph>{item.exemptLegalBasis ? fmt(pm.meeting.exempt, { basis: item.exemptLegalBasis }) : pm.meeting.exemptNoBasis}</Paragraph>
      )}
      {item.closedBasis && <Paragraph>{fmt(pm.meeting.closed, { basis: item.closedBasis })}</Paragraph>}
      {item.casePaper && <Part title={pm.meeting.casePaper} text={item.casePaper} />}
      {item.recommendation && <Part title={pm.meeting.recommendation} text={item.recommendation} />}
      {item.documents.length > 0 && (
        <div>
          <Heading level={4} data-size="xs">
            {pm.meeting.documents}
          </Heading>
          <ul>
            {item.documents.map((d) => (
              <li key={d.id}>
                <Link href={d.url} download>
                  {fmt(pm.meeting.download, { name: d.fileName, size: size(d.size, lang === 'en' ? 'en-GB' : 'nb-NO') })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {item.minutes && <Minutes minutes={item.minutes} pm={pm} />}
    </article>
  );
}

function Part({ title, text }: { title: string; text: string }) {
  return (
    <div>
      <Heading level={4} data-size="xs">
        {title}
      </Heading>
      <PublicMarkdown text={text} />
    </div>
  );
}

function Minutes({ minutes, pm }: { minutes: NonNullable<PublicAgendaItem['minutes']>; pm: PublicMessages }) {
  const { number } = useI18n();
  const vote = minutes.vote;
  return (
    <>
      {minutes.deliberation && <Part title={pm.meeting.deliberation} text={minutes.deliberation} />}
      {minutes.proposals.length > 0 && (
        <div>
          <Heading level={4} data-size="xs">
            {pm.meeting.proposals}
          </Heading>
          <ul>
            {minutes.proposals.map((p, i) => (
              <li key={i}>
                {fmt(pm.meeting.proposal, { by: p.proposedBy, text: p.text })}
                {p.result && ` ${fmt(pm.meeting.proposalResult, { result: pm.proposalResults[p.result] })}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {vote && (
        <div>
          <Heading level={4} data-size="xs">
            {pm.meeting.vote}
          </Heading>
          <Paragraph>
            {vote.kind === 'unanimous'
              ? pm.meeting.unanimous
              : fmt(pm.meeting.counts, { for: number(vote.for ?? 0), against: number(vote.against ?? 0), blank: number(vote.blank ?? 0) })}
          </Paragraph>
          {vote.ballots.length > 0 && (
            <DataTable caption={pm.meeting.ballotsCaption} columns={[pm.meeting.name, pm.meeting.choice]} zebra={false}>
              {vote.ballots.map((b, i) => (
                <Table.Row key={i}>
                  <Table.Cell>{b.name}</Table.Cell>
                  <Table.Cell>{pm.choices[b.choice]}</Table.Cell>
                </Table.Row>
              ))}
            </DataTable>
          )}
        </div>
      )}
      {minutes.decision ? (
        <Part title={pm.meeting.decision} text={minutes.decision} />
      ) : (
        <div>
          <Heading level={4} data-size="xs">
            {pm.meeting.outcome}
          </Heading>
          <Paragraph>{pm.outcomes[minutes.outcome]}</Paragraph>
        </div>
      )}
      {minutes.protocolRemarks.length > 0 && (
        <div>
          <Heading level={4} data-size="xs">
            {pm.meeting.remarks}
          </Heading>
          {minutes.protocolRemarks.map((r, i) => (
            <blockquote key={i}>
              <Paragraph data-size="sm">{fmt(pm.meeting.remarkBy, { name: r.authorName })}</Paragraph>
              <PublicMarkdown text={r.text} />
            </blockquote>
          ))}
        </div>
      )}
    </>
  );
}
