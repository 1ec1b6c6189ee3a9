import { useState } from 'react';
import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Project } from '../../../shared/portfolio/projects.ts';
import {
  CONTROL_PARAMETERS,
  periodsInYear,
  REPORT_PERIOD_KINDS,
  STATUS_LIGHTS,
  StatusReportInputSchema,
  StatusReportUpdateSchema,
  type ControlParameter,
  type ReportPeriodKind,
  type StatusLight,
  type StatusReport,
  type StatusReportList,
} from '../../../shared/portfolio/status-reports.ts';
import { api, useApi } from '../../app/api.ts';
import { ConfirmForm, SuccessMessage, TextField } from '../../app/forms.tsx';
import { RadioGroup, useFormValues } from '../../app/fields.tsx';
import { OptionSelect, optionsOf } from '../../app/form-parts.tsx';
import { TitledText } from '../../app/titled-text.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, LoadState, ModalDialog, todayIso, Section } from '../../app/ui.tsx';
import { useProjectMessages } from './messages.ts';
import { StatusLightTag, usePeriodName } from './StatusLight.tsx';
import { RowAction, DataTable } from '../../app/table.tsx';
import { DeleteDialog, EditDialog, useRowDialogs } from '../../app/row-dialogs.tsx';
import { SaveForm } from '../../app/kit.tsx';

/**
 * The project's status reports: a table of them (period, overall light in words on its colour, draft or published,
 * who published it when, the PDF), each report's parameters and figures under it, and for the secretariat and the
 * project's owner and manager the dialogs to write, publish (with a confirmation: it freezes the report) and delete
 * a draft. Readers see the same without buttons.
 */
