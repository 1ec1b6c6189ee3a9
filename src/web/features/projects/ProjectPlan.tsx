import { type ReactNode } from 'react';
import { Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import {
  DELIVERABLE_STATUSES,
  DeliverableInputSchema,
  DeliverableUpdateSchema,
  MilestoneInputSchema,
  MilestoneUpdateSchema,
  RISK_KINDS,
  RISK_STATUSES,
  RiskInputSchema,
  RiskUpdateSchema,
  type Deliverable,
  type Milestone,
  type Project,
  type Risk,
  type RiskLevel,
} from '../../../shared/portfolio/projects.ts';
import { type Loaded } from '../../app/api.ts';
import { DeleteDialog, EditDialog, useRowDialogs } from '../../app/row-dialogs.tsx';
import { SuccessMessage, TextField, type FormState } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, Section } from '../../app/ui.tsx';
import { SaveForm, type SaveOptions } from '../../app/kit.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { OptionSelect, optionsOf } from '../../app/form-parts.tsx';
import { Downloads, exportLinks } from '../../app/downloads.tsx';
import { useProjectMessages, type ProjectMessages } from './messages.ts';
import { useRiskMapMessages } from './risk-map-messages.ts';
import { DataTable, RowAction } from '../../app/table.tsx';

/** The texts every part of the plan has: its heading, table caption, and the words of adding, changing and deleting. */
type PartTexts = Pick<
  ProjectMessages['plan']['milestones'],
  | 'heading'
  | 'intro'
  | 'caption'
  | 'none'
  | 'add'
  | 'addTitle'
  | 'editLabel'
  | 'editTitle'
  | 'deleteLabel'
  | 'deleteTitle'
  | 'deleteConfirm'
  | 'added'
  | 'saved'
  | 'deleted'
>;

interface PartProps {
  project: Project;
  loaded: Loaded<Project>;
  editable: boolean;
}

/** What a plan item's form is told: whose item, the item (null for a new one), and what to do when done. */
interface FormProps<T> {
  projectId: string;
  item: T | null;
  onDone: (project: Project, name: string) => void;
  onCancel: () => void;
  onReload: () => void;
}

/**
 * One part of the project plan: a table, and for the secretariat the add and edit dialogs and the delete
 * confirmation. Every change answers the whole project, which is then shown as it now is.
 */
function PlanPart<T extends { id: string; version: number }>({
  id,
  part,
  texts,
  project,
  loaded,
  editable,
  items,
  nameOf,
  columns,
  row,
  Form,
  before,
}: PartProps & {
  id: string;
  part: PlanPartName;
  texts: PartTexts;
  items: T[];
  nameOf: (item: T) => string;
  columns: string[];
  row: (item: T, actions: ReactNode) => ReactNode;
  Form: (props: FormProps<T>) => ReactNode;
  before?: ReactNode;
}) {
  const { m } = useI18n();
  const pm = useProjectMessages();
  const dialogs = useRowDialogs<T>(loaded.reload);
  return (
    <Section id={id} title={texts.heading}>
      <Paragraph data-size="sm">{texts.intro}</Paragraph>
      {before}
      <SuccessMessage message={dialogs.status} />
      {items.length === 0 ? (
        <Paragraph>{texts.none}</Paragraph>
      ) : (
        <DataTable caption={fmt(texts.caption, { reference: project.reference })} columns={[...columns, editable && m.common.actions]}>
          {items.map((item) =>
            row(
              item,
              editable && (
                <Table.Cell className="dr-project-nowrap">
                  <RowAction label={fmt(texts.editLabel, { name: nameOf(item) })} onClick={() => dialogs.setEditing(item)}>
                    {pm.plan.edit}
                  </RowAction>
                  <RowAction label={fmt(texts.deleteLabel, { name: nameOf(item) })} danger onClick={() => dialogs.setDeleting(item)}>
                    {pm.plan.delete}
                  </RowAction>
                </Table.Cell>
              ),
            ),
          )}
        </DataTable>
      )}
      {editable && (
        <ButtonRow>
          <Button type="button" variant="secondary" onClick={() => dialogs.setEditing('new')}>
            {texts.add}
          </Button>
        </ButtonRow>
      )}
      <EditDialog dialogs={dialogs} addTitle={texts.addTitle} editTitle={texts.editTitle}>
        {(item) => (
          <Form
            projectId={project.id}
            item={item}
            onDone={(_project, name) => dialogs.changed(fmt(item === null ? texts.added : texts.saved, { name }))}
            onCancel={dialogs.close}
            onReload={dialogs.reload}
          />
        )}
      </EditDialog>
      <DeleteDialog
        dialogs={dialogs}
        title={texts.deleteTitle}
        confirmLabel={pm.plan.delete}
        path={(x) => `/project-${part}/${x.id}`}
        question={(x) => fmt(texts.deleteConfirm, { name: nameOf(x) })}
        deleted={(x) => fmt(texts.deleted, { name: nameOf(x) })}
      />
    </Section>
  );
}

