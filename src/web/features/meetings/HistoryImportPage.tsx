import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { HistoryImportResult } from '../../../shared/meetings/history.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { api, ApiError } from '../../app/api.ts';
import { useAction } from '../../app/action.tsx';
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

type ImportRequest = { path: string; body?: unknown; file?: { data: Blob; contentType: string } };

/**
 * One way in: a form that sends its import when submitted and hands on the server's answer, what came in or the
 * problems (422) with nothing saved. `prepare` checks the fields first and gives the request, or null to stop.
 */
function ImportForm({
  networkId,
  onOutcome,
  prepare,
  done,
  labels,
  hideFailure,
  children,
}: {
  networkId: string;
  onOutcome: (o: Outcome | null) => void;
  prepare: () => ImportRequest | null | Promise<ImportRequest | null>;
  done?: () => void;
  labels: { submit: string; busy: string };
  /** The failure is shown by a field instead. */
  hideFailure?: (failure: ApiError | null) => boolean;
  children: (failure: ApiError | null) => ReactNode;
}) {
  const { busy, failure, setFailure, run } = useAction();
  const send = async () => {
    onOutcome(null);
    setFailure(null);
    const request = await prepare();
    if (!request) return;
    await run(async () => {
      try {
        const { path, ...init } = request;
        const result = await api<HistoryImportResult>(`/networks/${networkId}/history-import${path}`, { method: 'POST', ...init });
        onOutcome({ kind: 'imported', result });
        done?.();
      } catch (error) {
        if (error instanceof ApiError && error.problems.length > 0) onOutcome({ kind: 'refused', problems: error.problems });
        else throw error;
      }
    });
  };
  return (
    <form
      className="dr-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {!hideFailure?.(failure) && <FailureAlert error={failure} />}
      {children(failure)}
      <ButtonRow>
        <Button type="submit" disabled={busy} aria-disabled={busy || undefined}>
          {busy ? labels.busy : labels.submit}
        </Button>
      </ButtonRow>
    </form>
  );
}

/** A file to choose, with its error from the form's own check. */
function FileField({
  inputRef,
  label,
  description,
  accept,
  error,
  onChange,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  label: string;
  description: string;
  accept: string;
  error: string | null;
  onChange: () => void;
}) {
  const id = useId();
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Field.Description>{description}</Field.Description>
      <Input ref={inputRef} id={id} type="file" accept={accept} aria-invalid={error ? true : undefined} onChange={onChange} />
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

function SpreadsheetForm({ networkId, onOutcome }: { networkId: string; onOutcome: (o: Outcome | null) => void }) {
  const h = useHistoryMessages();
  const sheetInput = useRef<HTMLInputElement>(null);
  const zipInput = useRef<HTMLInputElement>(null);
  const [sheetError, setSheetError] = useState<string | null>(null);
  const [zipError, setZipError] = useState<string | null>(null);

  const prepare = async (): Promise<ImportRequest | null> => {
    const sheet = sheetInput.current?.files?.[0];
    const zip = zipInput.current?.files?.[0];
    const name = sheet?.name.toLowerCase() ?? '';
    const badSheet = !sheet ? h.noFile : !(name.endsWith('.xlsx') || name.endsWith('.csv')) ? h.wrongType : null;
    const badZip = zip && !zip.name.toLowerCase().endsWith('.zip') ? h.wrongZip : null;
    setSheetError(badSheet);
    setZipError(badZip);
    if (!sheet || badSheet || badZip) {
      (badSheet ? sheetInput : zipInput).current?.focus();
      return null;
    }
    const form = new FormData();
    form.set('spreadsheet', sheet, sheet.name);
    if (zip) form.set('attachments', zip, zip.name);
    // The browser writes the multipart body and its boundary; the kit's api() sends it as the file it is.
    const encoded = new Response(form);
    return { path: '', file: { data: await encoded.blob(), contentType: encoded.headers.get('content-type') ?? 'multipart/form-data' } };
  };
  const clear = () => {
    if (sheetInput.current) sheetInput.current.value = '';
    if (zipInput.current) zipInput.current.value = '';
  };

  return (
    <ImportForm networkId={networkId} onOutcome={onOutcome} prepare={prepare} done={clear} labels={{ submit: h.upload, busy: h.uploading }}>
      {() => (
        <>
          <FileField
            inputRef={sheetInput}
            label={h.spreadsheet}
            description={h.spreadsheetDescription}
            accept={`.xlsx,.csv,text/csv,${XLSX_TYPE}`}
            error={sheetError}
            onChange={() => setSheetError(null)}
          />
          <FileField
            inputRef={zipInput}
            label={h.zip}
            description={h.zipDescription}
            accept=".zip,application/zip"
            error={zipError}
            onChange={() => setZipError(null)}
          />
        </>
      )}
    </ImportForm>
  );
}

function OparlForm({ networkId, onOutcome }: { networkId: string; onOutcome: (o: Outcome | null) => void }) {
  const h = useHistoryMessages();
  const [systemUrl, setSystemUrl] = useState('');
  return (
    <ImportForm
      networkId={networkId}
      onOutcome={onOutcome}
      prepare={() => ({ path: '/oparl', body: { systemUrl } })}
      labels={{ submit: h.fetch, busy: h.fetching }}
      hideFailure={(failure) => !!failure?.fields.systemUrl}
    >
      {(failure) => (
        <Textfield
          label={h.systemUrl}
          description={h.systemUrlDescription}
          type="url"
          value={systemUrl}
          onChange={(e) => setSystemUrl(e.target.value)}
          error={failure?.fields.systemUrl}
        />
      )}
    </ImportForm>
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
