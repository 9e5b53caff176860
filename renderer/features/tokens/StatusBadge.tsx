import type { TokenStatus } from '../../../shared/contract/schemas/tokens';
import { STATUS_HELP, STATUS_LABEL, STATUS_TONE } from './token-status';

export function StatusBadge({ status, testId }: { status: TokenStatus; testId?: string }) {
  return (
    <span className={`badge badge-${STATUS_TONE[status]}`} title={STATUS_HELP[status]} data-testid={testId} data-status={status}>
      <span className="badge-dot" aria-hidden="true" />
      {STATUS_LABEL[status]}
    </span>
  );
}
