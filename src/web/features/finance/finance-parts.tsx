import { useState, type ReactNode } from 'react';
import { Button, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../app/i18n/index.tsx';
import { formatHours, parseHours } from '../../../shared/finance/own-effort.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { api } from '../../app/api.ts';
import { ConfirmForm, FormMessages, TextField, useForm, type FormState } from '../../app/forms.tsx';
import { FormButtons } from '../../app/kit.tsx';
import { RowAction } from '../../app/table.tsx';
import { ButtonRow, ModalDialog, ScrollRegion } from '../../app/ui.tsx';
import type { z } from 'zod';

/**
 * The pieces the finance pages (and the financing on the project page) share: tables of rows with a total, the row
 * actions and their dialogs, the download links, and the hours and projects as their forms read and show them.
 */

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
  texts: { create: string; edit: string; deleteTitle: string; delete: string; saved: string; deleted: string };
  deletePath: (row: T) => string;
  deleteConfirm: (row: T) => ReactNode;
  form: (row: T | null, props: { onSaved: () => void; onReload: () => void }) => ReactNode;
  onChanged: (message: string) => void;
  onReload: () => void;
  children: (open: { create: () => void; edit: (row: T) => void; remove: (row: T) => void }) => ReactNode;
}) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const reload = () => {
    setEditing(null);
    setDeleting(null);
    onReload();
  };
  return (
    <>
      {children({ create: () => setEditing('new'), edit: setEditing, remove: setDeleting })}
      <ModalDialog open={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? texts.create : texts.edit}>
        {editing !== null &&
          form(editing === 'new' ? null : editing, {
            onReload: reload,
            onSaved: () => {
              setEditing(null);
              onChanged(texts.saved);
            },
          })}
      </ModalDialog>
      <ModalDialog open={deleting !== null} onClose={() => setDeleting(null)} title={texts.deleteTitle}>
        {deleting && (
          <ConfirmDelete
            confirmLabel={texts.delete}
            onCancel={() => setDeleting(null)}
            onReload={reload}
            onConfirm={async () => {
              await api(`${deletePath(deleting)}?version=${deleting.version}`, { method: 'DELETE' });
              setDeleting(null);
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
}: {
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
}) {
  const form = useForm();
  const [value, setValue] = useState(initial);
  return (
    <form
      className="dr-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit({
          schema,
          input: { [name]: read(value), ...(version === null ? {} : { version }) },
          labels: { [name]: label, version: label },
          send: (body) => api<R>(path, { method: 'PUT', body }),
          done: onSaved,
        });
      }}
    >
      <FormMessages form={form} onReload={onReload} />
      <TextField state={form} name={name} label={label} description={description} value={value} onChange={setValue} required />
      <FormButtons form={form} label={submitLabel} />
    </form>
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

/** The hours and the note of an entry or a plan of own effort. */
export function HoursNoteFields({
  form,
  texts,
  hours,
  onHours,
  note,
  onNote,
}: {
  form: FormState;
  texts: { hours: string; hoursDescription: string; note: string };
  hours: string;
  onHours: (text: string) => void;
  note: string;
  onNote: (text: string) => void;
}) {
  return (
    <>
      <TextField
        state={form}
        name="hoursHundredths"
        label={texts.hours}
        description={texts.hoursDescription}
        value={hours}
        onChange={onHours}
        required
      />
      <TextField state={form} name="note" label={texts.note} value={note} onChange={onNote} multiline rows={2} />
    </>
  );
}

/** The network's projects as a choice's options, «reference title». */
export function ProjectOptions({ projects }: { projects: readonly { id: string; reference: string; title: string }[] }) {
  return (
    <>
      {projects.map((p) => (
        <Select.Option key={p.id} value={p.id}>
          {`${p.reference} ${p.title}`}
        </Select.Option>
      ))}
    </>
  );
}

/** Municipalities as a choice's options. */
export function MunicipalityOptions({ municipalities }: { municipalities: readonly { number: string; name: string }[] }) {
  return (
    <>
      {municipalities.map((m) => (
        <Select.Option key={m.number} value={m.number}>
          {m.name}
        </Select.Option>
      ))}
    </>
  );
}
