import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import type { ImportProblem, ImportResult } from '../../../shared/mapping/schema.ts';
import { asApiError, type ApiError } from '../../app/api.ts';
import { FailureAlert } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, ScrollRegion } from '../../app/ui.tsx';
import { ImportRefused, uploadSpreadsheet, XLSX_ACCEPT } from './mapping-api.ts';
import { useMappingMessages } from './messages.ts';

type Outcome =
  { kind: 'imported'; result: ImportResult; fileName: string } | { kind: 'refused'; problems: ImportProblem[]; fileName: string };

/**
 * Uploads a filled-in template to `path` and shows what happened: the counts when the file was imported,
 * or every problem with «Ingenting ble endret» when it was refused, since an import is all or nothing.
 * The outcome's heading takes focus, so a screen reader user hears the result at once.
 */
export function SpreadsheetImport({ path, onImported }: { path: string; onImported?: (result: ImportResult) => void }) {
  const t = useMappingMessages();
  const s = t.spreadsheet;
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const upload = async () => {
    const file = input.current?.files?.[0];
    setOutcome(null);
    setFailure(null);
    if (!file) {
      setFileError(s.noFile);
      input.current?.focus();
      return;
    }
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      setFileError(s.wrongType);
      input.current?.focus();
      return;
    }
    setFileError(null);
    setBusy(true);
    try {
      const result = await uploadSpreadsheet(path, file);
      setOutcome({ kind: 'imported', result, fileName: file.name });
      if (input.current) input.current.value = '';
      onImported?.(result);
    } catch (error) {
      if (error instanceof ImportRefused) setOutcome({ kind: 'refused', problems: error.problems, fileName: file.name });
      else setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dr-stack">
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
          <Label htmlFor={inputId}>{s.upload}</Label>
          <Field.Description>{s.uploadDescription}</Field.Description>
          <Input
            ref={input}
            id={inputId}
            type="file"
            accept={XLSX_ACCEPT}
            aria-invalid={fileError ? true : undefined}
            onChange={() => setFileError(null)}
          />
          {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
        </Field>
        <ButtonRow>
          <Button type="submit" disabled={busy} aria-disabled={busy || undefined}>
            {busy ? s.uploading : s.uploadButton}
          </Button>
        </ButtonRow>
      </form>
      {outcome && <ImportOutcome outcome={outcome} />}
    </div>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const { number } = useI18n();
  const t = useMappingMessages();
  const s = t.spreadsheet;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [outcome]);

  if (outcome.kind === 'imported') {
    const r = outcome.result;
    return (
      <Alert data-color="success">
        <Heading level={3} data-size="xs" tabIndex={-1} ref={heading}>
          {s.successHeading}
        </Heading>
        <ScrollRegion label={s.resultCaption}>
          <Table data-size="sm">
            <caption>{s.resultCaption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{s.what}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{s.created}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{s.updated}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{s.unchanged}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {(
                [
                  [s.applicationsRow, r.applications],
                  [s.adoptionsRow, r.adoptions],
                ] as const
              ).map(([label, counts]) => (
                <Table.Row key={label}>
                  <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
                  <Table.Cell>{number(counts.created)}</Table.Cell>
                  <Table.Cell>{number(counts.updated)}</Table.Cell>
                  <Table.Cell>{number(counts.unchanged)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
        <Paragraph>{fmt(s.productsCreated, { count: number(r.productsCreated) })}</Paragraph>
      </Alert>
    );
  }

  return (
    <div className="dr-stack">
      <Alert data-color="danger">
        <Heading level={3} data-size="xs" tabIndex={-1} ref={heading}>
          {s.failedHeading}: {s.nothingChanged}
        </Heading>
        <Paragraph>{fmt(s.problemsSummary, { count: number(outcome.problems.length) })}</Paragraph>
      </Alert>
      <ScrollRegion label={`${s.problemsCaption} (${outcome.fileName})`}>
        <Table zebra data-size="sm">
          <caption>{`${s.problemsCaption} (${outcome.fileName})`}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{s.sheet}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{s.row}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{s.column}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{s.reason}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {outcome.problems.map((p, i) => (
              <Table.Row key={`${p.sheet}-${p.row}-${p.column ?? ''}-${i}`}>
                <Table.Cell>{p.sheet}</Table.Cell>
                <Table.Cell>{p.row}</Table.Cell>
                <Table.Cell>{p.column ?? s.wholeRow}</Table.Cell>
                <Table.Cell>{p.message}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
    </div>
  );
}
