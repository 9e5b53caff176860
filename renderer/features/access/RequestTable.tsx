import { useState } from 'react';
import type { AccessRequestInfo } from '../../../shared/contract/schemas/access';
import { useApi } from '../../api/connection-context';
import { formatDateTime, formatDuration, secondsLeft } from '../../lib/format';
import { useToasts } from '../../ui/Toasts';
import { stateLabel } from './access-labels';

/** Requests (mine and the ones I reviewed): state, time left, and the actions that apply. */
export function RequestTable({ requests, now, onChanged }: { requests: readonly AccessRequestInfo[]; now: number; onChanged(): void }) {
  const api = useApi();
  const toasts = useToasts();
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (request: AccessRequestInfo, action: 'cancel' | 'revoke') => {
    setBusy(request.id);
    const result = action === 'cancel' ? await api.call('access.cancel', { id: request.id }) : await api.call('access.revoke', { id: request.id });
    setBusy(null);
    if (!result.ok) toasts.show({ tone: 'bad', content: result.error.message });
    else toasts.show({ tone: 'ok', content: action === 'cancel' ? 'Request withdrawn.' : `Access to ${request.resource} revoked.`, testId: `access-${action}ed` });
    onChanged();
  };

  return (
    <div className="table-wrap">
      <table className="table" data-testid="access-requests">
        <thead>
          <tr>
            <th scope="col">Resource</th>
            <th scope="col">Who</th>
            <th scope="col">State</th>
            <th scope="col">For</th>
            <th scope="col">Reason</th>
            <th scope="col">When</th>
            <th scope="col" className="th-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => {
            const { label, tone } = stateLabel(r.state);
            const left = r.state === 'active' && r.endsAt ? secondsLeft(Date.parse(r.endsAt), now) : null;
            const decider = r.decidedByName ? ` by ${r.decidedByName}` : r.approvals.length > 0 && r.state !== 'pending' ? ` by ${r.approvals.map((a) => a.approverName).join(', ')}` : '';
            return (
              <tr key={r.id} data-testid={`access-row-${r.id}`} data-state={r.state}>
                <td className="mono">{r.resource}</td>
                <td>{r.mine ? 'you' : r.requesterName}</td>
                <td>
                  <span className={`badge badge-${tone}`} data-testid={`access-state-${r.id}`}>
                    {label}
                    {left !== null ? ` · ${formatDuration(left)} left` : ''}
                  </span>
                  {decider || r.comment ? (
                    <div className="muted access-decision">
                      {decider.trim()}
                      {r.comment ? ` “${r.comment}”` : ''}
                    </div>
                  ) : null}
                  {r.revocationError ? <div className="access-owed">Revocation at the source is being retried: {r.revocationError}</div> : null}
                </td>
                <td>{formatDuration(r.state === 'pending' ? r.requestedSeconds : r.grantedSeconds)}</td>
                <td className="access-reason">{r.reason}</td>
                <td className="nowrap muted">{formatDateTime(r.createdAt)}</td>
                <td className="cell-actions">
                  {r.mine && r.state === 'pending' ? (
                    <button type="button" className="button" disabled={busy === r.id} onClick={() => void act(r, 'cancel')} data-testid={`cancel-${r.id}`}>
                      Withdraw
                    </button>
                  ) : null}
                  {r.state === 'active' ? (
                    <button type="button" className="button button-danger" disabled={busy === r.id} onClick={() => void act(r, 'revoke')} data-testid={`revoke-${r.id}`}>
                      End now
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
