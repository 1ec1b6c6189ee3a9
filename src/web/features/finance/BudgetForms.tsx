import { useState } from 'react';
import { Button, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import {
  BUDGET_CATEGORIES,
  BudgetActualCreateSchema,
  BudgetCreateSchema,
  BudgetLineCreateSchema,
  BudgetLineUpdateSchema,
  BudgetUpdateSchema,
  parseWholeKroner,
  sideOfCategory,
  type Budget,
  type BudgetActual,
  type BudgetCategory,
  type BudgetLine,
} from '../../../shared/finance/budget.ts';
import type { PortfolioRow } from '../../../shared/portfolio/projects.ts';
import { api, asApiError, useApi, type ApiError } from '../../app/api.ts';
import { FailureAlert, FormMessages, SelectField, SubmitButton, TextField, useForm } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, LoadState, VisuallyHidden } from '../../app/ui.tsx';
import { useKroner, parseWhole } from '../../app/format.ts';
import { useBudgetMessages } from './budget-messages.ts';
import { DataTable } from '../../app/table.tsx';
import { type DialogFormProps, SaveForm } from '../../app/kit.tsx';

/** Kroner as typed («12 345», «-1 200»); the text itself when it is no whole number, so the schema names the field. */
export function kronerInput(text: string): number | string | null {
  if (text.trim() === '') return null;
  const parsed = parseWholeKroner(text);
  return 'amount' in parsed ? parsed.amount : text;
}

/** A new budget for a year (year, title, note), or a budget's title and note. */
export function BudgetForm({
  networkId,
  budget,
  onSaved,
  onCancel,
  onReload,
}: DialogFormProps<Budget> & {
  networkId: string;
  budget: Budget | null;
}) {
  const { m } = useI18n();
  const b = useBudgetMessages();
  const form = useForm();
  const [year, setYear] = useState(String(budget?.year ?? new Date().getFullYear() + 1));
  const [title, setTitle] = useState(budget?.title ?? '');
  const [note, setNote] = useState(budget?.note ?? '');
  const labels = { year: b.year, title: b.budgetTitle, note: b.note, version: b.budgetTitle };
  return (
    <form
      className="dr-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void (budget
          ? form.submit({
              schema: BudgetUpdateSchema,
              input: { title, note, version: budget.version },
              labels,
              send: (body) => api<Budget>(`/budgets/${budget.id}`, { method: 'PATCH', body }),
              done: onSaved,
            })
          : form.submit({
              schema: BudgetCreateSchema,
              input: { year: parseWhole(year), title, note },
              labels,
              send: (body) => api<Budget>(`/networks/${networkId}/budgets`, { method: 'POST', body }),
              done: onSaved,
            }));
      }}
    >
      <FormMessages form={form} onReload={onReload} />
      {!budget && <TextField state={form} name="year" label={b.year} value={year} onChange={setYear} required />}
      <TextField state={form} name="title" label={b.budgetTitle} value={title} onChange={setTitle} required />
      <TextField state={form} name="note" label={b.note} value={note} onChange={setNote} multiline rows={3} />
      <ButtonRow>
        <SubmitButton form={form}>{budget ? b.save : b.create}</SubmitButton>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {m.common.cancel}
        </Button>
      </ButtonRow>
    </form>
  );
}

