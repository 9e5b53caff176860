import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { ProjectSecret } from '../../../shared/contract/schemas/projects';
import { useApi } from '../../api/connection-context';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';

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
  const api = useApi();
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ContractError | null>(null);

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    const result = await api.call('stub.rotate', { project: projectRef, name: secret.name });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onDone();
    toasts.show({ tone: 'ok', content: `Rotated the ${secret.name} stub (rotation ${result.value.rotation}).`, testId: 'stub-rotated' });
    onClose();
  };

  return (
    <Dialog
      title={`Rotate the ${secret.name} stub?`}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="dialog-rotate-stub"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-autofocus data-testid="rotate-stub-confirm">
            {busy ? 'Rotating…' : 'Rotate stub'}
          </button>
        </>
      }
    >
      <p>A new fake value replaces it for new shells and runs. Shells already open keep the old one until they end.</p>
      <FormError error={failure} />
    </Dialog>
  );
}
