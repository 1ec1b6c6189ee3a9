import { Paragraph } from '@digdir/designsystemet-react';
import type { Budget, BudgetImportResult } from '../../../shared/finance/budget.ts';
import { useKroner } from '../../app/format.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { SpreadsheetImport } from '../../app/SpreadsheetImport.tsx';
import { useBudgetMessages } from './budget-messages.ts';

/**
 * Actual figures (CSV or XLSX) for a budget on the kit's import screen: how many amounts were imported, or every bad
 * row with «ingenting ble lagret», since the import is all or nothing.
 */
export function BudgetImport({ budget, onImported }: { budget: Budget; onImported: (budget: Budget) => void }) {
  const b = useBudgetMessages();
  const kroner = useKroner();
  const { number } = useI18n();
  return (
    <SpreadsheetImport<BudgetImportResult>
      path={`/budgets/${budget.id}/actuals/import`}
      csv
      intro={
        <>
          <Paragraph>{b.importIntro}</Paragraph>
          <ul>
            {b.importRules.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        </>
      }
      texts={{
        file: b.file,
        fileDescription: b.fileDescription,
        noFile: b.noFile,
        wrongType: b.wrongType,
        upload: b.upload,
        uploading: b.uploading,
        refused: b.refused,
        problemsSummary: b.problemsSummary,
        problemsCaption: b.problemsCaption,
        sheet: b.sheet,
        row: b.row,
        column: b.column,
        reason: b.reason,
        wholeRow: b.wholeRow,
      }}
      imported={(result) => ({ heading: fmt(b.imported, { rows: number(result.rows), amount: kroner(result.amount) }) })}
      onImported={(result) => onImported(result.budget)}
    />
  );
}
