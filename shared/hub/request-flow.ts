// The life of a temporary production access request, as a table of allowed transitions.
//
//   pending ──approve──▶ approved ──mint──▶ active ──expire──▶ expired
//      │                    │                  └────revoke──▶ revoked
//      │                    └──mint-failed──▶ pending   (the source refused: nothing was granted)
//      ├──deny──────▶ denied
//      ├──cancel────▶ cancelled
//      └──time-out──▶ timed-out
//
// "approve" here is the approval that reaches the required count; earlier approvals leave the
// request pending. The hub (electron/hub/service) applies these events under a row lock, so
// every state change goes through nextState and a refused transition is an INVALID_STATE error.

export const REQUEST_STATES = ['pending', 'approved', 'active', 'expired', 'revoked', 'denied', 'cancelled', 'timed-out'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_EVENTS = ['approve', 'mint', 'mint-failed', 'deny', 'cancel', 'time-out', 'expire', 'revoke'] as const;
export type RequestEvent = (typeof REQUEST_EVENTS)[number];

/** state → event → next state; an event missing from a state's row is not allowed there. */
export const REQUEST_TRANSITIONS: Readonly<Record<RequestState, Readonly<Partial<Record<RequestEvent, RequestState>>>>> = {
  pending: { approve: 'approved', deny: 'denied', cancel: 'cancelled', 'time-out': 'timed-out' },
  approved: { mint: 'active', 'mint-failed': 'pending' },
  active: { expire: 'expired', revoke: 'revoked' },
  expired: {},
  revoked: {},
  denied: {},
  cancelled: {},
  'timed-out': {},
};

/** The state after `event`, or null when the event is not allowed in `state`. */
export function nextState(state: RequestState, event: RequestEvent): RequestState | null {
  return REQUEST_TRANSITIONS[state][event] ?? null;
}

/** The events allowed in `state`, in REQUEST_EVENTS order. */
export function allowedEvents(state: RequestState): RequestEvent[] {
  return REQUEST_EVENTS.filter((event) => nextState(state, event) !== null);
}

/** No event leaves a final state. */
export function isFinalState(state: RequestState): boolean {
  return allowedEvents(state).length === 0;
}

export function isRequestState(value: string): value is RequestState {
  return (REQUEST_STATES as readonly string[]).includes(value);
}

/** What is granted: the request's duration, shortened by any approver who chose less. */
export function grantedSeconds(requestedSeconds: number, approverSeconds: ReadonlyArray<number | null | undefined>): number {
  let granted = requestedSeconds;
  for (const seconds of approverSeconds) {
    if (seconds !== null && seconds !== undefined && seconds < granted) granted = seconds;
  }
  return granted;
}
