import { Fragment, useState } from 'react';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { Alert, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
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
import { SuccessMessage, TextField } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { LoadState, ScrollRegion, Section } from '../../app/ui.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { OptionSelect } from '../../app/form-parts.tsx';
import { useHours } from '../../app/format.ts';
import { RowAction } from '../../app/table.tsx';
import { SaveForm } from '../../app/kit.tsx';
import { FinanceFrame, useFinanceYear, YearSelect } from './FinanceFrame.tsx';
import {
  actionsColumn,
  CreateButton,
  FiguresTable,
  hoursInput,
  HoursNoteFields,
  hoursText,
  municipalityOptions,
  projectOptions,
  PutValueDialog,
  RowDialogs,
  type SectionProps,
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

function CapacityTable({ network, capacity, onChanged, onReload }: SectionProps & { capacity: Capacity }) {
  const t = useCapacityMessages();
  const { lang } = useI18n();
  const hours = useHours();
  const [editing, setEditing] = useState<CapacityRow | null>(null);
  const monthName = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { month: 'short', timeZone: 'UTC' });
  const monthLabel = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));
  const caption = fmt(t.caption, { year: capacity.year });
  const anyEditable = capacity.municipalities.some((m) => m.commitment.editable);
  const exportBase = `/api${ownEffortApi(network.id)}/capacity/export?year=${capacity.year}`;
  const c = editing?.commitment;
  const status = (m: CapacityRow) =>
    m.over ? (
      <Tag data-color="danger">{fmt(t.overBy, { hours: hours(m.overBy) })}</Tag>
    ) : m.commitment.hundredths === null ? (
      <span className="dr-muted">{t.noCommitment}</span>
    ) : (
      <Tag data-color="success">{t.within}</Tag>
    );
  return (
    <Section id="capacity-table" title={t.tableHeading} className="dr-stack" size="sm">
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
        links={exportLinks((format) => `${exportBase}&format=${format}`, { xlsx: t.downloadXlsx, csv: t.downloadCsv })}
      />
      <PutValueDialog
        title={editing ? fmt(t.commitmentTitle, { municipality: editing.municipalityName, year: capacity.year }) : ''}
        form={
          c
            ? {
                schema: CommitmentInputSchema,
                path: `${ownEffortApi(network.id)}/commitments/${c.year}/${c.municipalityNumber}`,
                name: 'hoursHundredths',
                label: t.commitmentHours,
                description: t.commitmentDescription,
                initial: c.hundredths === null ? '' : hoursText(c.hundredths, lang),
                read: hoursInput,
                version: c.version,
                submitLabel: t.save,
              }
            : null
        }
        onClose={() => setEditing(null)}
        onReload={onReload}
        onSaved={() => onChanged(t.commitmentSaved)}
      />
    </Section>
  );
}

function PlansSection({ network, list, options, onChanged, onReload }: SectionProps & { list: PlanList; options: Options }) {
  const t = useCapacityMessages();
  const hours = useHours();
  const caption = fmt(t.plansCaption, { year: list.year });
  const names = (p: Plan) => ({ month: p.month, municipality: p.municipalityName, project: p.projectReference });
  const readOnly = list.writableMunicipalities.length === 0 && t.readOnly;
  return (
    <Section id="capacity-plans" title={t.plansHeading} className="dr-stack" size="sm">
      <RowDialogs<Plan>
        texts={t}
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
            {!readOnly && options.projects.length === 0 ? (
              <Paragraph data-size="sm">{t.noProjects}</Paragraph>
            ) : (
              <CreateButton label={t.plan} readOnly={readOnly} onClick={open.create} />
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
                  actionsColumn(t, open, names),
                ]}
                total={{ label: fmt(t.yearTotal, { year: list.year }), span: 3, figures: [hours(list.totalHundredths)], after: 2 }}
              />
            )}
          </>
        )}
      </RowDialogs>
    </Section>
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
  const { form, values, field } = useFormValues({
    projectId: plan?.projectId ?? options.projects[0]?.id ?? '',
    municipalityNumber: plan?.municipalityNumber ?? writable[0] ?? '',
    month: plan?.month ?? `${year}-01`,
    hoursHundredths: plan ? hoursText(plan.hundredths, lang) : '',
    note: plan?.note ?? '',
  });
  const municipalities = options.municipalities.filter((m) => writable.includes(m.number));
  const hoursNote = { hoursHundredths: hoursInput(values.hoursHundredths), note: values.note };
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
        input: plan ? hoursNote : { ...values, month: values.month.trim(), ...hoursNote },
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
          <OptionSelect {...field('projectId', t.project)} required options={projectOptions(options.projects)} />
          <OptionSelect {...field('municipalityNumber', t.municipality)} required options={municipalityOptions(municipalities)} />
          <TextField {...field('month', t.month, t.monthDescription)} required />
        </>
      )}
      <HoursNoteFields field={field} texts={t} />
    </SaveForm>
  );
}
