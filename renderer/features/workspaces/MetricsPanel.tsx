import type { WorkspaceMetrics } from '../../../shared/contract/schemas/workspaces';
import { plural } from '../../lib/format';
import { baseName } from './finding-model';
import { fixedShare, medianText, openBars } from './metrics-view';

/** workspace.metrics: open findings per workspace, median time to fix, fixed vs ignored. */
export function MetricsPanel({ metrics }: { metrics: WorkspaceMetrics }) {
  const bars = openBars(metrics.perWorkspace).slice(0, 5);
  const share = fixedShare(metrics);
  return (
    <div className="ws-metrics" data-testid="workspace-metrics">
      <section className={metrics.open > 0 ? 'card ws-metric card-bad' : 'card ws-metric card-ok'} aria-labelledby="metric-open-title">
        <h2 id="metric-open-title" className="card-title">
          Open findings
        </h2>
        <p className="ws-metric-value" data-testid="metric-open">
          {metrics.open}
        </p>
        {bars.length > 0 ? (
          <ul className="ws-bars" aria-label="Open findings per workspace">
            {bars.map((bar) => (
              <li key={bar.path} title={bar.path} data-testid="metric-workspace" data-path={bar.path}>
                <span className="ws-bar-label">{baseName(bar.path)}</span>
                <span className="ws-bar-track" aria-hidden="true">
                  <span className="ws-bar-fill" style={{ transform: `scaleX(${bar.share})` }} />
                </span>
                <span className="ws-bar-count">{bar.open}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted ws-metric-note">No findings yet.</p>
        )}
      </section>
      <section className="card ws-metric" aria-labelledby="metric-median-title">
        <h2 id="metric-median-title" className="card-title">
          Median time to fix
        </h2>
        <p className="ws-metric-value" data-testid="metric-median">
          {medianText(metrics.medianSecondsToFix)}
        </p>
        <p className="muted ws-metric-note">
          {metrics.fixed > 0 ? `From detection to fix, over ${plural(metrics.fixed, 'fixed finding')}.` : 'Shown once a finding is fixed.'}
        </p>
      </section>
      <section className="card ws-metric" aria-labelledby="metric-closed-title">
        <h2 id="metric-closed-title" className="card-title">
          Fixed vs ignored
        </h2>
        <p className="ws-metric-value">
          <span data-testid="metric-fixed">{metrics.fixed}</span>
          <span className="ws-metric-sep" aria-hidden="true">
            {' '}
            /{' '}
          </span>
          <span className="visually-hidden"> fixed, </span>
          <span data-testid="metric-ignored" className="ws-metric-ignored">
            {metrics.ignored}
          </span>
          <span className="visually-hidden"> ignored</span>
        </p>
        <div className="ws-split" aria-hidden="true">
          {share === null ? null : (
            <>
              <span className="ws-split-fixed" style={{ flexGrow: share }} />
              <span className="ws-split-ignored" style={{ flexGrow: 1 - share }} />
            </>
          )}
        </div>
        <p className="muted ws-metric-note">
          {share === null ? 'Nothing closed yet.' : `${Math.round(share * 100)}% fixed · ${Math.round((1 - share) * 100)}% ignored`}
        </p>
      </section>
    </div>
  );
}
