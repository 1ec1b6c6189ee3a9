import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import type { Budget, BudgetImportResult } from '../../../shared/finance/budget.ts';
import { api, ApiError, asApiError, query } from '../../app/api.ts';
import { FailureAlert } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, ScrollRegion } from '../../app/ui.tsx';
import { useKroner } from '../strategy/messages.ts';
import { useBudgetMessages } from './budget-messages.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ACCEPT = `.csv,.xlsx,text/csv,${XLSX_TYPE}`;

type Problem = ApiError['problems'][number];
type Outcome = { kind: 'imported'; result: BudgetImportResult } | { kind: 'refused'; problems: Problem[]; fileName: string };

/**
 * Uploads actual figures (CSV or XLSX) to a budget and shows what happened: how many amounts were imported, or
 * every bad row with its row number, column and reason and «ingenting ble lagret», since the import is all or
 * nothing. The outcome's heading takes focus, so a screen reader user hears the result at once.
 */
export function BudgetImport({ budget, onImported }: { budget: Budget; onImported: (budget: Budget) => void }) {
  const b = useBudgetMessages();
  const kroner = useKroner();
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
    const name = file?.name.toLowerCase() ?? '';
    if (!file || !(name.endsWith('.csv') || name.endsWith('.xlsx'))) {
      setFileError(file ? b.wrongType : b.noFile);
      input.current?.focus();
      return;
    }
    setFileError(null);
    setBusy(true);
    try {
      const result = await api<BudgetImportResult>(`/budgets/${budget.id}/actuals/import${query({ fileName: file.name })}`, {
        method: 'POST',
        file: { data: file, contentType: name.endsWith('.xlsx') ? XLSX_TYPE : 'text/csv' },
      });
      setOutcome({ kind: 'imported', result });
      if (input.current) input.current.value = '';
      onImported(result.budget);
    } catch (error) {
      // 422 lists every bad row of the file; nothing was saved.
      if (error instanceof ApiError && error.problems.length > 0)
        setOutcome({ kind: 'refused', problems: error.problems, fileName: file.name });
      else setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dr-stack">
      <Paragraph>{b.importIntro}</Paragraph>
      <ul>
        {b.importRules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
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
          <Label htmlFor={inputId}>{b.file}</Label>
          <Field.Description>{b.fileDescription}</Field.Description>
          <Input
            ref={input}
            id={inputId}
            type="file"
            accept={ACCEPT}
            aria-invalid={fileError ? true : undefined}
            onChange={() => setFileError(null)}
          />
          {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
        </Field>
        <ButtonRow>
          <Button type="submit" disabled={busy} aria-disabled={busy || undefined}>
            {busy ? b.uploading : b.upload}
          </Button>
        </ButtonRow>
      </form>
      {outcome && <ImportOutcome outcome={outcome} kroner={kroner} />}
    </div>
  );
}

function ImportOutcome({ outcome, kroner }: { outcome: Outcome; kroner: (amount: number) => string }) {
  const { number } = useI18n();
  const b = useBudgetMessages();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [outcome]);

  if (outcome.kind === 'imported') {
    return (
      <Alert data-color="success">
        <Heading level={3} data-size="xs" tabIndex={-1} ref={heading}>
          {fmt(b.imported, { rows: number(outcome.result.rows), amount: kroner(outcome.result.amount) })}
        </Heading>
      </Alert>
    );
  }
  const showSheet = outcome.problems.some((p) => p.sheet !== '');
  return (
    <div className="dr-stack">
      <Alert data-color="danger">
        <Heading level={3} data-size="xs" tabIndex={-1} ref={heading}>
          {b.refused}
        </Heading>
        <Paragraph>{fmt(b.problemsSummary, { count: number(outcome.problems.length) })}</Paragraph>
      </Alert>
      <ScrollRegion label={`${b.problemsCaption} (${outcome.fileName})`}>
        <Table zebra data-size="sm">
          <caption>{`${b.problemsCaption} (${outcome.fileName})`}</caption>
          <Table.Head>
            <Table.Row>
              {showSheet && <Table.HeaderCell scope="col">{b.sheet}</Table.HeaderCell>}
              <Table.HeaderCell scope="col">{b.row}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{b.column}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{b.reason}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {outcome.problems.map((p, i) => (
              <Table.Row key={`${p.sheet}-${p.row}-${p.column ?? ''}-${i}`}>
                {showSheet && <Table.Cell>{p.sheet}</Table.Cell>}
                <Table.Cell>{p.row}</Table.Cell>
                <Table.Cell>{p.column ?? b.wholeRow}</Table.Cell>
                <Table.Cell>{p.message}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
    </div>
  );
}
