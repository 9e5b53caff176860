import type { FindingInfo, FixAction } from '../../../shared/contract/schemas/workspaces';
import { plural } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { baseName, type FindingGroup } from './finding-model';
import { FindingRow } from './FindingRow';

interface FindingGroupTableProps {
  group: FindingGroup;
  now: number;
  fresh: ReadonlySet<string>;
  pending: ReadonlySet<string>;
  onFix(finding: FindingInfo, action: FixAction): void;
}

/** The findings of one workspace under its folder name. */
export function FindingGroupTable({ group, now, fresh, pending, onFix }: FindingGroupTableProps) {
  const headingId = `findings-group-${group.workspace.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <section className="ws-group" aria-labelledby={headingId} data-testid="finding-group" data-workspace={group.workspace}>
      <header className="ws-group-header">
        <h3 id={headingId}>
          <Icon name="folder" />
          {baseName(group.workspace)}
        </h3>
        <span className="path mono muted">{group.workspace}</span>
        {!group.watched ? <span className="chip">no longer watched</span> : null}
        <span className="ws-group-count muted">{plural(group.findings.length, 'finding')}</span>
      </header>
      <div className="table-wrap">
        <table className="table ws-findings" aria-labelledby={headingId}>
          <colgroup>
            <col className="ws-col-severity" />
            <col />
            <col className="ws-col-where" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">{group.findings.some((f) => f.state === 'open') ? 'Finding and fixes' : 'Finding'}</th>
              <th scope="col">Where</th>
            </tr>
          </thead>
          <tbody>
            {group.findings.map((finding) => (
              <FindingRow
                key={finding.fingerprint}
                finding={finding}
                now={now}
                isNew={fresh.has(finding.fingerprint)}
                busy={pending.has(finding.fingerprint)}
                onFix={onFix}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
