import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { HistoryImportResult } from '../../../shared/meetings/history.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { api, ApiError, asApiError } from '../../app/api.ts';
import { FailureAlert } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { useNetwork } from '../../app/network-frame.tsx';
import { ButtonRow, Section } from '../../app/ui.tsx';
import { ImportProblems } from '../../app/SpreadsheetImport.tsx';
import { useHistoryMessages } from './history-messages.ts';
import { DataTable } from '../../app/table.tsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Problem = ApiError['problems'][number];
type Outcome = { kind: 'imported'; result: HistoryImportResult } | { kind: 'refused'; problems: Problem[] };

/**
 * `/n/:slug/historikk`: the secretariat brings earlier meetings into the network, from the spreadsheet template and a
 * ZIP of attachments, or from another system's OParl API. Either way the outcome (what came in, or every problem with
 * nothing saved) takes focus, so a screen reader user hears it at once.
 */
export function HistoryImportPage() {
  const h = useHistoryMessages();
  const network = useNetwork();
  return (
    <Page title={fmt(h.title, { name: network.name })}>
      <HistoryImport network={network} />
    </Page>
  );
}

function HistoryImport({ network }: { network: NetworkOverview }) {
  const h = useHistoryMessages();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <>
      <Paragraph>{h.intro}</Paragraph>
      <Section id="historikk-regneark" title={h.sheetHeading} className="dr-stack dr-section" size="sm">
        <Paragraph>
          <a href={`/api/networks/${network.id}/history-import/template`} download>
            {h.template}
          </a>
        </Paragraph>
        <ul>
          {h.rules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
        <SpreadsheetForm networkId={network.id} onOutcome={setOutcome} />
      </Section>
      <Section id="historikk-oparl" title={h.oparlHeading} className="dr-stack dr-section" size="sm">
        <Paragraph>{h.oparlIntro}</Paragraph>
        <OparlForm networkId={network.id} onOutcome={setOutcome} />
      </Section>
      {outcome && <ImportOutcome outcome={outcome} />}
    </>
  );
}

/** The server's answer to an import: what came in, or the problems (422) and nothing saved. */
function handle(error: unknown, onOutcome: (o: Outcome) => void, setFailure: (e: ApiError) => void) {
  if (error instanceof ApiError && error.problems.length > 0) onOutcome({ kind: 'refused', problems: error.problems });
  else setFailure(asApiError(error));
}

