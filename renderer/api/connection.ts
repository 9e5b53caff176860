import type { LatchApi } from '../../shared/contract/api';
import type { ConnectionSnapshot } from './connection-state';

/** A LatchApi plus what the UI needs to show and steer the link to the broker. */
export interface Connection {
  readonly api: LatchApi;
  getSnapshot(): ConnectionSnapshot;
  subscribe(listener: () => void): () => void;
  /** Skip the backoff wait and try now. */
  retryNow(): void;
  close(): void;
}

/** Holds the snapshot and notifies subscribers; shared by both transports. */
export function createSnapshotStore(initial: ConnectionSnapshot): {
  get(): ConnectionSnapshot;
  set(state: ConnectionSnapshot['state'], connected?: boolean): void;
  subscribe(listener: () => void): () => void;
} {
  let snapshot = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    set(state, connected = false) {
      snapshot = { state, epoch: connected ? snapshot.epoch + 1 : snapshot.epoch };
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
