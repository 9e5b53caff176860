// The HubErrors the service throws, with their HTTP status, in one place.

import type { PolicyRefusalCode } from '../../../shared/policy/hub-policy-types';
import { ProviderError } from '../../broker/providers/provider';
import { HubError } from '../service-types';

const REFUSAL_STATUS: Record<PolicyRefusalCode, number> = {
  UNKNOWN_RESOURCE: 403,
  NOT_A_REQUESTER: 403,
  OVER_MAX_DURATION: 403,
  INVALID_DURATION: 400,
  REASON_REQUIRED: 400,
  OUTSIDE_HOURS: 403,
  NOT_AN_APPROVER: 403,
  SELF_APPROVAL: 403,
  ALREADY_APPROVED_BY_YOU: 409,
};

export function policyRefusal(code: PolicyRefusalCode, message: string): HubError {
  return new HubError(code, message, REFUSAL_STATUS[code]);
}

export const invalidInput = (message: string): HubError => new HubError('INVALID_INPUT', message, 400);
export const notFound = (message: string): HubError => new HubError('NOT_FOUND', message, 404);
export const forbidden = (message: string): HubError => new HubError('FORBIDDEN', message, 403);
export const invalidState = (message: string): HubError => new HubError('INVALID_STATE', message, 409);
export const unknownMember = (): HubError => new HubError('UNKNOWN_MEMBER', 'unknown or disabled member', 401);
export const invalidInvite = (): HubError => new HubError('INVALID_INVITE', 'this invite code is unknown, expired or already used', 403);

/** A short, value-free description of an unexpected error for logs (class and SQLSTATE; the message only of errors written to be shown). */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof HubError) return { code: error.code, message: error.message };
  // Provider messages are written to be shown (they never quote a credential).
  if (error instanceof ProviderError) return { error: error.name, message: error.message, retryable: error.retryable };
  if (error instanceof Error) {
    const sqlState = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    return { error: error.name, ...(sqlState !== undefined && { sqlState }) };
  }
  return { error: typeof error };
}
