import type { ReactNode } from 'react';
import { ConfirmForm } from './forms.tsx';
import { ModalDialog } from './ui.tsx';

/**
 * A confirmation in a modal dialog (`ConfirmForm` in `ModalDialog`), open while `item` is not null: what it asks
 * about is drawn from the item, and the confirmation acts on it. Cancel closes; a refusal's «load again» is `onReload`
 * (the page closes the dialog there and loads its data again).
 */
export function ConfirmDialog<T>({
  item,
  title,
  confirmLabel = title,
  danger,
  onClose,
  onReload,
  onConfirm,
  children,
}: {
  item: T | null;
  title: string;
  /** The confirming button's text, where it is not the dialog's title. */
  confirmLabel?: string;
  danger?: boolean;
  onClose: () => void;
  onReload: () => void;
  onConfirm: (item: T) => Promise<void>;
  children: (item: T) => ReactNode;
}) {
  return (
    <ModalDialog open={item !== null} onClose={onClose} title={title}>
      {item !== null && (
        <ConfirmForm confirmLabel={confirmLabel} danger={danger} onCancel={onClose} onReload={onReload} onConfirm={() => onConfirm(item)}>
          {children(item)}
        </ConfirmForm>
      )}
    </ModalDialog>
  );
}
