import { useEffect, useState } from 'react';
import { routeHref } from '../../app/routes';
import { plural } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { useNow } from '../../lib/use-now';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorBanner, Loading } from '../../ui/States';
import { AuditFiltersBar } from './AuditFiltersBar';
import { AuditTable } from './AuditTable';
import { filtersFromParams, hasFilters, type AuditFilters } from './audit-query';
import { useAuditLog } from './use-audit-log';
import { useVerifyChain, VerifyButton, VerifyResult } from './VerifyChain';

const sameFilters = (a: AuditFilters, b: AuditFilters) => a.action === b.action && a.target === b.target && a.outcome === b.outcome;

export function AuditPage({ params }: { params: Readonly<Record<string, string>> }) {
  const [filters, setFilters] = useState(() => filtersFromParams(params));
  const paramsKey = JSON.stringify(params);
  useEffect(() => setFilters(filtersFromParams(JSON.parse(paramsKey) as Record<string, string>)), [paramsKey]);
  const applied = useDebounced(filters, 300, sameFilters);

  // Keep the address shareable (`#/audit?target=github/work`) without adding history entries.
  useEffect(() => {
    const href = routeHref('audit', { action: applied.action.trim(), target: applied.target.trim(), outcome: applied.outcome });
    if (window.location.hash !== href) window.history.replaceState(null, '', href);
  }, [applied]);

  const log = useAuditLog(applied);
  const verify = useVerifyChain();
  const now = useNow(30_000);

  let body;
  if (!log.entries) {
    body = log.loading ? <Loading label="Loading the audit log…" /> : null;
  } else if (log.entries.length === 0) {
    body = hasFilters(applied) ? (
      <EmptyState icon="search" title="No entries match these filters" testId="audit-no-match">
        <p className="muted">Filters match exactly: the action name (e.g. token.reveal) and the target name.</p>
      </EmptyState>
    ) : (
      <EmptyState icon="list" title="The audit log is empty">
        <p>Every token added, revealed, rotated or removed is recorded here, hash-chained so edits are detectable.</p>
        <p className="muted">
          From a terminal: <code>latch audit ls</code>
        </p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <AuditTable entries={log.entries} now={now} baselineSeq={log.baselineSeq} />
        <div className="table-footer">
          <span className="muted" data-testid="audit-count">
            {plural(log.entries.length, 'entry', 'entries')} shown
          </span>
          {log.hasMore ? (
            <button type="button" className="button" onClick={log.loadMore} disabled={log.loadingMore} data-testid="audit-load-more">
              {log.loadingMore ? 'Loading…' : 'Load more'}
            </button>
          ) : (
            <span className="muted">Start of the log{hasFilters(applied) ? ' (for these filters)' : ''}</span>
          )}
        </div>
      </>
    );
  }

  return (
    <section className="page" data-testid="page-audit" aria-labelledby="page-title-audit">
      <PageHeader
        id="audit"
        title="Audit log"
        subtitle="Append-only and hash-chained. Values appear only as keyed HMACs."
        actions={
          <>
            <button
              type="button"
              className="icon-button"
              onClick={log.reload}
              aria-label="Refresh"
              title="Refresh"
              data-testid="audit-refresh"
            >
              <Icon name="refresh" />
            </button>
            <VerifyButton onClick={verify.verify} busy={verify.busy} />
          </>
        }
      />
      <VerifyResult report={verify.report} error={verify.error} />
      <AuditFiltersBar filters={filters} onChange={setFilters} />
      {log.error ? <ErrorBanner error={log.error} onRetry={log.reload} title="Could not load the audit log." /> : null}
      {body}
    </section>
  );
}
