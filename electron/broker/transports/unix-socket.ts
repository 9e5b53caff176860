import { chmodSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { MAX_FRAME_BYTES } from '../../../shared/contract';
import { ClientSession } from './client-session';
import type { TransportDeps } from './transport-deps';

export class BrokerAlreadyRunningError extends Error {
  constructor(readonly socketPath: string) {
    super(`another Latch broker is already running on ${socketPath}`);
    this.name = 'BrokerAlreadyRunningError';
  }
}

/** Is something accepting connections on this socket? */
export function probeSocket(socketPath: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    const done = (alive: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(alive);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Creates the 0700 runtime folder, or tightens it if it exists with looser permissions. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const mode = statSync(dir).mode & 0o777;
  if (mode !== 0o700) chmodSync(dir, 0o700);
}

/**
 * Newline-delimited JSON over a unix socket. Access control: the socket lives in a 0700
 * folder owned by the user and is itself 0600, so the kernel refuses other users before a
 * byte reaches us (Node exposes no SO_PEERCRED to check the peer's uid directly).
 */
export async function listenUnixSocket(socketPath: string, runtimeDir: string, deps: TransportDeps): Promise<Server> {
  ensurePrivateDir(runtimeDir);
  if (await probeSocket(socketPath)) throw new BrokerAlreadyRunningError(socketPath);
  try {
    unlinkSync(socketPath);
    deps.logger.info('socket.stale_removed', { socketPath });
  } catch {
    // No stale socket.
  }
  const server = createServer((socket) => serveConnection(socket, deps));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new BrokerAlreadyRunningError(socketPath) : error);
    });
    const previous = process.umask(0o177);
    server.listen(socketPath, () => {
      process.umask(previous);
      resolve();
    });
  });
  chmodSync(socketPath, 0o600);
  return server;
}

function serveConnection(socket: Socket, deps: TransportDeps): void {
  const session = new ClientSession(deps.dispatcher, deps.events, (text) => socket.write(text + '\n'), 'socket', deps.actor);
  deps.connections.add(session);
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() !== '') void session.receive(line);
      newline = buffered.indexOf('\n');
    }
    if (buffered.length > MAX_FRAME_BYTES) {
      buffered = '';
      session.rejectOversizedFrame();
    }
  });
  const close = (): void => {
    session.close();
    deps.connections.delete(session);
  };
  socket.on('close', close);
  socket.on('error', () => socket.destroy());
}
