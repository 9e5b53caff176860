import { takeBootAnswer } from '../../api/boot-answers';
import type { LatchApi } from '../../../shared/contract/api';
import type { Result } from '../../../shared/contract/result';
import type { TokenMeta } from '../../../shared/contract/schemas/tokens';

let prefetched: { api: LatchApi; result: Promise<Result<TokenMeta[]>> } | null = null;
let embedded: TokenMeta[] | undefined;

/**
 * The landing page's data, as the app starts: the list `latch ui` embedded in the page (shown
 * at once, refreshed over the connection on mount), or else a call that goes out the moment
 * the connection opens, so the page does not wait for a render before asking.
 */
export function prefetchTokens(api: LatchApi): void {
  const answer = takeBootAnswer('token.list');
  if (answer?.ok) embedded = answer.value;
  else prefetched = { api, result: api.call('token.list', {}) };
}

/** The prefetched answer, once, if it was made on this connection. */
export function takePrefetchedTokens(api: LatchApi): Promise<Result<TokenMeta[]>> | null {
  if (prefetched?.api !== api) return null;
  const { result } = prefetched;
  prefetched = null;
  return result;
}

/** The list embedded in the page, for the first render (not consumed: a render may run twice). */
export function embeddedTokens(): TokenMeta[] | undefined {
  return embedded;
}

/** The first mount has its data: later mounts start empty and load. */
export function forgetEmbeddedTokens(): void {
  embedded = undefined;
}
