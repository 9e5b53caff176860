export { TokensPage } from './TokensPage';
export { prefetchTokens } from './token-prefetch';
