import { useState } from 'react';
import type { AccessRequestInfo } from '../../../shared/contract/schemas/access';
import type { ContractError } from '../../../shared/contract/errors';
import { useApi } from '../../api/connection-context';
import { formatDuration, formatRelative } from '../../lib/format';
import { FormError } from '../../ui/States';
import { useToasts } from '../../ui/Toasts';
import { approvalChoices } from './access-labels';

/** A pending request this member may decide: who, what, how long, why; approve or deny. */
export function ReviewCard({ request, now, onDone }: { request: AccessRequestInfo; now: number; onDone(): void }) {
  const api = useApi();
  const toasts = useToasts();
  const [seconds, setSeconds] = useState(request.requestedSeconds);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'approve' | 'deny' | null>(null);
  const [failure, setFailure] = useState<ContractError | null>(null);

  const decide = async (decision: 'approve' | 'deny') => {
    setBusy(decision);
    setFailure(null);
    const note = comment.trim();
    const result =
      decision === 'approve'
        ? await api.call('access.approve', {
            id: request.id,
            ...(seconds !== request.requestedSeconds && { durationSeconds: seconds }),
            ...(note && { comment: note }),
          })
        : await api.call('access.deny', { id: request.id, ...(note && { comment: note }) });
    setBusy(null);
    if (!result.ok) return setFailure(result.error);
    toasts.show({ tone: 'ok', content: decision === 'approve' ? `Approved ${request.requesterName}’s access to ${request.resource}.` : `Denied ${request.requesterName}’s request.`, testId: `review-${decision}d` });
    onDone();
  };

  return (
    <li className="review-card card" data-testid={`review-${request.id}`}>
      <div className="review-head">
        <strong>{request.requesterName}</strong> asks for <code>{request.resource}</code> for <strong>{formatDuration(request.requestedSeconds)}</strong>
        <span className="muted"> · {formatRelative(request.createdAt, now)}</span>
      </div>
      <blockquote className="review-reason">{request.reason || <span className="muted">No reason given</span>}</blockquote>
      <p className="muted review-meta">
        {request.approvals.length} of {request.approvalsRequired} approvals
        {request.approvals.length > 0 ? ` (${request.approvals.map((a) => a.approverName).join(', ')})` : ''} · times out {formatRelative(request.pendingUntil, now)}
      </p>
      <div className="review-actions">
        <label className="review-duration">
          <span>Grant</span>
          <select className="input" value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} data-testid={`review-duration-${request.id}`}>
            {approvalChoices(request.requestedSeconds).map((c) => (
              <option key={c.seconds} value={c.seconds}>
                {c.label === 'as asked' ? `${formatDuration(c.seconds)} (as asked)` : c.label}
              </option>
            ))}
          </select>
        </label>
        <input
          className="input review-comment"
          placeholder="Comment (optional)"
          aria-label="Comment"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          data-testid={`review-comment-${request.id}`}
        />
        <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void decide('approve')} data-testid={`approve-${request.id}`}>
          {busy === 'approve' ? 'Approving…' : 'Approve'}
        </button>
        <button type="button" className="button button-danger" disabled={busy !== null} onClick={() => void decide('deny')} data-testid={`deny-${request.id}`}>
          {busy === 'deny' ? 'Denying…' : 'Deny'}
        </button>
      </div>
      <FormError error={failure} />
    </li>
  );
}
