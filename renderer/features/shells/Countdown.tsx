import type { LeaseInfo } from '../../../shared/contract/schemas/leases';
import { useNow } from '../../lib/use-now';
import { countdownTone, formatCountdown, isLive, leaseSecondsLeft } from './lease-format';

/** Time left on a lease, ticking every second (only this element re-renders). */
export function Countdown({ lease, testId }: { lease: LeaseInfo; testId?: string }) {
  const live = isLive(lease.state);
  // Re-render every second; read the clock now so a fresh renewal never shows a stale second.
  useNow(1000, live);
  const left = live ? leaseSecondsLeft(lease, Date.now()) : 0;
  return (
    <span className={`lease-countdown lease-countdown-${countdownTone(lease, left)}`} data-testid={testId} data-seconds={left}>
      {live ? formatCountdown(left) : '—'}
    </span>
  );
}
