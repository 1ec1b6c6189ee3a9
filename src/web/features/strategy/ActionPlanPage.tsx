import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import {
  MEASURE_STATUSES,
  MeasureInputSchema,
  MeasureUpdateSchema,
  REPORT_STATUSES,
  TERTIALS,
  TertialReportInputSchema,
  type ActionPlan,
  type Measure,
  type MeasureStatus,
  type ReportStatus,
  type Strategy,
  type StrategyVersion,
} from '../../../shared/strategy/schema.ts';
import { api, useApi } from '../../app/api.ts';
import { SelectField, SuccessMessage, TextField, useForm } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { ConfirmDialog } from '../../app/confirm-dialog.tsx';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, LoadState, ModalDialog, ScrollRegion, Section } from '../../app/ui.tsx';
import { useKroner, useStrategyMessages } from './messages.ts';
import { actionPlanExportUrl, actionPlansPath, newestPublished, parseWhole, tertialFor } from './strategy-api.ts';
import { MeasureStatusTag, ReportTag } from './StrategyDocument.tsx';
import { BackLink, StrategyFrame, usePageTitle, useStrategyFrame } from './StrategyFrame.tsx';
import './strategy.css';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { RowAction } from '../../app/table.tsx';
import { SaveForm, useNavigationMessage } from '../../app/kit.tsx';

/**
 * `/n/:slug/strategi/:strategyId/handlingsplaner/:planId`: a year's measures with focus area, owner, budget and status,
 * and each tertial's report in words and colour; the secretariat adds, edits, deletes and reports.
 */
export function ActionPlanPage() {
  const sm = useStrategyMessages();
  const { planId = '' } = useParams();
  const { network, strategy } = useStrategyFrame();
  const plan = useApi<ActionPlan>(`/action-plans/${encodeURIComponent(planId)}`);
  const title = usePageTitle([network, strategy, plan], () =>
    fmt(sm.plan.title, { year: plan.data?.year ?? '', title: strategy.data?.title ?? '' }),
  );
  return (
    <StrategyFrame title={title} strategy={strategy}>
      {(n, s) => (
        <LoadState loaded={plan}>
          {(p) => <PlanView network={n} strategy={s} plan={p} onChange={plan.setData} onReload={plan.reload} />}
        </LoadState>
      )}
    </StrategyFrame>
  );
}

type Dialog =
  { kind: 'add' } | { kind: 'edit'; measure: Measure } | { kind: 'report'; measure: Measure } | { kind: 'delete'; measure: Measure } | null;

