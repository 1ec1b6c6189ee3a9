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
  type BudgetLine,
} from '../../../shared/finance/budget.ts';
import type { PortfolioRow } from '../../../shared/portfolio/projects.ts';
import { api, asApiError, useApi, type ApiError } from '../../app/api.ts';
import { FailureAlert, SelectField, TextField } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { LoadState, VisuallyHidden } from '../../app/ui.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { OptionSelect, sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { projectOptions } from './finance-parts.tsx';
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
  ...dialog
}: DialogFormProps<Budget> & { networkId: string; budget: Budget | null }) {
  const b = useBudgetMessages();
  const { form, values, field } = useFormValues({
    year: String(budget?.year ?? new Date().getFullYear() + 1),
    title: budget?.title ?? '',
    note: budget?.note ?? '',
  });
  const { title, note } = values;
  return (
    <SaveForm
      form={form}
      save={{
        item: budget,
        create: { schema: BudgetCreateSchema, path: `/networks/${networkId}/budgets` },
        update: { schema: BudgetUpdateSchema, path: `/budgets/${budget?.id}` },
        input: budget ? { title, note } : { year: parseWhole(values.year), title, note },
        labels: { year: b.year, title: b.budgetTitle, note: b.note, version: b.budgetTitle },
        done: onSaved,
      }}
      submitLabel={budget ? b.save : b.create}
      {...dialog}
    >
      {!budget && <TextField {...field('year', b.year)} required />}
      <TextField {...field('title', b.budgetTitle)} required />
      <TextField {...field('note', b.note)} multiline rows={3} />
    </SaveForm>
  );
}

/** A new line, or a line's category, name, account code, budgeted amount and (for projects) project. */
export function LineForm({ budget, line, onSaved, ...dialog }: DialogFormProps<Budget> & { budget: Budget; line: BudgetLine | null }) {
  const b = useBudgetMessages();
  const { form, values, field } = useFormValues({
    category: line?.category ?? 'secretariat',
    name: line?.name ?? '',
    accountCode: line?.accountCode ?? '',
    budgeted: line ? String(line.budgeted) : '',
    projectId: line?.projectId ?? '',
  });
  const { category, projectId } = values;
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
    ...values,
    budgeted: kronerInput(values.budgeted),
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
      {...dialog}
    >
      <SelectField {...field('category', b.category)} required>
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
      <TextField {...field('name', b.lineName)} required />
      <TextField {...field('accountCode', b.accountCode, b.accountCodeDescription)} />
      <TextField {...field('budgeted', b.budgetedKroner)} required />
      {category === 'projects' && (
        <LoadState loaded={projects}>
          {(list) => <OptionSelect {...field('projectId', b.project)} empty={b.noProject} options={projectOptions(list)} />}
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
}: Pick<DialogFormProps<Budget>, 'onSaved' | 'onCancel'> & { budget: Budget; line: BudgetLine }) {
  const b = useBudgetMessages();
  const { form, values, field } = useFormValues({ date: '', amount: '', text: '' });
  return (
    <SubmitForm
      form={form}
      submit={{
        schema: BudgetActualCreateSchema,
        input: { ...values, amount: kronerInput(values.amount) },
        labels: { date: b.date, amount: b.amount, text: b.text },
        send: sendTo<Budget>(`/budget-lines/${line.id}/actuals`, 'POST'),
        done: onSaved,
      }}
      submitLabel={b.addActual}
      onCancel={onCancel}
    >
      <TextField {...field('date', b.date, fmt(b.dateDescription, { year: budget.year }))} required />
      <TextField {...field('amount', b.amount, b.amountDescription)} required />
      <TextField {...field('text', b.text)} />
    </SubmitForm>
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
