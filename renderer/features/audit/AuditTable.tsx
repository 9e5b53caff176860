import type { AuditEntry } from '../../../shared/contract/schemas/audit';
import { formatDateTime, formatRelative } from '../../lib/format';

const OUTCOME_TONE = { ok: 'ok', denied: 'warn', error: 'bad' } as const;

export function AuditTable({ entries, now, baselineSeq }: { entries: readonly AuditEntry[]; now: number; baselineSeq: number }) {
  return (
    <div className="table-wrap">
      <table className="table table-audit" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              Seq
            </th>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Client</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Outcome</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.seq}
              className={entry.seq > baselineSeq ? 'row-new' : undefined}
              data-testid="audit-row"
              data-seq={entry.seq}
              data-action={entry.action}
              data-outcome={entry.outcome}
            >
              <td className="num mono muted">{entry.seq}</td>
              <td className="nowrap">
                <time dateTime={entry.at} title={formatRelative(entry.at, now)}>
                  {formatDateTime(entry.at)}
                </time>
              </td>
              <td>{entry.actor}</td>
              <td className="muted">{entry.client}</td>
              <td>
                <code className="action">{entry.action}</code>
              </td>
              <td className="mono">{entry.target ?? <span className="muted">—</span>}</td>
              <td>
                <span className={`badge badge-${OUTCOME_TONE[entry.outcome]}`}>
                  <span className="badge-dot" aria-hidden="true" />
                  {entry.outcome}
                </span>
              </td>
              <td className="cell-detail">
                {entry.detail !== null ? <span>{entry.detail}</span> : entry.valueHmac ? null : <span className="muted">—</span>}
                {entry.valueHmac ? (
                  <span className="hmac" title={`Keyed HMAC of the value involved (not the value): ${entry.valueHmac}`}>
                    hmac {entry.valueHmac.slice(0, 8)}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
