import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { formatHours, parseHours } from '../../../shared/finance/own-effort.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import type { NetworkOverview } from '../../../shared/network/schema.ts';
import { api } from '../../app/api.ts';
import { ConfirmForm, TextField, useForm } from '../../app/forms.tsx';
import type { BoundField } from '../../app/fields.tsx';
import { sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { HeadRow, RowAction, type ColumnHeading } from '../../app/table.tsx';
import { EditDialog, useRowDialogs } from '../../app/row-dialogs.tsx';
import { ButtonRow, ModalDialog, ScrollRegion } from '../../app/ui.tsx';
import type { z } from 'zod';

/**
 * The pieces the finance pages (and the financing on the project page) share: tables of rows with a total, the row
 * actions and their dialogs, the download links, and the hours and projects as their forms read and show them.
 */

/** What a section of a finance page is told: its network, what to say after a change, and how to load again when stale. */
export interface SectionProps {
  network: NetworkOverview;
  onChanged: (message: string) => void;
  onReload: () => void;
}

/**
 * What a list's create dialog tells its form (`ListWithCreate`'s `close` given): cancel and a stale refusal close it,
 * a save closes it and opens the new record's page, which says `message`.
 */
export function useOpenCreated(path: (id: string) => string, message: string) {
  const navigate = useNavigate();
  return (close: () => void) => ({
    onCancel: close,
    onReload: close,
    onSaved: (created: { id: string }) => {
      close();
      void navigate(path(created.id), { state: { message } });
    },
  });
}

/** Right-aligned figures, as in the project tables. */
const NUMBER = 'dr-project-number';

export interface Column<T> {
  heading: ReactNode;
  cell: (row: T) => ReactNode;
  /** A figure: aligned to the right, heading and cells. */
  number?: boolean;
  /** The cell names the row (a row header). */
  rowHeader?: boolean;
}

/** The total row under a table: its name across `span` columns, the figures, and `after` empty columns. */
export interface TotalRow {
  label: ReactNode;
  span?: number;
  figures: ReactNode[];
  after?: number;
}

/** A table of rows with figures and their total, in a region that scrolls sideways on a narrow screen. */
export function FiguresTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  total,
  size = 'sm',
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  total?: TotalRow;
  size?: 'sm' | 'md';
}) {
  return (
    <ScrollRegion label={caption}>
      <Table zebra data-size={size === 'sm' ? 'sm' : undefined}>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {columns.map((c, i) => (
              <Table.HeaderCell key={i} scope="col" className={c.number ? NUMBER : undefined}>
                {c.heading}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={rowKey(row)}>
              {columns.map((c, i) =>
                c.rowHeader ? (
                  <Table.HeaderCell key={i} scope="row">
                    {c.cell(row)}
                  </Table.HeaderCell>
                ) : (
                  <Table.Cell key={i} className={c.number ? NUMBER : undefined}>
                    {c.cell(row)}
                  </Table.Cell>
                ),
              )}
            </Table.Row>
          ))}
        </Table.Body>
        {total && (
          <tfoot>
            <Table.Row>
              <Table.HeaderCell scope="row" colSpan={total.span}>
                {total.label}
              </Table.HeaderCell>
              {total.figures.map((figure, i) => (
                <Table.Cell key={i} className={NUMBER}>
                  {figure}
                </Table.Cell>
              ))}
              {total.after !== undefined && <Table.Cell colSpan={total.after} />}
            </Table.Row>
          </tfoot>
        )}
      </Table>
    </ScrollRegion>
  );
}

/**
 * A table whose totals stand in a footer row under the body: the row's name (across `span` columns), then one cell a
 * column, null where a column has no total. The children are the body's rows.
 */
export function TotalsTable({
  caption,
  columns,
  foot,
  children,
}: {
  caption: string;
  columns: readonly ColumnHeading[];
  foot: { label: ReactNode; span?: number; cells: readonly ReactNode[] };
  children: ReactNode;
}) {
  return (
    <ScrollRegion label={caption}>
      <Table zebra>
        <caption>{caption}</caption>
        <HeadRow cells={columns} />
        <Table.Body>{children}</Table.Body>
        <tfoot>
          <Table.Row>
            <Table.HeaderCell scope="row" colSpan={foot.span}>
              {foot.label}
            </Table.HeaderCell>
            {foot.cells.map((cell, i) => (
              <Table.Cell key={i}>{cell}</Table.Cell>
            ))}
          </Table.Row>
        </tfoot>
      </Table>
    </ScrollRegion>
  );
}