/** A new line, or a line's category, name, account code, budgeted amount and (for projects) project. */
export function LineForm({
  budget,
  line,
  onSaved,
  onCancel,
  onReload,
}: DialogFormProps<Budget> & {
  budget: Budget;
  line: BudgetLine | null;
}) {
  const b = useBudgetMessages();
  const form = useForm();
  const [category, setCategory] = useState<BudgetCategory>(line?.category ?? 'secretariat');
  const [name, setName] = useState(line?.name ?? '');
  const [accountCode, setAccountCode] = useState(line?.accountCode ?? '');
  const [budgeted, setBudgeted] = useState(line ? String(line.budgeted) : '');
  const [projectId, setProjectId] = useState(line?.projectId ?? '');
  const projects = useApi<PortfolioRow[]>(category === 'projects' ? `/networks/${budget.networkId}/projects` : null);
  const labels = {
    category: b.category,
    name: b.lineName,
    accountCode: b.accountCode,
    budgeted: b.budgetedKroner,
    projectId: b.project,
    version: b.lineName,
  };
  const input = {
    category,
    name,
    accountCode,
    budgeted: kronerInput(budgeted),
    projectId: category === 'projects' && projectId ? projectId : null,
  };
  return (
    <SaveForm
      form={form}
      save={{
        item: line,
        create: { schema: BudgetLineCreateSchema, path: `/budgets/${budget.id}/lines` },
        update: { schema: BudgetLineUpdateSchema, path: `/budget-lines/${line?.id}` },
        input,
        labels,
        done: onSaved,
      }}
      submitLabel={line ? b.save : b.create}
      onCancel={onCancel}
      onReload={onReload}
    >
      <SelectField
        state={form}
        name="category"
        label={b.category}
        value={category}
        onChange={(v) => setCategory(v as BudgetCategory)}
        required
      >
        {(['income', 'cost'] as const).map((side) => (
          <optgroup key={side} label={b.sides[side]}>
            {BUDGET_CATEGORIES.filter((c) => sideOfCategory(c) === side).map((c) => (
              <Select.Option key={c} value={c}>
                {b.categories[c]}
              </Select.Option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <TextField state={form} name="name" label={b.lineName} value={name} onChange={setName} required />
      <TextField
        state={form}
        name="accountCode"
        label={b.accountCode}
        description={b.accountCodeDescription}
        value={accountCode}
        onChange={setAccountCode}
      />
      <TextField state={form} name="budgeted" label={b.budgetedKroner} value={budgeted} onChange={setBudgeted} required />
      {category === 'projects' && (
        <LoadState loaded={projects}>
          {(list) => (
            <SelectField state={form} name="projectId" label={b.project} value={projectId} onChange={setProjectId}>
              <Select.Option value="">{b.noProject}</Select.Option>
              {list.map((p) => (
                <Select.Option key={p.id} value={p.id}>
                  {`${p.reference} ${p.title}`}
                </Select.Option>
              ))}
            </SelectField>
          )}
        </LoadState>
      )}
    </SaveForm>
  );
}

/** An actual figure entered by hand on a line: a day in the budget's year, whole kroner, a text. */
export function ActualForm({
  budget,
  line,
  onSaved,
  onCancel,
}: {
  budget: Budget;
  line: BudgetLine;
  onSaved: (budget: Budget) => void;
  onCancel: () => void;
}) {
  const { m } = useI18n();
  const b = useBudgetMessages();
  const form = useForm();
  const [date, setDate] = useState('');
  const [amount, setAmount] = useState('');
  const [text, setText] = useState('');
  return (
    <form
      className="dr-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit({
          schema: BudgetActualCreateSchema,
          input: { date, amount: kronerInput(amount), text },
          labels: { date: b.date, amount: b.amount, text: b.text },
          send: (body) => api<Budget>(`/budget-lines/${line.id}/actuals`, { method: 'POST', body }),
          done: onSaved,
        });
      }}
    >
      <FormMessages form={form} />
      <TextField
        state={form}
        name="date"
        label={b.date}
        description={fmt(b.dateDescription, { year: budget.year })}
        value={date}
        onChange={setDate}
        required
      />
      <TextField
        state={form}
        name="amount"
        label={b.amount}
        description={b.amountDescription}
        value={amount}
        onChange={setAmount}
        required
      />
      <TextField state={form} name="text" label={b.text} value={text} onChange={setText} />
      <ButtonRow>
        <SubmitButton form={form}>{b.addActual}</SubmitButton>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {m.common.cancel}
        </Button>
      </ButtonRow>
    </form>
  );
}

/** A line's actual entries, newest first; the secretariat deletes a wrong one (and enters it anew). */
export function LineEntries({
  line,
  admin,
  onChanged,
}: {
  line: BudgetLine;
  admin: boolean;
  onChanged: (budget: Budget, message: string) => void;
}) {
  const b = useBudgetMessages();
  const { date } = useI18n();
  const kroner = useKroner();
  const entries = useApi<BudgetActual[]>(`/budget-lines/${line.id}/actuals`);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const remove = async (entry: BudgetActual) => {
    setFailure(null);
    try {
      const budget = await api<Budget>(`/budget-actuals/${entry.id}`, { method: 'DELETE' });
      entries.reload();
      onChanged(budget, b.entryDeleted);
    } catch (error) {
      setFailure(asApiError(error));
    }
  };
  return (
    <div className="dr-stack">
      <FailureAlert error={failure} />
      <LoadState loaded={entries}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{b.noEntries}</Paragraph>
          ) : (
            <DataTable
              caption={fmt(b.entriesCaption, { name: line.name })}
              columns={[b.date, b.amount, b.text, b.source, b.enteredBy, admin && b.actions]}
              size="sm"
            >
              {list.map((entry) => (
                <Table.Row key={entry.id}>
                  <Table.Cell>{date(entry.date)}</Table.Cell>
                  <Table.Cell>{kroner(entry.amount)}</Table.Cell>
                  <Table.Cell>{entry.text ?? ''}</Table.Cell>
                  <Table.Cell>{b.sources[entry.source]}</Table.Cell>
                  <Table.Cell>{entry.createdBy ?? ''}</Table.Cell>
                  {admin && (
                    <Table.Cell>
                      <Button type="button" variant="tertiary" data-size="sm" data-color="danger" onClick={() => void remove(entry)}>
                        {b.deleteEntry}
                        <VisuallyHidden>{` ${date(entry.date)} ${kroner(entry.amount)}`}</VisuallyHidden>
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </DataTable>
          )
        }
      </LoadState>
    </div>
  );
}
