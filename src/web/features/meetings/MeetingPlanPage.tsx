import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Button, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { MeetingStatus, MeetingSummary } from '../../../shared/meetings/schema.ts';
import type { Body, NetworkOverview } from '../../../shared/network/schema.ts';
import { useApi } from '../../app/api.ts';
import { SuccessMessage } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { AppLink, ButtonRow, LoadState, ModalDialog, todayIso, Section } from '../../app/ui.tsx';
import { meetingPath, planPath, timeRange } from './meeting-api.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { CaseNumberingPanel } from './CaseNumbering.tsx';
import { useMeetingMessages } from './messages.ts';
import { planYear } from './plan-year.ts';
import './meetings.css';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { DataTable } from '../../app/table.tsx';
import { useNavigationMessage } from '../../app/kit.tsx';

const STATUS_COLORS: Record<MeetingStatus, 'neutral' | 'info' | 'warning' | 'success'> = {
  planned: 'neutral',
  summoned: 'info',
  held: 'warning',
  minutesApproved: 'success',
};

/** A meeting's status as a tag. */
export function StatusTag({ status }: { status: MeetingStatus }) {
  const mm = useMeetingMessages();
  return (
    <Tag data-color={STATUS_COLORS[status]} data-size="sm">
      {mm.statuses[status]}
    </Tag>
  );
}

/** On a body's page: the way to its meetings, for those who may read them. */
export function BodyMeetingsSection({ networkSlug, body }: { networkSlug: string; body: { id: string; name: string; networkId: string } }) {
  const mm = useMeetingMessages();
  const admin = useNetworkCapabilities(body.networkId).administer;
  return (
    <Section id="body-meetings-heading" title={mm.bodyLink.heading}>
      <Paragraph>
        <AppLink to={planPath(networkSlug, body.id)}>{fmt(mm.bodyLink.link, { name: body.name })}</AppLink>
      </Paragraph>
      <CaseNumberingPanel bodyId={body.id} year={Number(todayIso().slice(0, 4))} editable={admin} />
    </Section>
  );
}

/** `/n/:slug/organer/:id/moter?ar=2022`: a body's meetings in a year; the secretariat plans new ones. */
export function MeetingPlanPage() {
  const { m } = useI18n();
  const mm = useMeetingMessages();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const asked = Number(params.get('ar'));
  const askedYear = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : null;
  // Without a year in the address the plan opens on the next meeting's year: the body's meetings of all years tell it.
  const all = useApi<MeetingSummary[]>(askedYear === null ? `/bodies/${encodeURIComponent(id)}/meetings` : null);
  const year =
    askedYear ??
    (all.data
      ? planYear(
          all.data.map((x) => x.date),
          todayIso(),
        )
      : null);
  const network = useNetwork();
  const body = useApi<Body>(`/bodies/${encodeURIComponent(id)}`);
  const title = body.data ? fmt(mm.plan.title, { name: body.data.name }) : body.error ? m.notFound.title : m.common.loading;
  return (
    <Page title={title}>
      <LoadState loaded={body}>
        {(b) => (year === null ? <LoadState loaded={all}>{() => null}</LoadState> : <PlanView network={network} body={b} year={year} />)}
      </LoadState>
    </Page>
  );
}

function PlanView({ network, body, year }: { network: NetworkOverview; body: Body; year: number }) {
  const { m, date } = useI18n();
  const mm = useMeetingMessages();
  const navigate = useNavigate();
  const navigationMessage = useNavigationMessage();
  const message = navigationMessage;
  const admin = useNetworkCapabilities(body.networkId).administer;
  const meetings = useApi<MeetingSummary[]>(`/bodies/${body.id}/meetings?year=${year}`);
  const [creating, setCreating] = useState(false);

  return (
    <div className="dr-stack">
      <Paragraph>
        <AppLink to={`/n/${network.slug}/organer/${body.id}`}>{fmt(mm.plan.backToBody, { name: body.name })}</AppLink>
      </Paragraph>
      <nav aria-label={mm.plan.yearNav}>
        <ul className="dr-button-row" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          <li>
            <AppLink to={planPath(network.slug, body.id, year - 1)}>{fmt(mm.plan.previousYear, { year: year - 1 })}</AppLink>
          </li>
          <li>
            <AppLink to={planPath(network.slug, body.id, year + 1)}>{fmt(mm.plan.nextYear, { year: year + 1 })}</AppLink>
          </li>
        </ul>
      </nav>
      <SuccessMessage message={message} />
      <Section id="plan-year-heading" title={fmt(mm.plan.yearHeading, { year })} className="dr-stack">
        {admin ? (
          <ButtonRow>
            <Button type="button" onClick={() => setCreating(true)}>
              {mm.plan.newMeeting}
            </Button>
          </ButtonRow>
        ) : (
          <Paragraph data-size="sm" className="dr-muted">
            {mm.plan.readOnly}
          </Paragraph>
        )}
        <Paragraph data-size="sm" className="dr-downloads">
          <Link href={`/api/bodies/${body.id}/meetings/export?year=${year}&format=xlsx`} download>
            {fmt(mm.plan.exportXlsx, { year })}
          </Link>{' '}
          <Link href={`/api/bodies/${body.id}/meetings/export?year=${year}&format=csv`} download>
            {fmt(mm.plan.exportCsv, { year })}
          </Link>
        </Paragraph>
        <LoadState loaded={meetings}>
          {(list) =>
            list.length === 0 ? (
              <Paragraph>{fmt(mm.plan.none, { year })}</Paragraph>
            ) : (
              <DataTable
                caption={fmt(mm.plan.caption, { name: body.name, year })}
                columns={[mm.plan.date, mm.plan.time, mm.plan.place, mm.plan.status, mm.plan.items]}
              >
                {list.map((x) => (
                  <Table.Row key={x.id}>
                    <Table.Cell>
                      <AppLink to={meetingPath(x.id)}>{date(x.date)}</AppLink>
                    </Table.Cell>
                    <Table.Cell>{timeRange(x.startTime, x.endTime)}</Table.Cell>
                    <Table.Cell>
                      {x.writtenProcedure ? (
                        <Tag data-color="accent" data-size="sm">
                          {mm.plan.writtenProcedure}
                        </Tag>
                      ) : (
                        (x.place ?? (x.remoteLink ? mm.meeting.remote : m.common.none))
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <StatusTag status={x.status} />
                    </Table.Cell>
                    <Table.Cell>{x.itemCount}</Table.Cell>
                  </Table.Row>
                ))}
              </DataTable>
            )
          }
        </LoadState>
      </Section>
      <ModalDialog open={creating} onClose={() => setCreating(false)} title={mm.plan.newMeeting}>
        <MeetingForm
          bodyId={body.id}
          onCancel={() => setCreating(false)}
          onSaved={(created) => {
            setCreating(false);
            void navigate(meetingPath(created.id), { state: { message: mm.meetingForm.created } });
          }}
        />
      </ModalDialog>
    </div>
  );
}