/** Hours and their value by municipality, project or month, with the total. */
export function HoursValueTable({
  caption,
  label,
  rows,
  total,
  texts,
  hours,
  kroner,
  size,
}: {
  caption: string;
  /** The first column's heading: what a row is. */
  label: string;
  rows: readonly { key: string; name: string; hundredths: number; value: number }[];
  total: { hundredths: number; value: number };
  texts: { hours: string; value: string; total: string };
  hours: (hundredths: number) => string;
  kroner: (amount: number) => string;
  size?: 'sm' | 'md';
}) {
  return (
    <FiguresTable
      caption={caption}
      size={size}
      columns={[
        { heading: label, cell: (r) => r.name, rowHeader: true },
        { heading: texts.hours, cell: (r) => hours(r.hundredths), number: true },
        { heading: texts.value, cell: (r) => kroner(r.value), number: true },
      ]}
      rows={rows}
      rowKey={(r) => r.key}
      total={{ label: texts.total, figures: [hours(total.hundredths), kroner(total.value)] }}
    />
  );
}

/**
 * The confirmation of a delete in a dialog; where the record may not be deleted (`refused` says why), that and a way
 * back instead.
 */
export function ConfirmDelete({
  refused,
  confirmLabel,
  onCancel,
  onReload,
  onConfirm,
  children,
}: {
  refused?: string | false;
  confirmLabel: string;
  onCancel: () => void;
  onReload: () => void;
  onConfirm: () => Promise<void>;
  children: ReactNode;
}) {
  const { m } = useI18n();
  if (refused) {
    return (
      <div className="dr-stack">
        <Paragraph>{refused}</Paragraph>
        <ButtonRow>
          <Button type="button" variant="secondary" onClick={onCancel}>
            {m.common.cancel}
          </Button>
        </ButtonRow>
      </div>
    );
  }
  return (
    <ConfirmForm confirmLabel={confirmLabel} danger onCancel={onCancel} onReload={onReload} onConfirm={onConfirm}>
      <Paragraph>{children}</Paragraph>
    </ConfirmForm>
  );
}

/** Change and delete buttons of a row, each named by the row for screen readers. */
export function EditDeleteActions({
  edit,
  remove,
}: {
  edit: { text: string; label: string; onClick: () => void };
  remove: { text: string; label: string; onClick: () => void };
}) {
  return (
    <ButtonRow>
      <RowAction label={edit.label} onClick={edit.onClick}>
        {edit.text}
      </RowAction>
      <RowAction label={remove.label} danger onClick={remove.onClick}>
        {remove.text}
      </RowAction>
    </ButtonRow>
  );
}

/** The texts of a list's row actions and dialogs, as the own-effort and capacity messages name them. */
export interface RowTexts {
  actions: string;
  edit: string;
  editOf: string;
  delete: string;
  deleteOf: string;
  dialogCreate: string;
  dialogEdit: string;
  deleteTitle: string;
  saved: string;
  deleted: string;
}

/** The last column of a list's table: change and delete for the rows the user may change, named by `names`. */
export function actionsColumn<T extends { editable: boolean }>(
  t: RowTexts,
  open: { edit: (row: T) => void; remove: (row: T) => void },
  names: (row: T) => Record<string, string>,
): Column<T> {
  return {
    heading: t.actions,
    cell: (row) =>
      row.editable && (
        <EditDeleteActions
          edit={{ text: t.edit, label: fmt(t.editOf, names(row)), onClick: () => open.edit(row) }}
          remove={{ text: t.delete, label: fmt(t.deleteOf, names(row)), onClick: () => open.remove(row) }}
        />
      ),
  };
}

/** The button that opens a list's create dialog, or the line saying why the user may only read it. */
export function CreateButton({
  label,
  readOnly,
  secondary,
  onClick,
}: {
  label: string;
  readOnly: string | false;
  secondary?: boolean;
  onClick: () => void;
}) {
  return readOnly ? (
    <Paragraph data-size="sm" className="dr-muted">
      {readOnly}
    </Paragraph>
  ) : (
    <ButtonRow>
      <Button type="button" variant={secondary ? 'secondary' : undefined} onClick={onClick}>
        {label}
      </Button>
    </ButtonRow>
  );
}

/**
 * A list of rows one creates, changes and deletes in dialogs: `children` gets the ways to open them and renders the
 * list; the dialogs follow it. A row is deleted with its version (`?version=`), so a stale page is refused.
 */
