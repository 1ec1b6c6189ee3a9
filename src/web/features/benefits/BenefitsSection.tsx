import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Button, Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { Benefit, Indicator, IndicatorTarget, Measurement } from '../../../shared/benefits/schema.ts';
import type { BenefitCurvesAnswer, IndicatorCurves } from '../../../shared/benefits/curves.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';
import { useApi } from '../../app/api.ts';
import { SuccessMessage } from '../../app/forms.tsx';
import { Downloads } from '../../app/downloads.tsx';
import { DeleteConfirm, type DialogActions } from '../../app/row-dialogs.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { useProjectCapabilities } from '../../app/capabilities.ts';
import { ButtonRow, LoadState, ModalDialog, todayIso } from '../../app/ui.tsx';
import { BenefitForm, IndicatorForm, MeasurementForm, TargetForm } from './BenefitDialogs.tsx';
import {
  BENEFITS_ANCHOR,
  benefitsPath,
  benefitsPlanUrl,
  projectCurvesPath,
  projectCurvesUrl,
  formatAchievement,
  formatValue,
  municipalityName,
  shortDate,
  targetRows,
  type TargetRow,
} from './benefits-api.ts';
import { useBenefitMessages } from './messages.ts';
import { useCurveMessages } from './curve-messages.ts';
import { CurvesHeading, IndicatorCurvesView, ScopeCurvesView } from './Curves.tsx';
import './benefits.css';
import { RowAction, DataTable } from '../../app/table.tsx';

/** The one dialog open at a time, and what it is about. */
type Dialog =
  | { kind: 'benefit'; benefit: Benefit | null }
  | { kind: 'deleteBenefit'; benefit: Benefit }
  | { kind: 'indicator'; benefit: Benefit; indicator: Indicator | null }
  | { kind: 'deleteIndicator'; indicator: Indicator }
  | { kind: 'target'; indicator: Indicator; municipality: { number: string; name: string }; target: IndicatorTarget | null }
  | { kind: 'measurement'; indicator: Indicator; municipalities: { number: string; name: string }[] }
  | { kind: 'deleteMeasurement'; indicator: Indicator; measurement: Measurement };

/** What the user may do here. The server decides; these only hide the controls the user cannot use. */
interface Rights {
  /** The secretariat: plans benefits and indicators, and writes every municipality's targets and measurements. */
  admin: boolean;
  /** A municipality's targets and measurements: the secretariat's, or that municipality's editors'. */
  mayWrite: (municipalityNumber: string) => boolean;
}

/**
 * «Nytte» on the project page (`#nytte`): the project's benefits, each with its indicators, every participating
 * municipality's baseline, target, latest measurement and achievement, and the measurements. The secretariat plans;
 * a municipality's editors set that municipality's target and record its measurements; readers read.
 */
