import { useParams, useSearchParams } from 'react-router';
import { Field, Label, Link, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import type { PublicBodyCalendar, PublicMeetingSummary } from '../../../shared/publicAccess/schema.ts';
import { query, useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { AppLink, LoadState, ScrollRegion, Section } from '../../app/ui.tsx';
import { FollowButton, SubscribeForm } from '../follows/index.ts';
import { usePublicMessages } from './messages.ts';
import { PublicMarkdown } from './Markdown.tsx';
import { Trail } from '../../app/Trail.tsx';
import '../../app/public.css';
import { HeadRow } from '../../app/table.tsx';

/** `/innsyn/organ/:id`: a body's published meetings year by year, and its meeting plan as a calendar feed. */
export function PublicBodyPage() {
  const { m } = useI18n();
  const pm = usePublicMessages();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const year = params.get('aar') ?? undefined;
  const calendar = useApi<PublicBodyCalendar>(`/public/bodies/${encodeURIComponent(id)}${query({ year })}`);
  const title = calendar.data?.body.name ?? (calendar.error ? m.notFound.title : m.common.loading);
  return (
    <Page title={title} lead={<Trail links={[{ to: '/innsyn', label: pm.body.breadcrumb }]} />}>
      {calendar.data && (
        <>
          <FollowButton target={{ kind: 'body', id: calendar.data.body.id }} />
          <SubscribeForm
            target={{ kind: 'body', id: calendar.data.body.id }}
            feedPath={`/api/public/feeds/bodies/${calendar.data.body.id}`}
          />
        </>
      )}
      <LoadState loaded={calendar}>
        {(c) => (
          <BodyCalendar
            calendar={c}
            onYear={(next) => {
              setParams(next ? { aar: String(next) } : {}, { replace: true });
            }}
          />
        )}
      </LoadState>
    </Page>
  );
}

function BodyCalendar({ calendar, onYear }: { calendar: PublicBodyCalendar; onYear: (year: number) => void }) {
  const { m } = useI18n();
  const pm = usePublicMessages();
  const { body, years, year, meetings } = calendar;
  return (
    <div className="dr-stack">
      <dl className="dr-facts">
        <dt>{pm.body.network}</dt>
        <dd>{body.networkName}</dd>
        <dt>{pm.body.kind}</dt>
        <dd>{m.enums.bodyKinds[body.kind]}</dd>
      </dl>

      <Section
        id="meetings-heading"
        title={year ? fmt(pm.body.caption, { body: body.name, year }) : pm.body.noMeetings}
        className="dr-section dr-stack"
      >
        {years.length > 1 && (
          <Field>
            <Label>{pm.body.year}</Label>
            <Select width="auto" value={String(year ?? '')} onChange={(e) => onYear(Number(e.target.value))}>
              {years.map((y) => (
                <Select.Option key={y} value={String(y)}>
                  {y}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        {year !== null && meetings.length === 0 && <Paragraph>{fmt(pm.body.noMeetingsYear, { year })}</Paragraph>}
        {meetings.length > 0 && <MeetingTable caption={fmt(pm.body.caption, { body: body.name, year: year ?? '' })} meetings={meetings} />}
      </Section>

      <Section id="calendar-heading" title={pm.body.calendarHeading}>
        <Paragraph>{pm.body.calendarText}</Paragraph>
        <Paragraph>
          <Link href={calendar.calendarUrl}>{fmt(pm.body.calendarLink, { body: body.name })}</Link>
        </Paragraph>
        <Paragraph data-size="sm">
          {pm.body.calendarAddress} <code className="dr-feed-url">{calendar.calendarUrl}</code>
        </Paragraph>
      </Section>

      {body.mandate && (
        <Section id="mandate-heading" title={pm.body.mandate}>
          <PublicMarkdown text={body.mandate} />
        </Section>
      )}
    </div>
  );
}

function MeetingTable({ caption, meetings }: { caption: string; meetings: PublicMeetingSummary[] }) {
  const { date, number } = useI18n();
  const pm = usePublicMessages();
  return (
    <ScrollRegion label={caption}>
      <Table zebra>
        <caption className="dr-visually-hidden">{caption}</caption>
        <HeadRow cells={[pm.body.date, pm.body.time, pm.body.place, pm.body.items, pm.body.status]} />
        <Table.Body>
          {meetings.map((meeting) => (
            <Table.Row key={meeting.id}>
              <Table.Cell>
                <AppLink to={`/innsyn/moter/${meeting.id}`}>{fmt(pm.body.meetingLink, { date: date(meeting.date) })}</AppLink>
              </Table.Cell>
              <Table.Cell>
                {meeting.writtenProcedure ? '' : meeting.endTime ? `${meeting.startTime}–${meeting.endTime}` : meeting.startTime}
              </Table.Cell>
              <Table.Cell>{meeting.writtenProcedure ? pm.body.writtenProcedure : (meeting.place ?? '')}</Table.Cell>
              <Table.Cell>{number(meeting.itemCount)}</Table.Cell>
              <Table.Cell>{meeting.cancelled ? pm.cancelled : pm.statuses[meeting.status]}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}