function PlanView({
  network,
  strategy,
  plan,
  onChange,
  onReload,
}: {
  network: NetworkOverview;
  strategy: Strategy;
  plan: ActionPlan;
  onChange: (plan: ActionPlan) => void;
  onReload: () => void;
}) {
  const sm = useStrategyMessages();
  const kroner = useKroner();
  const navigationMessage = useNavigationMessage();
  const [message, setMessage] = useState<string | null>(navigationMessage);
  const [dialog, setDialog] = useState<Dialog>(null);
  const admin = useNetworkCapabilities(network.id).administer;
  // Measures point at the focus areas of the strategy's newest published version (a draft may still change).
  const published = newestPublished(strategy);
  const publishedVersion = useApi<StrategyVersion>(published ? `/strategy-versions/${published.id}` : null);
  const focusAreas = publishedVersion.data?.content.focusAreas ?? [];
  const p = sm.plan;
  const close = () => setDialog(null);
  const reloadAndClose = () => {
    setDialog(null);
    onReload();
  };
  const saved = (next: ActionPlan, text: string) => {
    setDialog(null);
    onChange(next);
    setMessage(text);
  };

  return (
    <div className="dr-stack">
      <BackLink to={actionPlansPath(network.slug, strategy.id)}>{p.back}</BackLink>
      <SuccessMessage message={message} />
      <Downloads
        links={exportLinks((format) => actionPlanExportUrl(plan.id, format), { xlsx: sm.common.downloadXlsx, csv: sm.common.downloadCsv })}
      />
      <Section id="measures-heading" title={p.measuresHeading} className="dr-stack">
        {admin && (
          <ButtonRow>
            <Button
              type="button"
              onClick={() => {
                setMessage(null);
                setDialog({ kind: 'add' });
              }}
            >
              {p.add}
            </Button>
          </ButtonRow>
        )}
        {plan.measures.length === 0 ? (
          <Paragraph>{p.none}</Paragraph>
        ) : (
          <ScrollRegion label={`${fmt(p.caption, { year: plan.year })} (${sm.adoption.scroll})`}>
            <Table zebra data-size="sm">
              <caption>{fmt(p.caption, { year: plan.year })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{p.measure}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{p.focusArea}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{p.owner}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="dr-strategy-amount">
                    {p.budget}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">{p.status}</Table.HeaderCell>
                  {TERTIALS.map((t) => (
                    <Table.HeaderCell scope="col" key={t}>
                      <abbr title={fmt(p.tertialLong, { n: t })}>{fmt(p.tertial, { n: t })}</abbr>
                    </Table.HeaderCell>
                  ))}
                  {admin && <Table.HeaderCell scope="col">{p.actions}</Table.HeaderCell>}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {plan.measures.map((x) => (
                  <Table.Row key={x.id}>
                    <Table.HeaderCell scope="row">
                      {x.title}
                      {x.description && (
                        <Paragraph data-size="xs" className="dr-muted">
                          {x.description}
                        </Paragraph>
                      )}
                    </Table.HeaderCell>
                    <Table.Cell>{x.focusAreaTitle ?? sm.common.empty}</Table.Cell>
                    <Table.Cell>{x.owner ?? ''}</Table.Cell>
                    <Table.Cell className="dr-strategy-amount">{x.budget === null ? '' : kroner(x.budget)}</Table.Cell>
                    <Table.Cell>
                      <MeasureStatusTag status={x.status} />
                    </Table.Cell>
                    {TERTIALS.map((t) => {
                      const report = x.reports.find((r) => r.tertial === t);
                      return (
                        <Table.Cell key={t}>
                          {report ? (
                            <span className="dr-strategy-cell">
                              <ReportTag status={report.status} />
                              {report.spent !== null && <span>{fmt(p.spent, { amount: kroner(report.spent) })}</span>}
                              {report.comment && <span>{report.comment}</span>}
                            </span>
                          ) : (
                            <span className="dr-muted">{p.notReported}</span>
                          )}
                        </Table.Cell>
                      );
                    })}
                    {admin && (
                      <Table.Cell>
                        <ButtonRow>
                          <RowAction label={fmt(p.reportOf, { name: x.title })} onClick={() => setDialog({ kind: 'report', measure: x })}>
                            {p.report}
                          </RowAction>
                          <RowAction label={fmt(p.editOf, { name: x.title })} onClick={() => setDialog({ kind: 'edit', measure: x })}>
                            {p.edit}
                          </RowAction>
                          {/* A measure reported on has been reported to the steering group: it is cancelled, not deleted. */}
                          {x.reports.length === 0 && (
                            <RowAction
                              label={fmt(p.removeOf, { name: x.title })}
                              danger
                              onClick={() => setDialog({ kind: 'delete', measure: x })}
                            >
                              {p.remove}
                            </RowAction>
                          )}
                        </ButtonRow>
                        {x.reports.length > 0 && (
                          <Paragraph data-size="xs" className="dr-muted">
                            {fmt(p.keepsReports, { cancelled: sm.measureStatuses.cancelled })}
                          </Paragraph>
                        )}
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
              <Table.Foot>
                <Table.Row>
                  <Table.HeaderCell scope="row" colSpan={3}>
                    {p.total}
                  </Table.HeaderCell>
                  <Table.Cell className="dr-strategy-amount">
                    <strong>{kroner(plan.totalBudget)}</strong>
                  </Table.Cell>
                  <Table.Cell colSpan={admin ? 5 : 4} />
                </Table.Row>
              </Table.Foot>
            </Table>
          </ScrollRegion>
        )}
        {plan.measures.length === 0 && (
          <Paragraph>
            {p.total}: {kroner(plan.totalBudget)}
          </Paragraph>
        )}
      </Section>

      <ModalDialog
        open={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        onClose={close}
        title={dialog?.kind === 'edit' ? fmt(p.editOf, { name: dialog.measure.title }) : p.add}
      >
        <MeasureForm
          plan={plan}
          measure={dialog?.kind === 'edit' ? dialog.measure : null}
          focusAreas={focusAreas}
          onCancel={close}
          onReload={reloadAndClose}
          onSaved={(next, name) => saved(next, fmt(dialog?.kind === 'edit' ? p.saved : p.added, { name }))}
        />
      </ModalDialog>
      <ModalDialog
        open={dialog?.kind === 'report'}
        onClose={close}
        title={dialog?.kind === 'report' ? fmt(p.reportOf, { name: dialog.measure.title }) : p.report}
      >
        {dialog?.kind === 'report' && (
          <ReportForm
            measure={dialog.measure}
            year={plan.year}
            onCancel={close}
            onReload={reloadAndClose}
            onSaved={(next, tertial) => saved(next, fmt(p.reported, { tertial: fmt(p.tertialLong, { n: tertial }) }))}
          />
        )}
      </ModalDialog>
      <ConfirmDialog
        item={dialog?.kind === 'delete' ? dialog.measure : null}
        title={dialog?.kind === 'delete' ? fmt(p.removeOf, { name: dialog.measure.title }) : p.remove}
        confirmLabel={p.remove}
        danger
        onClose={close}
        onReload={reloadAndClose}
        onConfirm={async (m) => {
          const next = await api<ActionPlan | null>(`/action-measures/${m.id}?version=${m.version}`, { method: 'DELETE' });
          if (next) saved(next, fmt(p.removed, { name: m.title }));
          else {
            setDialog(null);
            setMessage(fmt(p.removed, { name: m.title }));
            onReload();
          }
        }}
      >
        {(m) => <Paragraph>{fmt(p.removeConfirm, { name: m.title })}</Paragraph>}
      </ConfirmDialog>
    </div>
  );
}

function MeasureForm({
  plan,
  measure,
  focusAreas,
  onSaved,
  onCancel,
  onReload,
}: {
  plan: ActionPlan;
  measure: Measure | null;
  focusAreas: { key: string; title: string }[];
  onSaved: (plan: ActionPlan, name: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const sm = useStrategyMessages();
  const f = sm.measureForm;
  const form = useForm();
  const [title, setTitle] = useState(measure?.title ?? '');
  const [description, setDescription] = useState(measure?.description ?? '');
  const [focusAreaKey, setFocusAreaKey] = useState(measure?.focusAreaKey ?? '');
  const [owner, setOwner] = useState(measure?.owner ?? '');
  const [budget, setBudget] = useState(measure?.budget === null || measure?.budget === undefined ? '' : String(measure.budget));
  const [status, setStatus] = useState<MeasureStatus>(measure?.status ?? 'planned');
  const labels = {
    title: f.title,
    description: f.description,
    focusAreaKey: f.focusArea,
    owner: f.owner,
    budget: f.budget,
    status: f.status,
  };
  // A measure whose focus area has left the newest version keeps it as a choice, named by its last title.
  const choices =
    measure?.focusAreaKey && !focusAreas.some((x) => x.key === measure.focusAreaKey)
      ? [
          ...focusAreas,
          { key: measure.focusAreaKey, title: fmt(sm.plan.removedFocusArea, { title: measure.focusAreaTitle ?? measure.focusAreaKey }) },
        ]
      : focusAreas;
  const input = {
    title,
    description,
    focusAreaKey: focusAreaKey === '' ? null : focusAreaKey,
    owner,
    budget: parseWhole(budget),
    status,
  };
  return (
    <SaveForm
      form={form}
      save={{
        item: measure,
        create: { schema: MeasureInputSchema, path: `/action-plans/${plan.id}/measures` },
        update: { schema: MeasureUpdateSchema, path: `/action-measures/${measure?.id}` },
        input,
        labels,
        done: (next: ActionPlan) => onSaved(next, title.trim()),
      }}
      submitLabel={f.save}
      onCancel={onCancel}
      onReload={onReload}
    >
      <TextField state={form} name="title" label={f.title} value={title} onChange={setTitle} required />
      <TextField state={form} name="description" label={f.description} value={description} onChange={setDescription} multiline rows={3} />
      <SelectField state={form} name="focusAreaKey" label={f.focusArea} value={focusAreaKey} onChange={setFocusAreaKey}>
        <option value="">{f.noFocusArea}</option>
        {choices.map((x) => (
          <option key={x.key} value={x.key}>
            {x.title}
          </option>
        ))}
      </SelectField>
      <TextField state={form} name="owner" label={f.owner} description={f.ownerDescription} value={owner} onChange={setOwner} />
      <TextField state={form} name="budget" label={f.budget} description={f.budgetDescription} value={budget} onChange={setBudget} />
      <SelectField state={form} name="status" label={f.status} value={status} onChange={(v) => setStatus(v as MeasureStatus)}>
        {MEASURE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {sm.measureStatuses[s]}
          </option>
        ))}
      </SelectField>
    </SaveForm>
  );
}

function ReportForm({
  measure,
  year,
  onSaved,
  onCancel,
  onReload,
}: {
  measure: Measure;
  /** The plan's year, which decides the tertial offered first. */
  year: number;
  onSaved: (plan: ActionPlan, tertial: number) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { m } = useI18n();
  const sm = useStrategyMessages();
  const f = sm.reportForm;
  const form = useForm();
  const reportOf = (t: number) => measure.reports.find((r) => r.tertial === t);
  const first = reportOf(tertialFor(year));
  const [tertial, setTertial] = useState<number>(tertialFor(year));
  const [status, setStatus] = useState<ReportStatus | ''>(first?.status ?? '');
  const [comment, setComment] = useState(first?.comment ?? '');
  const [spent, setSpent] = useState(first?.spent === null || first?.spent === undefined ? '' : String(first.spent));
  const chooseTertial = (t: number) => {
    const r = reportOf(t);
    setTertial(t);
    setStatus(r?.status ?? '');
    setComment(r?.comment ?? '');
    setSpent(r?.spent === null || r?.spent === undefined ? '' : String(r.spent));
  };
  const labels = { status: f.status, comment: f.comment, spent: f.spent };
  const existing = reportOf(tertial);
  return (
    <SubmitForm
      form={form}
      onReload={onReload}
      onCancel={onCancel}
      submitLabel={f.save}
      submit={{
        schema: TertialReportInputSchema,
        input: {
          status: status === '' ? undefined : status,
          comment,
          spent: parseWhole(spent),
          ...(existing ? { version: existing.version } : {}),
        },
        labels,
        send: (body) => api<ActionPlan>(`/action-measures/${measure.id}/reports/${tertial}`, { method: 'PUT', body }),
        done: (next) => onSaved(next, tertial),
      }}
    >
      <SelectField state={form} name="tertial" label={f.tertial} value={String(tertial)} onChange={(v) => chooseTertial(Number(v))}>
        {TERTIALS.map((t) => (
          <option key={t} value={t}>
            {fmt(sm.plan.tertialLong, { n: t })}
          </option>
        ))}
      </SelectField>
      <SelectField state={form} name="status" label={f.status} value={status} onChange={(v) => setStatus(v as ReportStatus | '')} required>
        <option value="">{m.common.choose}</option>
        {REPORT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {sm.reportStatuses[s]}
          </option>
        ))}
      </SelectField>
      <TextField state={form} name="comment" label={f.comment} value={comment} onChange={setComment} multiline rows={3} />
      <TextField state={form} name="spent" label={f.spent} value={spent} onChange={setSpent} />
    </SubmitForm>
  );
}
