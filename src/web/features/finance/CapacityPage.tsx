import { Fragment, useState } from 'react';
import { Downloads } from '../../app/downloads.tsx';
import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import {
  CommitmentInputSchema,
  PlanCreateSchema,
  PlanUpdateSchema,
  type Capacity,
  type CapacityRow,
  type Plan,
  type PlanList,
} from '../../../shared/finance/capacity.ts';
import type { Options } from '../../../shared/finance/own-effort.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { useApi } from '../../app/api.ts';
import { SelectField, SuccessMessage, TextField, useForm } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, LoadState, ModalDialog, ScrollRegion } from '../../app/ui.tsx';
import { useHours } from '../../app/format.ts';
import { RowAction } from '../../app/table.tsx';
import { SaveForm } from '../../app/kit.tsx';
import { FinanceFrame, useFinanceYear, YearSelect } from './FinanceFrame.tsx';
import {
  EditDeleteActions,
  FiguresTable,
  hoursInput,
  HoursNoteFields,
  hoursText,
  MunicipalityOptions,
  ProjectOptions,
  PutValueForm,
  RowDialogs,
} from './finance-parts.tsx';
import { ownEffortApi } from './own-effort-api.ts';
import { useCapacityMessages } from './capacity-messages.ts';

/**
 * `/n/:slug/okonomi/kapasitet?aar=`: the members' planned against registered project hours per month in a year, each
 * member's commitment for the year with a warning where the plans exceed it, the plans themselves (planned, changed,
 * deleted by those who write the municipality's hours) and the download.
 */
export function CapacityPage() {
  const t = useCapacityMessages();
  return <FinanceFrame title={t.title}>{(n) => <CapacityView network={n} />}</FinanceFrame>;
}

function CapacityView({ network }: { network: NetworkOverview }) {
  const t = useCapacityMessages();
  const [year, setYear] = useFinanceYear();
  const base = ownEffortApi(network.id);
  const capacity = useApi<Capacity>(`${base}/capacity?year=${year}`);
  const plans = useApi<PlanList>(`${base}/plans?year=${year}`);
  const options = useApi<Options>(`${base}/options`);
  const [message, setMessage] = useState<string | null>(null);
  const changed = (text: string) => {
    capacity.reload();
    plans.reload();
    setMessage(text);
  };
  return (
    <div className="dr-stack">
      <Paragraph>{t.intro}</Paragraph>
      <SuccessMessage message={message} />
      <YearSelect year={year} onYear={setYear} label={t.year} />
      <LoadState loaded={capacity}>
        {(c) => (
          <>
            <OverWarning capacity={c} />
            <CapacityTable network={network} capacity={c} onChanged={changed} onReload={capacity.reload} />
          </>
        )}
      </LoadState>
      <LoadState loaded={options}>
        {(o) => (
          <LoadState loaded={plans}>
            {(list) => <PlansSection network={network} list={list} options={o} onChanged={changed} onReload={plans.reload} />}
          </LoadState>
        )}
      </LoadState>
    </div>
  );
}

