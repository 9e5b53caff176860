import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../shared/contract/events';
import { useApi } from './connection-context';

/** Subscribe to one broker event for the component's lifetime. */
export function useBrokerEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const api = useApi();
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => api.on(event, (payload) => ref.current(payload)), [api, event]);
}
