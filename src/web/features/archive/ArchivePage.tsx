import { useEffect, useState } from 'react';
import { Checkbox, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { ArchiveExtractCreateSchema, type ArchiveExtract, type ArchiveMeeting } from '../../../shared/archive/schema.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { query, useApi } from '../../app/api.ts';
import { SubmitButton, TextField, useForm } from '../../app/forms.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { OptionSelect, sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { DataTable } from '../../app/table.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { LoadState, Section } from '../../app/ui.tsx';
import { useArchiveMessages } from './messages.ts';

/** How often the list asks again while an extract is being made. */
const POLL_MS = 2000;

/**
 * `/n/:slug/arkiv`: the secretariat makes Noark 5 extracts of the network's meetings (a body or all, a period, or
 * «since the last extract»), follows them until ready, downloads the tar, and sees per meeting whether it was extracted.
 */
export function ArchivePage() {
  const am = useArchiveMessages();
  const network = useNetwork();
  const title = fmt(am.title, { network: network.name });
  return (
    <Page title={title}>
      <ArchiveView network={network} />
    </Page>
  );
}

function ArchiveView({ network }: { network: NetworkOverview }) {
  const am = useArchiveMessages();
  const extracts = useApi<ArchiveExtract[]>(`/networks/${network.id}/archive-extracts`);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const meetings = useApi<ArchiveMeeting[]>(`/networks/${network.id}/archive-meetings${query({ year })}`);
  const busy = (extracts.data ?? []).some((e) => e.status === 'queued' || e.status === 'running');
  const { reload: reloadExtracts } = extracts;
  const { reload: reloadMeetings } = meetings;

  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => {
      reloadExtracts();
      reloadMeetings();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [busy, reloadExtracts, reloadMeetings]);

  return (
    <>
      <Paragraph>{am.intro}</Paragraph>
      <NewExtractForm
        network={network}
        onCreated={() => {
          reloadExtracts();
          reloadMeetings();
        }}
      />
      <Section id="extracts-heading" title={am.extractsHeading}>
        <LoadState loaded={extracts}>{(list) => <ExtractsTable network={network} extracts={list} />}</LoadState>
      </Section>
      <Section id="archive-meetings-heading" title={am.meetingsHeading}>
        <SelectYear year={year} onChange={setYear} />
        <LoadState loaded={meetings}>{(list) => <MeetingsTable year={year} meetings={list} />}</LoadState>
      </Section>
    </>
  );
}

function NewExtractForm({ network, onCreated }: { network: NetworkOverview; onCreated: () => void }) {
  const am = useArchiveMessages();
  const { form, values, set, field } = useFormValues({ bodyId: '', from: '', to: '', onlyNew: false });
  return (
    <Section id="new-extract-heading" title={am.newHeading}>
      <SubmitForm
        form={form}
        submit={{
          schema: ArchiveExtractCreateSchema,
          input: {
            onlyNew: values.onlyNew,
            ...(values.bodyId ? { bodyId: values.bodyId } : {}),
            ...(values.from ? { from: values.from } : {}),
            ...(values.to ? { to: values.to } : {}),
          },
          labels: { from: am.from, to: am.to, bodyId: am.body },
          send: sendTo<ArchiveExtract>(`/networks/${network.id}/archive-extracts`, 'POST'),
          done: (extract) => {
            onCreated();
            return fmt(am.created, { count: extract.meetingCount });
          },
        }}
      >
        <OptionSelect
          {...field('bodyId', am.body)}
          empty={am.allBodies}
          options={network.bodies.map((b) => ({ value: b.id, label: b.name }))}
        />
        <TextField {...field('from', am.from)} type="date" />
        <TextField {...field('to', am.to)} type="date" />
        <Checkbox
          id={form.id('onlyNew')}
          label={am.onlyNew}
          description={am.onlyNewDescription}
          checked={values.onlyNew}
          onChange={(e) => set({ onlyNew: e.target.checked })}
        />
        <SubmitButton form={form}>{am.create}</SubmitButton>
      </SubmitForm>
    </Section>
  );
}

function ExtractsTable({ network, extracts }: { network: NetworkOverview; extracts: ArchiveExtract[] }) {
  const am = useArchiveMessages();
  const { date, dateTime, m } = useI18n();
  if (extracts.length === 0) return <Paragraph>{am.noExtracts}</Paragraph>;
  return (
    <DataTable
      caption={fmt(am.extractsCaption, { network: network.name })}
      columns={[am.orderedAt, am.orderedBy, am.scope, am.meetings, am.status, am.download]}
      zebra={false}
    >
      {extracts.map((e) => (
        <Table.Row key={e.id}>
          <Table.Cell>{dateTime(e.createdAt)}</Table.Cell>
          <Table.Cell>{e.createdByName}</Table.Cell>
          <Table.Cell>
            {e.bodyName ?? am.allBodies}
            {e.periodFrom || e.periodTo ? `, ${date(e.periodFrom)} – ${date(e.periodTo)}` : ''}
            {e.onlyNew ? ` (${am.sinceLast})` : ''}
          </Table.Cell>
          <Table.Cell>{e.meetingCount}</Table.Cell>
          <Table.Cell>
            {am.statuses[e.status]}
            {e.failure ? `: ${e.failure}` : ''}
          </Table.Cell>
          <Table.Cell>
            {e.downloadUrl ? (
              <>
                <Link href={e.downloadUrl} download>
                  {fmt(am.downloadLink, { name: e.fileName })}
                </Link>{' '}
                ({fmt(am.size, { size: ((e.size ?? 0) / 1_000_000).toFixed(1) })})
              </>
            ) : (
              m.common.none
            )}
          </Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}

function SelectYear({ year, onChange }: { year: string; onChange: (year: string) => void }) {
  const am = useArchiveMessages();
  const form = useForm();
  const current = new Date().getFullYear();
  const years = Array.from({ length: current - 2015 + 2 }, (_, i) => String(current + 1 - i));
  return (
    <OptionSelect
      state={form}
      name="year"
      label={am.year}
      value={year}
      onChange={onChange}
      options={years.map((y) => ({ value: y, label: y }))}
    />
  );
}

function MeetingsTable({ year, meetings }: { year: string; meetings: ArchiveMeeting[] }) {
  const am = useArchiveMessages();
  const { date, dateTime } = useI18n();
  if (meetings.length === 0) return <Paragraph>{fmt(am.noMeetings, { year })}</Paragraph>;
  return (
    <DataTable caption={fmt(am.meetingsCaption, { year })} columns={[am.date, am.body, am.status]} zebra={false}>
      {meetings.map((x) => (
        <Table.Row key={x.meetingId}>
          <Table.Cell>{date(x.date)}</Table.Cell>
          <Table.Cell>{x.bodyName}</Table.Cell>
          <Table.Cell>
            {x.extractedAt
              ? fmt(am.extracted, { date: dateTime(x.extractedAt) })
              : x.inProgress
                ? am.inProgress
                : x.archivable
                  ? am.notExtracted
                  : am.notFinished}
          </Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}
