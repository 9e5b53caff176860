import { useMemo } from 'react';
import { useNow } from '../../lib/use-now';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorBanner, Loading } from '../../ui/States';
import { AccessHistory } from './AccessHistory';
import { sortRequests } from './access-labels';
import { JoinHubPanel } from './JoinHubPanel';
import { RequestAccessForm } from './RequestAccessForm';
import { RequestTable } from './RequestTable';
import { ReviewCard } from './ReviewCard';
import { useAccessRequests, useAccessStatus } from './use-access';
import './access.css';

const LINK: Record<string, { label: string; tone: string }> = {
  open: { label: 'connected', tone: 'pill-ok' },
  connecting: { label: 'connecting…', tone: 'pill-warn' },
  closed: { label: 'hub unreachable — retrying', tone: 'pill-bad' },
  'not-joined': { label: 'not joined', tone: 'pill-muted' },
};

/** Temporary production access: ask, review, and watch grants end on their own. */
export function AccessPage() {
  const status = useAccessStatus();
  const joined = status.data?.joined === true;
  const requests = useAccessRequests(joined);
  const now = useNow(1000);
  const all = useMemo(() => sortRequests(requests.data ?? []), [requests.data]);
  const reviews = all.filter((r) => r.canReview);
  const listed = all.filter((r) => !r.canReview);
  const resources = useMemo(() => [...new Set(all.map((r) => r.resource))].sort(), [all]);
  const reload = () => {
    status.reload();
    requests.reload();
  };

  let body;
  if (status.error && !status.data) body = <ErrorBanner error={status.error} onRetry={status.reload} title="Could not read the hub membership." />;
  else if (!status.data) body = <Loading label="Loading…" />;
  else if (!joined) body = <JoinHubPanel onJoined={reload} />;
  else {
    const link = LINK[status.data.connection] ?? { label: status.data.connection, tone: 'pill-muted' };
    body = (
      <>
        <p className="access-member muted" data-testid="access-member">
          <span className={`pill ${link.tone}`}>
            <span className="pill-dot" /> {link.label}
          </span>{' '}
          {status.data.member?.name} on <code>{status.data.hubUrl}</code>
          {status.data.member && status.data.member.groups.length > 0 ? ` · groups: ${status.data.member.groups.join(', ')}` : ''}
        </p>
        {requests.error ? <ErrorBanner error={requests.error} onRetry={requests.reload} title="Could not load requests from the hub." /> : null}
        <section aria-labelledby="reviews-title" className="access-section">
          <h2 id="reviews-title">
            Waiting for your review <span className={reviews.length > 0 ? 'count count-warn' : 'count'}>{reviews.length}</span>
          </h2>
          {reviews.length === 0 ? (
            <p className="muted" data-testid="no-reviews">
              Nothing to review. New requests appear here and in the tray the moment they are made.
            </p>
          ) : (
            <ul className="review-list" data-testid="review-list">
              {reviews.map((r) => (
                <ReviewCard key={r.id} request={r} now={now} onDone={reload} />
              ))}
            </ul>
          )}
        </section>
        <RequestAccessForm suggestions={resources} onDone={reload} />
        <section aria-labelledby="requests-title" className="access-section">
          <h2 id="requests-title">Requests</h2>
          {!requests.data ? (
            <Loading label="Loading requests…" />
          ) : listed.length === 0 ? (
            <EmptyState icon="userCheck" title="No requests yet" testId="access-empty">
              <p>
                Ask above, or from a terminal: <code>latch request orders-db --for 30m --reason "INC-42"</code>
              </p>
            </EmptyState>
          ) : (
            <RequestTable requests={listed} now={now} onChanged={reload} />
          )}
        </section>
        <details className="access-section">
          <summary>
            <h2>History (hub audit trail)</h2>
          </summary>
          <AccessHistory />
        </details>
      </>
    );
  }

  return (
    <section className="page" data-testid="page-access" aria-labelledby="page-title-access">
      <PageHeader
        id="access"
        title="Access"
        subtitle="Temporary production access: ask with a reason, a reviewer approves, it ends on its own and is revoked at the source."
      />
      {body}
    </section>
  );
}
