import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { ImportResult } from '../../../shared/mapping/schema.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { SpreadsheetImport as Import } from '../../app/SpreadsheetImport.tsx';
import { useMappingMessages } from './messages.ts';
import { DataTable } from '../../app/table.tsx';

/** The mapping's import (applications and adoption, XLSX) on the kit's import screen, with its summary of what changed. */
export function SpreadsheetImport({ path, onImported }: { path: string; onImported?: (result: ImportResult) => void }) {
  const { number } = useI18n();
  const s = useMappingMessages().spreadsheet;
  return (
    <Import<ImportResult>
      path={path}
      onImported={onImported}
      texts={{
        file: s.upload,
        fileDescription: s.uploadDescription,
        noFile: s.noFile,
        wrongType: s.wrongType,
        upload: s.uploadButton,
        uploading: s.uploading,
        refused: `${s.failedHeading}: ${s.nothingChanged}`,
        problemsSummary: s.problemsSummary,
        problemsCaption: s.problemsCaption,
        sheet: s.sheet,
        row: s.row,
        column: s.column,
        reason: s.reason,
        wholeRow: s.wholeRow,
      }}
      imported={(r) => ({
        heading: s.successHeading,
        body: (
          <>
            <DataTable caption={s.resultCaption} columns={[s.what, s.created, s.updated, s.unchanged]} size="sm" zebra={false}>
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
            </DataTable>
            <Paragraph>{fmt(s.productsCreated, { count: number(r.productsCreated) })}</Paragraph>
          </>
        ),
      })}
    />
  );
}