export function RowDialogs<T extends { id: string; version: number }>({
  texts,
  deletePath,
  deleteConfirm,
  form,
  onChanged,
  onReload,
  children,
}: {
  texts: RowTexts;
  deletePath: (row: T) => string;
  deleteConfirm: (row: T) => ReactNode;
  form: (row: T | null, props: { onSaved: () => void; onReload: () => void }) => ReactNode;
  onChanged: (message: string) => void;
  onReload: () => void;
  children: (open: { create: () => void; edit: (row: T) => void; remove: (row: T) => void }) => ReactNode;
}) {
  const dialogs = useRowDialogs<T>(onReload);
  const { deleting, setEditing, setDeleting, close, reload } = dialogs;
  return (
    <>
      {children({ create: () => setEditing('new'), edit: setEditing, remove: setDeleting })}
      <EditDialog dialogs={dialogs} addTitle={texts.dialogCreate} editTitle={texts.dialogEdit}>
        {(row) =>
          form(row, {
            onReload: reload,
            onSaved: () => {
              close();
              onChanged(texts.saved);
            },
          })
        }
      </EditDialog>
      <ModalDialog open={deleting !== null} onClose={close} title={texts.deleteTitle}>
        {deleting && (
          <ConfirmDelete
            confirmLabel={texts.delete}
            onCancel={close}
            onReload={reload}
            onConfirm={async () => {
              await api(`${deletePath(deleting)}?version=${deleting.version}`, { method: 'DELETE' });
              close();
              onChanged(texts.deleted);
            }}
          >
            {deleteConfirm(deleting)}
          </ConfirmDelete>
        )}
      </ModalDialog>
    </>
  );
}

interface PutValueProps<T, R> {
  schema: z.ZodType<T>;
  path: string;
  name: string;
  label: string;
  description: string;
  initial: string;
  /** The value as the schema reads it, from the text typed. */
  read: (text: string) => unknown;
  version: number | null;
  submitLabel: string;
  onSaved: (saved: R) => void;
  onReload: () => void;
}

/**
 * A form of one value put at its own address (a year's rate, a member's commitment): PUT, with the version once the
 * value exists, so the first setting creates it and a stale page is refused.
 */
export function PutValueForm<T, R>({
  schema,
  path,
  name,
  label,
  description,
  initial,
  read,
  version,
  submitLabel,
  onSaved,
  onReload,
}: PutValueProps<T, R>) {
  const form = useForm();
  const [value, setValue] = useState(initial);
  return (
    <SubmitForm
      form={form}
      submit={{
        schema,
        input: { [name]: read(value), ...(version === null ? {} : { version }) },
        labels: { [name]: label, version: label },
        send: sendTo<R>(path, 'PUT'),
        done: onSaved,
      }}
      submitLabel={submitLabel}
      onReload={onReload}
    >
      <TextField state={form} name={name} label={label} description={description} value={value} onChange={setValue} required />
    </SubmitForm>
  );
}

/** `PutValueForm` in a dialog, open while `form` is given; a save or a stale refusal closes it. */
export function PutValueDialog<T, R>({
  title,
  form,
  onClose,
  onSaved,
  onReload,
}: {
  title: string;
  form: Omit<PutValueProps<T, R>, 'onSaved' | 'onReload'> | null;
  onClose: () => void;
  onSaved: (saved: R) => void;
  onReload: () => void;
}) {
  return (
    <ModalDialog open={form !== null} onClose={onClose} title={title}>
      {form && (
        <PutValueForm
          {...form}
          onReload={() => {
            onClose();
            onReload();
          }}
          onSaved={(saved: R) => {
            onClose();
            onSaved(saved);
          }}
        />
      )}
    </ModalDialog>
  );
}

/** Hours as typed («7,5»); the text itself when it is no number of hours, so the schema names the field. */
export function hoursInput(text: string): number | string | undefined {
  return parseHours(text) ?? (text.trim() === '' ? undefined : text);
}

/** Hours as the forms show them, with the language's decimal sign. */
export function hoursText(hundredths: number, lang: Language): string {
  return formatHours(hundredths, lang === 'en' ? '.' : ',');
}

/** The hours and the note of an entry or a plan of own effort, from the form's `field`. */
export function HoursNoteFields({
  field,
  texts,
}: {
  field: (name: 'hoursHundredths' | 'note', label: string, description?: string) => BoundField;
  texts: { hours: string; hoursDescription: string; note: string };
}) {
  return (
    <>
      <TextField {...field('hoursHundredths', texts.hours, texts.hoursDescription)} required />
      <TextField {...field('note', texts.note)} multiline rows={2} />
    </>
  );
}

/** The network's projects as a choice's options, «reference title». */
export function projectOptions(projects: readonly { id: string; reference: string; title: string }[]) {
  return projects.map((p) => ({ value: p.id, label: `${p.reference} ${p.title}` }));
}

/** Municipalities as a choice's options. */
export function municipalityOptions(municipalities: readonly { number: string; name: string }[]) {
  return municipalities.map((m) => ({ value: m.number, label: m.name }));
}
