import { useBrokerEvent } from '../../api/use-broker-event';
import { useQuery, type QueryState } from '../../api/use-query';
import type { TokenMeta } from '../../../shared/contract/schemas/tokens';

/** token.list, refreshed whenever the broker says a token changed (from any client). */
export function useTokens(): QueryState<TokenMeta[]> {
  const query = useQuery((api) => api.call('token.list', {}), 'token.list');
  useBrokerEvent('token.changed', () => query.reload());
  return query;
}
