import { useState } from 'react';
import type { LeaseInfo } from '../../../shared/contract/schemas/leases';
import { useApi } from '../../api/connection-context';
import { formatDateTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { Icon } from '../../ui/Icon';
import { TextWithCode } from '../../ui/TextWithCode';
import { useToasts } from '../../ui/Toasts';
import { Countdown } from './Countdown';
import { LeaseStateBadge } from './LeaseStateBadge';
import { OwedRevocations } from './OwedRevocations';
import { RevokeLeaseDialog } from './RevokeLeaseDialog';
import {
  canRenew,
  endReasonText,
  formatLeaseTime,
  formatTtl,
  isLive,
  LEASE_STATE_LABEL,
  leaseFraction,
  leaseSecondsLeft,
  sourceLabel,
  spokenDuration,
} from './lease-format';

function CountdownBar({ lease }: { lease: LeaseInfo }) {
  const now = useNow(1000, isLive(lease.state));
  return (
    <div className="countdown-bar lease-bar" aria-hidden="true">
      <div className="countdown-fill" style={{ transform: `scaleX(${leaseFraction(lease, now)})` }} />
    </div>
  );
}

/** Announced once when the panel appears or the lease changes, not on every tick. */
function SpokenTimeLeft({ lease }: { lease: LeaseInfo }) {
  const live = isLive(lease.state);
  return (
    <span className="visually-hidden" role="status">
      {live ? `Lease ${lease.state}, about ${spokenDuration(leaseSecondsLeft(lease, Date.now()))} left.` : `Lease ${lease.state}.`}
    </span>
  );
}

/** A shell's lease: live countdown, renew and revoke, what it injected, and revocations still owed. */
export function LeasePanel({ lease, onChanged }: { lease: LeaseInfo; onChanged(): void }) {
  const api = useApi();
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const live = isLive(lease.state);
  const renewable = canRenew(lease);

  const renew = async () => {
    setBusy(true);
    const result = await api.call('lease.renew', { lease: lease.id });
    setBusy(false);
    if (!result.ok) {
      toasts.show({
        tone: 'bad',
        content: <TextWithCode text={`Could not renew: ${result.error.message}`} />,
        testId: 'lease-renew-failed',
      });
      return;
    }
    onChanged();
    toasts.show({
      tone: 'ok',
      content: `Renewed until ${formatLeaseTime(result.value.expiresAt, Date.now())}.`,
      testId: 'lease-renewed',
      key: 'lease-renew',
    });
  };

  const injected =
    lease.secrets.length > 0 ? (
      <div className="lease-secrets">
        <span className="lease-label">Injected</span>
        <ul className="chips" aria-label="Injected variables">
          {lease.secrets.map((secret) => (
            <li key={secret.name} className="chip lease-secret" title={sourceLabel(secret.source)}>
              <code>{secret.name}</code> <span className="muted">{sourceLabel(secret.source)}</span>
            </li>
          ))}
        </ul>
      </div>
    ) : (
      <span className="muted">Nothing injected.</span>
    );

  return (
    <section className={`lease-panel lease-${lease.state}`} data-testid="lease-panel" data-state={lease.state} aria-label="Lease">
      <div className="lease-top">
        <div className="lease-timer">
          <span className="lease-label">{live ? 'Time left' : 'Lease'}</span>
          {live ? (
            <>
              <Countdown lease={lease} testId="lease-countdown" />
              <CountdownBar lease={lease} />
            </>
          ) : (
            <span className="lease-over" data-testid="lease-over">
              {LEASE_STATE_LABEL[lease.state]}
            </span>
          )}
          <SpokenTimeLeft lease={lease} />
        </div>
        <dl className="lease-facts">
          <div>
            <dt>State</dt>
            <dd>
              <LeaseStateBadge state={lease.state} testId="lease-state" />
            </dd>
          </div>
          <div>
            <dt>{live ? 'Expires' : 'Ended'}</dt>
            <dd>
              {live ? (
                <time dateTime={lease.expiresAt} title={formatDateTime(lease.expiresAt)} data-testid="lease-expires-at">
                  {formatLeaseTime(lease.expiresAt, Date.now())}
                </time>
              ) : (
                <span title={formatDateTime(lease.endedAt)} data-testid="lease-ended-at">
                  {lease.endedAt ? formatLeaseTime(lease.endedAt, Date.now()) : '—'}
                </span>
              )}
            </dd>
          </div>
          {live ? (
            <div>
              <dt>Renewable until</dt>
              <dd>
                <time dateTime={lease.maxExpiresAt} title={formatDateTime(lease.maxExpiresAt)}>
                  {formatLeaseTime(lease.maxExpiresAt, Date.now())}
                </time>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Renewals</dt>
            <dd data-testid="lease-renewals">{lease.renewals}</dd>
          </div>
        </dl>
      </div>
      <div className="lease-bottom">
        {injected}
        {live ? (
          <div className="lease-actions">
            <button
              type="button"
              className="button"
              onClick={() => void renew()}
              disabled={!renewable || busy}
              title={live && !renewable ? 'Already at its max TTL' : `Extend to ${formatTtl(lease.ttlSeconds)} from now, up to the max TTL`}
              data-testid="lease-renew"
            >
              <Icon name="refresh" /> {busy ? 'Renewing…' : `Renew (${formatTtl(lease.ttlSeconds)})`}
            </button>
            <button type="button" className="button button-danger" onClick={() => setConfirmRevoke(true)} data-testid="lease-revoke">
              <Icon name="x" /> Revoke
            </button>
          </div>
        ) : null}
      </div>

      {lease.state === 'expiring' ? (
        <div className="banner banner-warn lease-note" role="alert" data-testid="lease-expiring-warning">
          <Icon name="alert" />
          <div className="banner-text">
            <strong>This lease is about to expire.</strong>{' '}
            {lease.onExpiry === 'stub-only'
              ? 'When it does, its dynamic credentials are revoked and the shell keeps stub values only.'
              : 'When it does, the shell ends.'}
            {renewable ? ' Renew it to keep working.' : ' It is at its max TTL and cannot be renewed.'}
          </div>
        </div>
      ) : null}
      {!live && endReasonText(lease) ? (
        <p className="lease-note muted" data-testid="lease-end-reason">
          Ended: {endReasonText(lease)}
        </p>
      ) : null}

      <OwedRevocations lease={lease} onRefresh={onChanged} />

      {confirmRevoke ? <RevokeLeaseDialog lease={lease} onClose={() => setConfirmRevoke(false)} onDone={onChanged} /> : null}
    </section>
  );
}
