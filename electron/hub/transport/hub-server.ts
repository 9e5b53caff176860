// The hub's network face: HTTPS (or, only when asked, plain HTTP) + a WebSocket at /v1/events.
// Every call but /v1/health and /v1/ca.pem is signed; see authenticate.ts and
// docs/hub-protocol.md. One log line per call: method, route template, status, ms, member id.

import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { HubServerLogger } from './hub-server-logger';
import { HubError, type HubService } from '../service-types';
import { authenticateJoin, authenticateMember } from './authenticate';
import { createEventSockets, EVENTS_PATH } from './event-socket';
import { MAX_BODY_BYTES, readBody } from './read-body';
import { sendError, sendJson, sendText } from './respond';
import { Router, SIGNED_ROUTES, type SignedRoute } from './routes';
import { JoinBody, parseBody } from './schemas';

export interface HubServerOptions {
  service: HubService;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /**
   * The hub's server certificate and key (PEM). Without it the hub speaks plain HTTP: only for
   * tests, benchmarks and a TLS-terminating proxy in front (`latch hub serve --insecure-http`).
   * caCertPem: the hub CA, served at GET /v1/ca.pem for `join` to pin (checked against the invite).
   */
  tls?: { certPem: string; keyPem: string; caCertPem?: string };
  /** Served at /v1/ca.pem when tls has no caCertPem (e.g. plain HTTP behind a proxy). */
  caCertPem?: string;
  logger: HubServerLogger;
  /** Default 64 KiB. */
  maxBodyBytes?: number;
}

export interface HubServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type RouteName = 'health' | 'ca' | 'join' | 'events';
interface OpenRoute {
  method: 'GET' | 'POST';
  template: string;
  name: RouteName;
}
const OPEN_ROUTES: readonly OpenRoute[] = [
  { method: 'GET', template: '/v1/health', name: 'health' },
  { method: 'GET', template: '/v1/ca.pem', name: 'ca' },
  { method: 'POST', template: '/v1/join', name: 'join' },
  { method: 'GET', template: EVENTS_PATH, name: 'events' },
];

type AnyRoute = SignedRoute | OpenRoute;

export async function startHubServer(options: HubServerOptions): Promise<HubServer> {
  const { service, logger } = options;
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const caCertPem = options.tls?.caCertPem ?? options.caCertPem;
  const router = new Router<AnyRoute>([...OPEN_ROUTES, ...SIGNED_ROUTES]);
  const events = createEventSockets(service, logger);
  const sockets = new Set<Socket>();
  let inFlight = 0;

  /** `who.member` is set as soon as the caller is authenticated (for the log line). */
  async function dispatch(request: IncomingMessage, response: ServerResponse, url: URL, route: AnyRoute, params: Record<string, string>, who: { member: string | null }): Promise<void> {
    if ('handle' in route) {
      const body = await readBody(request, maxBody);
      const { member, proof } = await authenticateMember(service, request, body);
      who.member = member.id;
      const result = await route.handle({ service, member, proof, params, query: url.searchParams, body, request });
      sendJson(response, result.status, result.body);
      return;
    }
    if (route.name === 'health') {
      sendJson(response, 200, { status: 'ok', version: process.env.LATCH_VERSION ?? 'dev' });
      return;
    }
    if (route.name === 'ca') {
      if (!caCertPem) throw new HubError('NOT_FOUND', 'this hub serves no CA certificate', 404);
      sendText(response, 200, caCertPem, 'application/x-pem-file');
      return;
    }
    if (route.name === 'events') throw new HubError('INVALID_INPUT', 'GET /v1/events is a WebSocket: send an Upgrade request', 426);
    // join: the key is not on record yet; the (size-limited) body names it, and must be signed by it.
    const body = await readBody(request, maxBody);
    const input = parseBody(JoinBody, body, request.headers['content-type']);
    await authenticateJoin(service, request, body, input.signingKey);
    const member = await service.join(input);
    who.member = member.id;
    sendJson(response, 201, { member });
  }

  async function onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = (request.method ?? 'GET').toUpperCase();
    let template = '-';
    const who: { member: string | null } = { member: null };
    let code: string | undefined;
    inFlight++;
    try {
      const url = parseUrl(request.url);
      const found = router.match(method, url.pathname);
      if (found === null) throw new HubError('NOT_FOUND', `no such endpoint: ${method} ${url.pathname.slice(0, 100)}`, 404);
      if ('methodNotAllowed' in found) {
        response.setHeader('Allow', found.methodNotAllowed.join(', '));
        throw new HubError('INVALID_INPUT', `use ${found.methodNotAllowed.join(' or ')} for this endpoint`, 405);
      }
      template = found.route.template;
      await dispatch(request, response, url, found.route, found.params, who);
    } catch (error) {
      const refusal = error instanceof HubError ? error : new HubError('INTERNAL', 'internal error (see the hub log)', 500);
      if (!(error instanceof HubError)) logger.error('hub.request.failed', { route: template, errorName: error instanceof Error ? error.name : typeof error, errorCode: errorCodeOf(error) });
      code = refusal.code;
      if (refusal.status === 413) {
        // The rest of an oversized body is not read: close the connection after answering.
        response.setHeader('Connection', 'close');
        request.resume();
      }
      sendError(response, refusal);
    } finally {
      inFlight--;
    }
    logger.info('hub.request', { method, route: template, status: response.statusCode, ms: Math.round((performance.now() - started) * 10) / 10, member: who.member, code });
  }

  const handler = (request: IncomingMessage, response: ServerResponse): void => void onRequest(request, response);
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.certPem, key: options.tls.keyPem, minVersion: 'TLSv1.2' }, handler)
    : createHttpServer(handler);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => {
    let pathname = '';
    try {
      pathname = parseUrl(request.url).pathname;
    } catch {
      pathname = '';
    }
    if (pathname !== EVENTS_PATH) {
      socket.end(`HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    events.handleUpgrade(request, socket, head);
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `${options.tls ? 'https' : 'http'}://${urlHost}:${port}`;
  logger.info('hub.listening', { url, tls: options.tls !== undefined });

  let closed: Promise<void> | null = null;
  return {
    url,
    port,
    close() {
      closed ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await events.close();
        // Calls in flight get a few seconds to finish; then every connection is cut.
        const deadline = Date.now() + 5_000;
        while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
        await stopped;
        logger.info('hub.closed', {});
      })();
      return closed;
    },
  };
}

function parseUrl(raw: string | undefined): URL {
  if (raw === undefined || !raw.startsWith('/') || raw.startsWith('//')) throw new HubError('INVALID_INPUT', 'the request target must be a path such as /v1/me', 400);
  try {
    return new URL(raw, 'http://hub.invalid');
  } catch {
    throw new HubError('INVALID_INPUT', 'the request target is not a valid path', 400);
  }
}

function errorCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
