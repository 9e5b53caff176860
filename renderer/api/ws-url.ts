/** The broker's WebSocket on the same host that served the page, or null off http(s). */
export function brokerSocketUrl(location: { protocol: string; host: string }): string | null {
  if (location.protocol === 'https:') return `wss://${location.host}/ws`;
  if (location.protocol === 'http:') return `ws://${location.host}/ws`;
  return null;
}
