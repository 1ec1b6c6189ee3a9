import { useRef, useState } from 'react';
import { z } from 'zod';
import { Checkbox, Field, Input, Label, Link, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { DocumentUpdateSchema, type AgendaItem, type CaseDocument } from '../../../shared/meetings/schema.ts';
import { api } from '../../app/api.ts';
import { ConfirmForm, fieldMessage, SuccessMessage, TextField, useForm } from '../../app/forms.tsx';
import { dialogHandlers, sendTo } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ModalDialog, Section } from '../../app/ui.tsx';
import { ATTACHMENT_ACCEPT, attachmentType, documentUrl, formatSize, uploadDocument } from './meeting-api.ts';
import { useMeetingMessages } from './messages.ts';
import { RowAction, DataTable } from '../../app/table.tsx';
import type { DialogFormProps } from '../../app/kit.tsx';

type Dialog = { kind: 'exempt'; document: CaseDocument } | { kind: 'delete'; document: CaseDocument };

/**
 * A case's attachments: download for everyone who reads the meeting; the secretariat uploads PDF,
 * DOCX and XLSX files, marks them exempt from public access with the legal basis, and deletes them.
 */
export function Attachments({
  item,
  editable,
  onChange,
  onReload,
}: {
  item: AgendaItem;
  editable: boolean;
  onChange: (documents: CaseDocument[]) => void;
  onReload: () => void;
}) {
  const { m, number, dateTime } = useI18n();
  const mm = useMeetingMessages();
  const a = mm.attachments;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const close = () => setDialog(null);
  const documents = item.documents;

  return (
    <Section id="attachments-heading" title={a.heading}>
      <SuccessMessage message={status} />
      {documents.length === 0 ? (
        <Paragraph>{a.none}</Paragraph>
      ) : (
        <DataTable caption={fmt(a.caption, { title: item.title })} columns={[a.file, a.size, a.exempt, editable && m.common.actions]}>
          {documents.map((d) => (
            <Table.Row key={d.id}>
              <Table.Cell>
                <Link href={documentUrl(d.id)} download={d.fileName}>
                  {d.fileName}
                </Link>
                <Paragraph data-size="sm" className="dr-muted">
                  {dateTime(d.createdAt)}
                </Paragraph>
              </Table.Cell>
              <Table.Cell>{formatSize(d.size, number)}</Table.Cell>
              <Table.Cell>{d.exemptFromPublic ? fmt(a.exemptWith, { basis: d.exemptLegalBasis ?? '' }) : a.public}</Table.Cell>
              {editable && (
                <Table.Cell>
                  <span className="dr-button-row">
                    <RowAction
                      label={fmt(a.editExemptLabel, { name: d.fileName })}
                      onClick={() => setDialog({ kind: 'exempt', document: d })}
                    >
                      {a.editExempt}
                    </RowAction>
                    <RowAction
                      label={fmt(a.deleteLabel, { name: d.fileName })}
                      danger
                      onClick={() => setDialog({ kind: 'delete', document: d })}
                    >
                      {a.delete}
                    </RowAction>
                  </span>
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </DataTable>
      )}
      {editable && (
        <UploadForm
          caseId={item.caseId}
          onUploaded={(document) => {
            onChange([...documents, document]);
            setStatus(fmt(a.uploaded, { name: document.fileName }));
          }}
        />
      )}

      <ModalDialog
        open={dialog?.kind === 'exempt'}
        onClose={close}
        title={dialog?.kind === 'exempt' ? fmt(a.editExemptTitle, { name: dialog.document.fileName }) : ''}
      >
        {dialog?.kind === 'exempt' && (
          <ExemptForm
            document={dialog.document}
            {...dialogHandlers<CaseDocument>(close, onReload, (saved) => {
              onChange(documents.map((d) => (d.id === saved.id ? saved : d)));
              setStatus(m.common.saved);
            })}
          />
        )}
      </ModalDialog>
      <ModalDialog open={dialog?.kind === 'delete'} onClose={close} title={a.deleteTitle}>
        {dialog?.kind === 'delete' && (
          <ConfirmForm
            confirmLabel={a.delete}
            danger
            onCancel={close}
            onReload={() => {
              close();
              onReload();
            }}
            onConfirm={async () => {
              const d = dialog.document;
              await api(`/case-documents/${d.id}?version=${d.version}`, { method: 'DELETE' });
              close();
              onChange(documents.filter((x) => x.id !== d.id));
              setStatus(fmt(a.deleted, { name: d.fileName }));
            }}
          >
            <Paragraph>{fmt(a.deleteConfirm, { name: dialog.document.fileName })}</Paragraph>
          </ConfirmForm>
        )}
      </ModalDialog>
    </Section>
  );
}

/** Uploads one file; its type is checked here first, as the server checks it. */
function UploadForm({ caseId, onUploaded }: { caseId: string; onUploaded: (document: CaseDocument) => void }) {
  const { lang } = useI18n();
  const mm = useMeetingMessages();
  const a = mm.attachments;
  const form = useForm();
  const input = useRef<HTMLInputElement>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const error = localError ?? form.errors.fileName;
  const submit = () => {
    const file = input.current?.files?.[0];
    if (!file) {
      setLocalError(a.noFile);
      return;
    }
    const type = attachmentType(file.name);
    if (!type) {
      setLocalError(fieldMessage(lang, 'fileType', a.file));
      return;
    }
    setLocalError(null);
    return form.submit({
      schema: DocumentUpload,
      input: {},
      labels: { fileName: a.file },
      send: () => uploadDocument(caseId, file, type),
      done: (document) => {
        if (input.current) input.current.value = '';
        onUploaded(document);
      },
    });
  };
  return (
    <SubmitForm form={form} submit={submit} submitLabel={a.uploadButton}>
      <Field>
        <Label>{a.upload}</Label>
        <Field.Description>{a.uploadDescription}</Field.Description>
        <Input
          ref={input}
          id={form.id('fileName')}
          type="file"
          accept={ATTACHMENT_ACCEPT}
          aria-invalid={error ? true : undefined}
          onChange={() => setLocalError(null)}
        />
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
    </SubmitForm>
  );
}

/** The upload has no fields of its own: the file is checked above, and again by the server. */
const DocumentUpload = z.object({});

/** Public or exempt, with the legal basis. */
function ExemptForm({
  document,
  onSaved,
  onCancel,
  onReload,
}: DialogFormProps<CaseDocument> & {
  document: CaseDocument;
}) {
  const { m } = useI18n();
  const mm = useMeetingMessages();
  const form = useForm();
  const [exempt, setExempt] = useState(document.exemptFromPublic);
  const [basis, setBasis] = useState(document.exemptLegalBasis ?? '');
  const submit = () =>
    form.submit({
      schema: DocumentUpdateSchema,
      input: { exemptFromPublic: exempt, exemptLegalBasis: exempt ? basis : null, version: document.version },
      labels: { exemptFromPublic: mm.caseForm.exemptFromPublic, exemptLegalBasis: mm.caseForm.exemptLegalBasis },
      send: sendTo<CaseDocument>(`/case-documents/${document.id}`),
      done: onSaved,
    });
  return (
    <SubmitForm form={form} submit={submit} submitLabel={m.common.save} onCancel={onCancel} onReload={onReload}>
      <Checkbox
        id={form.id('exemptFromPublic')}
        label={mm.caseForm.exemptFromPublic}
        checked={exempt}
        onChange={(e) => setExempt(e.target.checked)}
      />
      {exempt && (
        <TextField
          state={form}
          name="exemptLegalBasis"
          label={mm.caseForm.exemptLegalBasis}
          description={mm.caseForm.exemptLegalBasisDescription}
          value={basis}
          onChange={setBasis}
          required
          autoComplete="off"
        />
      )}
    </SubmitForm>
  );
}
