import { useState } from 'react';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { useNavigate, useParams } from 'react-router';
import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { Grant, GrantAllocation, GrantDeadline, GrantExpense } from '../../../shared/finance/grants.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { api, asApiError, useApi, type ApiError, type Loaded } from '../../app/api.ts';
import { FailureAlert, SuccessMessage } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { AppLink, ButtonRow, ModalDialog, Section, todayIso } from '../../app/ui.tsx';
import { projectPath } from '../projects/index.ts';
import { useKroner, osloDay } from '../../app/format.ts';
import { ConfirmDelete, EditDeleteActions, TotalsTable } from './finance-parts.tsx';
import { RecordFrame } from './FinanceFrame.tsx';
import { AllocationForm, DeadlineForm, ExpenseForm } from './GrantRowForms.tsx';
import { GrantForm } from './GrantForm.tsx';
import { useGrantMessages } from './grant-messages.ts';
import { grantsExportUrl, grantsPath } from './grants-api.ts';
import { useNetworkCapabilities } from '../../app/capabilities.ts';
import { DataTable } from '../../app/table.tsx';
import { useNavigationMessage } from '../../app/kit.tsx';

type OpenDialog =
  | { kind: 'edit' }
  | { kind: 'delete' }
  | { kind: 'allocation'; row: GrantAllocation | null }
  | { kind: 'expense'; row: GrantExpense | null }
  | { kind: 'deadline'; row: GrantDeadline | null }
  | { kind: 'remove'; title: string; url: string; done: string };

/**
 * `/n/:slug/okonomi/tilskudd/:grantId`: a grant, its conditions and purpose, what it finances (the base budget of a year,
 * or a project), what has been spent and what remains, and the reporting deadlines; the secretariat changes all of it.
 */
export function GrantPage() {
  const gm = useGrantMessages();
  const { grantId = '' } = useParams();
  const grant = useApi<Grant>(`/grants/${encodeURIComponent(grantId)}`);
  return (
    <RecordFrame record={grant} list={grantsPath} back={gm.grant.back}>
      {(n, g) => <GrantView network={n} grant={g} loaded={grant} />}
    </RecordFrame>
  );
}

/** «Basisbudsjett 2022» or «P-2026-002 Felles anskaffelse …» (a link to the project). */
function AllocationTarget({ allocation, slug }: { allocation: GrantAllocation; slug: string }) {
  const gm = useGrantMessages();
  if (allocation.project)
    return <AppLink to={projectPath(slug, allocation.project.id)}>{`${allocation.project.reference} ${allocation.project.title}`}</AppLink>;
  return <>{fmt(gm.grant.baseBudgetYear, { year: allocation.year ?? '' })}</>;
}

const allocationName = (a: GrantAllocation, baseBudget: string) =>
  a.project ? `${a.project.reference} ${a.project.title}` : fmt(baseBudget, { year: a.year ?? '' });

