import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { ProjectSummary } from '../../../shared/contract/schemas/projects';
import { useApi } from '../../api/connection-context';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';
import { checkProjectPath } from './project-select';

/** project.add by absolute folder (the broker finds the latch.yaml there or in a parent). */
export function AddProjectDialog({ onClose, onAdded }: { onClose(): void; onAdded(project: ProjectSummary): void }) {
  const api = useApi();
  const toasts = useToasts();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const problem = checkProjectPath(path);
    setError(problem);
    if (problem) return;
    setBusy(true);
    setFailure(null);
    const result = await api.call('project.add', { path: path.trim() });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    const project = result.value;
    toasts.show({
      tone: project.ok ? 'ok' : 'warn',
      content: project.ok ? `Added ${project.name}.` : `Added ${project.name}, but its template has errors.`,
      testId: 'project-added',
    });
    onAdded(project);
    onClose();
  };

  return (
    <Dialog
      title="Add project"
      description="Latch reads the folder’s latch.yaml (never your values) and watches it for changes."
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="dialog-add-project"
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="project-add-submit">
            {busy ? 'Adding…' : 'Add project'}
          </button>
        </>
      }
    >
      <Field label="Project folder" hint="An absolute path on this machine, e.g. /home/you/src/payments-api." error={error}>
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
            placeholder="/home/you/src/project"
            data-testid="project-path-input"
          />
        )}
      </Field>
      <FormError error={failure} />
      <p className="muted project-dialog-note">
        No template yet? In the folder, run <code>latch template init</code>, or <code>latch project import .env.example</code>.
      </p>
    </Dialog>
  );
}