export function StatusReports({ project }: { project: Project }) {
  const { m, dateTime } = useI18n();
  const pm = useProjectMessages();
  const t = pm.statusReports;
  const periodName = usePeriodName();
  const reports = useApi<StatusReportList>(`/projects/${project.id}/status-reports`);
  const dialogs = useRowDialogs<StatusReport>(reports.reload);
  const [publishing, setPublishing] = useState<StatusReport | null>(null);
  const nameOf = (r: Pick<StatusReport, 'periodKind' | 'year' | 'period'>) => periodName(r.periodKind, r.year, r.period);
  const closePublishing = () => setPublishing(null);
  return (
    <Section id="project-status-reports" title={t.heading}>
      <Paragraph data-size="sm">{t.intro}</Paragraph>
      <SuccessMessage message={dialogs.status} />
      <LoadState loaded={reports}>
        {({ items, canWrite }) => (
          <>
            {!canWrite && (
              <Paragraph data-size="sm" className="dr-muted">
                {t.readOnly}
              </Paragraph>
            )}
            {items.length === 0 ? (
              <Paragraph>{t.none}</Paragraph>
            ) : (
              <DataTable
                caption={fmt(t.caption, { reference: project.reference })}
                columns={[t.period, t.overall, t.state, t.published, 'PDF', canWrite && m.common.actions]}
              >
                {items.map((r) => (
                  <Table.Row key={r.id}>
                    <Table.HeaderCell scope="row">{nameOf(r)}</Table.HeaderCell>
                    <Table.Cell>
                      <StatusLightTag light={r.overall} meaning />
                    </Table.Cell>
                    <Table.Cell>{t.states[r.state]}</Table.Cell>
                    <Table.Cell>
                      {r.publishedAt ? (
                        fmt(t.publishedValue, { date: dateTime(r.publishedAt), name: r.publishedBy ?? '' })
                      ) : (
                        <span className="dr-muted">{t.notPublished}</span>
                      )}
                    </Table.Cell>
                    <Table.Cell>{r.pdfUrl ? <Link href={r.pdfUrl}>{fmt(t.pdf, { period: nameOf(r) })}</Link> : '–'}</Table.Cell>
                    {canWrite && (
                      <Table.Cell className="dr-project-nowrap">
                        {r.state === 'draft' && (
                          <>
                            <RowAction label={fmt(t.editLabel, { period: nameOf(r) })} onClick={() => dialogs.setEditing(r)}>
                              {t.edit}
                            </RowAction>
                            <RowAction label={fmt(t.publishLabel, { period: nameOf(r) })} onClick={() => setPublishing(r)}>
                              {t.publish}
                            </RowAction>
                            <RowAction label={fmt(t.deleteLabel, { period: nameOf(r) })} danger onClick={() => dialogs.setDeleting(r)}>
                              {t.delete}
                            </RowAction>
                          </>
                        )}
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </DataTable>
            )}
            {items.map((r) => (
              <ReportDetails key={r.id} report={r} name={nameOf(r)} />
            ))}
            {canWrite && (
              <ButtonRow>
                <Button type="button" variant="secondary" onClick={() => dialogs.setEditing('new')}>
                  {t.add}
                </Button>
              </ButtonRow>
            )}
          </>
        )}
      </LoadState>
      <EditDialog dialogs={dialogs} addTitle={t.addTitle} editTitle={t.editTitle}>
        {(item) => (
          <StatusReportForm
            projectId={project.id}
            item={item}
            onCancel={dialogs.close}
            onReload={dialogs.reload}
            onDone={(saved) => dialogs.changed(fmt(item === null ? t.added : t.saved, { period: nameOf(saved) }))}
          />
        )}
      </EditDialog>
      <ModalDialog open={publishing !== null} onClose={closePublishing} title={t.publishTitle}>
        {publishing && (
          <ConfirmForm
            confirmLabel={t.publish}
            onCancel={closePublishing}
            onReload={() => {
              closePublishing();
              dialogs.reload();
            }}
            onConfirm={async () => {
              await api<StatusReport>(`/status-reports/${publishing.id}/publish`, {
                method: 'POST',
                body: { version: publishing.version },
              });
              closePublishing();
              dialogs.changed(fmt(t.publishedMessage, { period: nameOf(publishing) }));
            }}
          >
            <Paragraph>{fmt(t.publishConfirm, { period: nameOf(publishing) })}</Paragraph>
          </ConfirmForm>
        )}
      </ModalDialog>
      <DeleteDialog
        dialogs={dialogs}
        title={t.deleteTitle}
        confirmLabel={t.delete}
        path={(r) => `/status-reports/${r.id}`}
        question={(r) => fmt(t.deleteConfirm, { period: nameOf(r) })}
        deleted={(r) => fmt(t.deleted, { period: nameOf(r) })}
      />
    </Section>
  );
}

/** One report opened up: its summary, each parameter's light and comment, and the figures in kroner. */
function ReportDetails({ report, name }: { report: StatusReport; name: string }) {
  const { number } = useI18n();
  const pm = useProjectMessages();
  const t = pm.statusReports;
  const kroner = (amount: number | null) =>
    amount === null ? <span className="dr-muted">{t.notGiven}</span> : fmt(t.kroner, { amount: number(amount) });
  return (
    <details className="dr-status-report">
      <summary>{fmt(t.details, { period: name, light: `${pm.lights[report.overall]} – ${pm.lightMeanings[report.overall]}` })}</summary>
      <div className="dr-stack">
        <TitledText title={t.summary} text={report.summary} className="dr-project-text" />
        <DataTable caption={fmt(t.parametersCaption, { period: name })} columns={[t.parameter, t.status, t.comment]} zebra={false}>
          {CONTROL_PARAMETERS.map((p) => (
            <Table.Row key={p}>
              <Table.HeaderCell scope="row">{pm.controlParameters[p]}</Table.HeaderCell>
              <Table.Cell>
                <StatusLightTag light={report.parameters[p].status} meaning />
              </Table.Cell>
              <Table.Cell className="dr-project-text">{report.parameters[p].comment ?? ''}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
        <Heading level={3} data-size="xs">
          {t.figures}
        </Heading>
        <dl className="dr-facts">
          <dt>{t.budget}</dt>
          <dd>{kroner(report.budget)}</dd>
          <dt>{t.spent}</dt>
          <dd>{kroner(report.spent)}</dd>
          <dt>{t.forecast}</dt>
          <dd>{kroner(report.forecast)}</dd>
        </dl>
      </div>
    </details>
  );
}

type Assessment = { status: StatusLight | ''; comment: string };
const amountText = (n: number | null | undefined) => (n == null ? '' : String(n));
/** An empty field is «not given»; anything else must be a whole number (the schema names it otherwise). */
const amountOf = (text: string) => (text.trim() === '' ? null : Number(text.replace(/\s/g, '')));

function StatusReportForm({
  projectId,
  item,
  onDone,
  onCancel,
  onReload,
}: {
  projectId: string;
  item: StatusReport | null;
  onDone: (report: StatusReport) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const pm = useProjectMessages();
  const t = pm.statusReports;
  const f = t.fields;
  const periodName = usePeriodName();
  const today = todayIso();
  const { form, values, set, field } = useFormValues<{
    periodKind: ReportPeriodKind;
    year: string;
    period: string;
    overall: StatusLight | '';
    summary: string;
    budget: string;
    spent: string;
    forecast: string;
  }>({
    periodKind: item?.periodKind ?? 'month',
    year: String(item?.year ?? today.slice(0, 4)),
    period: String(item?.period ?? Number(today.slice(5, 7))),
    overall: item?.overall ?? '',
    summary: item?.summary ?? '',
    budget: amountText(item?.budget),
    spent: amountText(item?.spent),
    forecast: amountText(item?.forecast),
  });
  const { periodKind, year, period } = values;
  const [parameters, setParameters] = useState<Record<ControlParameter, Assessment>>(
    () =>
      Object.fromEntries(
        CONTROL_PARAMETERS.map((p) => [p, { status: item?.parameters[p].status ?? '', comment: item?.parameters[p].comment ?? '' }]),
      ) as Record<ControlParameter, Assessment>,
  );
  const lower = (p: ControlParameter) => pm.controlParameters[p].toLowerCase();
  const labels: Record<string, string> = {
    periodKind: f.periodKind,
    year: f.year,
    period: f.period,
    overall: f.overall,
    summary: f.summary,
    parameters: f.parameters,
    budget: f.budget,
    spent: f.spent,
    forecast: f.forecast,
    ...Object.fromEntries(
      CONTROL_PARAMETERS.flatMap((p) => [
        [`parameters.${p}`, pm.controlParameters[p]],
        [`parameters.${p}.status`, fmt(f.statusFor, { name: lower(p) })],
        [`parameters.${p}.comment`, fmt(f.commentFor, { name: lower(p) })],
      ]),
    ),
  };
  const fields = {
    periodKind,
    year: year.trim() === '' ? undefined : Number(year),
    period: period === '' ? undefined : Number(period),
    overall: values.overall || undefined,
    summary: values.summary,
    parameters: Object.fromEntries(
      CONTROL_PARAMETERS.map((p) => [p, { status: parameters[p].status || undefined, comment: parameters[p].comment }]),
    ),
    budget: amountOf(values.budget),
    spent: amountOf(values.spent),
    forecast: amountOf(values.forecast),
  };
  const setParameter = (p: ControlParameter, patch: Partial<Assessment>) =>
    setParameters((all) => ({ ...all, [p]: { ...all[p], ...patch } }));
  const lights = STATUS_LIGHTS.map((light) => ({ value: light, label: `${pm.lights[light]} – ${pm.lightMeanings[light]}` }));
  return (
    <SaveForm
      form={form}
      save={{
        item: item,
        create: { schema: StatusReportInputSchema, path: `/projects/${projectId}/status-reports` },
        update: { schema: StatusReportUpdateSchema, path: `/status-reports/${item?.id}` },
        input: fields,
        labels,
        done: onDone,
      }}
      submitLabel={f.save}
      onCancel={onCancel}
      onReload={onReload}
    >
      <div className="dr-toolbar">
        <OptionSelect
          {...field('periodKind', f.periodKind)}
          onChange={(v) => {
            const kind = v === 'tertial' ? 'tertial' : 'month';
            set(Number(period) > periodsInYear(kind) ? { periodKind: kind, period: '' } : { periodKind: kind });
          }}
          options={optionsOf(REPORT_PERIOD_KINDS, f.periodKinds)}
          required
        />
        <TextField {...field('year', f.year)} required />
        <OptionSelect
          {...field('period', f.period)}
          empty="–"
          options={Array.from({ length: periodsInYear(periodKind) }, (_, i) => i + 1).map((n) => ({
            value: String(n),
            label: periodName(periodKind, Number(year) || Number(today.slice(0, 4)), n),
          }))}
          required
        />
      </div>
      <RadioGroup
        form={form}
        name="overall"
        legend={f.overall}
        options={lights}
        value={values.overall}
        onChange={(overall) => set({ overall })}
      />
      <TextField {...field('summary', f.summary)} multiline rows={3} />
      <Heading level={3} data-size="xs">
        {f.parameters}
      </Heading>
      <div className="dr-status-parameters">
        {CONTROL_PARAMETERS.map((p) => (
          <div key={p} className="dr-status-report">
            <RadioGroup
              form={form}
              name={`parameters.${p}.status`}
              legend={fmt(f.statusFor, { name: lower(p) })}
              options={lights}
              value={parameters[p].status}
              onChange={(light) => setParameter(p, { status: light })}
            />
            <TextField
              state={form}
              name={`parameters.${p}.comment`}
              label={fmt(f.commentFor, { name: lower(p) })}
              value={parameters[p].comment}
              onChange={(comment) => setParameter(p, { comment })}
              multiline
              rows={2}
            />
          </div>
        ))}
      </div>
      <div className="dr-toolbar">
        <TextField {...field('budget', f.budget)} />
        <TextField {...field('spent', f.spent)} />
        <TextField {...field('forecast', f.forecast)} />
      </div>
    </SaveForm>
  );
}
