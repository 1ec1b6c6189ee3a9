import { useState, type ReactNode } from 'react';
import { Button, Heading, Link, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
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
import { api, type Loaded } from '../../app/api.ts';
import { ConfirmForm, SelectField, SuccessMessage, TextField, useForm } from '../../app/forms.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, ModalDialog, ScrollRegion } from '../../app/ui.tsx';
import { SaveForm } from '../../app/kit.tsx';
import { useProjectMessages, type ProjectMessages } from './messages.ts';
import { useRiskMapMessages } from './risk-map-messages.ts';
import { RowAction } from '../../app/table.tsx';

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

/**
 * One part of the project plan: a table, and for the secretariat the add and edit dialogs and the delete
 * confirmation. Every change answers the whole project, which is then shown as it now is.
 */
function PlanPart<T extends { id: string; version: number }>({
  id,
  texts,
  project,
  loaded,
  editable,
  items,
  nameOf,
  head,
  row,
  form,
  deletePath,
  before,
}: PartProps & {
  id: string;
  texts: PartTexts;
  items: T[];
  nameOf: (item: T) => string;
  head: ReactNode;
  row: (item: T, actions: ReactNode) => ReactNode;
  form: (item: T | null, done: (project: Project, name: string) => void, cancel: () => void, reload: () => void) => ReactNode;
  deletePath: (item: T) => string;
  before?: ReactNode;
}) {
  const { m } = useI18n();
  const pm = useProjectMessages();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const close = () => {
    setEditing(null);
    setDeleting(null);
  };
  const reload = () => {
    close();
    loaded.reload();
  };
  return (
    <section className="dr-section" aria-labelledby={id}>
      <Heading level={2} data-size="md" id={id}>
        {texts.heading}
      </Heading>
      <Paragraph data-size="sm">{texts.intro}</Paragraph>
      {before}
      <SuccessMessage message={status} />
      {items.length === 0 ? (
        <Paragraph>{texts.none}</Paragraph>
      ) : (
        <ScrollRegion label={fmt(texts.caption, { reference: project.reference })}>
          <Table zebra>
            <caption>{fmt(texts.caption, { reference: project.reference })}</caption>
            <Table.Head>
              <Table.Row>
                {head}
                {editable && <Table.HeaderCell scope="col">{m.common.actions}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((item) =>
                row(
                  item,
                  editable && (
                    <Table.Cell className="dr-project-nowrap">
                      <RowAction label={fmt(texts.editLabel, { name: nameOf(item) })} onClick={() => setEditing(item)}>
                        {pm.plan.edit}
                      </RowAction>
                      <RowAction label={fmt(texts.deleteLabel, { name: nameOf(item) })} danger onClick={() => setDeleting(item)}>
                        {pm.plan.delete}
                      </RowAction>
                    </Table.Cell>
                  ),
                ),
              )}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {editable && (
        <ButtonRow>
          <Button type="button" variant="secondary" onClick={() => setEditing('new')}>
            {texts.add}
          </Button>
        </ButtonRow>
      )}
      <ModalDialog open={editing !== null} onClose={close} title={editing === 'new' ? texts.addTitle : texts.editTitle}>
        {editing !== null &&
          form(
            editing === 'new' ? null : editing,
            (_project, name) => {
              setStatus(fmt(editing === 'new' ? texts.added : texts.saved, { name }));
              reload();
            },
            close,
            reload,
          )}
      </ModalDialog>
      <ModalDialog open={deleting !== null} onClose={close} title={texts.deleteTitle}>
        {deleting && (
          <ConfirmForm
            confirmLabel={pm.plan.delete}
            danger
            onCancel={close}
            onReload={reload}
            onConfirm={async () => {
              await api<Project>(`${deletePath(deleting)}?version=${deleting.version}`, { method: 'DELETE' });
              setStatus(fmt(texts.deleted, { name: nameOf(deleting) }));
              reload();
            }}
          >
            <Paragraph>{fmt(texts.deleteConfirm, { name: nameOf(deleting) })}</Paragraph>
          </ConfirmForm>
        )}
      </ModalDialog>
    </section>
  );
}

/** The form's buttons: save, and cancel. */
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
      texts={t}
      items={props.project.milestones}
      nameOf={(x) => x.title}
      deletePath={(x) => `/project-milestones/${x.id}`}
      head={
        <>
          <Table.HeaderCell scope="col">{t.title}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.dueDate}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.doneDate}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.note}</Table.HeaderCell>
        </>
      }
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
      form={(item, done, cancel, reload) => (
        <MilestoneForm projectId={props.project.id} item={item} onDone={done} onCancel={cancel} onReload={reload} />
      )}
    />
  );
}

