import type { ContractError } from '../../shared/contract/errors';
import type { Err } from '../../shared/contract/result';

export type Transport = 'ipc' | 'websocket';

export type ConnectionState =
  | { kind: 'connecting'; transport: Transport }
  | { kind: 'connected'; transport: Transport }
  | { kind: 'stopping'; transport: Transport; reason: string }
  | { kind: 'reconnecting'; transport: Transport; attempt: number; retryAt: number; reason: string }
  | { kind: 'unavailable'; reason: string };

/** What React reads: the state plus a counter that bumps on every successful (re)connection. */
export interface ConnectionSnapshot {
  state: ConnectionState;
  /** 0 until the first connection; pages refetch whenever it changes. */
  epoch: number;
}

export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

/** The header pill: short text, a tone, and a longer explanation for the tooltip. */
export function connectionLabel(state: ConnectionState, now: number): { text: string; tone: Tone; detail: string } {
  const via = (t: Transport): string => (t === 'ipc' ? 'the app' : 'a WebSocket');
  switch (state.kind) {
    case 'connecting':
      return { text: 'Connecting…', tone: 'muted', detail: `Connecting to the Latch broker through ${via(state.transport)}` };
    case 'connected':
      return { text: 'Connected', tone: 'ok', detail: `Connected to the Latch broker through ${via(state.transport)}` };
    case 'stopping':
      return { text: 'Broker stopping', tone: 'warn', detail: `The broker is stopping: ${state.reason}` };
    case 'reconnecting': {
      const seconds = Math.max(0, Math.ceil((state.retryAt - now) / 1000));
      return {
        text: seconds > 0 ? `Disconnected — reconnecting in ${seconds} s` : 'Disconnected — reconnecting…',
        tone: 'bad',
        detail: state.reason,
      };
    }
    case 'unavailable':
      return { text: 'No broker', tone: 'bad', detail: state.reason };
  }
}

export function unavailable(message: string): Err {
  const error: ContractError = { code: 'BROKER_UNAVAILABLE', message };
  return { ok: false, error };
}
