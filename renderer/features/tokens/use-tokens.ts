import { useEffect } from 'react';
import { useBrokerEvent } from '../../api/use-broker-event';
import { useQuery, type QueryState } from '../../api/use-query';
import type { TokenMeta } from '../../../shared/contract/schemas/tokens';
import { embeddedTokens, forgetEmbeddedTokens, takePrefetchedTokens } from './token-prefetch';

/**
 * token.list: the list embedded in the page or the start-up prefetch first, refreshed on
 * mount and whenever the broker says a token changed.
 */
export function useTokens(): QueryState<TokenMeta[]> {
  const query = useQuery((api) => takePrefetchedTokens(api) ?? api.call('token.list', {}), 'token.list', embeddedTokens);
  useEffect(forgetEmbeddedTokens, []);
  useBrokerEvent('token.changed', () => query.reload());
  return query;
}
