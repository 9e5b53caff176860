// A member's live event stream (GET /v1/events as a WebSocket), kept open: each (re)connect
// is freshly signed; after a drop it retries with exponential backoff and jitter. After a
// reconnect, events sent while away are not replayed: refetch on 'open'.

import WebSocket from 'ws';
import type { HubEvent } from '../service-types';
import type { HubEndpoint } from './hub-endpoint';
import { signedHeaders, type SigningKey } from './signed-http';

export type StreamState = 'connecting' | 'open' | 'closed';

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
/** The hub pings every 30 s: silence for this long means the link is dead. */
const SILENCE_MS = 75_000;

export function openEventStream(
  endpoint: HubEndpoint,
  signingKey: SigningKey,
  onEvent: (event: HubEvent) => void,
  onState: (state: StreamState) => void = () => undefined,
): () => void {
  let stopped = false;
  let attempt = 0;
  let socket: WebSocket | null = null;
  let retry: NodeJS.Timeout | null = null;
  let watchdog: NodeJS.Timeout | null = null;

  const wsOrigin = endpoint.origin.replace(/^http/, 'ws');

  function feedWatchdog(ws: WebSocket): void {
    if (watchdog) clearTimeout(watchdog);
    watchdog = setTimeout(() => ws.terminate(), SILENCE_MS);
    watchdog.unref();
  }

  function connect(): void {
    if (stopped) return;
    onState('connecting');
    const path = '/v1/events';
    const ws = new WebSocket(wsOrigin + path, {
      headers: signedHeaders(signingKey, 'GET', path, Buffer.alloc(0)),
      ...(endpoint.caCertPem ? { ca: endpoint.caCertPem } : {}),
      perMessageDeflate: false,
      handshakeTimeout: 15_000,
      maxPayload: 16 * 1024 * 1024,
    });
    socket = ws;
    ws.on('open', () => {
      attempt = 0;
      feedWatchdog(ws);
      onState('open');
    });
    ws.on('ping', () => feedWatchdog(ws));
    ws.on('message', (data) => {
      feedWatchdog(ws);
      let event: HubEvent;
      try {
        event = JSON.parse(data.toString()) as HubEvent;
      } catch {
        return;
      }
      if (event && typeof event === 'object' && typeof event.type === 'string') onEvent(event);
    });
    // A refused upgrade (401 …): drain the answer; 'close' follows and schedules a retry.
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      ws.terminate();
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (watchdog) clearTimeout(watchdog);
      if (socket === ws) socket = null;
      onState('closed');
      if (stopped) return;
      const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt);
      attempt = Math.min(attempt + 1, 16);
      retry = setTimeout(connect, delay * (0.8 + Math.random() * 0.4));
    });
  }

  connect();
  return () => {
    if (stopped) return;
    stopped = true;
    if (retry) clearTimeout(retry);
    if (watchdog) clearTimeout(watchdog);
    if (socket) socket.close(1000);
    else onState('closed');
  };
}
