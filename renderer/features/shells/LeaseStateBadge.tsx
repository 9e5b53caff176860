import type { LeaseInfo } from '../../../shared/contract/schemas/leases';
import { LEASE_STATE_HELP, LEASE_STATE_LABEL, LEASE_STATE_TONE } from './lease-format';

export function LeaseStateBadge({ state, testId }: { state: LeaseInfo['state']; testId?: string }) {
  return (
    <span
      className={`badge shell-badge-${LEASE_STATE_TONE[state]}`}
      title={LEASE_STATE_HELP[state]}
      data-testid={testId}
      data-state={state}
    >
      <span className="badge-dot" aria-hidden="true" />
      {LEASE_STATE_LABEL[state]}
    </span>
  );
}
