import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import { useApi } from '../../api/connection-context';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';

/** Not a member yet: paste the invite an admin made with `latch hub invite`. */
export function JoinHubPanel({ onJoined }: { onJoined(): void }) {
  const api = useApi();
  const toasts = useToasts();
  const [invite, setInvite] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ContractError | null>(null);

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    const result = await api.call('access.join', { invite: invite.trim(), ...(name.trim() && { name: name.trim() }) });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    toasts.show({ tone: 'ok', content: `Joined ${result.value.hubUrl ?? 'the hub'} as ${result.value.member?.name ?? 'you'}.`, testId: 'hub-joined' });
    onJoined();
  };

  return (
    <section className="access-join card" aria-labelledby="join-title" data-testid="access-join">
      <h2 id="join-title" className="card-headline">
        <Icon name="userCheck" /> Join your team’s hub
      </h2>
      <p className="muted">
        Production access goes through a team hub: you ask with a reason, a reviewer approves from their tray, and the credential ends on its own. Ask an admin for an invite
        (<code>latch hub invite YOUR-NAME --groups …</code>) and paste it here. Latch makes this machine’s keys; the private halves stay in your OS keychain.
      </p>
      <form
        className="access-join-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="Invite" hint="Starts with lh1_">
          {(props) => (
            <input {...props} className="input mono" value={invite} onChange={(e) => setInvite(e.target.value)} autoComplete="off" spellCheck={false} placeholder="lh1_…" data-testid="join-invite" />
          )}
        </Field>
        <Field label="Your name" optional hint="How reviewers see you (default: the name on the invite)">
          {(props) => <input {...props} className="input" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" data-testid="join-name" />}
        </Field>
        <FormError error={failure} />
        <div>
          <button type="submit" className="button button-primary" disabled={busy || invite.trim() === ''} data-testid="join-submit">
            {busy ? 'Joining…' : 'Join hub'}
          </button>
        </div>
      </form>
    </section>
  );
}
