import { useState, type ReactNode } from 'react';
import type { LatchApi } from '../../shared/contract/api';
import type { ContractError } from '../../shared/contract/errors';
import type { Result } from '../../shared/contract/result';
import { useApi } from '../api/connection-context';
import { Dialog } from './Dialog';
import { FormError } from './States';
import { useToasts } from './Toasts';

interface ConfirmDialogProps<T> {
  title: string;
  testId: string;
  /** What the confirm button says, idle and while the call runs. */
  confirmLabel: string;
  busyLabel: string;
  confirmTestId: string;
  tone?: 'danger' | 'primary';
  /** The one broker call the dialog confirms. */
  run(api: LatchApi): Promise<Result<T>>;
  /** The success toast's text and test id. */
  success(value: T): { content: ReactNode; testId: string };
  onClose(): void;
  /** After a successful call, before the dialog closes. */
  onDone(): void;
  children: ReactNode;
}

/** "Are you sure?" for one broker call: Cancel / confirm, the error inline, a toast on success. */
export function ConfirmDialog<T>({ title, testId, confirmLabel, busyLabel, confirmTestId, tone = 'danger', run, success, onClose, onDone, children }: ConfirmDialogProps<T>) {
  const api = useApi();
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ContractError | null>(null);

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    const result = await run(api);
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onDone();
    toasts.show({ tone: 'ok', ...success(result.value) });
    onClose();
  };

  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId={testId}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className={`button button-${tone}`} disabled={busy} data-autofocus data-testid={confirmTestId}>
            {busy ? busyLabel : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      <FormError error={failure} />
    </Dialog>
  );
}