/** The members whose planned hours for the year exceed their commitment, named in one alert. */
function OverWarning({ capacity }: { capacity: Capacity }) {
  const t = useCapacityMessages();
  const hours = useHours();
  const over = capacity.municipalities.filter((m) => m.over);
  if (over.length === 0) return null;
  return (
    <Alert data-color="warning" data-testid="capacity-over">
      <Heading level={2} data-size="xs">
        {fmt(t.overHeading, { year: capacity.year })}
      </Heading>
      <ul>
        {over.map((m) => (
          <li key={m.municipalityNumber}>
            {fmt(t.overLine, {
              municipality: m.municipalityName,
              planned: hours(m.planned),
              over: hours(m.overBy),
              committed: hours(m.commitment.hundredths ?? 0),
            })}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function CapacityTable({
  network,
  capacity,
  onChanged,
  onReload,
}: {
  network: NetworkOverview;
  capacity: Capacity;
  onChanged: (message: string) => void;
  onReload: () => void;
}) {
  const t = useCapacityMessages();
  const { lang } = useI18n();
  const hours = useHours();
  const [editing, setEditing] = useState<CapacityRow | null>(null);
  const monthName = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { month: 'short', timeZone: 'UTC' });
  const monthLabel = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));
  const caption = fmt(t.caption, { year: capacity.year });
  const anyEditable = capacity.municipalities.some((m) => m.commitment.editable);
  const exportBase = `/api${ownEffortApi(network.id)}/capacity/export?year=${capacity.year}`;
  const status = (m: CapacityRow) =>
    m.over ? (
      <Tag data-color="danger">{fmt(t.overBy, { hours: hours(m.overBy) })}</Tag>
    ) : m.commitment.hundredths === null ? (
      <span className="dr-muted">{t.noCommitment}</span>
    ) : (
      <Tag data-color="success">{t.within}</Tag>
    );
  return (
    <section aria-labelledby="capacity-table" className="dr-stack">
      <Heading level={2} data-size="sm" id="capacity-table">
        {t.tableHeading}
      </Heading>
      <ScrollRegion label={caption}>
        <Table data-size="sm" border>
          <caption>{caption}</caption>
          <colgroup>
            <col />
          </colgroup>
          {capacity.months.map((m) => (
            <colgroup key={m.month} span={2} />
          ))}
          <colgroup span={2} />
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col" rowSpan={2}>
                {t.municipality}
              </Table.HeaderCell>
              {capacity.months.map((m) => (
                <Table.HeaderCell key={m.month} scope="colgroup" colSpan={2}>
                  {monthLabel(m.month)}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell scope="colgroup" colSpan={2}>
                {fmt(t.yearTotal, { year: capacity.year })}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" rowSpan={2} className="dr-project-number">
                {t.committed}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" rowSpan={2}>
                {t.status}
              </Table.HeaderCell>
              {anyEditable && (
                <Table.HeaderCell scope="col" rowSpan={2}>
                  {t.actions}
                </Table.HeaderCell>
              )}
            </Table.Row>
            <Table.Row>
              {[...capacity.months.map((m) => m.month), 'year'].map((key) => (
                <Fragment key={key}>
                  <Table.HeaderCell scope="col" className="dr-project-number">
                    {t.planned}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="dr-project-number">
                    {t.registered}
                  </Table.HeaderCell>
                </Fragment>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {capacity.municipalities.map((m) => (
              <Table.Row key={m.municipalityNumber} data-testid={`capacity-${m.municipalityNumber}`}>
                <Table.HeaderCell scope="row">{m.municipalityName}</Table.HeaderCell>
                {m.months.map((x) => (
                  <Fragment key={x.month}>
                    <Table.Cell className="dr-project-number">{hours(x.planned)}</Table.Cell>
                    <Table.Cell className="dr-project-number">{hours(x.registered)}</Table.Cell>
                  </Fragment>
                ))}
                <Table.Cell className="dr-project-number">{hours(m.planned)}</Table.Cell>
                <Table.Cell className="dr-project-number">{hours(m.registered)}</Table.Cell>
                <Table.Cell className="dr-project-number">
                  {m.commitment.hundredths === null ? t.notSet : hours(m.commitment.hundredths)}
                </Table.Cell>
                <Table.Cell>{status(m)}</Table.Cell>
                {anyEditable && (
                  <Table.Cell>
                    {m.commitment.editable && (
                      <RowAction label={fmt(t.setCommitmentFor, { municipality: m.municipalityName })} onClick={() => setEditing(m)}>
                        {t.setCommitment}
                      </RowAction>
                    )}
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
          <tfoot>
            <Table.Row>
              <Table.HeaderCell scope="row">{t.allMunicipalities}</Table.HeaderCell>
              {capacity.months.map((x) => (
                <Fragment key={x.month}>
                  <Table.Cell className="dr-project-number">{hours(x.planned)}</Table.Cell>
                  <Table.Cell className="dr-project-number">{hours(x.registered)}</Table.Cell>
                </Fragment>
              ))}
              <Table.Cell className="dr-project-number">{hours(capacity.total.planned)}</Table.Cell>
              <Table.Cell className="dr-project-number">{hours(capacity.total.registered)}</Table.Cell>
              <Table.Cell className="dr-project-number">{hours(capacity.total.committed)}</Table.Cell>
              <Table.Cell colSpan={anyEditable ? 2 : 1} />
            </Table.Row>
          </tfoot>
        </Table>
      </ScrollRegion>
      <Downloads
        label={`${t.downloads}: ${t.tableHeading}`}
        links={[
          { href: `${exportBase}&format=xlsx`, label: t.downloadXlsx },
          { href: `${exportBase}&format=csv`, label: t.downloadCsv },
        ]}
      />
      <ModalDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? fmt(t.commitmentTitle, { municipality: editing.municipalityName, year: capacity.year }) : ''}
      >
        {editing && (
          <PutValueForm
            schema={CommitmentInputSchema}
            path={`${ownEffortApi(network.id)}/commitments/${editing.commitment.year}/${editing.commitment.municipalityNumber}`}
            name="hoursHundredths"
            label={t.commitmentHours}
            description={t.commitmentDescription}
            initial={editing.commitment.hundredths === null ? '' : hoursText(editing.commitment.hundredths, lang)}
            read={hoursInput}
            version={editing.commitment.version}
            submitLabel={t.save}
            onReload={() => {
              setEditing(null);
              onReload();
            }}
            onSaved={() => {
              setEditing(null);
              onChanged(t.commitmentSaved);
            }}
          />
        )}
      </ModalDialog>
    </section>
  );
}

function PlansSection({
  network,
  list,
  options,
  onChanged,
  onReload,
}: {
  network: NetworkOverview;
  list: PlanList;
  options: Options;
  onChanged: (message: string) => void;
  onReload: () => void;
}) {
  const t = useCapacityMessages();
  const hours = useHours();
  const caption = fmt(t.plansCaption, { year: list.year });
  const names = (p: Plan) => ({ month: p.month, municipality: p.municipalityName, project: p.projectReference });
  return (
    <section aria-labelledby="capacity-plans" className="dr-stack">
      <Heading level={2} data-size="sm" id="capacity-plans">
        {t.plansHeading}
      </Heading>
      <RowDialogs<Plan>
        texts={{
          create: t.dialogCreate,
          edit: t.dialogEdit,
          deleteTitle: t.deleteTitle,
          delete: t.delete,
          saved: t.saved,
          deleted: t.deleted,
        }}
        deletePath={(p) => `/own-effort-plans/${p.id}`}
        deleteConfirm={(p) => fmt(t.deleteConfirm, { hours: hours(p.hundredths), municipality: p.municipalityName, month: p.month })}
        form={(plan, done) => (
          <PlanForm network={network} year={list.year} plan={plan} writable={list.writableMunicipalities} options={options} {...done} />
        )}
        onChanged={onChanged}
        onReload={onReload}
      >
        {(open) => (
          <>
            {list.writableMunicipalities.length === 0 ? (
              <Paragraph data-size="sm" className="dr-muted">
                {t.readOnly}
              </Paragraph>
            ) : options.projects.length === 0 ? (
              <Paragraph data-size="sm">{t.noProjects}</Paragraph>
            ) : (
              <ButtonRow>
                <Button type="button" onClick={open.create}>
                  {t.plan}
                </Button>
              </ButtonRow>
            )}
            {list.plans.length === 0 ? (
              <Paragraph>{fmt(t.noPlans, { year: list.year })}</Paragraph>
            ) : (
              <FiguresTable<Plan>
                caption={caption}
                rows={list.plans}
                rowKey={(p) => p.id}
                columns={[
                  {
                    heading: t.month,
                    cell: (p) => (
                      <>
                        {p.month}
                        {p.outsidePeriod && (
                          <>
                            {' '}
                            <Tag data-color="warning" data-size="sm">
                              {t.outsidePeriod}
                            </Tag>
                          </>
                        )}
                      </>
                    ),
                  },
                  { heading: t.municipality, cell: (p) => p.municipalityName },
                  { heading: t.project, cell: (p) => `${p.projectReference} ${p.projectTitle}` },
                  { heading: t.hours, cell: (p) => hours(p.hundredths), number: true },
                  { heading: t.note, cell: (p) => p.note ?? '' },
                  {
                    heading: t.actions,
                    cell: (p) =>
                      p.editable && (
                        <EditDeleteActions
                          edit={{ text: t.edit, label: fmt(t.editOf, names(p)), onClick: () => open.edit(p) }}
                          remove={{ text: t.delete, label: fmt(t.deleteOf, names(p)), onClick: () => open.remove(p) }}
                        />
                      ),
                  },
                ]}
                total={{ label: fmt(t.yearTotal, { year: list.year }), span: 3, figures: [hours(list.totalHundredths)], after: 2 }}
              />
            )}
          </>
        )}
      </RowDialogs>
    </section>
  );
}

/** Plans hours (project, municipality of those the user may write, month, hours, note), or changes a plan's hours and note. */
function PlanForm({
  network,
  year,
  plan,
  writable,
  options,
  onSaved,
  onReload,
}: {
  network: NetworkOverview;
  year: number;
  plan: Plan | null;
  writable: string[];
  options: Options;
  onSaved: (plan: Plan) => void;
  onReload: () => void;
}) {
  const t = useCapacityMessages();
  const { lang } = useI18n();
  const form = useForm();
  const [project, setProject] = useState(plan?.projectId ?? options.projects[0]?.id ?? '');
  const [municipality, setMunicipality] = useState(plan?.municipalityNumber ?? writable[0] ?? '');
  const [month, setMonth] = useState(plan?.month ?? `${year}-01`);
  const [hoursTyped, setHoursTyped] = useState(plan ? hoursText(plan.hundredths, lang) : '');
  const [note, setNote] = useState(plan?.note ?? '');
  const municipalities = options.municipalities.filter((m) => writable.includes(m.number));
  const hoursHundredths = hoursInput(hoursTyped);
  const labels = {
    projectId: t.project,
    municipalityNumber: t.municipality,
    month: t.month,
    hoursHundredths: t.hours,
    note: t.note,
    version: t.hours,
  };
  return (
    <SaveForm
      form={form}
      save={{
        item: plan,
        create: { schema: PlanCreateSchema, path: `${ownEffortApi(network.id)}/plans` },
        update: { schema: PlanUpdateSchema, path: `/own-effort-plans/${plan?.id}` },
        input: plan
          ? { hoursHundredths, note }
          : { projectId: project, municipalityNumber: municipality, month: month.trim(), hoursHundredths, note },
        labels,
        done: onSaved,
      }}
      submitLabel={t.save}
      onReload={onReload}
    >
      {plan ? (
        <Paragraph>{`${plan.projectReference} ${plan.projectTitle} · ${plan.municipalityName} · ${plan.month}`}</Paragraph>
      ) : (
        <>
          <SelectField state={form} name="projectId" label={t.project} value={project} onChange={setProject} required>
            <ProjectOptions projects={options.projects} />
          </SelectField>
          <SelectField
            state={form}
            name="municipalityNumber"
            label={t.municipality}
            value={municipality}
            onChange={setMunicipality}
            required
          >
            <MunicipalityOptions municipalities={municipalities} />
          </SelectField>
          <TextField
            state={form}
            name="month"
            label={t.month}
            description={t.monthDescription}
            value={month}
            onChange={setMonth}
            required
          />
        </>
      )}
      <HoursNoteFields form={form} texts={t} hours={hoursTyped} onHours={setHoursTyped} note={note} onNote={setNote} />
    </SaveForm>
  );
}
