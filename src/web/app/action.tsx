import { useState, type ReactNode } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { type ApiError, asApiError } from './api.ts';
import { FailureAlert } from './forms.tsx';
import { useI18n } from './i18n/index.tsx';
import { ButtonRow } from './ui.tsx';

/**
 * A request a button starts outside a form: `run(action)` marks it busy and clears the last failure, and keeps the
 * new failure as an `ApiError` for a `FailureAlert`. The busy flag holds the button until the answer is in.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, setFailure, run };
}

/**
 * A confirmation of what cannot be undone (a removal, a revocation) in a dialog: the failure, what will happen, the
 * danger button and «Avbryt», which has the focus so that Enter does not remove.
 */
export function DangerConfirm({
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  onReload,
}: {
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { m } = useI18n();
  const { busy, failure, run } = useAction();
  return (
    <div className="dr-stack">
      <FailureAlert error={failure} onReload={onReload} />
      {children}
      <ButtonRow>
        <Button type="button" data-color="danger" disabled={busy} onClick={() => void run(onConfirm)}>
          {busy ? m.common.saving : confirmLabel}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel} autoFocus>
          {m.common.cancel}
        </Button>
      </ButtonRow>
    </div>
  );
}
