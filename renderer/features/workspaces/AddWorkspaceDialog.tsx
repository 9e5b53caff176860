import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { WorkspaceInfo } from '../../../shared/contract/schemas/workspaces';
import { useApi } from '../../api/connection-context';
import { plural } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';
import { baseName } from './finding-model';
import { checkWorkspacePath, normalizeWorkspacePath } from './path-input';

/** workspace.add: the broker scans the folder once (in worker threads), then watches it. */
export function AddWorkspaceDialog({
  onClose,
  onAdded,
  onScanning,
}: {
  onClose(): void;
  onAdded(workspace: WorkspaceInfo): void;
  /** True while the broker runs the first scan (its findings are summed up in one toast). */
  onScanning?(scanning: boolean): void;
}) {
  const api = useApi();
  const toasts = useToasts();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const problem = checkWorkspacePath(path);
    setError(problem);
    if (problem) return;
    setBusy(true);
    setFailure(null);
    onScanning?.(true);
    const result = await api.call('workspace.add', { path: normalizeWorkspacePath(path) });
    onScanning?.(false);
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'NOT_FOUND' || result.error.code === 'INVALID_INPUT') setError(result.error.message);
      else setFailure(result.error);
      return;
    }
    const ws = result.value;
    const found = ws.openFindings > 0 ? `, ${plural(ws.openFindings, 'open finding')}` : ', nothing found';
    toasts.show({
      tone: ws.problem ? 'warn' : ws.openFindings > 0 ? 'warn' : 'ok',
      testId: 'workspace-added',
      content: ws.problem
        ? `Added ${baseName(ws.path)}, but it is not watched live: ${ws.problem}`
        : `Watching ${baseName(ws.path)}: ${plural(ws.files, 'file')} scanned${found}.`,
    });
    onAdded(ws);
    onClose();
  };

  return (
    <Dialog
      title="Watch a folder"
      description="Latch scans it now, then rescans every file you save. .gitignore and .latchignore are respected; values never leave the folder."
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="dialog-add-workspace"
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="workspace-add-submit">
            {busy ? 'Scanning…' : 'Watch folder'}
          </button>
        </>
      }
    >
      <Field label="Folder" hint="An absolute path on this machine, e.g. /home/you/src/api." error={error}>
        {(props) => (
          <input
            {...props}
            className="input mono"
            value={path}
            onChange={(e) => {
              setPath(e.target.value);
              if (error) setError(null);
            }}
            autoComplete="off"
            spellCheck={false}
            placeholder="/home/you/src/api"
            disabled={busy}
            data-testid="workspace-path-input"
          />
        )}
      </Field>
      <FormError error={failure} />
      <p className="muted ws-dialog-note">
        From a terminal: <code>latch workspace add ~/src/api</code>. Before a commit, <code>latch hook install</code> adds a pre-commit scan.
      </p>
    </Dialog>
  );
}
