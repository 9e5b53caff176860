// GET /v1/events: a WebSocket pushing HubEvents to one member. The upgrade request is signed
// like any call (headers, empty body); events come from service.subscribe, which fans out
// between hub instances. Clients send nothing; the hub pings to find dead peers.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { HubServerLogger } from './hub-server-logger';
import { HubError, type HubEvent, type HubService } from '../service-types';
import { authenticateMember } from './authenticate';
import { rawHttpError } from './respond';

export const EVENTS_PATH = '/v1/events';
const PING_INTERVAL_MS = 30_000;
/** A member that does not read its events is cut off (it reconnects and refetches). */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface EventSockets {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  readonly count: number;
  close(): Promise<void>;
}

interface Live {
  alive: boolean;
  unsubscribe: () => void;
}

export function createEventSockets(service: HubService, logger: HubServerLogger): EventSockets {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  const live = new Map<WebSocket, Live>();
  let closing = false;

  const pinger = setInterval(() => {
    for (const [ws, state] of live) {
      if (!state.alive) {
        ws.terminate();
        continue;
      }
      state.alive = false;
      ws.ping();
    }
  }, PING_INTERVAL_MS);
  pinger.unref();

  function refuse(socket: Duplex, error: HubError, started: number, member: string | null): void {
    logger.info('hub.request', { method: 'GET', route: EVENTS_PATH, status: error.status, ms: Date.now() - started, member, code: error.code });
    if (socket.writable) socket.end(rawHttpError(error));
    else socket.destroy();
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const started = Date.now();
    socket.on('error', () => socket.destroy());
    if (closing) {
      refuse(socket, new HubError('INTERNAL', 'the hub is shutting down; reconnect', 503), started, null);
      return;
    }
    authenticateMember(service, request, Buffer.alloc(0)).then(
      ({ member }) => {
        if (closing || socket.destroyed) {
          socket.destroy();
          return;
        }
        wss.handleUpgrade(request, socket, head, (ws) => {
          const send = (event: HubEvent): void => {
            if (ws.readyState !== ws.OPEN) return;
            if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
              logger.warn('hub.events.slow-consumer', { member: member.id });
              ws.terminate();
              return;
            }
            ws.send(JSON.stringify(event));
          };
          const state: Live = { alive: true, unsubscribe: once(service.subscribe(member.id, send)) };
          live.set(ws, state);
          ws.on('pong', () => (state.alive = true));
          ws.on('message', () => undefined);
          ws.on('error', () => ws.terminate());
          ws.on('close', () => {
            state.unsubscribe();
            live.delete(ws);
            logger.info('hub.events.closed', { member: member.id, ms: Date.now() - started });
          });
          logger.info('hub.request', { method: 'GET', route: EVENTS_PATH, status: 101, ms: Date.now() - started, member: member.id });
          send({ type: 'hello', memberId: member.id });
        });
      },
      (error: unknown) => {
        const refusal = error instanceof HubError ? error : new HubError('INTERNAL', 'internal error (see the hub log)', 500);
        if (!(error instanceof HubError)) logger.error('hub.events.failed', { errorName: error instanceof Error ? error.name : typeof error });
        refuse(socket, refusal, started, null);
      },
    );
  }

  return {
    handleUpgrade,
    get count() {
      return live.size;
    },
    async close() {
      closing = true;
      clearInterval(pinger);
      for (const [ws, state] of live) {
        state.unsubscribe();
        ws.close(1001, 'hub shutting down');
      }
      const deadline = setTimeout(() => {
        for (const ws of live.keys()) ws.terminate();
      }, 2_000);
      deadline.unref();
      while (live.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      clearTimeout(deadline);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
