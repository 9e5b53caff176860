import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { ProjectSecret } from '../../../shared/contract/schemas/projects';
import { useApi } from '../../api/connection-context';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';
import { buildAddInput, EMPTY_FORM, fieldErrorsFromDetails, hasErrors, validateTokenForm, type FieldErrors } from '../tokens/token-form';
import { kindFromShape } from './secret-labels';

/**
 * token.add for a personal secret whose keychain token is missing, with the token name the
 * template expects already filled in. The value goes from the password field into the request.
 */
export function AddProjectTokenDialog({
  secret,
  project,
  onClose,
  onDone,
}: {
  secret: ProjectSecret;
  project: string;
  onClose(): void;
  onDone(): void;
}) {
  const api = useApi();
  const toasts = useToasts();
  const [name, setName] = useState(secret.token ?? '');
  const [kind, setKind] = useState(() => kindFromShape(secret.shape));
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const form = { ...EMPTY_FORM, name, kind };
    const found = validateTokenForm(form, value);
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    setFailure(null);
    const result = await api.call('token.add', buildAddInput(form, value));
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error);
      if (result.error.code === 'INVALID_INPUT') setErrors(fieldErrorsFromDetails(result.error.details));
      if (result.error.code === 'CONFLICT') setErrors({ name: 'A token with this name already exists.' });
      return;
    }
    setValue('');
    onDone();
    toasts.show({
      tone: 'ok',
      content: `Stored ${result.value.name} in the OS keychain: ${secret.name} is ready.`,
      testId: 'project-token-added',
    });
    onClose();
  };

  return (
    <Dialog
      title={`Add your token for ${secret.name}`}
      description={`${project} reads ${secret.name} from the keychain token named below. The value goes straight to your OS keychain.`}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="dialog-add-project-token"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="project-token-submit">
            {busy ? 'Storing…' : 'Add token'}
          </button>
        </>
      }
    >
      <div className="project-form-stack">
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
              data-autofocus
              data-testid="project-token-value"
            />
          )}
        </Field>
        <Field
          label="Token name"
          hint={secret.token && name !== secret.token ? `The template expects ${secret.token}.` : 'The name the template expects.'}
          error={errors.name}
        >
          {(props) => (
            <input
              {...props}
              className="input mono"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                if (errors.name) setErrors((er) => ({ ...er, name: undefined }));
              }}
              autoComplete="off"
              spellCheck={false}
              data-testid="project-token-name"
            />
          )}
        </Field>
        <Field label="Kind" optional hint="Provider, e.g. github. More details can be added on the Tokens page." error={errors.kind}>
          {(props) => (
            <input
              {...props}
              className="input"
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              placeholder="generic"
              data-testid="project-token-kind"
            />
          )}
        </Field>
      </div>
      <FormError error={failure} />
    </Dialog>
  );
}
