import { createChannelApi, type FrameChannel, type LatchApi } from '../../shared/contract/api';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/methods';
import type { Result } from '../../shared/contract/result';
import { reconnectDelay } from '../lib/backoff';
import { createSnapshotStore, type Connection } from './connection';
import { unavailable } from './connection-state';

/** The part of the DOM WebSocket we use (so tests can drive a fake one). */
export interface SocketLike {
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: (() => void) | null;
  send(text: string): void;
  close(): void;
}

export interface SocketDeps {
  open(url: string): SocketLike;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
  random(): number;
}

/** Close codes a server uses to say "this session is not allowed" (policy violation, 4401/4403). */
const REFUSED_CODES = new Set([1008, 4401, 4403]);

function closeReason(code: number, everOpened: boolean, stopping: string | null): string {
  if (stopping !== null) return `The broker stopped (${stopping}). Waiting for it to come back.`;
  if (REFUSED_CODES.has(code)) {
    return 'The broker refused this browser session. Open the address printed by `latch ui` again.';
  }
  return everOpened
    ? 'Lost the connection to the Latch broker. Is it still running? (`latch daemon status`)'
    : 'Nothing answered on this address. Is `latch ui` still running?';
}

/**
 * A LatchApi over a WebSocket that reconnects with backoff. Listeners registered with `on`
 * survive reconnections; calls made while a socket is opening wait for it, calls made while
 * disconnected fail at once with BROKER_UNAVAILABLE (pages refetch when the epoch bumps).
 */
export function createSocketConnection(url: string, deps: SocketDeps): Connection {
  const store = createSnapshotStore({ state: { kind: 'connecting', transport: 'websocket' }, epoch: 0 });
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let inner: LatchApi | null = null;
  let socket: SocketLike | null = null;
  let waiters: Array<(api: LatchApi | null) => void> = [];
  let timer: unknown = null;
  let attempt = 0;
  let everOpened = false;
  let stoppingReason: string | null = null;
  let closed = false;

  const dispatch = (event: EventName) => (payload: unknown) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  };

  const settleWaiters = (api: LatchApi | null): void => {
    const pending = waiters;
    waiters = [];
    for (const resolve of pending) resolve(api);
  };

  function connect(): void {
    timer = null;
    if (closed) return;
    const ws = deps.open(url);
    socket = ws;
    const onMessage: Array<(text: string) => void> = [];
    const onClose: Array<() => void> = [];
    const channel: FrameChannel = {
      send: (text) => ws.send(text),
      onMessage: (listener) => onMessage.push(listener),
      onClose: (listener) => onClose.push(listener),
    };
    ws.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      for (const listener of onMessage) listener(event.data);
    };
    ws.onerror = () => undefined; // a close event always follows
    ws.onopen = () => {
      if (socket !== ws) return;
      attempt = 0;
      everOpened = true;
      stoppingReason = null;
      const api = createChannelApi(channel);
      api.on('broker.stopping', ({ reason }) => {
        stoppingReason = reason;
        store.set({ kind: 'stopping', transport: 'websocket', reason });
      });
      for (const event of listeners.keys()) api.on(event, dispatch(event));
      inner = api;
      store.set({ kind: 'connected', transport: 'websocket' }, true);
      settleWaiters(api);
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      inner = null;
      for (const listener of onClose) listener();
      settleWaiters(null);
      if (closed) return;
      const delay = reconnectDelay(attempt, deps.random);
      attempt += 1;
      store.set({
        kind: 'reconnecting',
        transport: 'websocket',
        attempt,
        retryAt: deps.now() + delay,
        reason: closeReason(event.code, everOpened, stoppingReason),
      });
      timer = deps.setTimeout(connect, delay);
    };
  }

  const api: LatchApi = {
    call<M extends MethodName>(method: M, params: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      if (inner) return inner.call(method, params);
      if (socket) {
        return new Promise((resolve) => {
          waiters.push((ready) => {
            resolve(ready ? ready.call(method, params) : unavailable('Could not connect to the Latch broker.'));
          });
        });
      }
      return Promise.resolve(unavailable('Not connected to the Latch broker — reconnecting.'));
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        inner?.on(event, dispatch(event));
      }
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  };

  connect();

  return {
    api,
    getSnapshot: store.get,
    subscribe: store.subscribe,
    retryNow() {
      if (closed || socket) return;
      if (timer !== null) deps.clearTimeout(timer);
      connect();
    },
    close() {
      closed = true;
      if (timer !== null) deps.clearTimeout(timer);
      socket?.close();
    },
  };
}

/** The real thing, for the browser. */
export function browserSocketDeps(): SocketDeps {
  return {
    open: (url) => new WebSocket(url) as unknown as SocketLike,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    now: () => Date.now(),
    random: () => Math.random(),
  };
}
