import { useQuery } from '../../api/use-query';
import { useBrokerEvent } from '../../api/use-broker-event';
import { formatDateTime } from '../../lib/format';
import { ErrorBanner, Loading } from '../../ui/States';

/** The hub's audit trail: every step of every request, signed by the member who acted. */
export function AccessHistory() {
  const query = useQuery((api) => api.call('access.audit', { limit: 100 }), 'access.audit');
  useBrokerEvent('access.changed', () => query.reload());
  if (query.error && !query.data) return <ErrorBanner error={query.error} onRetry={query.reload} title="Could not load the hub’s audit trail." />;
  if (!query.data) return <Loading label="Loading history…" />;
  if (query.data.length === 0) return <p className="muted">Nothing yet.</p>;
  return (
    <ol className="access-history" data-testid="access-history">
      {query.data.map((e) => (
        <li key={e.seq}>
          <span className="muted nowrap">{formatDateTime(e.at)}</span>
          <code>{e.action}</code>
          <span>
            {Object.entries(e.details)
              .filter(([, v]) => v !== null && v !== '')
              .map(([k, v]) => `${k}: ${String(v)}`)
              .join(' · ')}
          </span>
          <span className={e.signed ? 'badge badge-ok' : 'badge'} title={e.signed ? 'Signed by the member who acted' : 'Done by the hub itself (expiry, time-out)'}>
            {e.signed ? 'signed' : 'hub'}
          </span>
        </li>
      ))}
    </ol>
  );
}
