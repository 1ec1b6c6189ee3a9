import { useId, useState, type FormEvent } from 'react';
import { Downloads } from '../../app/downloads.tsx';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import {
  EntryCreateSchema,
  EntryUpdateSchema,
  RateInputSchema,
  type Entry,
  type EntryList,
  type ImportResult,
  type Options,
  type Rate,
  type Summary,
} from '../../../shared/finance/own-effort.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { useApi } from '../../app/api.ts';
import { SelectField, SuccessMessage, TextField, useForm } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, FilterDisclosure, LoadState, ModalDialog } from '../../app/ui.tsx';
import { SpreadsheetImport } from '../../app/SpreadsheetImport.tsx';
import { useKroner, parseWhole, useHours } from '../../app/format.ts';
import { FinanceFrame, useFinanceYear, YearSelect } from './FinanceFrame.tsx';
import {
  EditDeleteActions,
  FiguresTable,
  hoursInput,
  HoursNoteFields,
  hoursText,
  HoursValueTable,
  MunicipalityOptions,
  ProjectOptions,
  PutValueForm,
  RowDialogs,
} from './finance-parts.tsx';
import { COMMON_WORK, entriesQuery, ownEffortApi, ownEffortPath, readOwnEffortFilter, type OwnEffortFilter } from './own-effort-api.ts';
import { useOwnEffortMessages } from './own-effort-messages.ts';
import { SaveForm } from '../../app/kit.tsx';

/**
 * `/n/:slug/okonomi/egeninnsats?aar=&kommune=&prosjekt=`: the network's own effort in a year — the hourly rate (set by
 * the secretariat), the summary by municipality, project and month, the entries with filters in the address,
 * registering, changing and deleting hours, the import and the downloads.
 */
export function OwnEffortPage() {
  const t = useOwnEffortMessages();
  return <FinanceFrame title={t.title}>{(n) => <OwnEffortView network={n} />}</FinanceFrame>;
}

function OwnEffortView({ network }: { network: NetworkOverview }) {
  const t = useOwnEffortMessages();
  const [params] = useSearchParams();
  const [year, setYear] = useFinanceYear();
  const filter = { ...readOwnEffortFilter(params), year };
  const base = ownEffortApi(network.id);
  const rate = useApi<Rate>(`${base}/rates/${filter.year}`);
  const summary = useApi<Summary>(`${base}/summary?year=${filter.year}`);
  const entries = useApi<EntryList>(`${base}/entries${entriesQuery(filter)}`);
  const options = useApi<Options>(`${base}/options`);
  const [message, setMessage] = useState<string | null>(null);
  const reloadAll = () => {
    rate.reload();
    summary.reload();
    entries.reload();
  };
  return (
    <div className="dr-stack">
      <Paragraph>{t.intro}</Paragraph>
      <SuccessMessage message={message} />
      <YearSelect year={filter.year} onYear={setYear} label={t.year} />
      <LoadState loaded={rate}>
        {(r) => (
          <RateSection
            network={network}
            rate={r}
            onSaved={(saved) => {
              rate.setData(saved);
              summary.reload();
              entries.reload();
              setMessage(t.rateSaved);
            }}
            onReload={rate.reload}
          />
        )}
      </LoadState>
      <LoadState loaded={summary}>{(s) => <SummarySection network={network} summary={s} />}</LoadState>
      <LoadState loaded={options}>
        {(o) => (
          <LoadState loaded={entries}>
            {(list) => (
              <EntriesSection
                network={network}
                filter={filter}
                list={list}
                options={o}
                onChanged={(text) => {
                  reloadAll();
                  setMessage(text);
                }}
                onReload={entries.reload}
              />
            )}
          </LoadState>
        )}
      </LoadState>
      <LoadState loaded={entries}>
        {(list) =>
          list.writableMunicipalities.length > 0 && (
            <ImportSection
              network={network}
              onImported={() => {
                reloadAll();
              }}
            />
          )
        }
      </LoadState>
    </div>
  );
}