/** The plan's parts as the API names them: `/projects/:id/<part>` for a new item, `/project-<part>/:id` for one. */
type PlanPartName = 'milestones' | 'risks' | 'deliverables';

/** A plan item's form: a new item POSTed to the project's part, a changed one PATCHed with its version. */
function PlanItemForm<C, U>({
  part,
  projectId,
  item,
  onDone,
  onCancel,
  onReload,
  form,
  schemas,
  input,
  labels,
  name,
  submitLabel,
  children,
}: FormProps<{ id: string; version: number }> & {
  part: PlanPartName;
  form: FormState;
  schemas: [SaveOptions<C, U, Project>['create']['schema'], SaveOptions<C, U, Project>['update']['schema']];
  input: Record<string, unknown>;
  labels: Record<string, string>;
  /** The item's name, for the message after saving. */
  name: string;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <SaveForm
      form={form}
      save={{
        item,
        create: { schema: schemas[0], path: `/projects/${projectId}/${part}` },
        update: { schema: schemas[1], path: `/project-${part}/${item?.id}` },
        input,
        labels,
        done: (project: Project) => onDone(project, name.trim()),
      }}
      submitLabel={submitLabel}
      onCancel={onCancel}
      onReload={onReload}
    >
      {children}
    </SaveForm>
  );
}

/** An empty field is «not set»: null for a change, left out for a new item. */
const orNull = (value: string) => (value.trim() === '' ? null : value);

// ---------------------------------------------------------------- milestones

export function Milestones(props: PartProps) {
  const { date } = useI18n();
  const pm = useProjectMessages();
  const t = pm.plan.milestones;
  return (
    <PlanPart<Milestone>
      {...props}
      id="project-milestones"
      part="milestones"
      texts={t}
      items={props.project.milestones}
      nameOf={(x) => x.title}
      columns={[t.title, t.dueDate, t.doneDate, t.note]}
      row={(x, actions) => (
        <Table.Row key={x.id}>
          <Table.HeaderCell scope="row">{x.title}</Table.HeaderCell>
          <Table.Cell className="dr-project-nowrap">{date(x.dueDate)}</Table.Cell>
          <Table.Cell className="dr-project-nowrap">
            {x.doneDate ? date(x.doneDate) : <span className="dr-muted">{t.notDone}</span>}
          </Table.Cell>
          <Table.Cell className="dr-project-text">{x.note ?? ''}</Table.Cell>
          {actions}
        </Table.Row>
      )}
      Form={MilestoneForm}
    />
  );
}

function MilestoneForm(props: FormProps<Milestone>) {
  const t = useProjectMessages().plan.milestones;
  const { item } = props;
  const { form, values, field } = useFormValues({
    title: item?.title ?? '',
    dueDate: item?.dueDate ?? '',
    doneDate: item?.doneDate ?? '',
    note: item?.note ?? '',
  });
  return (
    <PlanItemForm
      {...props}
      part="milestones"
      form={form}
      schemas={[MilestoneInputSchema, MilestoneUpdateSchema]}
      input={{ ...values, dueDate: values.dueDate || undefined, doneDate: orNull(values.doneDate) }}
      labels={{ title: t.title, dueDate: t.dueDate, doneDate: t.doneDate, note: t.note }}
      name={values.title}
      submitLabel={t.save}
    >
      <TextField {...field('title', t.title)} required />
      <TextField {...field('dueDate', t.dueDate)} type="date" required />
      <TextField {...field('doneDate', t.doneDate)} type="date" />
      <TextField {...field('note', t.note)} multiline rows={2} />
    </PlanItemForm>
  );
}