export function BenefitsSection({ network, project, admin }: { network: NetworkOverview; project: Project; admin: boolean }) {
  const bm = useBenefitMessages();
  const s = bm.section;
  const location = useLocation();
  const loaded = useApi<Benefit[]>(benefitsPath(project.id));
  const curves = useApi<BenefitCurvesAnswer>(projectCurvesPath(project.id));
  const cm = useCurveMessages();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const answersFor = useProjectCapabilities(project.id).answersFor;
  const rights: Rights = { admin, mayWrite: (number) => answersFor.includes(number) };
  const writesAny = admin || project.participants.some((p) => p.participation === 'in' && rights.mayWrite(p.municipalityNumber));
  const section = useRef<HTMLElement>(null);
  const scrolled = useRef(false);
  const ready = loaded.data !== undefined;

  // The section loads after the page: follow a link to `#nytte` (the reminder e-mails) once it is there.
  useEffect(() => {
    if (!ready || scrolled.current || location.hash !== `#${BENEFITS_ANCHOR}`) return;
    scrolled.current = true;
    section.current?.scrollIntoView();
  }, [ready, location.hash]);

  const close = () => setDialog(null);
  const reload = () => {
    close();
    loaded.reload();
    curves.reload();
  };
  const curvesOf = (indicatorId: string) => curves.data?.benefits.flatMap((b) => b.indicators).find((i) => i.id === indicatorId) ?? null;
  const projectScope = curves.data?.scopes.find((x) => x.scope === 'project');
  const done = (message: string) => {
    setStatus(message);
    reload();
  };

  return (
    <section ref={section} id={BENEFITS_ANCHOR} className="dr-section" aria-labelledby="project-benefits">
      <Heading level={2} data-size="md" id="project-benefits">
        {s.heading}
      </Heading>
      <Paragraph data-size="sm">{writesAny ? s.intro : s.readOnly}</Paragraph>
      <Downloads
        links={[
          { href: benefitsPlanUrl(project.id, 'pdf'), label: s.downloadPdf },
          { href: benefitsPlanUrl(project.id, 'docx'), label: s.downloadDocx },
          { href: benefitsPlanUrl(project.id, 'xlsx'), label: s.downloadXlsx },
          { href: projectCurvesUrl(project.id), label: cm.downloadXlsx },
        ]}
      />
      {projectScope && projectScope.sums.length > 0 && (
        <ScopeCurvesView
          scope={projectScope}
          name={project.title}
          heading={<CurvesHeading level={3}>{cm.projectCurvesHeading}</CurvesHeading>}
        />
      )}
      {/* Shown once the section shows what was saved: a dialog opened after the message works on the saved state. */}
      <SuccessMessage message={loaded.loading ? null : status} />
      <LoadState loaded={loaded}>
        {(benefits) =>
          benefits.length === 0 ? (
            <Paragraph>{s.none}</Paragraph>
          ) : (
            <div className="dr-stack">
              {benefits.map((b) => (
                <BenefitCard key={b.id} project={project} benefit={b} rights={rights} open={setDialog} curvesOf={curvesOf} />
              ))}
            </div>
          )
        }
      </LoadState>
      {admin && (
        <ButtonRow>
          <Button type="button" variant="secondary" onClick={() => setDialog({ kind: 'benefit', benefit: null })}>
            {s.add}
          </Button>
        </ButtonRow>
      )}
      <ModalDialog open={dialog !== null} onClose={close} title={dialog ? dialogTitle(bm, dialog) : ''}>
        {dialog && <DialogBody dialog={dialog} network={network} project={project} onDone={done} onCancel={close} onReload={reload} />}
      </ModalDialog>
    </section>
  );
}

function dialogTitle(bm: ReturnType<typeof useBenefitMessages>, dialog: Dialog): string {
  switch (dialog.kind) {
    case 'benefit':
      return dialog.benefit ? bm.benefitForm.editTitle : bm.benefitForm.addTitle;
    case 'deleteBenefit':
      return bm.benefitForm.deleteTitle;
    case 'indicator':
      return dialog.indicator ? bm.indicatorForm.editTitle : bm.indicatorForm.addTitle;
    case 'deleteIndicator':
      return bm.indicatorForm.deleteTitle;
    case 'target':
      return fmt(bm.targetForm.title, { name: dialog.municipality.name });
    case 'measurement':
      return bm.measurementForm.title;
    case 'deleteMeasurement':
      return bm.measurementForm.deleteTitle;
  }
}

function DialogBody({
  dialog,
  network,
  project,
  onDone,
  onCancel,
  onReload,
}: DialogActions & { dialog: Dialog; network: NetworkOverview; project: Project }) {
  const { lang, date } = useI18n();
  const bm = useBenefitMessages();
  const actions = { onDone, onCancel, onReload };
  switch (dialog.kind) {
    case 'benefit':
      return <BenefitForm project={project} networkId={network.id} item={dialog.benefit} {...actions} />;
    case 'indicator':
      return <IndicatorForm benefit={dialog.benefit} item={dialog.indicator} {...actions} />;
    case 'target':
      return (
        <TargetForm
          networkId={network.id}
          indicator={dialog.indicator}
          municipality={dialog.municipality}
          target={dialog.target}
          {...actions}
        />
      );
    case 'measurement':
      return <MeasurementForm indicator={dialog.indicator} municipalities={dialog.municipalities} {...actions} />;
    case 'deleteBenefit': {
      const b = dialog.benefit;
      const t = bm.benefitForm;
      return (
        <DeleteConfirm
          path={`/benefits/${b.id}?version=${b.version}`}
          question={fmt(t.deleteConfirm, { name: b.title })}
          confirmLabel={bm.section.delete}
          deleted={fmt(t.deleted, { name: b.title })}
          {...actions}
        />
      );
    }
    case 'deleteIndicator': {
      const i = dialog.indicator;
      const t = bm.indicatorForm;
      return (
        <DeleteConfirm
          path={`/benefit-indicators/${i.id}?version=${i.version}`}
          question={fmt(t.deleteConfirm, { name: i.name })}
          confirmLabel={bm.section.delete}
          deleted={fmt(t.deleted, { name: i.name })}
          {...actions}
        />
      );
    }
    case 'deleteMeasurement': {
      const x = dialog.measurement;
      const t = bm.measurementForm;
      const words = {
        date: date(x.measuredOn),
        name: municipalityName(project, dialog.indicator, x.municipalityNumber),
        value: formatValue(lang, x.value, dialog.indicator.unit),
      };
      return (
        <DeleteConfirm
          path={`/benefit-measurements/${x.id}`}
          question={fmt(t.deleteConfirm, words)}
          confirmLabel={bm.section.delete}
          deleted={fmt(t.deleted, words)}
          {...actions}
        />
      );
    }
  }
}

