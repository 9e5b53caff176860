import type { ProjectSecret } from '../../../shared/contract/schemas/projects';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** stub.rotate: the next stub replaces this one (audited). The new value is not shown. */
export function RotateStubDialog({
  secret,
  projectRef,
  onClose,
  onDone,
}: {
  secret: ProjectSecret;
  projectRef: string;
  onClose(): void;
  onDone(): void;
}) {
  return (
    <ConfirmDialog
      title={`Rotate the ${secret.name} stub?`}
      testId="dialog-rotate-stub"
      confirmLabel="Rotate stub"
      busyLabel="Rotating…"
      confirmTestId="rotate-stub-confirm"
      tone="primary"
      run={(api) => api.call('stub.rotate', { project: projectRef, name: secret.name })}
      success={(value) => ({ content: `Rotated the ${secret.name} stub (rotation ${value.rotation}).`, testId: 'stub-rotated' })}
      onClose={onClose}
      onDone={onDone}
    >
      <p>A new fake value replaces it for new shells and runs. Shells already open keep the old one until they end.</p>
    </ConfirmDialog>
  );
}