// ---------------------------------------------------------------- risks

const LEVEL_COLORS: Record<RiskLevel, 'success' | 'warning' | 'danger'> = { low: 'success', medium: 'warning', high: 'danger' };

/** «4 × 4 = 16» and the level in words on its colour: the colour is never the only sign. */
function RiskScore({
  probability,
  consequence,
  score,
  level,
}: {
  probability: number;
  consequence: number;
  score: number;
  level: RiskLevel;
}) {
  const pm = useProjectMessages();
  return (
    <span className="dr-project-risk">
      <span className="dr-project-nowrap">{fmt(pm.plan.scoreValue, { probability, consequence, score })}</span>{' '}
      <Tag data-size="sm" data-color={LEVEL_COLORS[level]}>
        {pm.plan.levels[level]}
      </Tag>
    </span>
  );
}

export function Risks(props: PartProps) {
  const pm = useProjectMessages();
  const rm = useRiskMapMessages();
  const t = pm.plan.risks;
  const exportPath = (format: 'xlsx' | 'csv') => `/api/projects/${props.project.id}/risks/export?format=${format}`;
  return (
    <PlanPart<Risk>
      {...props}
      id="project-risks"
      part="risks"
      texts={t}
      items={props.project.risks}
      nameOf={(x) => x.description}
      before={
        <>
          <Paragraph data-size="sm">{pm.plan.scoreExplained}</Paragraph>
          {props.project.risks.length > 0 && <Downloads links={exportLinks(exportPath, { xlsx: t.downloadXlsx, csv: t.downloadCsv })} />}
        </>
      }
      columns={[t.description, t.before, t.measures, t.after, t.owner, t.status]}
      row={(x, actions) => (
        <Table.Row key={x.id}>
          <Table.HeaderCell scope="row" className="dr-project-text">
            {x.description}
            {x.kind === 'opportunity' && (
              <>
                {' '}
                <Tag data-size="sm" data-color="info">
                  {rm.kinds.opportunity}
                </Tag>
              </>
            )}
          </Table.HeaderCell>
          <Table.Cell>
            <RiskScore probability={x.probabilityBefore} consequence={x.consequenceBefore} score={x.scoreBefore} level={x.levelBefore} />
          </Table.Cell>
          <Table.Cell className="dr-project-text">{x.measures ?? <span className="dr-muted">{pm.plan.notSet}</span>}</Table.Cell>
          <Table.Cell>
            {x.scoreAfter !== null && x.levelAfter !== null && x.probabilityAfter !== null && x.consequenceAfter !== null ? (
              <RiskScore probability={x.probabilityAfter} consequence={x.consequenceAfter} score={x.scoreAfter} level={x.levelAfter} />
            ) : (
              <span className="dr-muted">{pm.plan.notSet}</span>
            )}
          </Table.Cell>
          <Table.Cell>{x.owner ?? <span className="dr-muted">{pm.plan.notSet}</span>}</Table.Cell>
          <Table.Cell>{pm.plan.riskStatuses[x.status]}</Table.Cell>
          {actions}
        </Table.Row>
      )}
      Form={RiskForm}
    />
  );
}

/** The scale of probability and consequence, after «–» for not set. */
const SCALE = ['1', '2', '3', '4', '5'].map((n) => ({ value: n, label: n }));
const numberOrNull = (value: string) => (value === '' ? null : Number(value));