/** Text that says «not set» in the muted style. */
function NotSet() {
  const bm = useBenefitMessages();
  return <span className="dr-muted">{bm.section.notSet}</span>;
}

/** One benefit: what it is, its achievement, and its indicators (or the note that it is not measurable yet). */
function BenefitCard({
  project,
  benefit: b,
  rights,
  open,
  curvesOf,
}: {
  project: Project;
  benefit: Benefit;
  rights: Rights;
  open: (dialog: Dialog) => void;
  curvesOf: (indicatorId: string) => IndicatorCurves | null;
}) {
  const { lang } = useI18n();
  const bm = useBenefitMessages();
  const t = bm.benefit;
  const headingId = `benefit-${b.id}`;
  return (
    <article className="dr-benefit" aria-labelledby={headingId}>
      <Heading level={3} data-size="sm" id={headingId}>
        {b.title}
      </Heading>
      {b.description && <Paragraph className="dr-benefit-text">{b.description}</Paragraph>}
      <dl className="dr-facts">
        <dt>{t.type}</dt>
        <dd>{bm.types[b.type]}</dd>
        <dt>{t.beneficiaries}</dt>
        <dd>{b.beneficiaries ?? <NotSet />}</dd>
        <dt>{t.changes}</dt>
        <dd className="dr-benefit-text">{b.changes ?? <NotSet />}</dd>
        <dt>{t.deliverables}</dt>
        <dd>{b.deliverables.length > 0 ? b.deliverables.map((d) => d.title).join(', ') : <NotSet />}</dd>
        <dt>{t.benefitAreas}</dt>
        <dd>{b.benefitAreas.length > 0 ? b.benefitAreas.map((a) => bm.areas[a]).join(', ') : <NotSet />}</dd>
        <dt>{t.owner}</dt>
        <dd>{b.owner?.name ?? <NotSet />}</dd>
        <dt>{t.achievement}</dt>
        <dd className="dr-benefit-figure">{formatAchievement(lang, b.achievement)}</dd>
      </dl>
      {rights.admin && (
        <ButtonRow>
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            aria-label={fmt(t.addIndicatorLabel, { name: b.title })}
            onClick={() => open({ kind: 'indicator', benefit: b, indicator: null })}
          >
            {t.addIndicator}
          </Button>
          <EditAndDelete
            name={b.title}
            labels={t}
            onEdit={() => open({ kind: 'benefit', benefit: b })}
            onDelete={() => open({ kind: 'deleteBenefit', benefit: b })}
          />
        </ButtonRow>
      )}
      {b.indicators.length === 0 ? (
        <Paragraph data-size="sm" className="dr-benefit-note">
          {t.notMeasurable}
        </Paragraph>
      ) : (
        b.indicators.map((i) => (
          <IndicatorBlock key={i.id} project={project} benefit={b} indicator={i} rights={rights} open={open} curves={curvesOf(i.id)} />
        ))
      )}
    </article>
  );
}

