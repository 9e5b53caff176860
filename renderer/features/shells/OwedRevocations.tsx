import { useEffect, useRef } from 'react';
import type { LeaseInfo } from '../../../shared/contract/schemas/leases';
import { formatDateTime } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { formatLeaseTime, owedRevocations } from './lease-format';

/** While revocations are owed, re-read the lease this often (a retry that succeeds sends no event). */
const OWED_REFRESH_MS = 10_000;

/** Dynamic credentials the broker still has to revoke at their source (it retries with backoff). */
export function OwedRevocations({ lease, onRefresh }: { lease: LeaseInfo; onRefresh(): void }) {
  const owed = owedRevocations(lease);
  const refresh = useRef(onRefresh);
  refresh.current = onRefresh;
  const pending = owed.length > 0;
  useEffect(() => {
    if (!pending) return undefined;
    const handle = window.setInterval(() => refresh.current(), OWED_REFRESH_MS);
    return () => window.clearInterval(handle);
  }, [pending]);
  if (!pending) return null;
  return (
    <div className="banner banner-bad lease-owed" role="alert" data-testid="lease-owed">
      <Icon name="alert" />
      <div className="banner-text">
        <strong>Revocation owed.</strong> These credentials could not be revoked at their source yet; Latch keeps retrying.
        <table className="owed-table">
          <thead>
            <tr>
              <th scope="col">Variable</th>
              <th scope="col">Source</th>
              <th scope="col" className="num">
                Attempts
              </th>
              <th scope="col">Next retry</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {owed.map((secret) => (
              <tr key={secret.name} data-testid={`lease-owed-${secret.name}`}>
                <td className="mono">{secret.name}</td>
                <td>{secret.source}</td>
                <td className="num">{secret.attempts}</td>
                <td>
                  {secret.nextRetryAt ? (
                    <time dateTime={secret.nextRetryAt} title={formatDateTime(secret.nextRetryAt)}>
                      {formatLeaseTime(secret.nextRetryAt, Date.now())}
                    </time>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="owed-error">{secret.lastError ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
