import { useBrokerEvent } from '../../api/use-broker-event';
import { useQuery, type QueryState } from '../../api/use-query';
import type { TokenMeta } from '../../../shared/contract/schemas/tokens';
import { takePrefetchedTokens } from './token-prefetch';

/** token.list (the start-up prefetch first), refreshed whenever the broker says a token changed. */
export function useTokens(): QueryState<TokenMeta[]> {
  const query = useQuery((api) => takePrefetchedTokens(api) ?? api.call('token.list', {}), 'token.list');
  useBrokerEvent('token.changed', () => query.reload());
  return query;
}
