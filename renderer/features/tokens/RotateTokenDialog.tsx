import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { TokenMeta } from '../../../shared/contract/schemas/tokens';
import { useApi } from '../../api/connection-context';
import { formatDate } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';
import { MAX_VALUE_LENGTH } from './token-form';

/** token.rotate: a new value replaces the old one in the keychain; the rotation is recorded. */
export function RotateTokenDialog({
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
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (value === '') return setError('Paste the new value.');
    if (value.length > MAX_VALUE_LENGTH) return setError('The value must be at most 64 KiB.');
    setBusy(true);
    setFailure(null);
    const result = await api.call('token.rotate', { name: token.name, value });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onDone?.();
    setValue('');
    toasts.show({ tone: 'ok', content: `Rotated ${token.name}.`, testId: 'token-rotated' });
    onClose();
  };

  return (
    <Dialog
      title={`Rotate ${token.name}`}
      description={
        <>
          Issue a new token at your provider first, then paste it here. The old value is overwritten in the keychain.
          {token.lastRotatedAt ? ` Last rotated ${formatDate(token.lastRotatedAt)}.` : ''}
        </>
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="dialog-rotate-token"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="rotate-confirm">
            {busy ? 'Rotating…' : 'Rotate'}
          </button>
        </>
      }
    >
      <Field label="New value" error={error}>
        {(props) => (
          <input
            {...props}
            type="password"
            className="input mono"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
            autoComplete="new-password"
            spellCheck={false}
            data-testid="rotate-value"
          />
        )}
      </Field>
      <FormError error={failure} />
    </Dialog>
  );
}
