import { useRef, useState } from 'react';
import { z } from 'zod';
import { Field, Heading, Input, Label, Link, Paragraph, Table, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { BASIS_DOCUMENT_KINDS, type BasisDocument, type BasisDocumentKind, type Project } from '../../../shared/portfolio/projects.ts';
import { api, type Loaded } from '../../app/api.ts';
import { fieldMessage, SuccessMessage, useForm } from '../../app/forms.tsx';
import { OptionSelect, optionsOf } from '../../app/form-parts.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Section } from '../../app/ui.tsx';
import { DeleteDialog, useRowDialogs } from '../../app/row-dialogs.tsx';
import { formatSize } from '../../app/format.ts';
import { useProjectMessages } from './messages.ts';
import { DOCUMENT_ACCEPT, documentType, frozenBy, projectDocumentUrl } from './projects-api.ts';
import { DataTable, RowAction } from '../../app/table.tsx';

/**
 * The documents decisions are made on, kind by kind: download for everyone who reads the project; the secretariat
 * uploads and deletes them, except those a decision has frozen, which are marked with the decision point.
 */
export function BasisDocuments({ project, loaded, editable }: { project: Project; loaded: Loaded<Project>; editable: boolean }) {
  const { m, number, dateTime } = useI18n();
  const pm = useProjectMessages();
  const t = pm.documents;
  const dialogs = useRowDialogs<BasisDocument>(loaded.reload);
  const kinds = BASIS_DOCUMENT_KINDS.filter((k) => project.basisDocuments.some((d) => d.kind === k));
  return (
    <Section id="project-documents" title={t.heading}>
      <Paragraph data-size="sm">{t.intro}</Paragraph>
      <SuccessMessage message={dialogs.status} />
      {kinds.length === 0 && <Paragraph>{t.none}</Paragraph>}
      {kinds.map((kind) => (
        <DataTable
          key={kind}
          caption={fmt(t.caption, { kind: pm.documentKinds[kind], reference: project.reference })}
          columns={[t.file, t.size, t.uploadedAt, t.status, editable && m.common.actions]}
        >
          {project.basisDocuments
            .filter((d) => d.kind === kind)
            .map((d) => {
              const point = frozenBy(d, project.decisions);
              const frozen = d.frozenByDecisionId !== null;
              return (
                <Table.Row key={d.id}>
                  <Table.Cell>
                    <Link href={projectDocumentUrl(d.id)} download={d.fileName}>
                      {d.fileName}
                    </Link>
                  </Table.Cell>
                  <Table.Cell className="dr-project-nowrap">{formatSize(d.size, number)}</Table.Cell>
                  <Table.Cell>{dateTime(d.uploadedAt)}</Table.Cell>
                  <Table.Cell>
                    {frozen ? (
                      <Tag data-color="info" data-size="sm">
                        {fmt(t.frozen, { point: point ? pm.decisionPointShort[point] : '' }).trim()}
                      </Tag>
                    ) : (
                      t.open
                    )}
                  </Table.Cell>
                  {editable && (
                    <Table.Cell>
                      {!frozen && (
                        <RowAction label={fmt(t.deleteLabel, { name: d.fileName })} danger onClick={() => dialogs.setDeleting(d)}>
                          {t.delete}
                        </RowAction>
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
              );
            })}
        </DataTable>
      ))}
      {editable && (
        <UploadForm
          project={project}
          onUploaded={(document) => {
            dialogs.setStatus(fmt(t.uploaded, { name: document.fileName, kind: pm.documentKinds[document.kind] }));
            // The answer is the document; the project's missing basis changes with it.
            loaded.reload();
          }}
        />
      )}
      <DeleteDialog
        dialogs={dialogs}
        title={t.deleteTitle}
        confirmLabel={t.delete}
        path={(d) => `/project-documents/${d.id}`}
        question={(d) => fmt(t.deleteConfirm, { name: d.fileName })}
        deleted={(d) => fmt(t.deleted, { name: d.fileName })}
      />
    </Section>
  );
}

/** The upload has no fields the schema checks: the file's type is checked here, and again by the server. */
const DocumentUpload = z.object({});

function UploadForm({ project, onUploaded }: { project: Project; onUploaded: (document: BasisDocument) => void }) {
  const { lang } = useI18n();
  const pm = useProjectMessages();
  const t = pm.documents;
  const form = useForm();
  const input = useRef<HTMLInputElement>(null);
  // The first missing kind is the likely next upload.
  const [kind, setKind] = useState<BasisDocumentKind>(project.next.missingBasis[0] ?? 'mandate');
  const [localError, setLocalError] = useState<string | null>(null);
  const error = localError ?? form.errors.fileName ?? form.errors.file;
  return (
    <SubmitForm
      form={form}
      submit={() => {
        const file = input.current?.files?.[0];
        if (!file) {
          setLocalError(t.noFile);
          return;
        }
        const type = documentType(file.name);
        if (!type) {
          setLocalError(fieldMessage(lang, 'fileType', t.fileLabel));
          return;
        }
        setLocalError(null);
        void form.submit({
          schema: DocumentUpload,
          input: {},
          labels: { kind: t.kind, fileName: t.fileLabel, file: t.fileLabel },
          send: () =>
            api<BasisDocument>(`/projects/${project.id}/documents?kind=${kind}&fileName=${encodeURIComponent(file.name)}`, {
              method: 'POST',
              file: { data: file, contentType: type },
            }),
          done: (document) => {
            if (input.current) input.current.value = '';
            onUploaded(document);
          },
        });
      }}
      labelledBy="project-upload-heading"
      intro={
        <Heading level={3} data-size="xs" id="project-upload-heading">
          {t.upload}
        </Heading>
      }
      submitLabel={t.uploadButton}
    >
      <OptionSelect
        state={form}
        name="kind"
        label={t.kind}
        value={kind}
        onChange={(v) => setKind(v as BasisDocumentKind)}
        options={optionsOf(BASIS_DOCUMENT_KINDS, pm.documentKinds)}
        required
      />
      <Field>
        <Label>{t.fileLabel}</Label>
        <Field.Description>{t.fileDescription}</Field.Description>
        <Input
          ref={input}
          id={form.id('fileName')}
          type="file"
          accept={DOCUMENT_ACCEPT}
          aria-invalid={error ? true : undefined}
          onChange={() => setLocalError(null)}
        />
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
    </SubmitForm>
  );
}
