import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { FindingInfo } from '../../../shared/contract/schemas/workspaces';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { FormError } from '../../ui/States';
import { location } from './finding-model';
import { moveOutcome } from './move-to-keychain';

interface MoveToKeychainDialogProps {
  finding: FindingInfo;
  onClose(): void;
  /** Runs finding.fix; resolves to the failure, or null on success. */
  onConfirm(): Promise<ContractError | null>;
}

/** Confirmation before finding.fix move-to-keychain (it rewrites the file). */
export function MoveToKeychainDialog({ finding, onClose, onConfirm }: MoveToKeychainDialogProps) {
  const [failure, setFailure] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    const error = await onConfirm();
    setBusy(false);
    if (error) setFailure(error);
    else onClose();
  };

  return (
    <Dialog
      title="Move this secret to the keychain?"
      description="Latch stores the value in your OS keychain as a personal token and takes it out of the file."
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="dialog-move-to-keychain"
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-autofocus data-testid="move-confirm">
            <Icon name="lock" /> {busy ? 'Moving…' : 'Move to keychain'}
          </button>
        </>
      }
    >
      <dl className="details">
        <div className="details-row">
          <dt>Finding</dt>
          <dd>{finding.message}</dd>
        </div>
        <div className="details-row">
          <dt>File</dt>
          <dd>
            <code>{location(finding)}</code> <span className="muted">in</span> <span className="path mono">{finding.workspace}</span>
          </dd>
        </div>
        <div className="details-row">
          <dt>Value</dt>
          <dd>
            <code className="ws-redacted">{finding.redacted}</code>
          </dd>
        </div>
      </dl>
      <ol className="ws-move-steps">
        <li>
          It becomes a personal token named after its variable (e.g. <code>API_TOKEN</code> → <code>ws-api-token</code>), listed on the Tokens page.
        </li>
        <li>{moveOutcome(finding)}</li>
        <li>
          Dev shells get it back through a personal entry in <code>latch.yaml</code> that names this token (<code>token: …</code>).
        </li>
      </ol>
      {finding.tracked ? (
        <div className="banner banner-bad ws-move-warning" role="note">
          <Icon name="alert" />
          <div className="banner-text">
            <strong>Still exposed afterwards.</strong> git already has this value in its history: rotate it at {finding.provider} too.
          </div>
        </div>
      ) : null}
      <FormError error={failure} />
    </Dialog>
  );
}
