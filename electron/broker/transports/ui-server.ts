import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_FRAME_BYTES } from '../../../shared/contract';
import { ClientSession } from './client-session';
import { isLoopbackHost, isSameOrigin, matchesAny, readCookie } from './http-guards';
import type { TransportDeps } from './transport-deps';
import { bootAnswers, bootAnswersBlock, splitForBootAnswers } from './ui-boot';

const SESSION_COOKIE = 'latch_session';
const LOGIN_TOKEN_TTL_MS = 5 * 60_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface UiServer {
  port: number;
  /** A fresh one-time login URL (valid 5 minutes, usable once). */
  loginUrl(): string;
  close(): Promise<void>;
}

function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function plain(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  response.end(text + '\n');
}

/**
 * `latch ui`: the built renderer and a WebSocket carrying the contract, on 127.0.0.1 only.
 * Auth: a one-time token in the printed URL is exchanged for an HttpOnly, SameSite=Strict
 * session cookie (the answer to /login is the app itself); every request checks the cookie
 * (constant time) and a loopback Host;
 * the WebSocket also checks its Origin. Before authentication only /login answers.
 */
export async function startUiServer(deps: TransportDeps, options: { port?: number; rendererDir: string }): Promise<UiServer> {
  const loginTokens = new Map<string, number>();
  const sessions = new Set<string>();
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let port = 0;

  const server: Server = createServer((request, response) => {
    const headers = securityHeaders(port);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (!isLoopbackHost(request.headers.host, port)) {
      deps.logger.warn('ui.refused', { reason: 'host' });
      return plain(response, 421, 'Refused: this server only answers to 127.0.0.1 / localhost.');
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, 'Method not allowed.');
    if (url.pathname === '/login') return login(url, response);
    if (!authenticated(request)) {
      return plain(response, 401, 'Not signed in: open the one-time URL printed by `latch ui` (run it again for a new one).');
    }
    serve(url.pathname, response);
  });

  function serve(pathname: string, response: ServerResponse): void {
    serveStatic(pathname, response).catch((error: unknown) => {
      deps.logger.error('ui.serve_failed', { message: error instanceof Error ? error.message : String(error) });
      if (!response.headersSent) plain(response, 500, 'The UI could not be served; see the broker log.');
      else response.destroy();
    });
  }

  function authenticated(request: IncomingMessage): boolean {
    return matchesAny(readCookie(request, SESSION_COOKIE), sessions) !== null;
  }

  function login(url: URL, response: ServerResponse): void {
    const now = Date.now();
    for (const [token, expires] of loginTokens) if (expires < now) loginTokens.delete(token);
    const token = matchesAny(url.searchParams.get('token') ?? undefined, loginTokens.keys());
    if (token === null) {
      deps.logger.warn('ui.login_refused', {});
      return plain(response, 401, 'This login link is invalid, expired or already used. Run `latch ui` again for a new one.');
    }
    loginTokens.delete(token);
    const session = randomBytes(32).toString('base64url');
    sessions.add(session);
    deps.logger.info('ui.login', {});
    // The app itself answers, without a redirect's round trip; it replaces the spent
    // /login?token=… address with / as it starts.
    response.setHeader('Set-Cookie', `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`);
    serve('/', response);
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(options.rendererDir, relative === '' ? 'index.html' : relative);
    if (!file.startsWith(options.rendererDir + sep) && file !== options.rendererDir) return plain(response, 404, 'Not found.');
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (extname(relative) !== '') return plain(response, 404, 'Not found.');
      file = join(options.rendererDir, 'index.html');
      if (!existsSync(file)) return plain(response, 503, 'The UI is not built: run `npm run build`.');
    }
    const content = readFileSync(file);
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    if (extname(file) !== '.html') return void response.end(content);
    // The page up to its embedded answers goes out first, so the browser fetches the scripts
    // while the broker answers the landing page's calls.
    const [head, tail] = splitForBootAnswers(content.toString('utf8'));
    response.write(head);
    response.end(bootAnswersBlock(await bootAnswers(deps)) + tail);
  }

  server.on('upgrade', (request, socket, head) => {
    const refuse = (status: number, reason: string): void => {
      deps.logger.warn('ui.ws_refused', { reason });
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!isLoopbackHost(request.headers.host, port)) return refuse(421, 'Misdirected Request');
    if (!isSameOrigin(request.headers.origin, request.headers.host)) return refuse(403, 'Forbidden');
    if (!authenticated(request)) return refuse(401, 'Unauthorized');
    if (new URL(request.url ?? '/', 'http://127.0.0.1').pathname !== '/ws') return refuse(404, 'Not Found');
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      const session = new ClientSession(deps.dispatcher, deps.events, (text) => ws.send(text), 'ws', deps.actor, 'ui');
      deps.connections.add(session);
      ws.on('message', (data, isBinary) => {
        if (isBinary) return session.rejectOversizedFrame();
        void session.receive(data.toString());
      });
      ws.on('close', () => {
        sockets.delete(ws);
        session.close();
        deps.connections.delete(session);
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    loginUrl() {
      const token = randomBytes(32).toString('base64url');
      loginTokens.set(token, Date.now() + LOGIN_TOKEN_TTL_MS);
      return `http://127.0.0.1:${port}/login?token=${token}`;
    },
    async close() {
      for (const ws of sockets) ws.close(1001, 'Latch UI stopped');
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
