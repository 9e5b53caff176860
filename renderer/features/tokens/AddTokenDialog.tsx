import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import { useApi } from '../../api/connection-context';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';
import { TokenFields } from './TokenFields';
import {
  buildAddInput,
  EMPTY_FORM,
  fieldErrorsFromDetails,
  hasErrors,
  validateTokenForm,
  type FieldErrors,
  type TokenFormValues,
} from './token-form';

/** token.add: the value goes from a password field straight into the request, then is dropped. */
export function AddTokenDialog({ onClose, onDone }: { onClose(): void; onDone?(): void }) {
  const api = useApi();
  const toasts = useToasts();
  const [values, setValues] = useState<TokenFormValues>(EMPTY_FORM);
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const onChange = (field: keyof TokenFormValues, next: string) => {
    setValues((v) => ({ ...v, [field]: next }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async () => {
    const found = validateTokenForm(values, value);
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    setFailure(null);
    const result = await api.call('token.add', buildAddInput(values, value));
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error);
      if (result.error.code === 'INVALID_INPUT') setErrors(fieldErrorsFromDetails(result.error.details));
      if (result.error.code === 'CONFLICT') setErrors({ name: 'A token with this name already exists.' });
      return;
    }
    onDone?.();
    setValue('');
    toasts.show({ tone: 'ok', content: `Stored ${result.value.name} in the OS keychain.`, testId: 'token-added' });
    onClose();
  };

  return (
    <Dialog
      title="Add token"
      description="The value goes straight to your OS keychain. Latch keeps only the metadata."
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="dialog-add-token"
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="token-form-submit">
            {busy ? 'Storing…' : 'Add token'}
          </button>
        </>
      }
    >
      <TokenFields
        values={values}
        errors={errors}
        onChange={onChange}
        afterName={
          <div className="span-2">
            <Field label="Value" hint="Paste it here. It is never shown again unless you reveal it." error={errors.value}>
              {(props) => (
                <input
                  {...props}
                  type="password"
                  className="input mono"
                  value={value}
                  onChange={(e) => {
                    setValue(e.target.value);
                    if (errors.value) setErrors((er) => ({ ...er, value: undefined }));
                  }}
                  autoComplete="new-password"
                  spellCheck={false}
                  data-testid="token-form-value"
                />
              )}
            </Field>
          </div>
        }
      />
      <FormError error={failure} />
    </Dialog>
  );
}
