import { useBrokerEvent } from '../../api/use-broker-event';
import { useQuery, type QueryState } from '../../api/use-query';
import type { AccessRequestInfo, AccessStatus } from '../../../shared/contract/schemas/access';

/** Membership and link state, refreshed when the broker says it changed. */
export function useAccessStatus(): QueryState<AccessStatus> {
  const query = useQuery((api) => api.call('access.status', {}), 'access.status');
  useBrokerEvent('access.status', () => query.reload());
  return query;
}

/** Every request this member made or may review; refreshed on each hub event. */
export function useAccessRequests(joined: boolean): QueryState<AccessRequestInfo[]> {
  const query = useQuery(
    (api) => (joined ? api.call('access.list', { scope: 'all', limit: 200 }) : Promise.resolve({ ok: true as const, value: [] })),
    `access.list:${joined}`,
  );
  useBrokerEvent('access.changed', () => query.reload());
  return query;
}
