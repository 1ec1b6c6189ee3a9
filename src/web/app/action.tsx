import { useState } from 'react';
import { type ApiError, asApiError } from './api.ts';

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
