import { createConnection, type Socket } from 'node:net';
import type { EventFrame, MethodInput, MethodName, MethodOutput, Result, ServerFrame } from '../../shared/contract';

interface Pending {
  resolve: (result: Result<unknown>) => void;
}

/**
 * A connection to the broker's unix socket. Uses the contract's types only (no runtime
 * schemas), so the CLI starts fast; the broker validates everything it receives.
 */
export class BrokerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly eventListeners = new Set<(frame: EventFrame) => void>();
  private buffered = '';
  private closed = false;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.onData(chunk));
    socket.on('close', () => this.onDisconnect());
    socket.on('error', () => this.onDisconnect());
  }

  /** `events: false`: this client listens to no broker events, so the broker sends it none. */
  static connect(socketPath: string, clientName: string, options: { events?: boolean } = {}): Promise<BrokerClient> {
    return new Promise((resolve, reject) => {
      const socket = createConnection(socketPath);
      socket.once('connect', () => {
        socket.removeListener('error', reject);
        socket.write(JSON.stringify({ type: 'hello', client: clientName, ...(options.events === false && { events: false }) }) + '\n');
        resolve(new BrokerClient(socket));
      });
      socket.once('error', reject);
    });
  }

  call<M extends MethodName>(method: M, params: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
    if (this.closed) {
      return Promise.resolve({ ok: false, error: { code: 'BROKER_UNAVAILABLE', message: 'connection to the broker closed' } });
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve: resolve as (result: Result<unknown>) => void });
      this.socket.write(JSON.stringify({ type: 'request', id, method, params }) + '\n');
    });
  }

  /** Called once when the connection to the broker ends. */
  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.socket.once('close', listener);
  }

  onEvent(listener: (frame: EventFrame) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.socket.end();
    this.socket.unref();
  }

  private onData(chunk: string): void {
    this.buffered += chunk;
    let newline = this.buffered.indexOf('\n');
    while (newline !== -1) {
      const line = this.buffered.slice(0, newline);
      this.buffered = this.buffered.slice(newline + 1);
      this.onFrame(JSON.parse(line) as ServerFrame);
      newline = this.buffered.indexOf('\n');
    }
  }

  private onFrame(frame: ServerFrame): void {
    if (frame.type === 'event') {
      for (const listener of this.eventListeners) listener(frame);
      return;
    }
    if (typeof frame.id !== 'number') return;
    const pending = this.pending.get(frame.id);
    if (!pending) return;
    this.pending.delete(frame.id);
    pending.resolve(frame.result);
  }

  private onDisconnect(): void {
    if (this.closed && this.pending.size === 0) return;
    this.closed = true;
    for (const pending of this.pending.values()) {
      pending.resolve({ ok: false, error: { code: 'BROKER_UNAVAILABLE', message: 'the broker closed the connection' } });
    }
    this.pending.clear();
  }
}
