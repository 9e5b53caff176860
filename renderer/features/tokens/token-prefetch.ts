import type { LatchApi } from '../../../shared/contract/api';
import type { Result } from '../../../shared/contract/result';
import type { TokenMeta } from '../../../shared/contract/schemas/tokens';

let prefetched: { api: LatchApi; result: Promise<Result<TokenMeta[]>> } | null = null;

/**
 * Ask for the token list as the app starts (the call waits for the connection and goes out
 * the moment it opens), so the landing page does not wait for a render before asking.
 */
export function prefetchTokens(api: LatchApi): void {
  prefetched = { api, result: api.call('token.list', {}) };
}

/** The prefetched answer, once, if it was made on this connection. */
export function takePrefetchedTokens(api: LatchApi): Promise<Result<TokenMeta[]>> | null {
  if (prefetched?.api !== api) return null;
  const { result } = prefetched;
  prefetched = null;
  return result;
}