function GrantView({ network, grant, loaded }: { network: NetworkOverview; grant: Grant; loaded: Loaded<Grant> }) {
  const gm = useGrantMessages();
  const g = gm.grant;
  const { date } = useI18n();
  const kroner = useKroner();
  const navigate = useNavigate();
  const navigationMessage = useNavigationMessage();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(navigationMessage);
  const admin = useNetworkCapabilities(network.id).administer;
  const today = todayIso();
  const close = () => setDialog(null);
  const saved = (text: string) => (next: Grant) => {
    setDialog(null);
    loaded.setData(next);
    setMessage(text);
  };
  const setReported = async (deadline: GrantDeadline, reported: boolean) => {
    setFailure(null);
    try {
      const next = await api<Grant>(`/grant-deadlines/${deadline.id}/reported`, {
        method: 'POST',
        body: { reported, version: deadline.version },
      });
      loaded.setData(next);
      setMessage(reported ? g.reported : gm.grant.saved);
    } catch (error) {
      setFailure(asApiError(error));
    }
  };
  const baseBudget = g.baseBudgetYear;
  const addButton = (kind: 'allocation' | 'expense' | 'deadline', label: string) => (
    <ButtonRow>
      <Button type="button" variant="secondary" onClick={() => setDialog({ kind, row: null })}>
        {label}
      </Button>
    </ButtonRow>
  );
  const rowActions = (editLabel: string, removeLabel: string, onEdit: () => void, url: string, done: string) => (
    <EditDeleteActions
      edit={{ text: g.edit_, label: editLabel, onClick: onEdit }}
      remove={{ text: g.remove, label: removeLabel, onClick: () => setDialog({ kind: 'remove', title: removeLabel, url, done }) }}
    />
  );
  return (
    <div className="dr-stack">
      <SuccessMessage message={message} />
      <FailureAlert error={failure} onReload={loaded.reload} />

      <Section id="grant-details" title={g.details} className="dr-stack" size="sm">
        <dl className="dr-facts">
          <dt>{gm.list.giver}</dt>
          <dd>{`${grant.giverName} (${gm.giverKinds[grant.giverKind]})`}</dd>
          {grant.reference && (
            <>
              <dt>{g.reference}</dt>
              <dd>{grant.reference}</dd>
            </>
          )}
          <dt>{gm.form.decisionDate}</dt>
          <dd>{date(grant.decisionDate)}</dd>
          <dt>{gm.list.period}</dt>
          <dd>{fmt(g.period, { from: date(grant.periodStart), to: date(grant.periodEnd) })}</dd>
          <dt>{g.contact}</dt>
          <dd>{grant.contactPerson?.name ?? g.none}</dd>
        </dl>
        <Heading level={3} data-size="xs">
          {g.figures}
        </Heading>
        <dl className="dr-facts" data-testid="grant-figures">
          <dt>{g.amount}</dt>
          <dd data-figure="amount">{kroner(grant.amount)}</dd>
          <dt>{g.allocated}</dt>
          <dd data-figure="allocated">{kroner(grant.allocated)}</dd>
          <dt>{g.unallocated}</dt>
          <dd data-figure="unallocated">{kroner(grant.unallocated)}</dd>
          <dt>{g.spent}</dt>
          <dd data-figure="spent">{kroner(grant.spent)}</dd>
          <dt>{g.remaining}</dt>
          <dd data-figure="remaining">{kroner(grant.remaining)}</dd>
        </dl>
        {grant.conditions && (
          <>
            <Heading level={3} data-size="xs">
              {g.conditions}
            </Heading>
            <Paragraph className="dr-pre-line">{grant.conditions}</Paragraph>
          </>
        )}
        {grant.purpose && (
          <>
            <Heading level={3} data-size="xs">
              {g.purpose}
            </Heading>
            <Paragraph className="dr-pre-line">{grant.purpose}</Paragraph>
          </>
        )}
        {admin && (
          <ButtonRow>
            <Button type="button" variant="secondary" onClick={() => setDialog({ kind: 'edit' })}>
              {g.edit}
            </Button>
            {grant.expenses.length === 0 && (
              <Button type="button" variant="tertiary" data-color="danger" onClick={() => setDialog({ kind: 'delete' })}>
                {g.delete}
              </Button>
            )}
          </ButtonRow>
        )}
        {admin && grant.expenses.length > 0 && (
          <Paragraph data-size="sm" className="dr-muted">
            {g.deleteRefused}
          </Paragraph>
        )}
      </Section>

      <Section id="grant-allocations" title={g.allocations} className="dr-stack" size="sm">
        {grant.allocations.length === 0 ? (
          <Paragraph>{g.noAllocations}</Paragraph>
        ) : (
          <DataTable
            caption={fmt(g.allocationsCaption, { title: grant.title })}
            columns={[g.target, g.planned, g.spent, g.remaining, g.note, admin && g.actions]}
          >
            {grant.allocations.map((a) => (
              <Table.Row key={a.id}>
                <Table.HeaderCell scope="row">
                  <AllocationTarget allocation={a} slug={network.slug} />
                </Table.HeaderCell>
                <Table.Cell>{kroner(a.amount)}</Table.Cell>
                <Table.Cell>{kroner(a.spent)}</Table.Cell>
                <Table.Cell>{kroner(a.remaining)}</Table.Cell>
                <Table.Cell>{a.note ?? ''}</Table.Cell>
                {admin && (
                  <Table.Cell>
                    {rowActions(
                      fmt(g.editAllocation, { name: allocationName(a, baseBudget) }),
                      fmt(g.deleteAllocation, { name: allocationName(a, baseBudget) }),
                      () => setDialog({ kind: 'allocation', row: a }),
                      `/grant-allocations/${a.id}?version=${a.version}`,
                      g.allocationDeleted,
                    )}
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </DataTable>
        )}
        {admin && addButton('allocation', g.addAllocation)}
      </Section>

      <Section id="grant-expenses" title={g.expenses} className="dr-stack" size="sm">
        {grant.expenses.length === 0 ? (
          <Paragraph>{g.noExpenses}</Paragraph>
        ) : (
          <TotalsTable
            caption={fmt(g.expensesCaption, { title: grant.title })}
            columns={[g.date, g.text, g.under, gm.list.amount, admin && g.actions]}
            foot={{ label: g.spent, span: 3, cells: admin ? [kroner(grant.spent), null] : [kroner(grant.spent)] }}
          >
            {grant.expenses.map((e) => {
              const allocation = grant.allocations.find((a) => a.id === e.allocationId);
              const name = `${date(e.date)} ${e.text}`;
              return (
                <Table.Row key={e.id}>
                  <Table.Cell>{date(e.date)}</Table.Cell>
                  <Table.HeaderCell scope="row">{e.text}</Table.HeaderCell>
                  <Table.Cell>{allocation ? allocationName(allocation, baseBudget) : ''}</Table.Cell>
                  <Table.Cell>{kroner(e.amount)}</Table.Cell>
                  {admin && (
                    <Table.Cell>
                      {rowActions(
                        fmt(g.editExpense, { name }),
                        fmt(g.deleteExpense, { name }),
                        () => setDialog({ kind: 'expense', row: e }),
                        `/grant-expenses/${e.id}?version=${e.version}`,
                        g.expenseDeleted,
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
              );
            })}
          </TotalsTable>
        )}
        {admin && addButton('expense', g.addExpense)}
      </Section>

      <Section id="grant-deadlines" title={g.deadlines} className="dr-stack" size="sm">
        <Paragraph data-size="sm">{g.remindersNote}</Paragraph>
        {grant.deadlines.length === 0 ? (
          <Paragraph>{g.noDeadlines}</Paragraph>
        ) : (
          <DataTable
            caption={fmt(g.deadlinesCaption, { title: grant.title })}
            columns={[g.dueDate, g.description, g.status, admin && g.actions]}
          >
            {grant.deadlines.map((d) => (
              <Table.Row key={d.id}>
                <Table.Cell>{date(d.dueDate)}</Table.Cell>
                <Table.HeaderCell scope="row">{d.description}</Table.HeaderCell>
                <Table.Cell>
                  {d.reportedAt ? (
                    <Tag data-color="success" data-size="sm">
                      {fmt(g.reportedOn, { date: date(osloDay(d.reportedAt)), name: d.reportedBy ?? '' })}
                    </Tag>
                  ) : (
                    <Tag data-color={d.dueDate < today ? 'danger' : 'neutral'} data-size="sm">
                      {d.dueDate < today ? g.overdue : g.notReported}
                    </Tag>
                  )}
                </Table.Cell>
                {admin && (
                  <Table.Cell>
                    <ButtonRow>
                      {d.reportedAt ? (
                        <Button type="button" variant="tertiary" data-size="sm" onClick={() => void setReported(d, false)}>
                          {fmt(g.unmarkReported, { name: d.description })}
                        </Button>
                      ) : (
                        <Button
                          type="button"
                          variant="secondary"
                          data-size="sm"
                          aria-label={fmt(g.markReportedNamed, { name: d.description })}
                          onClick={() => void setReported(d, true)}
                        >
                          {g.markReported}
                        </Button>
                      )}
                      {rowActions(
                        `${g.edit_} ${d.description}`,
                        fmt(g.deleteDeadline, { name: d.description }),
                        () => setDialog({ kind: 'deadline', row: d }),
                        `/grant-deadlines/${d.id}?version=${d.version}`,
                        g.deadlineDeleted,
                      )}
                    </ButtonRow>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </DataTable>
        )}
        {admin && addButton('deadline', g.addDeadline)}
      </Section>

      <Downloads
        row
        label={gm.list.downloads}
        links={exportLinks((format) => grantsExportUrl(network.id, format), { xlsx: gm.list.downloadXlsx, csv: gm.list.downloadCsv })}
      />

      <ModalDialog open={dialog?.kind === 'edit'} onClose={close} title={g.edit}>
        <GrantForm networkId={network.id} grant={grant} onCancel={close} onReload={loaded.reload} onSaved={saved(gm.form.saved)} />
      </ModalDialog>
      <ModalDialog
        open={dialog?.kind === 'allocation'}
        onClose={close}
        title={
          dialog?.kind === 'allocation' && dialog.row
            ? fmt(g.editAllocation, { name: allocationName(dialog.row, baseBudget) })
            : g.addAllocation
        }
      >
        {dialog?.kind === 'allocation' && (
          <AllocationForm
            network={network}
            grant={grant}
            allocation={dialog.row}
            onCancel={close}
            onReload={loaded.reload}
            onSaved={saved(g.saved)}
          />
        )}
      </ModalDialog>
      <ModalDialog
        open={dialog?.kind === 'expense'}
        onClose={close}
        title={dialog?.kind === 'expense' && dialog.row ? g.edit_ : g.addExpense}
      >
        {dialog?.kind === 'expense' && (
          <ExpenseForm grant={grant} expense={dialog.row} onCancel={close} onReload={loaded.reload} onSaved={saved(g.saved)} />
        )}
      </ModalDialog>
      <ModalDialog
        open={dialog?.kind === 'deadline'}
        onClose={close}
        title={dialog?.kind === 'deadline' && dialog.row ? g.edit_ : g.addDeadline}
      >
        {dialog?.kind === 'deadline' && (
          <DeadlineForm grant={grant} deadline={dialog.row} onCancel={close} onReload={loaded.reload} onSaved={saved(g.saved)} />
        )}
      </ModalDialog>
      <ModalDialog open={dialog?.kind === 'remove'} onClose={close} title={dialog?.kind === 'remove' ? dialog.title : ''}>
        {dialog?.kind === 'remove' && (
          <ConfirmDelete
            confirmLabel={g.remove}
            onCancel={close}
            onReload={loaded.reload}
            onConfirm={async () => saved(dialog.done)(await api<Grant>(dialog.url, { method: 'DELETE' }))}
          >
            {dialog.title}
          </ConfirmDelete>
        )}
      </ModalDialog>
      <ModalDialog open={dialog?.kind === 'delete'} onClose={close} title={g.delete}>
        <ConfirmDelete
          confirmLabel={g.delete}
          onCancel={close}
          onReload={loaded.reload}
          onConfirm={async () => {
            await api(`/grants/${grant.id}?version=${grant.version}`, { method: 'DELETE' });
            setDialog(null);
            void navigate(grantsPath(network.slug), { state: { message: g.deleted } });
          }}
        >
          {fmt(g.deleteConfirm, { title: grant.title })}
        </ConfirmDelete>
      </ModalDialog>
    </div>
  );
}
