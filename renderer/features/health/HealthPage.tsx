import type { ReactNode } from 'react';
import type { SystemStatus } from '../../../shared/contract/schemas/system';
import { useConnectionSnapshot } from '../../api/connection-context';
import { useQuery } from '../../api/use-query';
import { formatDateTime, formatDuration } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { useInterval } from '../../lib/use-interval';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorBanner, Loading } from '../../ui/States';

function Card({ title, children, testId, tone }: { title: string; children: ReactNode; testId: string; tone?: 'ok' | 'bad' }) {
  return (
    <section className={tone ? `card card-${tone}` : 'card'} data-testid={testId} aria-label={title}>
      <h2 className="card-title">{title}</h2>
      {children}
    </section>
  );
}

function Rows({ rows }: { rows: ReadonlyArray<[string, ReactNode, string?]> }) {
  return (
    <dl className="details">
      {rows.map(([label, value, testId]) => (
        <div key={label} className="details-row">
          <dt>{label}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function uptimeSeconds(status: SystemStatus, now: number): number {
  const started = Date.parse(status.startedAt);
  return Number.isNaN(started) ? status.uptimeSeconds : (now - started) / 1000;
}

/** system.status, polled every 5 s while the page is open. */
export function HealthPage() {
  const { data: status, error, loading, reload } = useQuery((api) => api.call('system.status', {}), 'system.status');
  useInterval(reload, 5000);
  const now = useNow(1000);
  const { state } = useConnectionSnapshot();
  const transport = 'transport' in state ? (state.transport === 'ipc' ? 'Electron IPC' : 'WebSocket') : '—';

  return (
    <section className="page" data-testid="page-health" aria-labelledby="page-title-health">
      <PageHeader
        id="health"
        title="Health"
        subtitle="The broker process, the OS keychain and where Latch keeps its files."
        actions={
          <button type="button" className="icon-button" onClick={reload} aria-label="Refresh" title="Refresh" data-testid="health-refresh">
            <Icon name="refresh" />
          </button>
        }
      />
      {error ? <ErrorBanner error={error} onRetry={reload} title="Could not read the broker status." /> : null}
      {loading && !status ? <Loading label="Asking the broker…" /> : null}
      {status ? (
        <div className="cards">
          <Card title="OS keychain" testId="health-keychain" tone={status.keychain.available ? 'ok' : 'bad'}>
            <p className="card-headline" data-testid="health-keychain-state" data-available={String(status.keychain.available)}>
              <Icon name={status.keychain.available ? 'check' : 'alert'} size={18} />
              {status.keychain.available ? 'Available' : 'Unavailable'}
            </p>
            <Rows
              rows={[
                ['Backend', <span className="mono">{status.keychain.backend}</span>],
                ['Message', status.keychain.message ?? <span className="muted">—</span>, 'health-keychain-message'],
              ]}
            />
            {!status.keychain.available ? (
              <p className="card-note">Latch refuses to store tokens without a keychain: it never falls back to plaintext.</p>
            ) : null}
          </Card>
          <Card title="Broker" testId="health-broker">
            <Rows
              rows={[
                ['Version', <span className="mono">{status.version}</span>, 'health-version'],
                ['PID', <span className="mono">{status.pid}</span>, 'health-pid'],
                ['Uptime', formatDuration(uptimeSeconds(status, now)), 'health-uptime'],
                ['Started', formatDateTime(status.startedAt)],
                ['Tokens', status.tokens],
                ['Clients', status.clients],
                ['This window via', transport],
              ]}
            />
          </Card>
          <Card title="Files" testId="health-paths">
            <Rows
              rows={[
                ['Socket', <code className="path">{status.socketPath}</code>, 'health-socket'],
                ['Data', <code className="path">{status.dataDir}</code>],
                ['Log', <code className="path">{status.logFile}</code>],
              ]}
            />
          </Card>
        </div>
      ) : null}
    </section>
  );
}