/** An indicator: its facts, a table of the municipalities' figures, and its measurements. */
function IndicatorBlock({
  project,
  benefit,
  indicator: i,
  rights,
  open,
  curves,
}: {
  project: Project;
  benefit: Benefit;
  indicator: Indicator;
  rights: Rights;
  open: (dialog: Dialog) => void;
  /** The indicator's curves, once they are loaded. */
  curves: IndicatorCurves | null;
}) {
  const { lang, m } = useI18n();
  const bm = useBenefitMessages();
  const t = bm.indicator;
  const rows = targetRows(project, i);
  const headingId = `indicator-${i.id}`;
  const editableRow = (row: TargetRow) => row.participating && rights.mayWrite(row.municipalityNumber);
  const anyActions = rows.some(editableRow);
  // Measurements are recorded for a municipality that has a target and that the user may write.
  const measurable = rows
    .filter((row) => row.target && rights.mayWrite(row.municipalityNumber))
    .map((row) => ({ number: row.municipalityNumber, name: row.municipalityName }));
  const writesAny = rows.some((row) => rights.mayWrite(row.municipalityNumber));
  return (
    <div className="dr-benefit-indicator" role="group" aria-labelledby={headingId}>
      <Heading level={4} data-size="xs" id={headingId}>
        {i.name}
      </Heading>
      <dl className="dr-facts">
        <dt>{t.unit}</dt>
        <dd>{i.unit}</dd>
        <dt>{t.direction}</dt>
        <dd>{bm.directions[i.direction]}</dd>
        <dt>{t.additive}</dt>
        <dd>{i.additive ? bm.section.yes : bm.section.no}</dd>
        <dt>{t.dataSource}</dt>
        <dd>{i.dataSource ?? <NotSet />}</dd>
        <dt>{t.frequency}</dt>
        <dd>{bm.frequencies[i.frequency]}</dd>
        <dt>{t.achievement}</dt>
        <dd className="dr-benefit-figure">{formatAchievement(lang, i.achievement)}</dd>
      </dl>
      {rights.admin && (
        <ButtonRow>
          <EditAndDelete
            name={i.name}
            labels={t}
            onEdit={() => open({ kind: 'indicator', benefit, indicator: i })}
            onDelete={() => open({ kind: 'deleteIndicator', indicator: i })}
          />
        </ButtonRow>
      )}
      {curves && curves.municipalities.length > 0 && <IndicatorCurvesView indicator={curves} />}
      {rows.length === 0 ? (
        <Paragraph data-size="sm">{t.noParticipants}</Paragraph>
      ) : (
        <DataTable
          caption={fmt(t.caption, { name: i.name })}
          columns={[
            t.municipality,
            t.responsible,
            t.baseline,
            t.target,
            t.interimTargets,
            t.latest,
            t.rowAchievement,
            t.nextDue,
            anyActions && m.common.actions,
          ]}
          size="sm"
        >
          {rows.map((row) => (
            <TargetTableRow
              key={row.municipalityNumber}
              indicator={i}
              row={row}
              actions={
                anyActions && (
                  <Table.Cell>
                    {editableRow(row) && (
                      <RowAction
                        label={fmt(row.target ? t.editTargetLabel : t.setTargetLabel, { name: row.municipalityName })}
                        onClick={() =>
                          open({
                            kind: 'target',
                            indicator: i,
                            municipality: { number: row.municipalityNumber, name: row.municipalityName },
                            target: row.target,
                          })
                        }
                      >
                        {row.target ? t.editTarget : t.setTarget}
                      </RowAction>
                    )}
                  </Table.Cell>
                )
              }
            />
          ))}
        </DataTable>
      )}
      {writesAny &&
        (measurable.length > 0 ? (
          <ButtonRow>
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              aria-label={fmt(t.recordLabel, { name: i.name })}
              onClick={() => open({ kind: 'measurement', indicator: i, municipalities: measurable })}
            >
              {t.record}
            </Button>
          </ButtonRow>
        ) : (
          <Paragraph data-size="sm">{t.noTargetsYet}</Paragraph>
        ))}
      <Measurements project={project} indicator={i} rights={rights} open={open} />
    </div>
  );
}

