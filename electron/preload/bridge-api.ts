// Pure: builds the object the preload exposes as `window.latch`, from the contract's method
// and event lists. No Electron here, so tests can check that it exposes exactly the contract.
import type { LatchApi } from '../../shared/contract/api';
import type { EventName } from '../../shared/contract/events';
import type { MethodName } from '../../shared/contract/methods';
import type { Result } from '../../shared/contract/result';

export const IPC_CALL_CHANNEL = 'latch:call';
export const IPC_EVENT_CHANNEL = 'latch:event';

export interface BridgeTransport {
  invoke(method: MethodName, params: unknown): Promise<Result<unknown>>;
  /** Subscribes to broker event frames; returns the unsubscribe function. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export interface ExposedLatchApi extends LatchApi {
  /** The allowlist: exactly the contract's methods. */
  readonly methods: readonly MethodName[];
}

export function buildBridgeApi(methodNames: readonly MethodName[], eventNames: readonly EventName[], transport: BridgeTransport): ExposedLatchApi {
  const allowed = new Set<string>(methodNames);
  const events = new Set<string>(eventNames);
  const api: ExposedLatchApi = {
    methods: Object.freeze([...methodNames]),
    call(method, params) {
      if (!allowed.has(method)) {
        return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `unknown method "${String(method)}"` } });
      }
      return transport.invoke(method, params) as never;
    },
    on(event, listener) {
      if (!events.has(event)) throw new Error(`unknown event "${String(event)}"`);
      // The renderer's callback gets the payload only, never Electron's event object.
      return transport.subscribe((name, payload) => {
        if (name === event) (listener as (payload: unknown) => void)(payload);
      });
    },
  };
  return Object.freeze(api);
}
