import type { ShellInfo } from '../../../shared/contract/schemas/leases';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** shell.close: hang up the shell (SIGHUP) and end its lease. */
export function CloseShellDialog({ shell, onClose, onDone }: { shell: ShellInfo; onClose(): void; onDone(): void }) {
  return (
    <ConfirmDialog
      title="Close this shell?"
      testId="dialog-close-shell"
      confirmLabel="Close shell"
      busyLabel="Closing…"
      confirmTestId="shell-close-confirm"
      run={(api) => api.call('shell.close', { shell: shell.id })}
      success={() => ({ content: `Closed the ${shell.project} shell and ended its lease.`, testId: 'shell-closed' })}
      onClose={onClose}
      onDone={onDone}
    >
      <p>Anything still running in the {shell.project} shell is hung up, and its lease ends.</p>
    </ConfirmDialog>
  );
}
