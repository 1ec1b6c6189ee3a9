import { useState } from 'react';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { FeeScheduleAdoptSchema, type FeeModel, type FeeSchedule } from '../../../shared/finance/fees.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { api, useApi, type Loaded } from '../../app/api.ts';
import { SuccessMessage, useForm } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, ModalDialog, Section } from '../../app/ui.tsx';
import { sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { ConfirmDelete, TotalsTable, type SectionProps } from './finance-parts.tsx';
import { RecordFrame } from './FinanceFrame.tsx';
import { DecidedCaseFields } from '../projects/index.ts';
import { useKroner, osloDay } from '../../app/format.ts';
import { feeExportUrl, feeSchedulesPath } from './fees-api.ts';
import { FeeStatusTag } from './FeeSchedulesPage.tsx';
import { useFinanceMessages } from './messages.ts';
import { ScheduleForm } from './ScheduleForm.tsx';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { useNavigationMessage } from '../../app/kit.tsx';

const whole = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const ore = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * `/n/:slug/okonomi/kontingent/:scheduleId`: a fee schedule, its model (editable while a draft, by the secretariat), the fee
 * per municipality with the total, the adoption by a decided case, and the invoice basis to download.
 */
export function FeeSchedulePage() {
  const fm = useFinanceMessages();
  const { scheduleId = '' } = useParams();
  const schedule = useApi<FeeSchedule>(`/fee-schedules/${encodeURIComponent(scheduleId)}`);
  return (
    <RecordFrame record={schedule} list={feeSchedulesPath} back={fm.schedule.back}>
      {(n, s) => <ScheduleView network={n} schedule={s} loaded={schedule} />}
    </RecordFrame>
  );
}

/** The model in words: the bands with their fees, or the rate, the total, the fixed part. */
function ModelSummary({ model }: { model: FeeModel }) {
  const fm = useFinanceMessages();
  const kroner = useKroner();
  const s = fm.schedule;
  const rate = (o: number) => fmt(s.rateLabel, { rate: ore.format(o / 100) });
  switch (model.kind) {
    case 'populationBands':
      return (
        <ul>
          {model.bands.map((b, i) => {
            const previous = model.bands[i - 1]?.upTo ?? 0;
            const label =
              b.upTo === null ? fmt(s.bandLabelOpen, { from: whole.format(previous) }) : fmt(s.bandLabel, { upTo: whole.format(b.upTo) });
            return <li key={i}>{`${label}: ${kroner(b.amount)}`}</li>;
          })}
        </ul>
      );
    case 'perInhabitant':
      return <Paragraph>{rate(model.rateOre)}</Paragraph>;
    case 'equalShare':
      return <Paragraph>{`${fm.form.total}: ${kroner(model.total)}`}</Paragraph>;
    case 'fixedPlusPerInhabitant':
      return <Paragraph>{`${fm.form.fixed}: ${kroner(model.fixed)} + ${rate(model.rateOre)}`}</Paragraph>;
  }
}

function ScheduleView({ network, schedule, loaded }: { network: NetworkOverview; schedule: FeeSchedule; loaded: Loaded<FeeSchedule> }) {
  const fm = useFinanceMessages();
  const { date } = useI18n();
  const kroner = useKroner();
  const navigate = useNavigate();
  const navigationMessage = useNavigationMessage();
  const [adopting, setAdopting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [message, setMessage] = useState<string | null>(navigationMessage);
  const s = fm.schedule;
  const draft = schedule.status === 'draft';
  const admin = useNetworkCapabilities(network.id).administer;
  const years = [...new Set(schedule.lines.map((l) => l.populationYear))].sort();
  const mismatch = years.some((y) => y !== schedule.populationYear);
  const d = schedule.decision;
  return (
    <div className="dr-stack">
      <SuccessMessage message={message} />
      <Section id="fee-details" title={s.details} className="dr-stack" size="sm">
        <dl className="dr-facts">
          <dt>{fm.list.status}</dt>
          <dd>
            <FeeStatusTag status={schedule.status} />
          </dd>
          <dt>{fm.form.year}</dt>
          <dd>{schedule.year}</dd>
          <dt>{fm.form.populationYear}</dt>
          <dd>{schedule.populationYear}</dd>
          <dt>{s.model}</dt>
          <dd>{fm.kinds[schedule.kind]}</dd>
          {d && (
            <>
              <dt>{s.decision}</dt>
              <dd>
                {fmt(s.decisionText, { body: d.bodyName, caseNumber: d.caseNumber ?? '', title: d.caseTitle, date: date(d.meetingDate) })}
              </dd>
            </>
          )}
        </dl>
        {schedule.adoptedAt && schedule.adoptedBy && (
          <Paragraph data-size="sm" className="dr-muted">
            {fmt(s.adoptedBy, { name: schedule.adoptedBy, date: date(osloDay(schedule.adoptedAt)) })}
          </Paragraph>
        )}
        <ModelSummary model={schedule.model} />
        {admin && draft && (
          <ButtonRow>
            <Button type="button" onClick={() => setAdopting(true)}>
              {s.adopt}
            </Button>
            <Button type="button" variant="tertiary" data-color="danger" onClick={() => setDeleting(true)}>
              {s.delete}
            </Button>
          </ButtonRow>
        )}
      </Section>

      <Section id="fee-preview" title={s.preview} className="dr-stack" size="sm">
        <Paragraph data-size="sm">{draft ? s.previewDraft : s.previewAdopted}</Paragraph>
        {mismatch && (
          <Alert data-color="warning">
            <Paragraph>{fmt(s.yearMismatch, { years: years.join(', '), year: schedule.populationYear })}</Paragraph>
          </Alert>
        )}
        <TotalsTable
          caption={fmt(s.caption, { year: schedule.year })}
          columns={[s.municipality, s.number, s.population, s.amount]}
          foot={{
            label: s.total,
            cells: [null, whole.format(schedule.lines.reduce((sum, l) => sum + l.population, 0)), kroner(schedule.total)],
          }}
        >
          {schedule.lines.map((l) => (
            <Table.Row key={l.municipalityNumber}>
              <Table.HeaderCell scope="row">{l.municipalityName}</Table.HeaderCell>
              <Table.Cell>{l.municipalityNumber}</Table.Cell>
              <Table.Cell>{fmt(s.populationOf, { population: whole.format(l.population), year: l.populationYear })}</Table.Cell>
              <Table.Cell>{kroner(l.amount)}</Table.Cell>
            </Table.Row>
          ))}
        </TotalsTable>
        <Downloads
          row
          label={s.downloads}
          links={exportLinks((format) => feeExportUrl(schedule.id, format), { xlsx: s.downloadXlsx, csv: s.downloadCsv })}
        />
      </Section>

      {admin && draft && (
        <Section id="fee-edit" title={s.edit} className="dr-stack" size="sm">
          <ScheduleForm
            key={schedule.version}
            networkId={network.id}
            schedule={schedule}
            onReload={loaded.reload}
            onSaved={(saved) => {
              loaded.setData(saved);
              setMessage(fm.form.saved);
            }}
          />
        </Section>
      )}

      <ModalDialog open={adopting} onClose={() => setAdopting(false)} title={s.adopt}>
        <AdoptForm
          network={network}
          schedule={schedule}
          onReload={loaded.reload}
          onAdopted={(saved) => {
            setAdopting(false);
            loaded.setData(saved);
            setMessage(s.adopted);
          }}
        />
      </ModalDialog>
      <ModalDialog open={deleting} onClose={() => setDeleting(false)} title={s.delete}>
        <ConfirmDelete
          confirmLabel={s.delete}
          onCancel={() => setDeleting(false)}
          onReload={loaded.reload}
          onConfirm={async () => {
            await api(`/fee-schedules/${schedule.id}?version=${schedule.version}`, { method: 'DELETE' });
            setDeleting(false);
            void navigate(feeSchedulesPath(network.slug), { state: { message: s.deleted } });
          }}
        >
          {fmt(s.deleteConfirm, { title: schedule.title })}
        </ConfirmDelete>
      </ModalDialog>
    </div>
  );
}

/** Adoption: the decided case (body → held meeting → case); the server checks it again and freezes the fees. */
function AdoptForm({
  network,
  schedule,
  onAdopted,
  onReload,
}: Pick<SectionProps, 'network' | 'onReload'> & { schedule: FeeSchedule; onAdopted: (saved: FeeSchedule) => void }) {
  const s = useFinanceMessages().schedule;
  const form = useForm();
  const [agendaItemId, setAgendaItemId] = useState('');
  return (
    <SubmitForm
      form={form}
      submit={{
        schema: FeeScheduleAdoptSchema,
        input: { agendaItemId: agendaItemId || undefined, version: schedule.version },
        labels: { agendaItemId: s.agendaItemId, version: s.agendaItemId },
        send: sendTo<FeeSchedule>(`/fee-schedules/${schedule.id}/adopt`, 'POST'),
        done: onAdopted,
      }}
      submitLabel={s.adoptSubmit}
      onReload={onReload}
    >
      <Paragraph>{s.adoptIntro}</Paragraph>
      <DecidedCaseFields form={form} network={network} label={s.agendaItemId} value={agendaItemId} onChange={setAgendaItemId} />
    </SubmitForm>
  );
}
