import type { ReactNode } from 'react';
import type { TokenDetail, TokenMeta } from '../../../shared/contract/schemas/tokens';
import { useBrokerEvent } from '../../api/use-broker-event';
import { useQuery } from '../../api/use-query';
import { routeHref } from '../../app/routes';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { ErrorBanner, Loading } from '../../ui/States';
import { StatusBadge } from './StatusBadge';
import type { TokenAction } from './TokenTable';

function When({ iso, now, empty = '—' }: { iso: string | null; now: number; empty?: string }) {
  if (!iso) return <span className="muted">{empty}</span>;
  return (
    <span title={formatDateTime(iso)}>
      {formatDateTime(iso)} <span className="muted">({formatRelative(iso, now)})</span>
    </span>
  );
}

function DetailList({ token, now }: { token: TokenDetail; now: number }) {
  const rows: Array<[string, ReactNode]> = [
    ['Status', <StatusBadge key="s" status={token.status} />],
    [
      'Kind',
      <span key="k" className="kind">
        {token.kind}
      </span>,
    ],
    ['Owner', token.owner || <span className="muted">—</span>],
    [
      'Scopes',
      token.scopes.length > 0 ? (
        <span className="chips">
          {token.scopes.map((s) => (
            <code key={s} className="chip">
              {s}
            </code>
          ))}
        </span>
      ) : (
        <span className="muted">—</span>
      ),
    ],
    ['Expires', <When key="e" iso={token.expiresAt} now={now} empty="never" />],
    ['Rotation period', token.rotationPeriodDays === null ? <span className="muted">none</span> : `every ${token.rotationPeriodDays} days`],
    ['Rotation due', <When key="r" iso={token.rotationDueAt} now={now} />],
    ['Created', <When key="c" iso={token.createdAt} now={now} />],
    ['Updated', <When key="u" iso={token.updatedAt} now={now} />],
  ];
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label} className="details-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      {token.notes ? (
        <div className="details-row">
          <dt>Notes</dt>
          <dd className="notes">{token.notes}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** token.get: metadata and rotation history, refreshed if the token changes meanwhile. */
export function TokenDetailsDialog({
  name,
  onClose,
  onAction,
}: {
  name: string;
  onClose(): void;
  onAction(action: TokenAction, token: TokenMeta): void;
}) {
  const { data, error, loading, reload } = useQuery((api) => api.call('token.get', { name }), `token.get:${name}`);
  useBrokerEvent('token.changed', (change) => {
    if (change.name === name && change.change !== 'removed') reload();
    if (change.name === name && change.change === 'removed') onClose();
  });
  const now = useNow(30_000);
  const rotations = data ? [...data.rotations].sort((a, b) => Date.parse(b) - Date.parse(a)) : [];

  return (
    <Dialog
      title={name}
      description="Metadata and rotation history. The value stays in your OS keychain."
      onClose={onClose}
      testId="dialog-token-details"
      wide
      dismissOnBackdrop
      footer={
        <>
          <a className="button button-ghost" href={routeHref('audit', { target: name })} data-testid="details-audit-link">
            <Icon name="list" /> Audit log
          </a>
          <span className="footer-spacer" />
          {data ? (
            <>
              <button type="button" className="button" onClick={() => onAction('edit', data)}>
                <Icon name="edit" /> Edit
              </button>
              <button type="button" className="button" onClick={() => onAction('rotate', data)}>
                <Icon name="rotate" /> Rotate
              </button>
              <button type="button" className="button" onClick={() => onAction('reveal', data)}>
                <Icon name="eye" /> Reveal
              </button>
            </>
          ) : null}
        </>
      }
    >
      {error ? <ErrorBanner error={error} onRetry={reload} /> : null}
      {loading && !data ? <Loading /> : null}
      {data ? (
        <div className="details-layout" data-testid="token-details">
          <DetailList token={data} now={now} />
          <section className="history" aria-labelledby="rotation-history-title">
            <h3 id="rotation-history-title">Rotation history</h3>
            {rotations.length === 0 ? (
              <p className="muted">Never rotated. Added {formatDate(data.createdAt)}.</p>
            ) : (
              <ol className="history-list" data-testid="rotation-history">
                {rotations.map((at, index) => (
                  <li key={`${at}-${index}`} data-testid="rotation-history-item">
                    <span className="history-dot" aria-hidden="true" />
                    <When iso={at} now={now} />
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      ) : null}
    </Dialog>
  );
}