function RateSection({
  network,
  rate,
  onSaved,
  onReload,
}: {
  network: NetworkOverview;
  rate: Rate;
  onSaved: (rate: Rate) => void;
  onReload: () => void;
}) {
  const t = useOwnEffortMessages();
  const kroner = useKroner();
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="own-effort-rate" className="dr-stack">
      <Heading level={2} data-size="sm" id="own-effort-rate">
        {t.rateHeading}
      </Heading>
      {rate.rate === null ? (
        <Alert data-color="warning">
          <Paragraph>{fmt(t.noRate, { year: rate.year })}</Paragraph>
        </Alert>
      ) : (
        <Paragraph>{fmt(t.rateOf, { year: rate.year, rate: kroner(rate.rate) })}</Paragraph>
      )}
      {rate.editable ? (
        <ButtonRow>
          <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
            {rate.rate === null ? t.setRate : t.changeRate}
          </Button>
        </ButtonRow>
      ) : (
        <Paragraph data-size="sm" className="dr-muted">
          {t.rateReadOnly}
        </Paragraph>
      )}
      <ModalDialog open={open} onClose={() => setOpen(false)} title={`${rate.rate === null ? t.setRate : t.changeRate} ${rate.year}`}>
        <PutValueForm
          schema={RateInputSchema}
          path={`${ownEffortApi(network.id)}/rates/${rate.year}`}
          name="rate"
          label={t.rate}
          description={t.rateDescription}
          initial={rate.rate === null ? '' : String(rate.rate)}
          read={parseWhole}
          version={rate.version}
          submitLabel={t.save}
          onReload={() => {
            setOpen(false);
            onReload();
          }}
          onSaved={(saved: Rate) => {
            setOpen(false);
            onSaved(saved);
          }}
        />
      </ModalDialog>
    </section>
  );
}

function SummarySection({ network, summary }: { network: NetworkOverview; summary: Summary }) {
  const t = useOwnEffortMessages();
  const kroner = useKroner();
  const hours = useHours();
  const exportBase = `/api${ownEffortApi(network.id)}/summary/export?year=${summary.year}`;
  const table = (caption: string, label: string, rows: { key: string; name: string; hundredths: number; value: number }[]) => (
    <HoursValueTable
      caption={caption}
      label={label}
      rows={rows}
      total={summary.total}
      texts={{ hours: t.hours, value: t.value, total: t.total }}
      hours={hours}
      kroner={kroner}
    />
  );
  return (
    <section aria-labelledby="own-effort-summary" className="dr-stack">
      <Heading level={2} data-size="sm" id="own-effort-summary">
        {fmt(t.summaryHeading, { year: summary.year })}
      </Heading>
      <Paragraph data-testid="own-effort-total">
        {fmt(t.totalLine, { hours: hours(summary.total.hundredths), value: kroner(summary.total.value) })}
      </Paragraph>
      {table(
        fmt(t.byMunicipality, { year: summary.year }),
        t.municipality,
        summary.byMunicipality.map((m) => ({ key: m.municipalityNumber, name: m.municipalityName, ...m })),
      )}
      {table(
        fmt(t.byProject, { year: summary.year }),
        t.project,
        summary.byProject.map((p) => ({
          key: p.projectId ?? COMMON_WORK,
          name: p.projectId ? `${p.reference} ${p.title}` : t.common,
          ...p,
        })),
      )}
      {table(
        fmt(t.byMonth, { year: summary.year }),
        t.month,
        summary.byMonth.map((m) => ({ key: m.month, name: m.month, ...m })),
      )}
      <Downloads
        label={`${t.downloads}: ${fmt(t.summaryHeading, { year: summary.year })}`}
        links={[
          { href: `${exportBase}&format=xlsx`, label: t.downloadSummaryXlsx },
          { href: `${exportBase}&format=csv`, label: t.downloadSummaryCsv },
        ]}
      />
    </section>
  );
}

