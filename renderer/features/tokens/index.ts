export { TokensPage } from './TokensPage';
export { embeddedTokens, prefetchTokens } from './token-prefetch';
