import type { LeaseInfo } from '../../../shared/contract/schemas/leases';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** lease.revoke after a confirmation: the shell ends and dynamic credentials are revoked at the source. */
export function RevokeLeaseDialog({ lease, onClose, onDone }: { lease: LeaseInfo; onClose(): void; onDone(): void }) {
  return (
    <ConfirmDialog
      title="Revoke this lease?"
      testId="dialog-revoke-lease"
      confirmLabel="Revoke and end the shell"
      busyLabel="Revoking…"
      confirmTestId="lease-revoke-confirm"
      run={(api) => api.call('lease.revoke', { lease: lease.id })}
      success={() => ({ content: `Revoked the lease for ${lease.project}.`, testId: 'lease-revoked' })}
      onClose={onClose}
      onDone={onDone}
    >
      <ul className="shell-dialog-list">
        <li>The {lease.project} shell ends now; anything running in it is hung up.</li>
        <li>Its injected values are withdrawn, and dynamic credentials are revoked at their source.</li>
      </ul>
    </ConfirmDialog>
  );
}