function EntriesSection({
  network,
  filter,
  list,
  options,
  onChanged,
  onReload,
}: {
  network: NetworkOverview;
  filter: OwnEffortFilter;
  list: EntryList;
  options: Options;
  onChanged: (message: string) => void;
  onReload: () => void;
}) {
  const t = useOwnEffortMessages();
  const kroner = useKroner();
  const hours = useHours();
  const exportBase = `/api${ownEffortApi(network.id)}/entries/export`;
  const projectName = (e: Entry) => (e.projectId ? `${e.projectReference} ${e.projectTitle}` : t.common);
  const names = (e: Entry) => ({ month: e.month, municipality: e.municipalityName });
  return (
    <section aria-labelledby="own-effort-entries" className="dr-stack">
      <Heading level={2} data-size="sm" id="own-effort-entries">
        {t.entriesHeading}
      </Heading>
      <FilterDisclosure active={[filter.municipality, filter.project].filter(Boolean).length}>
        <FilterForm key={`${filter.municipality}-${filter.project}`} network={network} filter={filter} options={options} />
      </FilterDisclosure>
      <RowDialogs<Entry>
        texts={{
          create: t.dialogCreate,
          edit: t.dialogEdit,
          deleteTitle: t.deleteTitle,
          delete: t.delete,
          saved: t.saved,
          deleted: t.deleted,
        }}
        deletePath={(e) => `/own-effort-entries/${e.id}`}
        deleteConfirm={(e) => fmt(t.deleteConfirm, { hours: hours(e.hundredths), municipality: e.municipalityName, month: e.month })}
        form={(entry, done) => (
          <EntryForm network={network} year={list.year} entry={entry} writable={list.writableMunicipalities} options={options} {...done} />
        )}
        onChanged={onChanged}
        onReload={onReload}
      >
        {(open) => (
          <>
            {list.writableMunicipalities.length > 0 ? (
              <ButtonRow>
                <Button type="button" onClick={open.create}>
                  {t.register}
                </Button>
              </ButtonRow>
            ) : (
              <Paragraph data-size="sm" className="dr-muted">
                {t.readOnly}
              </Paragraph>
            )}
            {list.entries.length === 0 ? (
              <Paragraph>{t.noEntries}</Paragraph>
            ) : (
              <FiguresTable<Entry>
                caption={fmt(t.entriesCaption, { year: list.year })}
                rows={list.entries}
                rowKey={(e) => e.id}
                columns={[
                  { heading: t.month, cell: (e) => e.month },
                  { heading: t.municipality, cell: (e) => e.municipalityName },
                  { heading: t.project, cell: projectName },
                  { heading: t.person, cell: (e) => e.personName ?? '' },
                  { heading: t.hours, cell: (e) => hours(e.hundredths), number: true },
                  { heading: t.value, cell: (e) => kroner(e.value), number: true },
                  { heading: t.note, cell: (e) => e.note ?? '' },
                  {
                    heading: t.actions,
                    cell: (e) =>
                      e.editable && (
                        <EditDeleteActions
                          edit={{ text: t.edit, label: fmt(t.editOf, names(e)), onClick: () => open.edit(e) }}
                          remove={{ text: t.delete, label: fmt(t.deleteOf, names(e)), onClick: () => open.remove(e) }}
                        />
                      ),
                  },
                ]}
                total={{ label: t.total, span: 4, figures: [hours(list.total.hundredths), kroner(list.total.value)], after: 2 }}
              />
            )}
            <Downloads
              label={`${t.downloads}: ${t.entriesHeading}`}
              links={[
                { href: `${exportBase}${entriesQuery(filter, 'xlsx')}`, label: t.downloadEntriesXlsx },
                { href: `${exportBase}${entriesQuery(filter, 'csv')}`, label: t.downloadEntriesCsv },
              ]}
            />
          </>
        )}
      </RowDialogs>
    </section>
  );
}

function FilterForm({ network, filter, options }: { network: NetworkOverview; filter: OwnEffortFilter; options: Options }) {
  const t = useOwnEffortMessages();
  const navigate = useNavigate();
  const municipalityId = useId();
  const projectId = useId();
  const [municipality, setMunicipality] = useState(filter.municipality);
  const [project, setProject] = useState(filter.project);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(ownEffortPath(network.slug, { year: filter.year, municipality, project }));
  };
  return (
    <form onSubmit={submit} aria-labelledby="own-effort-filter">
      <Heading level={3} data-size="xs" id="own-effort-filter">
        {t.filterHeading}
      </Heading>
      <div className="dr-toolbar">
        <Field>
          <Label htmlFor={municipalityId}>{t.municipality}</Label>
          <Select id={municipalityId} value={municipality} onChange={(e) => setMunicipality(e.target.value)}>
            <Select.Option value="">{t.allMunicipalities}</Select.Option>
            <MunicipalityOptions municipalities={options.municipalities} />
          </Select>
        </Field>
        <Field>
          <Label htmlFor={projectId}>{t.project}</Label>
          <Select id={projectId} value={project} onChange={(e) => setProject(e.target.value)}>
            <Select.Option value="">{t.allProjects}</Select.Option>
            <Select.Option value={COMMON_WORK}>{t.common}</Select.Option>
            <ProjectOptions projects={options.projects} />
          </Select>
        </Field>
        <Button type="submit" variant="secondary">
          {t.filter}
        </Button>
      </div>
    </form>
  );
}

