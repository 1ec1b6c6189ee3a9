import { useState } from 'react';
import { Button, Heading, Link, Paragraph, Radio, Select, Table } from '@digdir/designsystemet-react';
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
import { ConfirmForm, errorFor, SelectField, SuccessMessage, TextField, useForm, ChoiceGroup } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, LoadState, ModalDialog, todayIso, Section } from '../../app/ui.tsx';
import { useProjectMessages } from './messages.ts';
import { StatusLightTag, usePeriodName } from './StatusLight.tsx';
import { RowAction, DataTable } from '../../app/table.tsx';
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
  const [editing, setEditing] = useState<StatusReport | 'new' | null>(null);
  const [deleting, setDeleting] = useState<StatusReport | null>(null);
  const [publishing, setPublishing] = useState<StatusReport | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const nameOf = (r: Pick<StatusReport, 'periodKind' | 'year' | 'period'>) => periodName(r.periodKind, r.year, r.period);
  const close = () => {
    setEditing(null);
    setDeleting(null);
    setPublishing(null);
  };
  const reload = () => {
    close();
    reports.reload();
  };
  return (
    <Section id="project-status-reports" title={t.heading}>
      <Paragraph data-size="sm">{t.intro}</Paragraph>
      <SuccessMessage message={status} />
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
                            <RowAction label={fmt(t.editLabel, { period: nameOf(r) })} onClick={() => setEditing(r)}>
                              {t.edit}
                            </RowAction>
                            <RowAction label={fmt(t.publishLabel, { period: nameOf(r) })} onClick={() => setPublishing(r)}>
                              {t.publish}
                            </RowAction>
                            <RowAction label={fmt(t.deleteLabel, { period: nameOf(r) })} danger onClick={() => setDeleting(r)}>
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
                <Button type="button" variant="secondary" onClick={() => setEditing('new')}>
                  {t.add}
                </Button>
              </ButtonRow>
            )}
          </>
        )}
      </LoadState>
      <ModalDialog open={editing !== null} onClose={close} title={editing === 'new' ? t.addTitle : t.editTitle}>
        {editing !== null && (
          <StatusReportForm
            projectId={project.id}
            item={editing === 'new' ? null : editing}
            onCancel={close}
            onReload={reload}
            onDone={(saved) => {
              setStatus(fmt(editing === 'new' ? t.added : t.saved, { period: nameOf(saved) }));
              reload();
            }}
          />
        )}
      </ModalDialog>
      <ModalDialog open={publishing !== null} onClose={close} title={t.publishTitle}>
        {publishing && (
          <ConfirmForm
            confirmLabel={t.publish}
            onCancel={close}
            onReload={reload}
            onConfirm={async () => {
              await api<StatusReport>(`/status-reports/${publishing.id}/publish`, {
                method: 'POST',
                body: { version: publishing.version },
              });
              setStatus(fmt(t.publishedMessage, { period: nameOf(publishing) }));
              reload();
            }}
          >
            <Paragraph>{fmt(t.publishConfirm, { period: nameOf(publishing) })}</Paragraph>
          </ConfirmForm>
        )}
      </ModalDialog>
      <ModalDialog open={deleting !== null} onClose={close} title={t.deleteTitle}>
        {deleting && (
          <ConfirmForm
            confirmLabel={t.delete}
            danger
            onCancel={close}
            onReload={reload}
            onConfirm={async () => {
              await api(`/status-reports/${deleting.id}?version=${deleting.version}`, { method: 'DELETE' });
              setStatus(fmt(t.deleted, { period: nameOf(deleting) }));
              reload();
            }}
          >
            <Paragraph>{fmt(t.deleteConfirm, { period: nameOf(deleting) })}</Paragraph>
          </ConfirmForm>
        )}
      </ModalDialog>
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
        {report.summary && (
          <>
            <Heading level={3} data-size="xs">
              {t.summary}
            </Heading>
            <Paragraph className="dr-project-text">{report.summary}</Paragraph>
          </>
        )}
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
  const form = useForm();
  const today = todayIso();
  const [periodKind, setPeriodKind] = useState<ReportPeriodKind>(item?.periodKind ?? 'month');
  const [year, setYear] = useState(String(item?.year ?? today.slice(0, 4)));
  const [period, setPeriod] = useState(String(item?.period ?? Number(today.slice(5, 7))));
  const [overall, setOverall] = useState<StatusLight | ''>(item?.overall ?? '');
  const [summary, setSummary] = useState(item?.summary ?? '');
  const [parameters, setParameters] = useState<Record<ControlParameter, Assessment>>(
    () =>
      Object.fromEntries(
        CONTROL_PARAMETERS.map((p) => [p, { status: item?.parameters[p].status ?? '', comment: item?.parameters[p].comment ?? '' }]),
      ) as Record<ControlParameter, Assessment>,
  );
  const [budget, setBudget] = useState(amountText(item?.budget));
  const [spent, setSpent] = useState(amountText(item?.spent));
  const [forecast, setForecast] = useState(amountText(item?.forecast));
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
    overall: overall || undefined,
    summary,
    parameters: Object.fromEntries(
      CONTROL_PARAMETERS.map((p) => [p, { status: parameters[p].status || undefined, comment: parameters[p].comment }]),
    ),
    budget: amountOf(budget),
    spent: amountOf(spent),
    forecast: amountOf(forecast),
  };
  const setParameter = (p: ControlParameter, patch: Partial<Assessment>) =>
    setParameters((all) => ({ ...all, [p]: { ...all[p], ...patch } }));
  const lightRadios = (name: string, value: StatusLight | '', onChange: (light: StatusLight) => void) => {
    const invalid = !!errorFor(form, name);
    return STATUS_LIGHTS.map((light, i) => (
      <Radio
        key={light}
        id={i === 0 ? form.id(name) : undefined}
        name={form.id(name)}
        value={light}
        label={`${pm.lights[light]} – ${pm.lightMeanings[light]}`}
        checked={value === light}
        aria-invalid={invalid || undefined}
        onChange={() => onChange(light)}
      />
    ));
  };
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
        <SelectField
          state={form}
          name="periodKind"
          label={f.periodKind}
          value={periodKind}
          onChange={(v) => {
            const kind = v === 'tertial' ? 'tertial' : 'month';
            setPeriodKind(kind);
            if (Number(period) > periodsInYear(kind)) setPeriod('');
          }}
          required
        >
          {REPORT_PERIOD_KINDS.map((k) => (
            <Select.Option key={k} value={k}>
              {f.periodKinds[k]}
            </Select.Option>
          ))}
        </SelectField>
        <TextField state={form} name="year" label={f.year} value={year} onChange={setYear} required />
        <SelectField state={form} name="period" label={f.period} value={period} onChange={setPeriod} required>
          <Select.Option value="">–</Select.Option>
          {Array.from({ length: periodsInYear(periodKind) }, (_, i) => i + 1).map((n) => (
            <Select.Option key={n} value={String(n)}>
              {periodName(periodKind, Number(year) || Number(today.slice(0, 4)), n)}
            </Select.Option>
          ))}
        </SelectField>
      </div>
      <ChoiceGroup form={form} name="overall" legend={f.overall}>
        {lightRadios('overall', overall, setOverall)}
      </ChoiceGroup>
      <TextField state={form} name="summary" label={f.summary} value={summary} onChange={setSummary} multiline rows={3} />
      <Heading level={3} data-size="xs">
        {f.parameters}
      </Heading>
      <div className="dr-status-parameters">
        {CONTROL_PARAMETERS.map((p) => (
          <div key={p} className="dr-status-report">
            <ChoiceGroup form={form} name={`parameters.${p}.status`} legend={fmt(f.statusFor, { name: lower(p) })}>
              {lightRadios(`parameters.${p}.status`, parameters[p].status, (light) => setParameter(p, { status: light }))}
            </ChoiceGroup>
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
        <TextField state={form} name="budget" label={f.budget} value={budget} onChange={setBudget} />
        <TextField state={form} name="spent" label={f.spent} value={spent} onChange={setSpent} />
        <TextField state={form} name="forecast" label={f.forecast} value={forecast} onChange={setForecast} />
      </div>
    </SaveForm>
  );
}