/** One municipality's figures for an indicator; the next measurement says «Forfalt» in words when it is past due. */
function TargetTableRow({ indicator, row, actions }: { indicator: Indicator; row: TargetRow; actions: ReactNode }) {
  const { lang } = useI18n();
  const date = (iso: string) => shortDate(lang, iso);
  const bm = useBenefitMessages();
  const t = bm.indicator;
  const x = row.target;
  const value = (n: number) => formatValue(lang, n, indicator.unit);
  const overdue = x !== null && x.nextDue < todayIso();
  return (
    <Table.Row>
      <Table.HeaderCell scope="row">
        {row.municipalityName}
        {!row.participating && <span className="dr-benefit-small dr-muted">{t.notParticipating}</span>}
      </Table.HeaderCell>
      <Table.Cell>{x?.responsible?.name ?? <NotSet />}</Table.Cell>
      {x === null ? (
        <>
          <Table.Cell>
            <NotSet />
          </Table.Cell>
          <Table.Cell>
            <NotSet />
          </Table.Cell>
          <Table.Cell>–</Table.Cell>
          <Table.Cell>–</Table.Cell>
          <Table.Cell className="dr-benefit-number">–</Table.Cell>
          <Table.Cell>–</Table.Cell>
        </>
      ) : (
        <>
          <Table.Cell className="dr-project-nowrap">
            {value(x.baselineValue)}
            <span className="dr-benefit-small">{date(x.baselineDate)}</span>
          </Table.Cell>
          <Table.Cell className="dr-project-nowrap">
            {value(x.targetValue)}
            <span className="dr-benefit-small">{date(x.targetDate)}</span>
          </Table.Cell>
          <Table.Cell className="dr-project-nowrap">
            {x.interimTargets.length === 0 ? (
              '–'
            ) : (
              <ul className="dr-benefit-interims">
                {x.interimTargets.map((interim) => (
                  <li key={interim.date}>
                    {value(interim.value)}
                    <span className="dr-benefit-small">{date(interim.date)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Table.Cell>
          <Table.Cell className="dr-project-nowrap">
            {x.latest ? (
              <>
                {value(x.latest.value)}
                <span className="dr-benefit-small">{date(x.latest.measuredOn)}</span>
              </>
            ) : (
              '–'
            )}
          </Table.Cell>
          <Table.Cell className="dr-benefit-number">{formatAchievement(lang, x.achievement)}</Table.Cell>
          <Table.Cell className="dr-project-nowrap">
            {date(x.nextDue)}
            {overdue && (
              <>
                {' '}
                <Tag data-size="sm" data-color="danger">
                  {t.overdue}
                </Tag>
              </>
            )}
          </Table.Cell>
        </>
      )}
      {actions}
    </Table.Row>
  );
}

/** The indicator's measurements, newest first, folded away; delete for those whose municipality the user may write. */
function Measurements({
  project,
  indicator: i,
  rights,
  open,
}: {
  project: Project;
  indicator: Indicator;
  rights: Rights;
  open: (dialog: Dialog) => void;
}) {
  const { lang, date, m } = useI18n();
  const bm = useBenefitMessages();
  const t = bm.indicator;
  const list = i.measurements.toSorted((a, b) => b.measuredOn.localeCompare(a.measuredOn));
  const anyDeletable = list.some((x) => rights.mayWrite(x.municipalityNumber));
  return (
    <Details>
      <Details.Summary>{fmt(t.measurements, { count: list.length })}</Details.Summary>
      <Details.Content>
        {list.length === 0 ? (
          <Paragraph data-size="sm">{t.noMeasurements}</Paragraph>
        ) : (
          <DataTable
            caption={fmt(t.measurementsCaption, { name: i.name })}
            columns={[t.measuredOn, t.municipality, t.value, t.note, t.recordedBy, anyDeletable && m.common.actions]}
            size="sm"
          >
            {list.map((x) => {
              const name = municipalityName(project, i, x.municipalityNumber);
              return (
                <Table.Row key={x.id}>
                  <Table.HeaderCell scope="row" className="dr-project-nowrap">
                    {date(x.measuredOn)}
                  </Table.HeaderCell>
                  <Table.Cell>{name}</Table.Cell>
                  <Table.Cell className="dr-benefit-number">{formatValue(lang, x.value, i.unit)}</Table.Cell>
                  <Table.Cell className="dr-benefit-text">{x.note ?? ''}</Table.Cell>
                  <Table.Cell>{x.recordedBy ?? ''}</Table.Cell>
                  {anyDeletable && (
                    <Table.Cell>
                      {rights.mayWrite(x.municipalityNumber) && (
                        <RowAction
                          label={fmt(t.deleteMeasurementLabel, { date: date(x.measuredOn), name })}
                          danger
                          onClick={() => open({ kind: 'deleteMeasurement', indicator: i, measurement: x })}
                        >
                          {bm.section.delete}
                        </RowAction>
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
              );
            })}
          </DataTable>
        )}
      </Details.Content>
    </Details>
  );
}

/** A benefit's or an indicator's «Endre» and «Slett», each named for what it acts on. */
function EditAndDelete({
  name,
  labels,
  onEdit,
  onDelete,
}: {
  name: string;
  labels: { editLabel: string; deleteLabel: string };
  onEdit: () => void;
  onDelete: () => void;
}) {
  const bm = useBenefitMessages();
  return (
    <>
      <RowAction label={fmt(labels.editLabel, { name })} onClick={onEdit}>
        {bm.section.edit}
      </RowAction>
      <RowAction label={fmt(labels.deleteLabel, { name })} danger onClick={onDelete}>
        {bm.section.delete}
      </RowAction>
    </>
  );
}
