import { useState, type ReactNode } from 'react';
import { Paragraph } from '@digdir/designsystemet-react';
import { api } from './api.ts';
import { ConfirmForm } from './forms.tsx';
import { ModalDialog } from './ui.tsx';

/**
 * The dialogs of a list whose rows are added, changed and deleted in place: the row being changed ('new' for one being
 * added) or deleted, the message after the last change, and `reload`, which closes the dialogs and loads the list again
 * (after a change, or when a save was refused as stale).
 */
export function useRowDialogs<T>(reloadList: () => void) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const close = () => {
    setEditing(null);
    setDeleting(null);
  };
  const reload = () => {
    close();
    reloadList();
  };
  /** After a change: the message to announce, and the list as it now is. */
  const changed = (message: string) => {
    setStatus(message);
    reload();
  };
  return { editing, setEditing, deleting, setDeleting, status, setStatus, close, reload, changed };
}

export type RowDialogs<T> = ReturnType<typeof useRowDialogs<T>>;

/** The add-or-change dialog of such a list: `children` draws the form for the row, null for a new one. */
export function EditDialog<T>({
  dialogs,
  addTitle,
  editTitle,
  children,
}: {
  dialogs: RowDialogs<T>;
  addTitle: string;
  editTitle: string;
  children: (item: T | null) => ReactNode;
}) {
  const { editing, close } = dialogs;
  return (
    <ModalDialog open={editing !== null} onClose={close} title={editing === 'new' ? addTitle : editTitle}>
      {editing !== null && children(editing === 'new' ? null : editing)}
    </ModalDialog>
  );
}

/**
 * The confirmation before a row is deleted: the question, and a danger button that DELETEs the row's `path` with the
 * version it was loaded with (409 when someone changed it meanwhile); then the message `deleted` gives.
 */
export function DeleteDialog<T extends { version: number }>({
  dialogs,
  title,
  confirmLabel,
  path,
  question,
  deleted,
}: {
  dialogs: RowDialogs<T>;
  title: string;
  confirmLabel: string;
  path: (item: T) => string;
  question: (item: T) => string;
  deleted: (item: T) => string;
}) {
  const { deleting, close, reload, changed } = dialogs;
  return (
    <ModalDialog open={deleting !== null} onClose={close} title={title}>
      {deleting && (
        <DeleteConfirm
          path={`${path(deleting)}?version=${deleting.version}`}
          question={question(deleting)}
          confirmLabel={confirmLabel}
          deleted={deleted(deleting)}
          onDone={changed}
          onCancel={close}
          onReload={reload}
        />
      )}
    </ModalDialog>
  );
}

/** What a dialog's body is told: to report what it did (the message to announce), to cancel, and to reload when stale. */
export interface DialogActions {
  onDone: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}

/** The question before something is deleted, and a danger button that sends the DELETE to `path`; then `onDone(deleted)`. */
export function DeleteConfirm({
  path,
  question,
  confirmLabel,
  deleted,
  onDone,
  onCancel,
  onReload,
}: DialogActions & { path: string; question: string; confirmLabel: string; /** The message once it is deleted. */ deleted: string }) {
  return (
    <ConfirmForm
      confirmLabel={confirmLabel}
      danger
      onCancel={onCancel}
      onReload={onReload}
      onConfirm={async () => {
        await api(path, { method: 'DELETE' });
        onDone(deleted);
      }}
    >
      <Paragraph>{question}</Paragraph>
    </ConfirmForm>
  );
}
