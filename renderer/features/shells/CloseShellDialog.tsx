import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { ShellInfo } from '../../../shared/contract/schemas/leases';
import { useApi } from '../../api/connection-context';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';

/** shell.close: hang up the shell (SIGHUP) and end its lease. */
export function CloseShellDialog({ shell, onClose, onDone }: { shell: ShellInfo; onClose(): void; onDone(): void }) {
  const api = useApi();
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ContractError | null>(null);

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    const result = await api.call('shell.close', { shell: shell.id });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onDone();
    toasts.show({ tone: 'ok', content: `Closed the ${shell.project} shell and ended its lease.`, testId: 'shell-closed' });
    onClose();
  };

  return (
    <Dialog
      title="Close this shell?"
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="dialog-close-shell"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-danger" disabled={busy} data-autofocus data-testid="shell-close-confirm">
            {busy ? 'Closing…' : 'Close shell'}
          </button>
        </>
      }
    >
      <p>Anything still running in the {shell.project} shell is hung up, and its lease ends.</p>
      <FormError error={failure} />
    </Dialog>
  );
}
