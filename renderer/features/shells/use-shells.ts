import type { LeaseInfo, ShellInfo } from '../../../shared/contract/schemas/leases';
import { useBrokerEvent } from '../../api/use-broker-event';
import { useQuery, type QueryState } from '../../api/use-query';

/**
 * shell.list, refreshed when a shell exits (told to attached clients) or any lease changes
 * (a shell opened or ended elsewhere changes its lease too).
 */
export function useShells(): QueryState<ShellInfo[]> {
  const query = useQuery((api) => api.call('shell.list', {}), 'shell.list');
  useBrokerEvent('shell.exited', () => query.reload());
  useBrokerEvent('lease.changed', () => query.reload());
  return query;
}

/** lease.list, refreshed on every lease.changed. */
export function useLeases(): QueryState<LeaseInfo[]> {
  const query = useQuery((api) => api.call('lease.list', {}), 'lease.list');
  useBrokerEvent('lease.changed', () => query.reload());
  return query;
}
