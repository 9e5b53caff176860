import { useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { AuditVerifyReport } from '../../../shared/contract/schemas/audit';
import { useApi } from '../../api/connection-context';
import { formatDateTime, plural } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { ErrorBanner } from '../../ui/States';

/** The button, and audit.verify's verdict shown big: intact, or tampered with and where. */
export function useVerifyChain(): {
  verify(): void;
  busy: boolean;
  report: { result: AuditVerifyReport; at: string } | null;
  error: ContractError | null;
} {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ result: AuditVerifyReport; at: string } | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const verify = () => {
    setBusy(true);
    setError(null);
    void api.call('audit.verify', {}).then((result) => {
      setBusy(false);
      if (result.ok) setReport({ result: result.value, at: new Date().toISOString() });
      else setError(result.error);
    });
  };
  return { verify, busy, report, error };
}

export function VerifyButton({ onClick, busy }: { onClick(): void; busy: boolean }) {
  return (
    <button type="button" className="button" onClick={onClick} disabled={busy} data-testid="audit-verify">
      <Icon name="shield" /> {busy ? 'Verifying…' : 'Verify chain'}
    </button>
  );
}

export function VerifyResult({ report, error }: { report: { result: AuditVerifyReport; at: string } | null; error: ContractError | null }) {
  if (error) return <ErrorBanner error={error} title="Could not verify the audit chain." />;
  if (!report) return null;
  const { result, at } = report;
  if (result.ok) {
    return (
      <div className="verdict verdict-ok" role="status" data-testid="audit-verify-result" data-ok="true">
        <Icon name="check" size={22} />
        <div>
          <strong>Audit chain intact</strong>
          <p>
            {plural(result.checked, 'entry', 'entries')} checked against the keyed hash chain and the keychain checkpoint ·{' '}
            {formatDateTime(at)}
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="verdict verdict-bad" role="alert" data-testid="audit-verify-result" data-ok="false">
      <Icon name="alert" size={22} />
      <div>
        <strong>Audit log tampered with</strong>
        <p data-testid="audit-verify-problem">{result.problem ?? 'The hash chain does not verify.'}</p>
        <p className="muted">
          {result.firstBadSeq !== null ? <>First bad entry: #{result.firstBadSeq}. </> : null}
          {plural(result.checked, 'entry', 'entries')} checked · {formatDateTime(at)}
        </p>
      </div>
    </div>
  );
}
