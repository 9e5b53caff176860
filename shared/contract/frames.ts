import type { EventName, EventPayload } from './events';
import type { MethodName, MethodOutput } from './methods';
import type { Result } from './result';

/** What a client sends. `id` pairs the response with the request. */
export interface RequestFrame {
  type: 'request';
  id: number | string;
  method: string;
  params?: unknown;
}

export interface ResponseFrame<T = unknown> {
  type: 'response';
  id: number | string | null;
  result: Result<T>;
}

export interface EventFrame<E extends EventName = EventName> {
  type: 'event';
  event: E;
  payload: EventPayload<E>;
}

export type ServerFrame = ResponseFrame | EventFrame;

export type TypedResponse<M extends MethodName> = ResponseFrame<MethodOutput<M>>;

/** Upper bound for one frame on any transport (a 64 KiB secret plus envelope fits easily). */
export const MAX_FRAME_BYTES = 1024 * 1024;
