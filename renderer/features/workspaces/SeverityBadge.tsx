import type { FindingInfo } from '../../../shared/contract/schemas/workspaces';
import { SEVERITY_TONE } from './finding-model';

const HELP: Record<FindingInfo['severity'], string> = {
  critical: 'Critical: grants broad access (cloud root keys, private keys). Rotate now.',
  high: 'High: a live credential for a service',
  medium: 'Medium: limited scope, or a likely but unconfirmed secret',
  low: 'Low: little harm alone',
  info: 'Informational',
};

export function SeverityBadge({ severity }: { severity: FindingInfo['severity'] }) {
  return (
    <span className={`badge ws-severity ws-severity-${SEVERITY_TONE[severity]}`} title={HELP[severity]} data-testid="finding-severity" data-severity={severity}>
      <span className="badge-dot" aria-hidden="true" />
      {severity}
    </span>
  );
}
