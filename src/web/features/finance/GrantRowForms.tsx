import {
  GRANT_ALLOCATION_TARGETS,
  GrantAllocationCreateSchema,
  GrantAllocationUpdateSchema,
  GrantDeadlineCreateSchema,
  GrantDeadlineUpdateSchema,
  GrantExpenseCreateSchema,
  GrantExpenseUpdateSchema,
  type Grant,
  type GrantAllocation,
  type GrantDeadline,
  type GrantExpense,
} from '../../../shared/finance/grants.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import type { PortfolioRow } from '../../../shared/portfolio/projects.ts';
import { useApi } from '../../app/api.ts';
import { TextField } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { OptionSelect, optionsOf } from '../../app/form-parts.tsx';

import { useKroner, parseWhole } from '../../app/format.ts';
import { useGrantMessages } from './grant-messages.ts';
import { SaveForm } from '../../app/kit.tsx';
import { projectOptions } from './finance-parts.tsx';

interface RowFormProps {
  grant: Grant;
  onSaved: (grant: Grant) => void;
  onCancel: () => void;
  onReload: () => void;
}

/** What a grant finances: the base budget of a year, or one of the network's projects, and the amount planned. */
export function AllocationForm({
  network,
  grant,
  allocation,
  onSaved,
  ...dialog
}: RowFormProps & { network: NetworkOverview; allocation: GrantAllocation | null }) {
  const gm = useGrantMessages();
  const f = gm.allocationForm;
  const kroner = useKroner();
  const projects = useApi<PortfolioRow[]>(`/networks/${network.id}/projects`);
  const { form, values, field } = useFormValues({
    target: allocation?.target ?? 'baseBudget',
    year: String(allocation?.year ?? grant.periodEnd.slice(0, 4)),
    projectId: allocation?.project?.id ?? '',
    amount: allocation ? String(allocation.amount) : '',
    note: allocation?.note ?? '',
  });
  const { target } = values;
  const available = grant.unallocated + (allocation?.amount ?? 0);
  const input = {
    ...values,
    year: target === 'baseBudget' ? parseWhole(values.year) : null,
    projectId: target === 'project' ? values.projectId || null : null,
    amount: parseWhole(values.amount),
  };
  return (
    <SaveForm
      form={form}
      save={{
        item: allocation,
        create: { schema: GrantAllocationCreateSchema, path: `/grants/${grant.id}/allocations` },
        update: { schema: GrantAllocationUpdateSchema, path: `/grant-allocations/${allocation?.id}` },
        input,
        labels: { target: f.target, year: f.year, projectId: f.projectId, amount: f.amount, note: f.note },
        done: onSaved,
      }}
      submitLabel={f.save}
      {...dialog}
    >
      <OptionSelect {...field('target', f.target)} required options={optionsOf(GRANT_ALLOCATION_TARGETS, gm.targets)} />
      {target === 'baseBudget' ? (
        <TextField {...field('year', f.year)} required />
      ) : (
        <OptionSelect {...field('projectId', f.projectId)} required empty={f.chooseProject} options={projectOptions(projects.data ?? [])} />
      )}
      <TextField {...field('amount', f.amount, fmt(f.amountDescription, { available: kroner(available) }))} required />
      <TextField {...field('note', f.note)} />
    </SaveForm>
  );
}

/** Money spent of a grant: the date (within its period), the amount, what for, and under which allocation. */
export function ExpenseForm({ grant, expense, onSaved, ...dialog }: RowFormProps & { expense: GrantExpense | null }) {
  const gm = useGrantMessages();
  const f = gm.expenseForm;
  const { date: showDate } = useI18n();
  const kroner = useKroner();
  const { form, values, field } = useFormValues({
    date: expense?.date ?? '',
    amount: expense ? String(expense.amount) : '',
    text: expense?.text ?? '',
    allocationId: expense?.allocationId ?? '',
  });
  const available = grant.remaining + (expense?.amount ?? 0);
  const input = { ...values, date: values.date || undefined, amount: parseWhole(values.amount), allocationId: values.allocationId || null };
  const allocations = grant.allocations.map((a) => ({
    value: a.id,
    label: a.project ? `${a.project.reference} ${a.project.title}` : fmt(gm.grant.baseBudgetYear, { year: a.year ?? '' }),
  }));
  return (
    <SaveForm
      form={form}
      save={{
        item: expense,
        create: { schema: GrantExpenseCreateSchema, path: `/grants/${grant.id}/expenses` },
        update: { schema: GrantExpenseUpdateSchema, path: `/grant-expenses/${expense?.id}` },
        input,
        labels: { date: f.date, amount: f.amount, text: f.text, allocationId: f.allocationId },
        done: onSaved,
      }}
      submitLabel={f.save}
      {...dialog}
    >
      <TextField
        {...field('date', f.date, fmt(f.dateDescription, { from: showDate(grant.periodStart), to: showDate(grant.periodEnd) }))}
        type="date"
        required
      />
      <TextField {...field('amount', f.amount, fmt(f.amountDescription, { available: kroner(available) }))} required />
      <TextField {...field('text', f.text)} required />
      {allocations.length > 0 && <OptionSelect {...field('allocationId', f.allocationId)} empty={f.noAllocation} options={allocations} />}
    </SaveForm>
  );
}

/** A report the giver expects: the due date and what is to be reported. */
export function DeadlineForm({ grant, deadline, onSaved, ...dialog }: RowFormProps & { deadline: GrantDeadline | null }) {
  const f = useGrantMessages().deadlineForm;
  const { form, values, field } = useFormValues({ dueDate: deadline?.dueDate ?? '', description: deadline?.description ?? '' });
  return (
    <SaveForm
      form={form}
      save={{
        item: deadline,
        create: { schema: GrantDeadlineCreateSchema, path: `/grants/${grant.id}/deadlines` },
        update: { schema: GrantDeadlineUpdateSchema, path: `/grant-deadlines/${deadline?.id}` },
        input: { ...values, dueDate: values.dueDate || undefined },
        labels: { dueDate: f.dueDate, description: f.description },
        done: onSaved,
      }}
      submitLabel={f.save}
      {...dialog}
    >
      <TextField {...field('dueDate', f.dueDate)} type="date" required />
      <TextField {...field('description', f.description, f.descriptionHint)} required />
    </SaveForm>
  );
}
