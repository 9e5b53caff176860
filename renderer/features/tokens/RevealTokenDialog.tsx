import { useEffect, useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { TokenMeta } from '../../../shared/contract/schemas/tokens';
import { useApi } from '../../api/connection-context';
import { useSecretClipboard } from '../../clipboard/ClipboardProvider';
import { secondsLeft } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';
import { REVEAL_VISIBLE_MS } from './reveal-timer';

type Step = { kind: 'confirm' } | { kind: 'shown'; value: string; hideAt: number };

/**
 * Confirm → token.reveal (audited, with the optional reason) → the value in a monospace box
 * for at most 60 s. Closing the dialog, navigating away or hiding the window drops it.
 */
export function RevealTokenDialog({ token, onClose }: { token: TokenMeta; onClose(): void }) {
  const api = useApi();
  const toasts = useToasts();
  const clipboard = useSecretClipboard();
  const [step, setStep] = useState<Step>({ kind: 'confirm' });
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = step.kind === 'shown';
  const now = useNow(250, shown);

  useEffect(() => {
    if (step.kind !== 'shown') return undefined;
    const timer = window.setTimeout(() => {
      setStep({ kind: 'confirm' });
      toasts.show({ content: `${token.name} hidden again.`, testId: 'reveal-hidden' });
      onClose();
    }, step.hideAt - Date.now());
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onClose();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [step, token.name, toasts, onClose]);

  const reveal = async () => {
    setBusy(true);
    setFailure(null);
    const trimmed = reason.trim();
    const result = await api.call('token.reveal', trimmed ? { name: token.name, reason: trimmed } : { name: token.name });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    setStep({ kind: 'shown', value: result.value.value, hideAt: Date.now() + REVEAL_VISIBLE_MS });
  };

  if (step.kind === 'shown') {
    const left = secondsLeft(step.hideAt, now);
    return (
      <Dialog
        title={token.name}
        description={
          <>
            Visible for <span data-testid="reveal-seconds">{left}</span> s more. This reveal is in the audit log.
          </>
        }
        onClose={onClose}
        testId="dialog-reveal-token"
        wide
        footer={
          <>
            <button
              type="button"
              className="button"
              onClick={() => void clipboard.copySecret(token.name, step.value)}
              data-testid="revealed-copy"
            >
              <Icon name="copy" /> Copy
            </button>
            <button type="button" className="button button-primary" onClick={onClose} autoFocus data-testid="hide-revealed">
              <Icon name="eyeOff" /> Hide
            </button>
          </>
        }
      >
        <pre className="secret-value" data-testid="revealed-value" aria-label={`Value of ${token.name}`}>
          {step.value}
        </pre>
        <div className="countdown-bar" aria-hidden="true">
          <div className="countdown-fill" style={{ transform: `scaleX(${Math.max(0, (step.hideAt - now) / REVEAL_VISIBLE_MS)})` }} />
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={`Reveal ${token.name}?`}
      description="The value will be shown on screen for up to 60 seconds. Every reveal is recorded in the audit log."
      onClose={onClose}
      onSubmit={() => void reveal()}
      testId="dialog-reveal-token"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="dialog-cancel">
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="reveal-confirm">
            <Icon name="eye" /> {busy ? 'Revealing…' : 'Reveal'}
          </button>
        </>
      }
    >
      <Field label="Reason" optional hint="Recorded in the audit log with the reveal.">
        {(props) => (
          <input
            {...props}
            className="input"
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            data-testid="reveal-reason"
          />
        )}
      </Field>
      <FormError error={failure} />
    </Dialog>
  );
}
