import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { api, ApiError, asApiError, query } from './api.ts';
import { FailureAlert } from './forms.tsx';
import { fmt, useI18n } from './i18n/index.tsx';
import { ButtonRow } from './ui.tsx';
import { DataTable } from './table.tsx';

/**
 * The one spreadsheet-import screen (mapping, budget, own effort): the template link, the upload, its progress, and
 * what happened — the summary of what changed, or, since an import is all or nothing, every problem the server
 * listed (422) and that nothing was changed. The outcome's heading takes focus, so a screen reader hears it at once.
 * The words are the feature's.
 */
export interface ImportTexts {
  file: string;
  fileDescription?: string;
  noFile: string;
  wrongType: string;
  upload: string;
  uploading: string;
  /** The refusal's heading («Filen ble ikke importert: ingenting ble endret»). */
  refused: string;
  /** «{count} problemer …», under the refusal's heading. */
  problemsSummary?: string;
  problemsCaption: string;
  sheet: string;
  row: string;
  column: string;
  reason: string;
  wholeRow: string;
}

type Problem = ApiError['problems'][number];
type Outcome<R> = { kind: 'imported'; result: R } | { kind: 'refused'; problems: Problem[]; fileName: string };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Uploads the file as the raw request body (its name in the query), as the import routes expect. */
export function uploadFile<R>(path: string, file: File): Promise<R> {
  const contentType = file.name.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : 'text/csv';
  return api<R>(`${path}${query({ fileName: file.name })}`, { method: 'POST', file: { data: file, contentType } });
}

export function SpreadsheetImport<R>({
  path,
  csv = false,
  texts,
  intro,
  template,
  imported,
  onImported,
}: {
  /** The import route (POST, the file as the body). */
  path: string;
  /** Whether CSV is taken besides XLSX. */
  csv?: boolean;
  texts: ImportTexts;
  intro?: ReactNode;
  template?: { href: string; label: string };
  /** The summary of what changed: the heading, and what more to show under it. */
  imported: (result: R) => { heading: ReactNode; body?: ReactNode };
  onImported?: (result: R) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome<R> | null>(null);
  const extensions = csv ? /\.(csv|xlsx)$/i : /\.xlsx$/i;
  const accept = csv ? `.csv,.xlsx,text/csv,${XLSX_TYPE}` : `.xlsx,${XLSX_TYPE}`;

  const upload = async () => {
    const file = input.current?.files?.[0];
    setOutcome(null);
    setFailure(null);
    if (!file || !extensions.test(file.name)) {
      setFileError(file ? texts.wrongType : texts.noFile);
      input.current?.focus();
      return;
    }
    setFileError(null);
    setBusy(true);
    try {
      const result = await uploadFile<R>(path, file);
      setOutcome({ kind: 'imported', result });
      if (input.current) input.current.value = '';
      onImported?.(result);
    } catch (error) {
      // 422 lists every bad row of the file; nothing was changed.
      if (error instanceof ApiError && error.problems.length > 0)
        setOutcome({ kind: 'refused', problems: error.problems, fileName: file.name });
      else setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dr-stack">
      {intro}
      {template && (
        <Paragraph>
          <a href={template.href} download>
            {template.label}
          </a>
        </Paragraph>
      )}
      <form
        className="dr-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <FailureAlert error={failure} />
        <Field>
          <Label htmlFor={inputId}>{texts.file}</Label>
          {texts.fileDescription && <Field.Description>{texts.fileDescription}</Field.Description>}
          <Input
            ref={input}
            id={inputId}
            type="file"
            accept={accept}
            aria-invalid={fileError ? true : undefined}
            onChange={() => setFileError(null)}
          />
          {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
        </Field>
        <ButtonRow>
          <Button type="submit" disabled={busy} aria-disabled={busy || undefined}>
            {busy ? texts.uploading : texts.upload}
          </Button>
        </ButtonRow>
      </form>
      {outcome && <ImportOutcome outcome={outcome} texts={texts} imported={imported} />}
    </div>
  );
}

function ImportOutcome<R>({
  outcome,
  texts,
  imported,
}: {
  outcome: Outcome<R>;
  texts: ImportTexts;
  imported: (result: R) => { heading: ReactNode; body?: ReactNode };
}) {
  const { number } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [outcome]);

  if (outcome.kind === 'imported') {
    const summary = imported(outcome.result);
    return (
      <Alert data-color="success">
        <Heading level={3} data-size="xs" tabIndex={-1} ref={heading}>
          {summary.heading}
        </Heading>
        {summary.body}
      </Alert>
    );
  }
  return (
    <div className="dr-stack">
      <Alert data-color="danger">
        <Heading level={3} data-size="xs" tabIndex={-1} ref={heading}>
          {texts.refused}
        </Heading>
        {texts.problemsSummary && <Paragraph>{fmt(texts.problemsSummary, { count: number(outcome.problems.length) })}</Paragraph>}
      </Alert>
      <ImportProblems problems={outcome.problems} caption={`${texts.problemsCaption} (${outcome.fileName})`} texts={texts} />
    </div>
  );
}

/** Every problem of a refused import, by sheet, row and column, in a table that scrolls on its own on a phone. */
export function ImportProblems({
  problems,
  caption,
  texts,
}: {
  problems: readonly Problem[];
  caption: string;
  texts: Pick<ImportTexts, 'sheet' | 'row' | 'column' | 'reason' | 'wholeRow'>;
}) {
  // A CSV file has no sheets: the column is left out when no problem names one.
  const showSheet = problems.some((p) => p.sheet !== '');
  return (
    <DataTable caption={caption} columns={[showSheet && texts.sheet, texts.row, texts.column, texts.reason]} size="sm">
      {problems.map((p, i) => (
        <Table.Row key={`${p.sheet}-${p.row}-${p.column ?? ''}-${i}`}>
          {showSheet && <Table.Cell>{p.sheet}</Table.Cell>}
          {/* An OParl object has no row: its problem names it by URL in the sheet column. */}
          <Table.Cell>{p.row || ''}</Table.Cell>
          <Table.Cell>{p.column ?? texts.wholeRow}</Table.Cell>
          <Table.Cell>{p.message}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}
