import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { TokenMeta } from '../../../shared/contract/schemas/tokens';
import { useApi } from '../../api/connection-context';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';

/** token.remove, once the person has typed the token's name. */
export function RemoveTokenDialog({
  token,
  onClose,
  onDone,
}: {
  token: TokenMeta;
  onClose(): void;
  /** After a successful change (the list also refreshes on token.changed). */ onDone?(): void;
}) {
  const api = useApi();
  const toasts = useToasts();
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const matches = typed === token.name;

  const submit = async () => {
    if (!matches) return;
    setBusy(true);
    setFailure(null);
    const result = await api.call('token.remove', { name: token.name });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onDone?.();
    toasts.show({ tone: 'ok', content: `Removed ${token.name} and its value.`, testId: 'token-removed' });
    onClose();
  };

  return (
    <Dialog
      title={`Remove ${token.name}?`}
      description="This deletes the value from your OS keychain and its metadata from Latch. It cannot be undone; revoke the token at its provider too."
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="dialog-remove-token"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-danger" disabled={!matches || busy} data-testid="remove-confirm">
            {busy ? 'Removing…' : 'Remove token'}
          </button>
        </>
      }
    >
      <Field label={`Type ${token.name} to confirm`}>
        {(props) => (
          <input
            {...props}
            className="input mono"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder={token.name}
            data-testid="remove-confirm-input"
          />
        )}
      </Field>
      <FormError error={failure} />
    </Dialog>
  );
}
