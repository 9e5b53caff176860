import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { LeaseInfo } from '../../../shared/contract/schemas/leases';
import { useApi } from '../../api/connection-context';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';

/** lease.revoke after a confirmation: the shell ends and dynamic credentials are revoked at the source. */
export function RevokeLeaseDialog({ lease, onClose, onDone }: { lease: LeaseInfo; onClose(): void; onDone(): void }) {
  const api = useApi();
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ContractError | null>(null);

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    const result = await api.call('lease.revoke', { lease: lease.id });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onDone();
    toasts.show({ tone: 'ok', content: `Revoked the lease for ${lease.project}.`, testId: 'lease-revoked' });
    onClose();
  };

  return (
    <Dialog
      title="Revoke this lease?"
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="dialog-revoke-lease"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-danger" disabled={busy} data-autofocus data-testid="lease-revoke-confirm">
            {busy ? 'Revoking…' : 'Revoke and end the shell'}
          </button>
        </>
      }
    >
      <ul className="shell-dialog-list">
        <li>The {lease.project} shell ends now; anything running in it is hung up.</li>
        <li>Its injected values are withdrawn, and dynamic credentials are revoked at their source.</li>
      </ul>
      <FormError error={failure} />
    </Dialog>
  );
}