interface FormProps<T> {
  projectId: string;
  item: T | null;
  onDone: (project: Project, name: string) => void;
  onCancel: () => void;
  onReload: () => void;
}

function MilestoneForm({ projectId, item, onDone, onCancel, onReload }: FormProps<Milestone>) {
  const t = useProjectMessages().plan.milestones;
  const form = useForm();
  const [title, setTitle] = useState(item?.title ?? '');
  const [dueDate, setDueDate] = useState(item?.dueDate ?? '');
  const [doneDate, setDoneDate] = useState(item?.doneDate ?? '');
  const [note, setNote] = useState(item?.note ?? '');
  const labels = { title: t.title, dueDate: t.dueDate, doneDate: t.doneDate, note: t.note };
  const fields = { title, dueDate: dueDate || undefined, doneDate: orNull(doneDate), note };
  return (
    <SaveForm
      form={form}
      save={{
        item,
        create: { schema: MilestoneInputSchema, path: `/projects/${projectId}/milestones` },
        update: { schema: MilestoneUpdateSchema, path: `/project-milestones/${item?.id}` },
        input: fields,
        labels,
        done: (project: Project) => onDone(project, title.trim()),
      }}
      submitLabel={t.save}
      onCancel={onCancel}
      onReload={onReload}
    >
      <TextField state={form} name="title" label={t.title} value={title} onChange={setTitle} required />
      <TextField state={form} name="dueDate" label={t.dueDate} type="date" value={dueDate} onChange={setDueDate} required />
      <TextField state={form} name="doneDate" label={t.doneDate} type="date" value={doneDate} onChange={setDoneDate} />
      <TextField state={form} name="note" label={t.note} value={note} onChange={setNote} multiline rows={2} />
    </SaveForm>
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
      texts={t}
      items={props.project.risks}
      nameOf={(x) => x.description}
      deletePath={(x) => `/project-risks/${x.id}`}
      before={
        <>
          <Paragraph data-size="sm">{pm.plan.scoreExplained}</Paragraph>
          {props.project.risks.length > 0 && (
            <Paragraph data-size="sm" className="dr-downloads">
              <Link href={exportPath('xlsx')} download>
                {t.downloadXlsx}
              </Link>
              <Link href={exportPath('csv')} download>
                {t.downloadCsv}
              </Link>
            </Paragraph>
          )}
        </>
      }
      head={
        <>
          <Table.HeaderCell scope="col">{t.description}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.before}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.measures}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.after}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.owner}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.status}</Table.HeaderCell>
        </>
      }
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
      form={(item, done, cancel, reload) => (
        <RiskForm projectId={props.project.id} item={item} onDone={done} onCancel={cancel} onReload={reload} />
      )}
    />
  );
}

const SCALE = ['1', '2', '3', '4', '5'];
const numberOrNull = (value: string) => (value === '' ? null : Number(value));

function ScaleField({
  form,
  name,
  label,
  value,
  onChange,
  required,
}: {
  form: ReturnType<typeof useForm>;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}) {
  return (
    <SelectField state={form} name={name} label={label} value={value} onChange={onChange} required={required}>
      <Select.Option value="">–</Select.Option>
      {SCALE.map((n) => (
        <Select.Option key={n} value={n}>
          {n}
        </Select.Option>
      ))}
    </SelectField>
  );
}

