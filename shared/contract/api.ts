import type { EventName, EventPayload } from './events';
import type { EventFrame, ServerFrame } from './frames';
import type { MethodInput, MethodName, MethodOutput } from './methods';
import type { Result } from './result';

/**
 * What a UI sees of the broker, whatever carries it: `window.latch` in Electron (preload,
 * over IPC) and a WebSocket client in the browser both implement this.
 */
export interface LatchApi {
  call<M extends MethodName>(method: M, params: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Subscribe to one broker event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** A bidirectional text channel (a WebSocket, a MessagePort…). */
export interface FrameChannel {
  send(text: string): void;
  onMessage(listener: (text: string) => void): void;
  onClose(listener: () => void): void;
}

/** A `LatchApi` over any text channel carrying the contract's JSON frames. Pure. */
export function createChannelApi(channel: FrameChannel): LatchApi {
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  channel.onMessage((text) => {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(text) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'event') {
      const event = frame as EventFrame;
      for (const listener of listeners.get(event.event) ?? []) listener(event.payload);
      return;
    }
    if (typeof frame.id !== 'number') return;
    const resolve = pending.get(frame.id);
    pending.delete(frame.id);
    resolve?.(frame.result);
  });
  channel.onClose(() => {
    closed = true;
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'BROKER_UNAVAILABLE', message: 'lost the connection to the Latch broker' } });
    }
    pending.clear();
  });

  return {
    call(method, params) {
      if (closed) {
        return Promise.resolve({ ok: false, error: { code: 'BROKER_UNAVAILABLE', message: 'not connected to the Latch broker' } });
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void);
        channel.send(JSON.stringify({ type: 'request', id, method, params }));
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}
