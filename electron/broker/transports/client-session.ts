import { err, MAX_FRAME_BYTES, type Dispatcher, type EventFrame, type ServerFrame } from '../../../shared/contract';
import type { BrokerEvents } from '../events';

export interface ClientContext {
  actor: string;
  /** Transport and client kind, e.g. "socket:cli", "ws:ui", "ipc:app". */
  client: string;
  connectionId: number;
  /** Runs `hook` once when this connection closes (soon, if it already has). */
  onClose(hook: () => void): void;
}

let nextConnectionId = 1;

/**
 * One connected client on any transport: text frames in, text frames out. Shared by the
 * unix socket, the WebSocket and the Electron IPC bridge so all three behave the same.
 */
export class ClientSession {
  readonly context: ClientContext;
  private readonly unsubscribe: () => void;
  /** Hooks to run when the connection closes; null once it has. */
  private closeHooks: Array<() => void> | null = [];

  constructor(
    private readonly dispatcher: Dispatcher<ClientContext>,
    events: BrokerEvents,
    private readonly send: (text: string) => void,
    private readonly transport: string,
    actor: string,
    clientName = 'client',
  ) {
    this.context = {
      actor,
      client: `${transport}:${clientName}`,
      connectionId: nextConnectionId++,
      onClose: (hook) => {
        if (this.closeHooks) this.closeHooks.push(hook);
        else queueMicrotask(hook);
      },
    };
    this.unsubscribe = events.subscribe((event, payload) => {
      this.write({ type: 'event', event, payload } as EventFrame);
    }, this.context.connectionId);
  }

  /** Handle one complete text frame from the client. Never throws. */
  async receive(text: string): Promise<void> {
    if (text.length > MAX_FRAME_BYTES) {
      this.rejectOversizedFrame();
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.write({ type: 'response', id: null, result: err('INVALID_INPUT', 'frame is not valid JSON') });
      return;
    }
    if (isHello(message)) {
      this.context.client = `${this.transport}:${message.client}`;
      // A client that listens to no events (`latch run`) is sent none.
      if (message.events === false) this.unsubscribe();
      return;
    }
    this.write(await this.dispatcher.handleMessage(message, this.context));
  }

  /** The transport dropped a frame that exceeded the size limit. */
  rejectOversizedFrame(): void {
    this.write({ type: 'response', id: null, result: err('INVALID_INPUT', `frame larger than ${MAX_FRAME_BYTES} bytes`) });
  }

  close(): void {
    this.unsubscribe();
    const hooks = this.closeHooks ?? [];
    this.closeHooks = null;
    for (const hook of hooks) {
      try {
        hook();
      } catch {
        // A failing hook must not keep the others from running.
      }
    }
  }

  private write(frame: ServerFrame): void {
    try {
      this.send(JSON.stringify(frame));
    } catch {
      // The peer went away; its close handler cleans up.
    }
  }
}

function isHello(message: unknown): message is { type: 'hello'; client: string; events?: boolean } {
  if (typeof message !== 'object' || message === null) return false;
  const frame = message as { type?: unknown; client?: unknown; events?: unknown };
  return (
    frame.type === 'hello' &&
    typeof frame.client === 'string' &&
    /^[a-z0-9:_-]{1,40}$/.test(frame.client) &&
    (frame.events === undefined || typeof frame.events === 'boolean')
  );
}
