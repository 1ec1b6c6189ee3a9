import { useId, useState } from 'react';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { useSearchParams } from 'react-router';
import { Button, Field, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import type { Budget, BudgetLine, BudgetSide, BudgetSummary } from '../../../shared/finance/budget.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { api, query, useApi, type Loaded } from '../../app/api.ts';
import { SuccessMessage } from '../../app/forms.tsx';
import { fmt } from '../../app/i18n/index.tsx';
import { ButtonRow, LoadState, ModalDialog, Section, VisuallyHidden } from '../../app/ui.tsx';
import { useKroner } from '../../app/format.ts';
import { useBudgetMessages } from './budget-messages.ts';
import { ActualForm, BudgetForm, LineEntries, LineForm } from './BudgetForms.tsx';
import { BudgetImport } from './BudgetImport.tsx';
import { ConfirmDelete, CreateButton, TotalsTable } from './finance-parts.tsx';
import { FinanceFrame } from './FinanceFrame.tsx';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { DataTable } from '../../app/table.tsx';

/** The budget as a file, a plain link so the browser keeps its own download handling. */
export const budgetExportUrl = (budgetId: string, format: 'xlsx' | 'csv') => `/api/budgets/${budgetId}/export${query({ format })}`;

/**
 * `/n/:slug/okonomi/budsjett`: the network's yearly budgets. The year is chosen (`?aar=2022`); the chosen budget shows
 * its income and cost lines with what is budgeted, the actual figures and what remains, the totals and the result.
 * The secretariat makes budgets, adds and changes lines, records and imports actual figures.
 */
export function BudgetPage() {
  const b = useBudgetMessages();
  return <FinanceFrame title={b.title}>{(n) => <BudgetsView network={n} />}</FinanceFrame>;
}

function BudgetsView({ network }: { network: NetworkOverview }) {
  const b = useBudgetMessages();
  const admin = useNetworkCapabilities(network.id).administer;
  const budgets = useApi<BudgetSummary[]>(`/networks/${network.id}/budgets`);
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const yearId = useId();
  return (
    <div className="dr-stack">
      <SuccessMessage message={message} />
      <Paragraph>{b.intro}</Paragraph>
      <CreateButton label={b.newBudget} readOnly={!admin && b.readOnly} secondary onClick={() => setCreating(true)} />
      <LoadState loaded={budgets}>
        {(list) => {
          if (list.length === 0) return <Paragraph>{b.none}</Paragraph>;
          const wanted = Number(params.get('aar'));
          const thisYear = new Date().getFullYear();
          const selected = list.find((x) => x.year === wanted) ?? list.find((x) => x.year === thisYear) ?? list[0]!;
          return (
            <>
              <Field>
                <Label htmlFor={yearId}>{b.chooseYear}</Label>
                <Select id={yearId} value={String(selected.year)} onChange={(e) => setParams({ aar: e.target.value })}>
                  {list.map((x) => (
                    <Select.Option key={x.id} value={String(x.year)}>
                      {`${x.year} – ${x.title}`}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <BudgetView
                key={selected.id}
                budgetId={selected.id}
                admin={admin}
                onListChanged={budgets.reload}
                onDeleted={() => {
                  setParams({});
                  budgets.reload();
                  setMessage(b.budgetDeleted);
                }}
              />
            </>
          );
        }}
      </LoadState>
      <ModalDialog open={creating} onClose={() => setCreating(false)} title={b.newBudget}>
        <BudgetForm
          networkId={network.id}
          budget={null}
          onCancel={() => setCreating(false)}
          onReload={budgets.reload}
          onSaved={(created) => {
            setCreating(false);
            budgets.reload();
            setParams({ aar: String(created.year) });
            setMessage(b.budgetCreated);
          }}
        />
      </ModalDialog>
    </div>
  );
}

type Dialog =
  | { kind: 'editBudget' }
  | { kind: 'deleteBudget' }
  | { kind: 'newLine' }
  | { kind: 'editLine'; line: BudgetLine }
  | { kind: 'deleteLine'; line: BudgetLine }
  | { kind: 'addActual'; line: BudgetLine }
  | { kind: 'entries'; line: BudgetLine };

/** What a budget's view is told: whether the user is the secretariat, and what to do after a change of the list. */
interface BudgetViewProps {
  admin: boolean;
  onListChanged: () => void;
  onDeleted: () => void;
}

function BudgetView({ budgetId, ...props }: BudgetViewProps & { budgetId: string }) {
  const loaded = useApi<Budget>(`/budgets/${budgetId}`);
  return <LoadState loaded={loaded}>{(budget) => <BudgetDetails budget={budget} loaded={loaded} {...props} />}</LoadState>;
}

function BudgetDetails({ budget, loaded, admin, onListChanged, onDeleted }: BudgetViewProps & { budget: Budget; loaded: Loaded<Budget> }) {
  const b = useBudgetMessages();
  const kroner = useKroner();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const close = () => setDialog(null);
  const saved = (message: string) => (next: Budget) => {
    loaded.setData(next);
    setDialog(null);
    setMessage(message);
  };
  const t = budget.totals;
  return (
    <div className="dr-stack">
      <SuccessMessage message={message} />
      <Section id="budget-heading" title={budget.title} className="dr-stack">
        {budget.note && <Paragraph>{budget.note}</Paragraph>}
        {admin && (
          <ButtonRow>
            <Button type="button" onClick={() => setDialog({ kind: 'newLine' })}>
              {b.newLine}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setDialog({ kind: 'editBudget' })}>
              {b.editBudget}
            </Button>
            <Button type="button" variant="tertiary" data-color="danger" onClick={() => setDialog({ kind: 'deleteBudget' })}>
              {b.deleteBudget}
            </Button>
          </ButtonRow>
        )}
      </Section>

      {(['income', 'cost'] as const).map((side) => (
        <LinesTable key={side} side={side} budget={budget} admin={admin} onAction={setDialog} />
      ))}

      <Section id="budget-result" title={b.result} className="dr-stack" size="sm">
        <DataTable caption={fmt(b.resultCaption, { year: budget.year })} columns={[b.what, b.budgeted, b.actual]} zebra={false}>
          {(['income', 'cost'] as const).map((side) => (
            <Table.Row key={side}>
              <Table.HeaderCell scope="row">{b.sum[side]}</Table.HeaderCell>
              <Table.Cell>{kroner(t[side].budgeted)}</Table.Cell>
              <Table.Cell>{kroner(t[side].actual)}</Table.Cell>
            </Table.Row>
          ))}
          <Table.Row>
            <Table.HeaderCell scope="row">{b.result}</Table.HeaderCell>
            <Table.Cell>{kroner(t.result.budgeted)}</Table.Cell>
            <Table.Cell>{kroner(t.result.actual)}</Table.Cell>
          </Table.Row>
        </DataTable>
        <Downloads
          row
          label={b.downloads}
          links={exportLinks((format) => budgetExportUrl(budget.id, format), { xlsx: b.downloadXlsx, csv: b.downloadCsv })}
        />
      </Section>

      {admin && (
        <Section id="budget-import" title={b.importHeading} className="dr-stack" size="sm">
          <BudgetImport budget={budget} onImported={loaded.setData} />
        </Section>
      )}

      <ModalDialog open={dialog?.kind === 'editBudget'} onClose={close} title={b.editBudget}>
        <BudgetForm
          networkId={budget.networkId}
          budget={budget}
          onCancel={close}
          onReload={loaded.reload}
          onSaved={(next) => {
            saved(b.budgetSaved)(next);
            onListChanged();
          }}
        />
      </ModalDialog>
      <ModalDialog open={dialog?.kind === 'deleteBudget'} onClose={close} title={b.deleteBudget}>
        <ConfirmDelete
          refused={budget.lines.some((l) => l.actualCount > 0) && b.budgetHasActuals}
          confirmLabel={b.deleteBudget}
          onCancel={close}
          onReload={loaded.reload}
          onConfirm={async () => {
            await api(`/budgets/${budget.id}?version=${budget.version}`, { method: 'DELETE' });
            close();
            onDeleted();
          }}
        >
          {fmt(b.deleteBudgetConfirm, { title: budget.title })}
        </ConfirmDelete>
      </ModalDialog>
      <ModalDialog open={dialog?.kind === 'newLine'} onClose={close} title={b.newLine}>
        <LineForm budget={budget} line={null} onCancel={close} onReload={loaded.reload} onSaved={saved(b.lineSaved)} />
      </ModalDialog>
      {dialog && 'line' in dialog && (
        <LineDialog dialog={dialog} budget={budget} admin={admin} loaded={loaded} onClose={close} onSaved={saved} onMessage={setMessage} />
      )}
    </div>
  );
}

/** The dialogs about one line: edit, delete, record an amount, its entries. */
function LineDialog({
  dialog,
  budget,
  admin,
  loaded,
  onClose,
  onSaved,
  onMessage,
}: {
  dialog: Extract<Dialog, { line: BudgetLine }>;
  budget: Budget;
  admin: boolean;
  loaded: Loaded<Budget>;
  onClose: () => void;
  onSaved: (message: string) => (next: Budget) => void;
  onMessage: (message: string) => void;
}) {
  const b = useBudgetMessages();
  const line = budget.lines.find((l) => l.id === dialog.line.id) ?? dialog.line;
  switch (dialog.kind) {
    case 'editLine':
      return (
        <ModalDialog open onClose={onClose} title={fmt(b.editLineTitle, { name: line.name })}>
          <LineForm budget={budget} line={line} onCancel={onClose} onReload={loaded.reload} onSaved={onSaved(b.lineSaved)} />
        </ModalDialog>
      );
    case 'deleteLine':
      return (
        <ModalDialog open onClose={onClose} title={fmt(b.deleteLineTitle, { name: line.name })}>
          <ConfirmDelete
            refused={line.actualCount > 0 && fmt(b.lineHasActuals, { count: line.actualCount })}
            confirmLabel={b.deleteLine}
            onCancel={onClose}
            onReload={loaded.reload}
            onConfirm={async () => {
              onSaved(b.lineDeleted)(await api<Budget>(`/budget-lines/${line.id}?version=${line.version}`, { method: 'DELETE' }));
            }}
          >
            {fmt(b.deleteLineConfirm, { name: line.name })}
          </ConfirmDelete>
        </ModalDialog>
      );
    case 'addActual':
      return (
        <ModalDialog open onClose={onClose} title={fmt(b.addActualTitle, { name: line.name })}>
          <ActualForm budget={budget} line={line} onCancel={onClose} onSaved={onSaved(b.actualSaved)} />
        </ModalDialog>
      );
    case 'entries':
      return (
        <ModalDialog open onClose={onClose} title={fmt(b.entriesTitle, { name: line.name })}>
          <LineEntries
            line={line}
            admin={admin}
            onChanged={(next, message) => {
              loaded.setData(next);
              onMessage(message);
            }}
          />
        </ModalDialog>
      );
  }
}

/** One side's lines with budgeted, actual and remaining, and the side's total in the footer. */
function LinesTable({
  side,
  budget,
  admin,
  onAction,
}: {
  side: BudgetSide;
  budget: Budget;
  admin: boolean;
  onAction: (dialog: Dialog) => void;
}) {
  const b = useBudgetMessages();
  const kroner = useKroner();
  const lines = budget.lines.filter((l) => l.side === side);
  const total = budget.totals[side];
  const action = (label: string, line: BudgetLine, dialog: Dialog, danger = false) => (
    <Button type="button" variant="tertiary" data-size="sm" data-color={danger ? 'danger' : undefined} onClick={() => onAction(dialog)}>
      {label}
      <VisuallyHidden>{` ${line.name}`}</VisuallyHidden>
    </Button>
  );
  return (
    <Section id={`budget-${side}`} title={b.sides[side]} className="dr-stack" size="sm">
      <TotalsTable
        caption={fmt(b.caption[side], { year: budget.year })}
        columns={[b.line, b.category, b.accountCode, b.budgeted, b.actual, b.remaining, b.actions]}
        foot={{ label: b.sum[side], cells: [null, null, kroner(total.budgeted), kroner(total.actual), kroner(total.remaining), null] }}
      >
        {lines.length === 0 && (
          <Table.Row>
            <Table.Cell colSpan={7}>{b.noLines}</Table.Cell>
          </Table.Row>
        )}
        {lines.map((line) => (
          <Table.Row key={line.id}>
            <Table.HeaderCell scope="row">
              {line.name}
              {line.projectName && <span className="dr-muted">{` (${line.projectName})`}</span>}
            </Table.HeaderCell>
            <Table.Cell>{b.categories[line.category]}</Table.Cell>
            <Table.Cell>{line.accountCode ?? ''}</Table.Cell>
            <Table.Cell>{kroner(line.budgeted)}</Table.Cell>
            <Table.Cell>{kroner(line.actual)}</Table.Cell>
            <Table.Cell>{kroner(line.remaining)}</Table.Cell>
            <Table.Cell>
              <div className="dr-button-row">
                {action(b.entries, line, { kind: 'entries', line })}
                {admin && action(b.addActual, line, { kind: 'addActual', line })}
                {admin && action(b.editLine, line, { kind: 'editLine', line })}
                {admin && action(b.deleteLine, line, { kind: 'deleteLine', line }, true)}
              </div>
            </Table.Cell>
          </Table.Row>
        ))}
      </TotalsTable>
    </Section>
  );
}
