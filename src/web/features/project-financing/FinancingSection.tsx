import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Details, Fieldset, Heading, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { SPLIT_METHODS, type SplitMethod } from '../../../shared/finance/cost-split.ts';
import {
  basisPointsToPercent,
  FINANCING_SOURCE_KINDS,
  FinancingInputSchema,
  percentToBasisPoints,
  type CostSplit,
  type FinancingSourceKind,
  type ProjectFinancing,
} from '../../../shared/finance/project-financing.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';
import { useApi } from '../../app/api.ts';
import { SuccessMessage, TextField, useForm } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, LoadState, ModalDialog, ScrollRegion, Section } from '../../app/ui.tsx';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { RadioGroup } from '../../app/fields.tsx';
import { dialogHandlers, OptionSelect, optionsOf, sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { useFinancingMessages, type FinancingMessages } from './messages.ts';
import { OwnEffortPart } from './OwnEffortPart.tsx';
import './financing.css';
import { RowAction } from '../../app/table.tsx';
import type { DialogFormProps } from '../../app/kit.tsx';

const financingPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/financing`;
const exportUrl = (projectId: string, format: 'xlsx' | 'csv') => `/api${financingPath(projectId)}/split/export?format=${format}`;
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Whole kroner as written in Norway: «1 200 000 kr». */
function useKroner(): (amount: number) => string {
  const { number } = useI18n();
  return (amount) => `${number(amount)} kr`;
}

/**
 * «Finansiering» on the project page: the sources and the cost total, the split of the municipalities' part among the
 * municipalities taking part with its total, the earlier splits, and for the secretariat the dialog that changes it.
 * The split follows the participants: when they change on the page, the section loads again.
 */
export function FinancingSection({ project }: { project: Project }) {
  const t = useFinancingMessages();
  const kroner = useKroner();
  const loaded = useApi<ProjectFinancing>(financingPath(project.id));
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const taking = project.participants
    .filter((p) => p.participation === 'in')
    .map((p) => p.municipalityNumber)
    .join(',');
  const seen = useRef(taking);
  const { reload } = loaded;
  useEffect(() => {
    if (seen.current === taking) return;
    seen.current = taking;
    reload();
  }, [taking, reload]);

  return (
    <Section id="project-financing" title={t.heading}>
      <Paragraph data-size="sm">{t.intro}</Paragraph>
      <SuccessMessage message={status} />
      <LoadState loaded={loaded}>
        {(data) => (
          <>
            {data.financing === null ? (
              <Paragraph>{t.none}</Paragraph>
            ) : (
              <>
                <FiguresWithTotal
                  caption={fmt(t.sourcesCaption, { reference: project.reference })}
                  columns={[
                    { heading: t.name, cell: (s) => s.name },
                    { heading: t.kind, cell: (s) => t.kinds[s.kind] },
                    { heading: t.amount, cell: (s) => kroner(s.amount), figure: true },
                  ]}
                  rows={data.financing.sources}
                  total={{ label: t.costTotal, figure: kroner(data.financing.costTotal) }}
                />
                <Heading level={3} data-size="xs">
                  {t.splitHeading}
                </Heading>
                <Paragraph data-size="sm">
                  {fmt(t.splitIntro, { amount: kroner(data.financing.municipalitiesAmount), method: t.methods[data.financing.method] })}
                </Paragraph>
                {data.current && (
                  <SplitTable project={project} split={data.current} caption={fmt(t.splitCaption, { reference: project.reference })} />
                )}
                <Downloads links={exportLinks((format) => exportUrl(project.id, format), { xlsx: t.downloadXlsx, csv: t.downloadCsv })} />
                {data.history.length > 0 && <History project={project} history={data.history} />}
              </>
            )}
            {data.editable && (
              <ButtonRow>
                <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
                  {data.financing ? t.edit : t.set}
                </Button>
              </ButtonRow>
            )}
            <ModalDialog open={editing} onClose={() => setEditing(false)} title={t.dialogTitle}>
              <FinancingForm
                project={project}
                current={data}
                {...dialogHandlers<ProjectFinancing>(
                  () => setEditing(false),
                  loaded.reload,
                  (answer) => {
                    loaded.setData(answer);
                    setStatus(t.saved);
                  },
                )}
              />
            </ModalDialog>
          </>
        )}
      </LoadState>
      <OwnEffortPart project={project} />
    </Section>
  );
}

function reasonOf(t: FinancingMessages, split: CostSplit): string {
  return fmt(t.reasons[split.reason], { name: split.municipality?.name ?? '' });
}

/** One split: a row per municipality and the total, with why, when and by whom it was computed. */
function SplitTable({ project, split, caption }: { project: Project; split: CostSplit; caption: string }) {
  const t = useFinancingMessages();
  const kroner = useKroner();
  const { number, dateTime, lang } = useI18n();
  const agreed = split.method === 'agreed';
  const when = dateTime(split.computedAt);
  return (
    <>
      <Paragraph data-size="sm" className="dr-muted">
        {split.computedBy
          ? fmt(t.computed, { reason: reasonOf(t, split), when, who: split.computedBy })
          : fmt(t.computedBySystem, { reason: reasonOf(t, split), when })}
      </Paragraph>
      {split.lines.length === 0 ? (
        <Paragraph>{t.noParticipants}</Paragraph>
      ) : (
        <FiguresWithTotal
          caption={caption}
          project={project.id}
          columns={[
            { heading: t.municipality, cell: (line) => `${line.municipalityName} (${line.municipalityNumber})` },
            { heading: t.population, cell: (line) => number(line.population), figure: true },
            ...(agreed
              ? [
                  {
                    heading: t.share,
                    cell: (line: CostSplit['lines'][number]) =>
                      `${basisPointsToPercent(line.basisPoints ?? 0, lang === 'en' ? '.' : ',')} %`,
                    figure: true,
                  },
                ]
              : []),
            { heading: t.amount, cell: (line) => kroner(line.amount), figure: true },
          ]}
          rows={split.lines}
          total={{ label: t.total, figure: kroner(split.lines.reduce((a, l) => a + l.amount, 0)) }}
        />
      )}
    </>
  );
}

/**
 * A table of figures whose last row is their total in bold; the first column names the row, and a `figure` column is
 * aligned to the right. `project` marks the table as the project's split.
 */
function FiguresWithTotal<T>({
  caption,
  project,
  columns,
  rows,
  total,
}: {
  caption: string;
  project?: string;
  columns: { heading: string; cell: (row: T) => ReactNode; figure?: boolean }[];
  rows: readonly T[];
  total: { label: string; figure: string };
}) {
  const [first, ...rest] = columns;
  const figure = (column: { figure?: boolean }) => (column.figure ? 'dr-project-number' : undefined);
  return (
    <ScrollRegion label={caption}>
      <Table zebra data-project={project}>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {columns.map((c) => (
              <Table.HeaderCell key={c.heading} scope="col" className={figure(c)}>
                {c.heading}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row, i) => (
            <Table.Row key={i}>
              <Table.HeaderCell scope="row">{first?.cell(row)}</Table.HeaderCell>
              {rest.map((c) => (
                <Table.Cell key={c.heading} className={figure(c)}>
                  {c.cell(row)}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
          <Table.Row>
            <Table.HeaderCell scope="row">{total.label}</Table.HeaderCell>
            {rest.slice(1).map((c) => (
              <Table.Cell key={c.heading} />
            ))}
            <Table.Cell className="dr-project-number">
              <strong>{total.figure}</strong>
            </Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

/** The earlier splits, newest first, folded away. */
function History({ project, history }: { project: Project; history: CostSplit[] }) {
  const t = useFinancingMessages();
  const { dateTime } = useI18n();
  return (
    <Details>
      <Details.Summary>{fmt(t.historyHeading, { count: history.length })}</Details.Summary>
      <Details.Content>
        <div className="dr-stack">
          {history.map((split) => (
            <SplitTable
              key={split.id}
              project={project}
              split={split}
              caption={fmt(t.historyCaption, { when: dateTime(split.computedAt) })}
            />
          ))}
        </div>
      </Details.Content>
    </Details>
  );
}

interface SourceDraft {
  kind: FinancingSourceKind;
  name: string;
  amount: string;
}

/** «1 200 000» or «1200000» as a number; anything else is sent as it is, so the check names the field. */
const amountOf = (text: string): number | string => {
  const compact = text.replace(/[\s\u00a0]/g, '');
  return /^\d+$/.test(compact) ? Number(compact) : text;
};

/** The whole financing in one form: the total, the sources as a list, the method and, when agreed, the percentages. */
function FinancingForm({
  project,
  current,
  onSaved,
  onCancel,
  onReload,
}: DialogFormProps<ProjectFinancing> & {
  project: Project;
  current: ProjectFinancing;
}) {
  const t = useFinancingMessages();
  const { lang } = useI18n();
  const form = useForm();
  const f = current.financing;
  const participants = project.participants.filter((p) => p.participation === 'in');
  const [costTotal, setCostTotal] = useState(f ? String(f.costTotal) : '');
  const [method, setMethod] = useState<SplitMethod>(f?.method ?? 'population');
  const [sources, setSources] = useState<SourceDraft[]>(
    f
      ? f.sources.map((s) => ({ kind: s.kind, name: s.name, amount: String(s.amount) }))
      : [{ kind: 'municipalities', name: '', amount: '' }],
  );
  const [percents, setPercents] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      participants.map((p) => {
        const agreed = f?.percentages.find((x) => x.municipalityNumber === p.municipalityNumber);
        return [p.municipalityNumber, agreed ? basisPointsToPercent(agreed.basisPoints, lang === 'en' ? '.' : ',') : ''];
      }),
    ),
  );
  const setSource = (i: number, patch: Partial<SourceDraft>) => setSources((all) => all.map((s, j) => (i === j ? { ...s, ...patch } : s)));
  // A source's field is named by its number: «Kilde 2: beløp».
  const sourceLabel = (i: number, key: keyof SourceDraft) =>
    fmt({ kind: t.sourceKind, name: t.sourceName, amount: t.sourceAmount }[key], { n: i + 1 });
  const percentLabel = (p: (typeof participants)[number]) => fmt(t.percentFor, { name: p.municipalityName });
  // A source's text field, named by its path in the body (`sources.0.name`) as the server names it in its errors.
  const sourceField = (i: number, key: 'name' | 'amount') => ({
    state: form,
    name: `sources.${i}.${key}`,
    label: sourceLabel(i, key),
    value: sources[i]?.[key] ?? '',
    onChange: (value: string) => setSource(i, { [key]: value }),
  });

  const labelled: [string, string][] = [
    ['costTotal', t.costTotalField],
    ['method', t.method],
    ['sources', t.sources],
    ['percentages', t.percentages],
    ...sources.flatMap((_, i) =>
      (['kind', 'name', 'amount'] as const).map((key): [string, string] => [`sources.${i}.${key}`, sourceLabel(i, key)]),
    ),
    ...participants.map((p, i): [string, string] => [`percentages.${i}.basisPoints`, percentLabel(p)]),
  ];
  const labels = Object.fromEntries(labelled);
  const input = {
    costTotal: costTotal.trim() === '' ? undefined : amountOf(costTotal),
    method,
    percentages:
      method === 'agreed'
        ? participants.map((p) => {
            const text = percents[p.municipalityNumber] ?? '';
            return {
              municipalityNumber: p.municipalityNumber,
              basisPoints: text.trim() === '' ? undefined : (percentToBasisPoints(text) ?? text),
            };
          })
        : [],
    sources: sources.map((s) => ({ kind: s.kind, name: s.name, amount: s.amount.trim() === '' ? undefined : amountOf(s.amount) })),
    ...(f ? { version: f.version } : {}),
  };
  const percentField = (p: (typeof participants)[number], i: number) => ({
    state: form,
    name: `percentages.${i}.basisPoints`,
    label: percentLabel(p),
    value: percents[p.municipalityNumber] ?? '',
    onChange: (value: string) => setPercents((all) => ({ ...all, [p.municipalityNumber]: value })),
  });
  const percentagesError = form.errors.percentages;

  return (
    <SubmitForm
      form={form}
      submit={{
        schema: FinancingInputSchema,
        input,
        labels,
        send: sendTo<ProjectFinancing>(financingPath(project.id), 'PUT'),
        done: onSaved,
      }}
      submitLabel={t.save}
      onCancel={onCancel}
      onReload={onReload}
    >
      <TextField state={form} name="costTotal" label={t.costTotalField} value={costTotal} onChange={setCostTotal} required />
      <Fieldset id={form.id('sources')} tabIndex={-1} aria-describedby={form.errors.sources ? `${form.id('sources')}-error` : undefined}>
        <Fieldset.Legend>{t.sources}</Fieldset.Legend>
        <Fieldset.Description>{t.sourcesDescription}</Fieldset.Description>
        {sources.map((s, i) => (
          <div key={i} className="dr-toolbar dr-financing-source">
            <OptionSelect
              state={form}
              name={`sources.${i}.kind`}
              label={sourceLabel(i, 'kind')}
              value={s.kind}
              onChange={(v) => setSource(i, { kind: FINANCING_SOURCE_KINDS.find((k) => k === v) ?? 'other' })}
              required
              options={optionsOf(FINANCING_SOURCE_KINDS, t.kinds)}
            />
            <TextField {...sourceField(i, 'name')} required />
            <TextField {...sourceField(i, 'amount')} required />
            {sources.length > 1 && (
              <RowAction danger onClick={() => setSources((all) => all.filter((_, j) => j !== i))}>
                {fmt(t.removeSource, { n: i + 1 })}
              </RowAction>
            )}
          </div>
        ))}
        {form.errors.sources && <ValidationMessage id={`${form.id('sources')}-error`}>{form.errors.sources}</ValidationMessage>}
        <div>
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => setSources((all) => [...all, { kind: 'grant', name: '', amount: '' }])}
          >
            {t.addSource}
          </Button>
        </div>
      </Fieldset>
      <RadioGroup
        form={form}
        name="method"
        legend={t.method}
        options={SPLIT_METHODS.map((value) => ({ value, label: capitalized(t.methods[value]) }))}
        value={method}
        onChange={setMethod}
      />
      {method === 'agreed' && (
        <Fieldset
          id={form.id('percentages')}
          tabIndex={-1}
          aria-describedby={percentagesError ? `${form.id('percentages')}-error` : undefined}
        >
          <Fieldset.Legend>{t.percentages}</Fieldset.Legend>
          <Fieldset.Description>{t.percentagesDescription}</Fieldset.Description>
          <div className="dr-toolbar">
            {participants.map((p, i) => (
              <TextField key={p.municipalityNumber} {...percentField(p, i)} required />
            ))}
          </div>
          {percentagesError && <ValidationMessage id={`${form.id('percentages')}-error`}>{percentagesError}</ValidationMessage>}
        </Fieldset>
      )}
    </SubmitForm>
  );
}
