import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import { useApi } from '../../api/connection-context';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';
import { DURATION_CHOICES } from './access-labels';

/** Ask for time-boxed access to a resource of the hub's policy. */
export function RequestAccessForm({ suggestions, onDone }: { suggestions: readonly string[]; onDone(): void }) {
  const api = useApi();
  const toasts = useToasts();
  const [resource, setResource] = useState('');
  const [seconds, setSeconds] = useState(DURATION_CHOICES[1]?.seconds ?? 1800);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ContractError | null>(null);

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    const result = await api.call('access.request', { resource: resource.trim(), durationSeconds: seconds, reason: reason.trim() });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    toasts.show({ tone: 'ok', content: `Asked for ${result.value.resource}; reviewers were notified.`, testId: 'access-requested' });
    setReason('');
    onDone();
  };

  return (
    <form
      className="access-request card"
      aria-labelledby="request-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="access-request-form"
    >
      <h2 id="request-title" className="card-title">
        Request production access
      </h2>
      <div className="access-request-fields">
        <Field label="Resource" hint="A resource from the hub’s policy, e.g. orders-db">
          {(props) => (
            <>
              <input
                {...props}
                className="input mono"
                value={resource}
                onChange={(e) => setResource(e.target.value)}
                list="access-resources"
                autoComplete="off"
                spellCheck={false}
                data-testid="request-resource"
              />
              <datalist id="access-resources">
                {suggestions.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="For">
          {(props) => (
            <select {...props} className="input" value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} data-testid="request-duration">
              {DURATION_CHOICES.map((c) => (
                <option key={c.seconds} value={c.seconds}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Reason" hint="Reviewers see it; it is kept in the hub’s audit trail. A ticket or incident id helps.">
        {(props) => <textarea {...props} className="input" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="request-reason" />}
      </Field>
      <FormError error={failure} />
      <div>
        <button type="submit" className="button button-primary" disabled={busy || resource.trim() === ''} data-testid="request-submit">
          {busy ? 'Asking…' : 'Ask for access'}
        </button>
      </div>
    </form>
  );
}
