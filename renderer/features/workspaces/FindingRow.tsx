import { Fragment } from 'react';
import type { FindingInfo, FixAction } from '../../../shared/contract/schemas/workspaces';
import { formatDateTime, formatRelative } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { ExposedSteps } from './ExposedSteps';
import { FixButtons } from './FixButtons';
import { location } from './finding-model';
import { SeverityBadge } from './SeverityBadge';

export const FINDING_COLUMNS = 3;

interface FindingRowProps {
  finding: FindingInfo;
  now: number;
  /** Arrived live while the page was open. */
  isNew: boolean;
  busy: boolean;
  onFix(finding: FindingInfo, action: FixAction): void;
}

function When({ finding, now }: { finding: FindingInfo; now: number }) {
  const iso = finding.state === 'open' ? finding.detectedAt : (finding.closedAt ?? finding.detectedAt);
  const verb = finding.state === 'open' ? 'detected' : finding.state;
  return (
    <time className="ws-when" dateTime={iso} title={`${verb} ${formatDateTime(iso)}`} data-testid="finding-when">
      {verb} {formatRelative(iso, now) || '—'}
    </time>
  );
}

/** One finding: severity; what (message, redacted preview, rule and provider) with its fixes; where and when. */
export function FindingRow({ finding, now, isNew, busy, onFix }: FindingRowProps) {
  const classes = [isNew ? 'ws-row-new' : '', finding.tracked && finding.state !== 'ignored' ? 'ws-row-exposed' : ''].filter(Boolean).join(' ');
  return (
    <Fragment>
      <tr
        className={classes || undefined}
        data-testid="finding-row"
        data-fingerprint={finding.fingerprint}
        data-file={finding.file}
        data-state={finding.state}
        data-tracked={String(finding.tracked)}
        data-new={isNew ? 'true' : undefined}
      >
        <td className="ws-cell-severity">
          <SeverityBadge severity={finding.severity} />
          {isNew ? (
            <span className="ws-new" data-testid="finding-new">
              New
            </span>
          ) : null}
        </td>
        <td className="ws-cell-what">
          <div className="ws-message">
            {finding.message}
            {finding.kind === 'known' ? (
              <span className="chip ws-known" title="A value Latch holds for you, found by keyed hash">
                your token
              </span>
            ) : null}
          </div>
          <div className="ws-meta">
            <code className="ws-redacted" data-testid="finding-redacted" title="Redacted preview: the value itself is never shown">
              {finding.redacted}
            </code>
            <span className="mono" data-testid="finding-rule">
              {finding.rule}
            </span>
            <span>{finding.provider}</span>
          </div>
          {finding.state === 'open' ? <FixButtons finding={finding} busy={busy} onFix={(action) => onFix(finding, action)} /> : null}
        </td>
        <td className="ws-cell-where">
          <code className="ws-location" data-testid="finding-location" title={location(finding)}>
            {location(finding)}
          </code>
          <When finding={finding} now={now} />
          {finding.tracked ? (
            <span className="badge badge-bad ws-exposed-badge" data-testid="finding-exposed" title="git tracks this file: the value is in history">
              <Icon name="alert" size={12} />
              Already exposed
            </span>
          ) : null}
        </td>
      </tr>
      {finding.tracked && finding.state !== 'ignored' ? (
        <tr className={isNew ? 'ws-incident-row ws-row-new' : 'ws-incident-row'} data-fingerprint={finding.fingerprint}>
          <td colSpan={FINDING_COLUMNS}>
            <ExposedSteps finding={finding} initiallyOpen={finding.state === 'open'} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
