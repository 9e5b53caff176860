// What the hub accepts in bodies and query strings (zod). Messages name the field and the rule,
// never the value sent.

import { z } from 'zod';
import type { AccessRequestState } from '../service-types';
import { invalidInput } from './respond';

const MAX_DURATION_SECONDS = 366 * 24 * 3600;
const base64urlKey = (what: string) =>
  z.string({ error: `${what} must be a string` }).regex(/^[A-Za-z0-9_-]{43}$/, `${what} must be a raw 32-byte key in base64url (43 characters)`);
const text = (what: string, max: number) => z.string({ error: `${what} must be a string` }).max(max, `${what} must be at most ${max} characters`);
const seconds = (what: string) =>
  z
    .number({ error: `${what} must be a number of seconds` })
    .int(`${what} must be a whole number of seconds`)
    .positive(`${what} must be more than 0`)
    .max(MAX_DURATION_SECONDS, `${what} must be at most ${MAX_DURATION_SECONDS} (366 days)`);

export const JoinBody = z.strictObject({
  code: text('code', 200).min(1, 'code must not be empty'),
  name: text('name', 100).min(1, 'name must not be empty').optional(),
  signingKey: base64urlKey('signingKey'),
  sealingKey: base64urlKey('sealingKey'),
});

export const CreateRequestBody = z.strictObject({
  resource: text('resource', 100).min(1, 'resource must not be empty'),
  durationSeconds: seconds('durationSeconds'),
  reason: text('reason', 2000).default(''),
});

export const ApproveBody = z.strictObject({
  durationSeconds: seconds('durationSeconds').optional(),
  comment: text('comment', 2000).optional(),
});

export const CommentBody = z.strictObject({ comment: text('comment', 2000).optional() });
export const EmptyBody = z.strictObject({});

export const STATES: readonly AccessRequestState[] = ['pending', 'approved', 'active', 'expired', 'revoked', 'denied', 'cancelled', 'timed-out'];
const ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Parse a body that passed authentication: JSON, then the schema. Empty body = {}. */
export function parseBody<T>(schema: z.ZodType<T>, body: Buffer, contentType: string | undefined): T {
  let value: unknown = {};
  if (body.length > 0) {
    if (contentType !== undefined && !/^application\/json\b/i.test(contentType)) throw invalidInput('the body must be JSON (Content-Type: application/json)', 415);
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      throw invalidInput('the body is not valid JSON');
    }
  }
  return check(schema, value);
}

export function check<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidInput(describeIssues(result.error.issues, value));
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

function describeIssues(issues: readonly z.core.$ZodIssue[], value: unknown): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ')}`;
      if (issue.code === 'invalid_type' && issue.path.length === 0) return 'the body must be a JSON object';
      const field = issue.path.map(String).join('.');
      if (issue.code === 'invalid_type' && valueAt(value, issue.path) === undefined) return `${field} is required`;
      return issue.message.startsWith(field) || field === '' ? issue.message : `${field}: ${issue.message}`;
    })
    .join('; ');
}

export function requestId(raw: string): string {
  if (!ID.test(raw)) throw invalidInput('the request id must be 1 to 100 characters of A-Z, a-z, 0-9, _ or -');
  return raw;
}

function intParam(query: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,15}$/.test(raw) || Number(raw) < min || Number(raw) > max) throw invalidInput(`${name} must be a whole number from ${min} to ${max}`);
  return Number(raw);
}

function onlyParams(query: URLSearchParams, allowed: readonly string[]): void {
  for (const name of query.keys()) {
    if (!allowed.includes(name)) throw invalidInput(`unknown query parameter "${name.slice(0, 40)}" (allowed: ${allowed.join(', ')})`);
  }
}

export interface ListQuery {
  scope: 'mine' | 'review' | 'all';
  states?: AccessRequestState[];
  limit?: number;
}

export function listQuery(query: URLSearchParams): ListQuery {
  onlyParams(query, ['scope', 'state', 'limit']);
  const scope = query.get('scope') ?? 'all';
  if (scope !== 'mine' && scope !== 'review' && scope !== 'all') throw invalidInput('scope must be mine, review or all');
  const states = query
    .getAll('state')
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  for (const state of states) {
    if (!(STATES as readonly string[]).includes(state)) throw invalidInput(`state must be one of ${STATES.join(', ')}`);
  }
  const limit = intParam(query, 'limit', 1, 500);
  return {
    scope,
    ...(states.length > 0 ? { states: [...new Set(states)] as AccessRequestState[] } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}

export interface AuditQuery {
  afterSeq?: number;
  limit?: number;
  requestId?: string;
}

export function auditQuery(query: URLSearchParams): AuditQuery {
  onlyParams(query, ['after', 'limit', 'requestId']);
  const afterSeq = intParam(query, 'after', 0, Number.MAX_SAFE_INTEGER);
  const limit = intParam(query, 'limit', 1, 1000);
  const id = query.get('requestId');
  return {
    ...(afterSeq !== undefined ? { afterSeq } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(id ? { requestId: requestId(id) } : {}),
  };
}
