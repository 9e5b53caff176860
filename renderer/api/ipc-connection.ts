import type { LatchApi } from '../../shared/contract/api';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/methods';
import type { Result } from '../../shared/contract/result';
import { reconnectDelay } from '../lib/backoff';
import { createSnapshotStore, type Connection } from './connection';

export interface IpcDeps {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
  random(): number;
}

/**
 * Electron: the preload's `window.latch` carries calls over IPC and the main process keeps
 * the broker running. The link itself cannot drop, but the broker behind it can: when a call
 * answers BROKER_UNAVAILABLE (or the broker says it is stopping) we show "reconnecting" and
 * probe `system.status` with backoff until it answers again.
 */
export function createIpcConnection(latch: LatchApi, deps: IpcDeps): Connection {
  const store = createSnapshotStore({ state: { kind: 'connected', transport: 'ipc' }, epoch: 1 });
  let timer: unknown = null;
  let attempt = 0;
  let probing = false;
  let closed = false;
  let reason = 'The Latch broker is not answering. The app restarts it; waiting for it to come back.';

  function scheduleProbe(): void {
    if (closed) return;
    const delay = reconnectDelay(attempt, deps.random);
    attempt += 1;
    store.set({ kind: 'reconnecting', transport: 'ipc', attempt, retryAt: deps.now() + delay, reason });
    timer = deps.setTimeout(() => void probe(), delay);
  }

  async function probe(): Promise<void> {
    timer = null;
    const result = await latch.call('system.status', {});
    if (closed) return;
    if (result.ok || result.error.code !== 'BROKER_UNAVAILABLE') {
      probing = false;
      attempt = 0;
      store.set({ kind: 'connected', transport: 'ipc' }, true);
    } else {
      scheduleProbe();
    }
  }

  function lost(why?: string): void {
    if (why) reason = why;
    if (probing) return;
    probing = true;
    scheduleProbe();
  }

  latch.on('broker.stopping', ({ reason: stopping }) => {
    lost(`The broker stopped (${stopping}). Waiting for it to come back.`);
  });

  const api: LatchApi = {
    async call<M extends MethodName>(method: M, params: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      const result = await latch.call(method, params);
      if (!result.ok && result.error.code === 'BROKER_UNAVAILABLE') lost(result.error.message);
      return result;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return latch.on(event, listener);
    },
  };

  return {
    api,
    getSnapshot: store.get,
    subscribe: store.subscribe,
    retryNow() {
      if (!probing || timer === null) return;
      deps.clearTimeout(timer);
      void probe();
    },
    close() {
      closed = true;
      if (timer !== null) deps.clearTimeout(timer);
    },
  };
}
