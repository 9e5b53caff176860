// Checking what members send before it reaches SQL or the policy: types, bounds, and ids.

import type { AccessRequestState } from '../service-types';
import { isRequestState } from '../../../shared/hub/request-flow';
import { invalidInput, notFound } from './hub-errors';

const MAX_REASON = 2_000;
const MAX_COMMENT = 2_000;
const MAX_RESOURCE = 100;
const MAX_ID = 100;
export const DEFAULT_LIST_LIMIT = 50;
export const MAX_LIST_LIMIT = 500;
export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 1_000;

export function checkRequestId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID) throw notFound('no such request');
  return id;
}

export function checkResource(resource: unknown): string {
  if (typeof resource !== 'string' || resource.length === 0 || resource.length > MAX_RESOURCE) throw invalidInput('resource must be a resource id');
  return resource;
}

export function checkReason(reason: unknown): string {
  if (typeof reason !== 'string') throw invalidInput('reason must be a string');
  const trimmed = reason.trim();
  if (trimmed.length > MAX_REASON) throw invalidInput(`reason must be at most ${MAX_REASON} characters`);
  return trimmed;
}

export function checkComment(comment: unknown): string | null {
  if (comment === undefined || comment === null) return null;
  if (typeof comment !== 'string') throw invalidInput('comment must be a string');
  const trimmed = comment.trim();
  if (trimmed.length > MAX_COMMENT) throw invalidInput(`comment must be at most ${MAX_COMMENT} characters`);
  return trimmed.length === 0 ? null : trimmed;
}

/** A whole, positive number of seconds that fits the database column (the policy checks the rest). */
export function isWholeSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 2_147_483_647;
}

export function checkLimit(limit: unknown, fallback: number, max: number): number {
  if (limit === undefined) return fallback;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) throw invalidInput('limit must be a positive whole number');
  return Math.min(limit, max);
}

export function checkStates(states: unknown): AccessRequestState[] | null {
  if (states === undefined) return null;
  if (!Array.isArray(states) || !states.every((s): s is AccessRequestState => typeof s === 'string' && isRequestState(s))) {
    throw invalidInput('states must be a list of request states');
  }
  return states;
}