function RiskForm(props: FormProps<Risk>) {
  const pm = useProjectMessages();
  const t = pm.plan.risks;
  const rm = useRiskMapMessages();
  const { item } = props;
  const text = (n: number | null | undefined) => (n == null ? '' : String(n));
  const { form, values, field } = useFormValues({
    kind: item?.kind ?? 'threat',
    description: item?.description ?? '',
    probabilityBefore: text(item?.probabilityBefore),
    consequenceBefore: text(item?.consequenceBefore),
    measures: item?.measures ?? '',
    probabilityAfter: text(item?.probabilityAfter),
    consequenceAfter: text(item?.consequenceAfter),
    owner: item?.owner ?? '',
    status: item?.status ?? 'open',
  });
  return (
    <PlanItemForm
      {...props}
      part="risks"
      form={form}
      schemas={[RiskInputSchema, RiskUpdateSchema]}
      input={{
        ...values,
        probabilityBefore: numberOrNull(values.probabilityBefore) ?? undefined,
        consequenceBefore: numberOrNull(values.consequenceBefore) ?? undefined,
        probabilityAfter: numberOrNull(values.probabilityAfter),
        consequenceAfter: numberOrNull(values.consequenceAfter),
      }}
      labels={{
        kind: rm.kindField,
        description: t.description,
        probabilityBefore: t.probabilityBefore,
        consequenceBefore: t.consequenceBefore,
        measures: t.measures,
        probabilityAfter: t.probabilityAfter,
        consequenceAfter: t.consequenceAfter,
        owner: t.owner,
        status: t.status,
      }}
      name={values.description}
      submitLabel={t.save}
    >
      <OptionSelect {...field('kind', rm.kindField)} options={optionsOf(RISK_KINDS, rm.kinds)} required />
      <TextField {...field('description', t.description)} multiline rows={2} required />
      <OptionSelect {...field('probabilityBefore', t.probabilityBefore)} empty="–" options={SCALE} required />
      <OptionSelect {...field('consequenceBefore', t.consequenceBefore)} empty="–" options={SCALE} required />
      <TextField {...field('measures', t.measures)} multiline rows={2} />
      <OptionSelect {...field('probabilityAfter', t.probabilityAfter)} empty="–" options={SCALE} />
      <OptionSelect {...field('consequenceAfter', t.consequenceAfter)} empty="–" options={SCALE} />
      <TextField {...field('owner', t.owner)} />
      <OptionSelect {...field('status', t.status)} options={optionsOf(RISK_STATUSES, pm.plan.riskStatuses)} required />
    </PlanItemForm>
  );
}

// ---------------------------------------------------------------- deliverables

export function Deliverables(props: PartProps) {
  const { date } = useI18n();
  const pm = useProjectMessages();
  const t = pm.plan.deliverables;
  return (
    <PlanPart<Deliverable>
      {...props}
      id="project-deliverables"
      part="deliverables"
      texts={t}
      items={props.project.deliverables}
      nameOf={(x) => x.title}
      columns={[t.title, t.description, t.dueDate, t.status]}
      row={(x, actions) => (
        <Table.Row key={x.id}>
          <Table.HeaderCell scope="row">{x.title}</Table.HeaderCell>
          <Table.Cell className="dr-project-text">{x.description ?? ''}</Table.Cell>
          <Table.Cell className="dr-project-nowrap">
            {x.dueDate ? date(x.dueDate) : <span className="dr-muted">{pm.plan.notSet}</span>}
          </Table.Cell>
          <Table.Cell>{pm.plan.deliverableStatuses[x.status]}</Table.Cell>
          {actions}
        </Table.Row>
      )}
      Form={DeliverableForm}
    />
  );
}

function DeliverableForm(props: FormProps<Deliverable>) {
  const pm = useProjectMessages();
  const t = pm.plan.deliverables;
  const { item } = props;
  const { form, values, field } = useFormValues({
    title: item?.title ?? '',
    description: item?.description ?? '',
    dueDate: item?.dueDate ?? '',
    status: item?.status ?? 'planned',
  });
  return (
    <PlanItemForm
      {...props}
      part="deliverables"
      form={form}
      schemas={[DeliverableInputSchema, DeliverableUpdateSchema]}
      input={{ ...values, dueDate: orNull(values.dueDate) }}
      labels={{ title: t.title, description: t.description, dueDate: t.dueDate, status: t.status }}
      name={values.title}
      submitLabel={t.save}
    >
      <TextField {...field('title', t.title)} required />
      <TextField {...field('description', t.description)} multiline rows={3} />
      <TextField {...field('dueDate', t.dueDate)} type="date" />
      <OptionSelect {...field('status', t.status)} options={optionsOf(DELIVERABLE_STATUSES, pm.plan.deliverableStatuses)} required />
    </PlanItemForm>
  );
}
