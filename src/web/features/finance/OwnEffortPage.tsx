import { useState, type FormEvent } from 'react';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Heading, Paragraph, Select } from '@digdir/designsystemet-react';
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
import { FilterSelect, SelectField, SuccessMessage, TextField } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, FilterDisclosure, LoadState, Section } from '../../app/ui.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { OptionSelect } from '../../app/form-parts.tsx';
import { SpreadsheetImport } from '../../app/SpreadsheetImport.tsx';
import { useKroner, parseWhole, useHours } from '../../app/format.ts';
import { FinanceFrame, useFinanceYear, YearSelect } from './FinanceFrame.tsx';
import {
  actionsColumn,
  CreateButton,
  FiguresTable,
  hoursInput,
  HoursNoteFields,
  hoursText,
  HoursValueTable,
  municipalityOptions,
  projectOptions,
  PutValueDialog,
  RowDialogs,
  type SectionProps,
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
}: Pick<SectionProps, 'network' | 'onReload'> & { rate: Rate; onSaved: (rate: Rate) => void }) {
  const t = useOwnEffortMessages();
  const kroner = useKroner();
  const [open, setOpen] = useState(false);
  return (
    <Section id="own-effort-rate" title={t.rateHeading} className="dr-stack" size="sm">
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
      <PutValueDialog
        title={`${rate.rate === null ? t.setRate : t.changeRate} ${rate.year}`}
        form={
          open
            ? {
                schema: RateInputSchema,
                path: `${ownEffortApi(network.id)}/rates/${rate.year}`,
                name: 'rate',
                label: t.rate,
                description: t.rateDescription,
                initial: rate.rate === null ? '' : String(rate.rate),
                read: parseWhole,
                version: rate.version,
                submitLabel: t.save,
              }
            : null
        }
        onClose={() => setOpen(false)}
        onReload={onReload}
        onSaved={onSaved}
      />
    </Section>
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
    <Section id="own-effort-summary" title={fmt(t.summaryHeading, { year: summary.year })} className="dr-stack" size="sm">
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
        links={exportLinks((format) => `${exportBase}&format=${format}`, { xlsx: t.downloadSummaryXlsx, csv: t.downloadSummaryCsv })}
      />
    </Section>
  );
}

function EntriesSection({
  network,
  filter,
  list,
  options,
  onChanged,
  onReload,
}: SectionProps & { filter: OwnEffortFilter; list: EntryList; options: Options }) {
  const t = useOwnEffortMessages();
  const kroner = useKroner();
  const hours = useHours();
  const exportBase = `/api${ownEffortApi(network.id)}/entries/export`;
  const projectName = (e: Entry) => (e.projectId ? `${e.projectReference} ${e.projectTitle}` : t.common);
  const names = (e: Entry) => ({ month: e.month, municipality: e.municipalityName });
  return (
    <Section id="own-effort-entries" title={t.entriesHeading} className="dr-stack" size="sm">
      <FilterDisclosure active={[filter.municipality, filter.project].filter(Boolean).length}>
        <FilterForm key={`${filter.municipality}-${filter.project}`} network={network} filter={filter} options={options} />
      </FilterDisclosure>
      <RowDialogs<Entry>
        texts={t}
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
            <CreateButton label={t.register} readOnly={list.writableMunicipalities.length === 0 && t.readOnly} onClick={open.create} />
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
                  actionsColumn(t, open, names),
                ]}
                total={{ label: t.total, span: 4, figures: [hours(list.total.hundredths), kroner(list.total.value)], after: 2 }}
              />
            )}
            <Downloads
              label={`${t.downloads}: ${t.entriesHeading}`}
              links={exportLinks((format) => `${exportBase}${entriesQuery(filter, format)}`, {
                xlsx: t.downloadEntriesXlsx,
                csv: t.downloadEntriesCsv,
              })}
            />
          </>
        )}
      </RowDialogs>
    </Section>
  );
}

function FilterForm({ network, filter, options }: { network: NetworkOverview; filter: OwnEffortFilter; options: Options }) {
  const t = useOwnEffortMessages();
  const navigate = useNavigate();
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
        <FilterSelect
          label={t.municipality}
          value={municipality}
          onChange={setMunicipality}
          all={t.allMunicipalities}
          options={municipalityOptions(options.municipalities)}
        />
        <FilterSelect
          label={t.project}
          value={project}
          onChange={setProject}
          all={t.allProjects}
          options={[{ value: COMMON_WORK, label: t.common }, ...projectOptions(options.projects)]}
        />
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
  const { form, values, set, field } = useFormValues({
    month: entry?.month ?? `${year}-01`,
    municipalityNumber: entry?.municipalityNumber ?? writable[0] ?? '',
    projectId: entry?.projectId ?? '',
    personId: entry?.personId ?? '',
    hoursHundredths: entry ? hoursText(entry.hundredths, lang) : '',
    note: entry?.note ?? '',
  });
  const municipalities = options.municipalities.filter((m) => writable.includes(m.number) || m.number === entry?.municipalityNumber);
  const people = options.people.filter((p) => p.municipalityNumbers.includes(values.municipalityNumber));
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
    ...values,
    month: values.month.trim(),
    projectId: values.projectId || null,
    personId: values.personId || null,
    hoursHundredths: hoursInput(values.hoursHundredths),
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
      <TextField {...field('month', t.month, t.monthDescription)} required />
      <OptionSelect
        {...field('municipalityNumber', t.municipality)}
        onChange={(municipalityNumber) => set({ municipalityNumber, personId: '' })}
        required
        options={municipalityOptions(municipalities)}
      />
      <OptionSelect {...field('projectId', t.project)} empty={t.common} options={projectOptions(options.projects)} />
      <SelectField {...field('personId', t.person, t.personDescription)}>
        <Select.Option value="">{t.noPerson}</Select.Option>
        {people.map((p) => (
          <Select.Option key={p.id} value={p.id}>
            {p.name}
          </Select.Option>
        ))}
      </SelectField>
      <HoursNoteFields field={field} texts={t} />
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
    <Section id="own-effort-import" title={t.importHeading} className="dr-stack" size="sm">
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
    </Section>
  );
}
