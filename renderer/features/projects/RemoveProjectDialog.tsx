import type { ProjectSummary } from '../../../shared/contract/schemas/projects';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

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
  return (
    <ConfirmDialog
      title={`Remove ${project.name}?`}
      testId="dialog-remove-project"
      confirmLabel="Remove project"
      busyLabel="Removing…"
      confirmTestId="project-remove-confirm"
      run={(api) => api.call('project.remove', { project: reference })}
      success={() => ({ content: `Removed ${project.name} from Latch. Its files are untouched.`, testId: 'project-removed' })}
      onClose={onClose}
      onDone={onDone}
    >
      <p>
        Latch forgets <code className="path">{project.path}</code> and stops watching its template. The folder, its latch.yaml and your
        tokens are not touched.
      </p>
    </ConfirmDialog>
  );
}