function SpreadsheetForm({ networkId, onOutcome }: { networkId: string; onOutcome: (o: Outcome | null) => void }) {
  const h = useHistoryMessages();
  const sheetInput = useRef<HTMLInputElement>(null);
  const zipInput = useRef<HTMLInputElement>(null);
  const sheetId = useId();
  const zipId = useId();
  const [sheetError, setSheetError] = useState<string | null>(null);
  const [zipError, setZipError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async () => {
    const sheet = sheetInput.current?.files?.[0];
    const zip = zipInput.current?.files?.[0];
    onOutcome(null);
    setFailure(null);
    const name = sheet?.name.toLowerCase() ?? '';
    const badSheet = !sheet ? h.noFile : !(name.endsWith('.xlsx') || name.endsWith('.csv')) ? h.wrongType : null;
    const badZip = zip && !zip.name.toLowerCase().endsWith('.zip') ? h.wrongZip : null;
    setSheetError(badSheet);
    setZipError(badZip);
    if (badSheet || badZip) {
      (badSheet ? sheetInput : zipInput).current?.focus();
      return;
    }
    const form = new FormData();
    form.set('spreadsheet', sheet!, sheet!.name);
    if (zip) form.set('attachments', zip, zip.name);
    // The browser writes the multipart body and its boundary; the kit's api() sends it as the file it is.
    const encoded = new Response(form);
    setBusy(true);
    try {
      const result = await api<HistoryImportResult>(`/networks/${networkId}/history-import`, {
        method: 'POST',
        file: { data: await encoded.blob(), contentType: encoded.headers.get('content-type') ?? 'multipart/form-data' },
      });
      onOutcome({ kind: 'imported', result });
      if (sheetInput.current) sheetInput.current.value = '';
      if (zipInput.current) zipInput.current.value = '';
    } catch (error) {
      handle(error, onOutcome, setFailure);
    } finally {
      setBusy(false);
    }
  };

  return (
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
        <Label htmlFor={sheetId}>{h.spreadsheet}</Label>
        <Field.Description>{h.spreadsheetDescription}</Field.Description>
        <Input
          ref={sheetInput}
          id={sheetId}
          type="file"
          accept={`.xlsx,.csv,text/csv,${XLSX_TYPE}`}
          aria-invalid={sheetError ? true : undefined}
          onChange={() => setSheetError(null)}
        />
        {sheetError && <ValidationMessage>{sheetError}</ValidationMessage>}
      </Field>
      <Field>
        <Label htmlFor={zipId}>{h.zip}</Label>
        <Field.Description>{h.zipDescription}</Field.Description>
        <Input
          ref={zipInput}
          id={zipId}
          type="file"
          accept=".zip,application/zip"
          aria-invalid={zipError ? true : undefined}
          onChange={() => setZipError(null)}
        />
        {zipError && <ValidationMessage>{zipError}</ValidationMessage>}
      </Field>
      <ButtonRow>
        <Button type="submit" disabled={busy} aria-disabled={busy || undefined}>
          {busy ? h.uploading : h.upload}
        </Button>
      </ButtonRow>
    </form>
  );
}

function OparlForm({ networkId, onOutcome }: { networkId: string; onOutcome: (o: Outcome | null) => void }) {
  const h = useHistoryMessages();
  const [systemUrl, setSystemUrl] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = failure?.fields.systemUrl;

  const fetchHistory = async () => {
    onOutcome(null);
    setFailure(null);
    setBusy(true);
    try {
      const result = await api<HistoryImportResult>(`/networks/${networkId}/history-import/oparl`, { method: 'POST', body: { systemUrl } });
      onOutcome({ kind: 'imported', result });
    } catch (error) {
      handle(error, onOutcome, setFailure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="dr-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void fetchHistory();
      }}
    >
      {!fieldError && <FailureAlert error={failure} />}
      <Textfield
        label={h.systemUrl}
        description={h.systemUrlDescription}
        type="url"
        value={systemUrl}
        onChange={(e) => setSystemUrl(e.target.value)}
        error={fieldError}
      />
      <ButtonRow>
        <Button type="submit" disabled={busy} aria-disabled={busy || undefined}>
          {busy ? h.fetching : h.fetch}
        </Button>
      </ButtonRow>
    </form>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const { number } = useI18n();
  const h = useHistoryMessages();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [outcome]);

  if (outcome.kind === 'imported') {
    const r = outcome.result;
    return (
      <section className="dr-stack dr-section" aria-live="polite">
        <Alert data-color="success">
          <Heading level={2} data-size="xs" tabIndex={-1} ref={heading}>
            {fmt(h.imported, {
              meetingsCreated: number(r.meetingsCreated),
              meetingsUpdated: number(r.meetingsUpdated),
              casesCreated: number(r.casesCreated),
              casesUpdated: number(r.casesUpdated),
              documents: number(r.documents),
            })}
          </Heading>
        </Alert>
        {r.nextNumbers.length > 0 && (
          <DataTable caption={h.nextNumbers} columns={[h.body, h.year, h.next]} size="sm">
            {r.nextNumbers.map((n) => (
              <Table.Row key={`${n.bodyId}-${n.year}`}>
                <Table.Cell>{n.bodyName}</Table.Cell>
                <Table.Cell>{n.year}</Table.Cell>
                <Table.Cell>{n.next}</Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
      </section>
    );
  }
  return (
    <section className="dr-stack dr-section">
      <Alert data-color="danger">
        <Heading level={2} data-size="xs" tabIndex={-1} ref={heading}>
          {h.refused}
        </Heading>
        <Paragraph>{fmt(h.problemsSummary, { count: number(outcome.problems.length) })}</Paragraph>
      </Alert>
      <ImportProblems problems={outcome.problems} caption={h.problemsCaption} texts={h} />
    </section>
  );
}
