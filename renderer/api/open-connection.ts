import type { Connection } from './connection';
import { createSnapshotStore } from './connection';
import { createIpcConnection } from './ipc-connection';
import { browserSocketDeps, createSocketConnection } from './socket-connection';
import { unavailable } from './connection-state';
import { brokerSocketUrl } from './ws-url';

/** window.latch in Electron; otherwise the WebSocket on the host that served this page. */
export function openConnection(): Connection {
  const deps = browserSocketDeps();
  if (window.latch) return createIpcConnection(window.latch, deps);
  const url = brokerSocketUrl(window.location);
  if (url) return createSocketConnection(url, deps);
  const reason = 'No way to reach the broker from this page: open it in the Latch app or through `latch ui`.';
  const store = createSnapshotStore({ state: { kind: 'unavailable', reason }, epoch: 0 });
  return {
    api: { call: () => Promise.resolve(unavailable(reason)), on: () => () => undefined },
    getSnapshot: store.get,
    subscribe: store.subscribe,
    retryNow: () => undefined,
    close: () => undefined,
  };
}
