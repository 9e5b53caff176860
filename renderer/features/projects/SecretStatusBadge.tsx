import type { SecretStatus } from '../../../shared/contract/schemas/projects';
import { SECRET_STATUS_HELP, SECRET_STATUS_LABEL, SECRET_STATUS_TONE } from './secret-labels';

export function SecretStatusBadge({ status, testId }: { status: SecretStatus; testId?: string }) {
  return (
    <span
      className={`badge secret-badge-${SECRET_STATUS_TONE[status]}`}
      title={SECRET_STATUS_HELP[status]}
      data-testid={testId}
      data-status={status}
    >
      <span className="badge-dot" aria-hidden="true" />
      {SECRET_STATUS_LABEL[status]}
    </span>
  );
}
