import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { WorkspaceInfo } from '../../../shared/contract/schemas/workspaces';
import { useApi } from '../../api/connection-context';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';
import { baseName } from './finding-model';

/** workspace.remove: stops the watcher; files and finding history are left alone. */
export function RemoveWorkspaceDialog({ workspace, onClose, onDone }: { workspace: WorkspaceInfo; onClose(): void; onDone(): void }) {
  const api = useApi();
  const toasts = useToasts();
  const [failure, setFailure] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    const result = await api.call('workspace.remove', { path: workspace.path });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    toasts.show({ tone: 'ok', content: `Stopped watching ${baseName(workspace.path)}.`, testId: 'workspace-removed' });
    onDone();
    onClose();
  };

  return (
    <Dialog
      title={`Stop watching ${baseName(workspace.path)}?`}
      description="Saved files in this folder will no longer be scanned. Nothing in the folder is changed, and its findings stay in the history."
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="dialog-remove-workspace"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-danger" disabled={busy} data-autofocus data-testid="workspace-remove-confirm">
            {busy ? 'Stopping…' : 'Stop watching'}
          </button>
        </>
      }
    >
      <p className="path mono">{workspace.path}</p>
      {workspace.openFindings > 0 ? (
        <p className="ws-dialog-note">
          It still has <strong>{workspace.openFindings}</strong> open {workspace.openFindings === 1 ? 'finding' : 'findings'}: they stay listed until fixed or
          ignored.
        </p>
      ) : null}
      <FormError error={failure} />
    </Dialog>
  );
}