/** Registers hours, or changes an entry: month, municipality (of those the user may write), project, person, hours, note. */
function EntryForm({
  network,
  year,
  entry,
  writable,
  options,
  onSaved,
  onReload,
}: {
  network: NetworkOverview;
  year: number;
  entry: Entry | null;
  writable: string[];
  options: Options;
  onSaved: (entry: Entry) => void;
  onReload: () => void;
}) {
  const t = useOwnEffortMessages();
  const { lang } = useI18n();
  const form = useForm();
  const [month, setMonth] = useState(entry?.month ?? `${year}-01`);
  const [municipality, setMunicipality] = useState(entry?.municipalityNumber ?? writable[0] ?? '');
  const [project, setProject] = useState(entry?.projectId ?? '');
  const [person, setPerson] = useState(entry?.personId ?? '');
  const [hoursTyped, setHoursTyped] = useState(entry ? hoursText(entry.hundredths, lang) : '');
  const [note, setNote] = useState(entry?.note ?? '');
  const municipalities = options.municipalities.filter((m) => writable.includes(m.number) || m.number === entry?.municipalityNumber);
  const people = options.people.filter((p) => p.municipalityNumbers.includes(municipality));
  const labels = {
    month: t.month,
    municipalityNumber: t.municipality,
    projectId: t.project,
    personId: t.person,
    hoursHundredths: t.hours,
    note: t.note,
    version: t.month,
  };
  const input = {
    month: month.trim(),
    municipalityNumber: municipality,
    projectId: project || null,
    personId: person || null,
    hoursHundredths: hoursInput(hoursTyped),
    note,
  };
  return (
    <SaveForm
      form={form}
      save={{
        item: entry,
        create: { schema: EntryCreateSchema, path: `${ownEffortApi(network.id)}/entries` },
        update: { schema: EntryUpdateSchema, path: `/own-effort-entries/${entry?.id}` },
        input,
        labels,
        done: onSaved,
      }}
      submitLabel={t.save}
      onReload={onReload}
    >
      <TextField state={form} name="month" label={t.month} description={t.monthDescription} value={month} onChange={setMonth} required />
      <SelectField
        state={form}
        name="municipalityNumber"
        label={t.municipality}
        value={municipality}
        onChange={(value) => {
          setMunicipality(value);
          setPerson('');
        }}
        required
      >
        <MunicipalityOptions municipalities={municipalities} />
      </SelectField>
      <SelectField state={form} name="projectId" label={t.project} value={project} onChange={setProject}>
        <Select.Option value="">{t.common}</Select.Option>
        <ProjectOptions projects={options.projects} />
      </SelectField>
      <SelectField state={form} name="personId" label={t.person} description={t.personDescription} value={person} onChange={setPerson}>
        <Select.Option value="">{t.noPerson}</Select.Option>
        {people.map((p) => (
          <Select.Option key={p.id} value={p.id}>
            {p.name}
          </Select.Option>
        ))}
      </SelectField>
      <HoursNoteFields form={form} texts={t} hours={hoursTyped} onHours={setHoursTyped} note={note} onNote={setNote} />
    </SaveForm>
  );
}

/** The import on the kit's import screen: all or nothing, every bad row listed when refused. */
function ImportSection({ network, onImported }: { network: NetworkOverview; onImported: () => void }) {
  const t = useOwnEffortMessages();
  const kroner = useKroner();
  const hours = useHours();
  const { number } = useI18n();
  return (
    <section aria-labelledby="own-effort-import" className="dr-stack">
      <Heading level={2} data-size="sm" id="own-effort-import">
        {t.importHeading}
      </Heading>
      <SpreadsheetImport<ImportResult>
        path={`${ownEffortApi(network.id)}/import`}
        csv
        intro={<Paragraph data-size="sm">{t.importIntro}</Paragraph>}
        texts={{
          file: t.importFile,
          noFile: t.noFile,
          wrongType: t.wrongType,
          upload: t.importButton,
          uploading: t.importing,
          refused: t.refused,
          problemsCaption: t.problemsCaption,
          sheet: t.sheet,
          row: t.row,
          column: t.column,
          reason: t.reason,
          wholeRow: t.wholeRow,
        }}
        imported={(result) => ({
          heading: fmt(t.imported, { count: number(result.created), hours: hours(result.hundredths), value: kroner(result.value) }),
        })}
        onImported={onImported}
      />
    </section>
  );
}
