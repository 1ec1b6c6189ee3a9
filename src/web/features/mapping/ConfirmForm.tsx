import { useState, type ReactNode } from 'react';
import { Button } from '@digdir/designsystemet-react';
import type { ApiError } from '../../app/api.ts';
import { FailureAlert } from '../../app/forms.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow } from '../../app/ui.tsx';
import { asApiError } from './mapping-api.ts';

/** A question with a confirm and a cancel button; a failure (a stale version among them) is shown above. */
export function ConfirmForm({
  children,
  confirmLabel,
  danger,
  onConfirm,
  onCancel,
  onReload,
}: {
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { m } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  return (
    <div className="dr-stack">
      <FailureAlert error={failure} onReload={onReload} />
      {children}
      <ButtonRow>
        <Button
          type="button"
          data-color={danger ? 'danger' : undefined}
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setFailure(null);
            onConfirm().then(
              () => setBusy(false),
              (error: unknown) => {
                setBusy(false);
                setFailure(asApiError(error));
              },
            );
          }}
        >
          {busy ? m.common.saving : confirmLabel}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {m.common.cancel}
        </Button>
      </ButtonRow>
    </div>
  );
}
