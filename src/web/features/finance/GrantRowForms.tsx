import { useState } from 'react';
import { Select } from '@digdir/designsystemet-react';
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
  type GrantAllocationTarget,
  type GrantDeadline,
  type GrantExpense,
} from '../../../shared/finance/grants.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import type { PortfolioRow } from '../../../shared/portfolio/projects.ts';
import { useApi } from '../../app/api.ts';
import { SelectField, TextField, useForm } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';

import { useKroner, parseWhole } from '../../app/format.ts';
import { useGrantMessages } from './grant-messages.ts';
import { SaveForm } from '../../app/kit.tsx';

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
  onCancel,
  onReload,
}: RowFormProps & { network: NetworkOverview; allocation: GrantAllocation | null }) {
  const gm = useGrantMessages();
  const f = gm.allocationForm;
  const kroner = useKroner();
  const form = useForm();
  const projects = useApi<PortfolioRow[]>(`/networks/${network.id}/projects`);
  const [target, setTarget] = useState<GrantAllocationTarget>(allocation?.target ?? 'baseBudget');
  const [year, setYear] = useState(String(allocation?.year ?? grant.periodEnd.slice(0, 4)));
  const [projectId, setProjectId] = useState(allocation?.project?.id ?? '');
  const [amount, setAmount] = useState(allocation ? String(allocation.amount) : '');
  const [note, setNote] = useState(allocation?.note ?? '');
  const available = grant.unallocated + (allocation?.amount ?? 0);
  const labels = { target: f.target, year: f.year, projectId: f.projectId, amount: f.amount, note: f.note };
  const input = {
    target,
    year: target === 'baseBudget' ? parseWhole(year) : null,
    projectId: target === 'project' ? projectId || null : null,
    amount: parseWhole(amount),
    note,
  };
  return (
    <SaveForm
      form={form}
      save={{
        item: allocation,
        create: { schema: GrantAllocationCreateSchema, path: `/grants/${grant.id}/allocations` },
        update: { schema: GrantAllocationUpdateSchema, path: `/grant-allocations/${allocation?.id}` },
        input,
        labels,
        done: onSaved,
      }}
      submitLabel={f.save}
      onCancel={onCancel}
      onReload={onReload}
    >
      <SelectField
        state={form}
        name="target"
        label={f.target}
        value={target}
        onChange={(v) => setTarget(v as GrantAllocationTarget)}
        required
      >
        {GRANT_ALLOCATION_TARGETS.map((t) => (
          <Select.Option key={t} value={t}>
            {gm.targets[t]}
          </Select.Option>
        ))}
      </SelectField>
      {target === 'baseBudget' ? (
        <TextField state={form} name="year" label={f.year} value={year} onChange={setYear} required />
      ) : (
        <SelectField state={form} name="projectId" label={f.projectId} value={projectId} onChange={setProjectId} required>
          <Select.Option value="">{f.chooseProject}</Select.Option>
          {(projects.data ?? []).map((p) => (
            <Select.Option key={p.id} value={p.id}>
              {`${p.reference} ${p.title}`}
            </Select.Option>
          ))}
        </SelectField>
      )}
      <TextField
        state={form}
        name="amount"
        label={f.amount}
        description={fmt(f.amountDescription, { available: kroner(available) })}
        value={amount}
        onChange={setAmount}
        required
      />
      <TextField state={form} name="note" label={f.note} value={note} onChange={setNote} />
    </SaveForm>
  );
}

/** Money spent of a grant: the date (within its period), the amount, what for, and under which allocation. */
export function ExpenseForm({ grant, expense, onSaved, onCancel, onReload }: RowFormProps & { expense: GrantExpense | null }) {
  const gm = useGrantMessages();
  const f = gm.expenseForm;
  const { date: showDate } = useI18n();
  const kroner = useKroner();
  const form = useForm();
  const [date, setDate] = useState(expense?.date ?? '');
  const [amount, setAmount] = useState(expense ? String(expense.amount) : '');
  const [text, setText] = useState(expense?.text ?? '');
  const [allocationId, setAllocationId] = useState(expense?.allocationId ?? '');
  const available = grant.remaining + (expense?.amount ?? 0);
  const labels = { date: f.date, amount: f.amount, text: f.text, allocationId: f.allocationId };
  const input = { date: date || undefined, amount: parseWhole(amount), text, allocationId: allocationId || null };
  return (
    <SaveForm
      form={form}
      save={{
        item: expense,
        create: { schema: GrantExpenseCreateSchema, path: `/grants/${grant.id}/expenses` },
        update: { schema: GrantExpenseUpdateSchema, path: `/grant-expenses/${expense?.id}` },
        input,
        labels,
        done: onSaved,
      }}
      submitLabel={f.save}
      onCancel={onCancel}
      onReload={onReload}
    >
      <TextField
        state={form}
        name="date"
        type="date"
        label={f.date}
        description={fmt(f.dateDescription, { from: showDate(grant.periodStart), to: showDate(grant.periodEnd) })}
        value={date}
        onChange={setDate}
        required
      />
      <TextField
        state={form}
        name="amount"
        label={f.amount}
        description={fmt(f.amountDescription, { available: kroner(available) })}
        value={amount}
        onChange={setAmount}
        required
      />
      <TextField state={form} name="text" label={f.text} value={text} onChange={setText} required />
      {grant.allocations.length > 0 && (
        <SelectField state={form} name="allocationId" label={f.allocationId} value={allocationId} onChange={setAllocationId}>
          <Select.Option value="">{f.noAllocation}</Select.Option>
          {grant.allocations.map((a) => (
            <Select.Option key={a.id} value={a.id}>
              {a.project ? `${a.project.reference} ${a.project.title}` : fmt(gm.grant.baseBudgetYear, { year: a.year ?? '' })}
            </Select.Option>
          ))}
        </SelectField>
      )}
    </SaveForm>
  );
}

/** A report the giver expects: the due date and what is to be reported. */
export function DeadlineForm({ grant, deadline, onSaved, onCancel, onReload }: RowFormProps & { deadline: GrantDeadline | null }) {
  const gm = useGrantMessages();
  const f = gm.deadlineForm;
  const form = useForm();
  const [dueDate, setDueDate] = useState(deadline?.dueDate ?? '');
  const [description, setDescription] = useState(deadline?.description ?? '');
  const labels = { dueDate: f.dueDate, description: f.description };
  const input = { dueDate: dueDate || undefined, description };
  return (
    <SaveForm
      form={form}
      save={{
        item: deadline,
        create: { schema: GrantDeadlineCreateSchema, path: `/grants/${grant.id}/deadlines` },
        update: { schema: GrantDeadlineUpdateSchema, path: `/grant-deadlines/${deadline?.id}` },
        input,
        labels,
        done: onSaved,
      }}
      submitLabel={f.save}
      onCancel={onCancel}
      onReload={onReload}
    >
      <TextField state={form} name="dueDate" type="date" label={f.dueDate} value={dueDate} onChange={setDueDate} required />
      <TextField
        state={form}
        name="description"
        label={f.description}
        description={f.descriptionHint}
        value={description}
        onChange={setDescription}
        required
      />
    </SaveForm>
  );
}
