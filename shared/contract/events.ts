import { z } from 'zod';
import { tokenName } from './schemas/common';

/** Every event the broker pushes to connected clients. Payloads never carry secret values. */
export const EVENTS = {
  'token.changed': z.object({
    name: tokenName,
    change: z.enum(['added', 'updated', 'rotated', 'removed']),
  }),
  'audit.appended': z.object({ seq: z.number().int(), action: z.string(), outcome: z.string() }),
  'project.changed': z.object({ id: z.string(), path: z.string(), ok: z.boolean() }),
  'lease.changed': z.object({ id: z.string(), project: z.string(), state: z.string(), expiresAt: z.string(), endReason: z.string().nullable() }),
  'lease.expiring': z.object({ id: z.string(), project: z.string(), expiresAt: z.string(), secondsLeft: z.number() }),
  /** Masked terminal output; only to clients attached to that shell. */
  'shell.output': z.object({ shell: z.string(), data: z.string() }),
  'shell.exited': z.object({ shell: z.string(), exitCode: z.number().int().nullable(), reason: z.string() }),
  'finding.opened': z.object({
    fingerprint: z.string(),
    workspace: z.string(),
    file: z.string(),
    line: z.number().int(),
    rule: z.string(),
    severity: z.string(),
    kind: z.string(),
    message: z.string(),
    tracked: z.boolean(),
  }),
  'finding.closed': z.object({ fingerprint: z.string(), workspace: z.string(), file: z.string(), state: z.string() }),
  /** An access request changed on the hub (made, approved, denied, active, ended…). */
  'access.changed': z.object({
    id: z.string(),
    resource: z.string(),
    state: z.string(),
    requesterName: z.string(),
    mine: z.boolean(),
    canReview: z.boolean(),
    /** One line for a notification: who, what, how long, why. */
    summary: z.string(),
  }),
  /** The link to the hub opened, closed, or membership changed. */
  'access.status': z.object({ connection: z.string(), pendingReviews: z.number().int() }),
  'broker.stopping': z.object({ reason: z.string() }),
} as const;

export type Events = typeof EVENTS;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];