function RiskForm({ projectId, item, onDone, onCancel, onReload }: FormProps<Risk>) {
  const pm = useProjectMessages();
  const t = pm.plan.risks;
  const rm = useRiskMapMessages();
  const form = useForm();
  const text = (n: number | null | undefined) => (n == null ? '' : String(n));
  const [kind, setKind] = useState<string>(item?.kind ?? 'threat');
  const [description, setDescription] = useState(item?.description ?? '');
  const [probabilityBefore, setProbabilityBefore] = useState(text(item?.probabilityBefore));
  const [consequenceBefore, setConsequenceBefore] = useState(text(item?.consequenceBefore));
  const [measures, setMeasures] = useState(item?.measures ?? '');
  const [probabilityAfter, setProbabilityAfter] = useState(text(item?.probabilityAfter));
  const [consequenceAfter, setConsequenceAfter] = useState(text(item?.consequenceAfter));
  const [owner, setOwner] = useState(item?.owner ?? '');
  const [status, setStatus] = useState<string>(item?.status ?? 'open');
  const labels = {
    kind: rm.kindField,
    description: t.description,
    probabilityBefore: t.probabilityBefore,
    consequenceBefore: t.consequenceBefore,
    measures: t.measures,
    probabilityAfter: t.probabilityAfter,
    consequenceAfter: t.consequenceAfter,
    owner: t.owner,
    status: t.status,
  };
  const fields = {
    kind,
    description,
    probabilityBefore: numberOrNull(probabilityBefore) ?? undefined,
    consequenceBefore: numberOrNull(consequenceBefore) ?? undefined,
    measures,
    probabilityAfter: numberOrNull(probabilityAfter),
    consequenceAfter: numberOrNull(consequenceAfter),
    owner,
    status,
  };
  return (
    <SaveForm
      form={form}
      save={{
        item,
        create: { schema: RiskInputSchema, path: `/projects/${projectId}/risks` },
        update: { schema: RiskUpdateSchema, path: `/project-risks/${item?.id}` },
        input: fields,
        labels,
        done: (project: Project) => onDone(project, description.trim()),
      }}
      submitLabel={t.save}
      onCancel={onCancel}
      onReload={onReload}
    >
      <SelectField state={form} name="kind" label={rm.kindField} value={kind} onChange={setKind} required>
        {RISK_KINDS.map((k) => (
          <Select.Option key={k} value={k}>
            {rm.kinds[k]}
          </Select.Option>
        ))}
      </SelectField>
      <TextField
        state={form}
        name="description"
        label={t.description}
        value={description}
        onChange={setDescription}
        multiline
        rows={2}
        required
      />
      <ScaleField
        form={form}
        name="probabilityBefore"
        label={t.probabilityBefore}
        value={probabilityBefore}
        onChange={setProbabilityBefore}
        required
      />
      <ScaleField
        form={form}
        name="consequenceBefore"
        label={t.consequenceBefore}
        value={consequenceBefore}
        onChange={setConsequenceBefore}
        required
      />
      <TextField state={form} name="measures" label={t.measures} value={measures} onChange={setMeasures} multiline rows={2} />
      <ScaleField form={form} name="probabilityAfter" label={t.probabilityAfter} value={probabilityAfter} onChange={setProbabilityAfter} />
      <ScaleField form={form} name="consequenceAfter" label={t.consequenceAfter} value={consequenceAfter} onChange={setConsequenceAfter} />
      <TextField state={form} name="owner" label={t.owner} value={owner} onChange={setOwner} />
      <SelectField state={form} name="status" label={t.status} value={status} onChange={setStatus} required>
        {RISK_STATUSES.map((s) => (
          <Select.Option key={s} value={s}>
            {pm.plan.riskStatuses[s]}
          </Select.Option>
        ))}
      </SelectField>
    </SaveForm>
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
      texts={t}
      items={props.project.deliverables}
      nameOf={(x) => x.title}
      deletePath={(x) => `/project-deliverables/${x.id}`}
      head={
        <>
          <Table.HeaderCell scope="col">{t.title}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.description}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.dueDate}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.status}</Table.HeaderCell>
        </>
      }
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
      form={(item, done, cancel, reload) => (
        <DeliverableForm projectId={props.project.id} item={item} onDone={done} onCancel={cancel} onReload={reload} />
      )}
    />
  );
}

function DeliverableForm({ projectId, item, onDone, onCancel, onReload }: FormProps<Deliverable>) {
  const pm = useProjectMessages();
  const t = pm.plan.deliverables;
  const form = useForm();
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [dueDate, setDueDate] = useState(item?.dueDate ?? '');
  const [status, setStatus] = useState<string>(item?.status ?? 'planned');
  const labels = { title: t.title, description: t.description, dueDate: t.dueDate, status: t.status };
  const fields = { title, description, dueDate: orNull(dueDate), status };
  return (
    <SaveForm
      form={form}
      save={{
        item,
        create: { schema: DeliverableInputSchema, path: `/projects/${projectId}/deliverables` },
        update: { schema: DeliverableUpdateSchema, path: `/project-deliverables/${item?.id}` },
        input: fields,
        labels,
        done: (project: Project) => onDone(project, title.trim()),
      }}
      submitLabel={t.save}
      onCancel={onCancel}
      onReload={onReload}
    >
      <TextField state={form} name="title" label={t.title} value={title} onChange={setTitle} required />
      <TextField state={form} name="description" label={t.description} value={description} onChange={setDescription} multiline rows={3} />
      <TextField state={form} name="dueDate" label={t.dueDate} type="date" value={dueDate} onChange={setDueDate} />
      <SelectField state={form} name="status" label={t.status} value={status} onChange={setStatus} required>
        {DELIVERABLE_STATUSES.map((s) => (
          <Select.Option key={s} value={s}>
            {pm.plan.deliverableStatuses[s]}
          </Select.Option>
        ))}
      </SelectField>
    </SaveForm>
  );
}
