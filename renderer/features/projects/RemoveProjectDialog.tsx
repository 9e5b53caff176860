import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { ProjectSummary } from '../../../shared/contract/schemas/projects';
import { useApi } from '../../api/connection-context';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';

/** project.remove: Latch forgets the project; its files and your tokens stay. */
export function RemoveProjectDialog({
  project,
  reference,
  onClose,
  onDone,
}: {
  project: ProjectSummary;
  reference: string;
  onClose(): void;
  onDone(): void;
}) {
  const api = useApi();
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ContractError | null>(null);

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    const result = await api.call('project.remove', { project: reference });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    toasts.show({ tone: 'ok', content: `Removed ${project.name} from Latch. Its files are untouched.`, testId: 'project-removed' });
    onDone();
    onClose();
  };

  return (
    <Dialog
      title={`Remove ${project.name}?`}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="dialog-remove-project"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-danger" disabled={busy} data-autofocus data-testid="project-remove-confirm">
            {busy ? 'Removing…' : 'Remove project'}
          </button>
        </>
      }
    >
      <p>
        Latch forgets <code className="path">{project.path}</code> and stops watching its template. The folder, its latch.yaml and your
        tokens are not touched.
      </p>
      <FormError error={failure} />
    </Dialog>
  );
}
