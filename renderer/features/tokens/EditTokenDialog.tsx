import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { TokenMeta } from '../../../shared/contract/schemas/tokens';
import { useApi } from '../../api/connection-context';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';
import { TokenFields } from './TokenFields';
import {
  buildUpdatePatch,
  fieldErrorsFromDetails,
  formFromToken,
  hasErrors,
  validateTokenForm,
  type FieldErrors,
  type TokenFormValues,
} from './token-form';

/** token.update with only the fields that changed (renaming included). */
export function EditTokenDialog({
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
  const [values, setValues] = useState<TokenFormValues>(() => formFromToken(token));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ContractError | string | null>(null);
  const [busy, setBusy] = useState(false);

  const onChange = (field: keyof TokenFormValues, next: string) => {
    setValues((v) => ({ ...v, [field]: next }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async () => {
    const found = validateTokenForm(values);
    setErrors(found);
    if (hasErrors(found)) return;
    const patch = buildUpdatePatch(token, values);
    if (!patch) {
      onClose();
      return;
    }
    setBusy(true);
    setFailure(null);
    const result = await api.call('token.update', { name: token.name, patch });
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error);
      if (result.error.code === 'INVALID_INPUT') setErrors(fieldErrorsFromDetails(result.error.details));
      if (result.error.code === 'CONFLICT') setErrors({ name: 'A token with this name already exists.' });
      return;
    }
    onDone?.();
    toasts.show({ tone: 'ok', content: `Saved ${result.value.name}.`, testId: 'token-updated' });
    onClose();
  };

  return (
    <Dialog
      title={`Edit ${token.name}`}
      description="Metadata only. To replace the value, rotate the token."
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="dialog-edit-token"
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="token-form-submit">
            {busy ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      <TokenFields values={values} errors={errors} onChange={onChange} />
      <FormError error={failure} />
    </Dialog>
  );
}
