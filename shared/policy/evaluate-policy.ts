// The hub's policy decisions: may this member request this resource now, may this member
// approve this request. Pure and cheap (the hub asks on every request); never throws.
// Messages are for people and name the resource and groups; a policy holds no secrets.

import { closestMatch } from '../manifest/parse/suggest';
import type { AccessRequestInput, ApprovalInput, HubPolicy, PolicyDecision, PolicyMember, PolicyRefusalCode, ResourcePolicy } from './hub-policy-types';
import { formatPolicyDuration } from './policy-durations';
import { describeHours, describeLocalTime, isWithinHours, localTime } from './policy-hours';

export { formatProblems } from './format-problems';

/** Shortest reason accepted when a resource requires one (after trimming). */
export const MIN_REASON_LENGTH = 3;

const ALLOWED: PolicyDecision = Object.freeze({ allowed: true });

function refuse(code: PolicyRefusalCode, message: string): PolicyDecision {
  return { allowed: false, code, message };
}

function inAnyGroup(member: PolicyMember, groups: readonly string[]): boolean {
  const own = Array.isArray(member.groups) ? member.groups : [];
  for (const group of groups) if (own.includes(group)) return true;
  return false;
}

function resourceOf(policy: HubPolicy, id: string): ResourcePolicy | undefined {
  return typeof id === 'string' ? policy.resources.get(id) : undefined;
}

function isPositiveWholeSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function groupList(groups: readonly string[]): string {
  return groups.join(', ');
}

function unknownResource(policy: HubPolicy, id: unknown): PolicyDecision {
  if (typeof id !== 'string' || id === '') return refuse('UNKNOWN_RESOURCE', 'no resource was named');
  const shown = JSON.stringify(id.length > 64 ? `${id.slice(0, 63)}…` : id);
  const near = closestMatch(id, policy.resources.keys());
  return refuse('UNKNOWN_RESOURCE', `the hub's policy has no resource ${shown}${near === undefined ? '' : ` (did you mean "${near}"?)`}`);
}

/** Whether `member` is in one of the groups that may request `resourceId`. */
export function isRequester(policy: HubPolicy, resourceId: string, member: PolicyMember): boolean {
  const resource = resourceOf(policy, resourceId);
  return resource !== undefined && inAnyGroup(member, resource.requesters);
}

/** Whether `member` is in one of the groups that may approve or deny requests for `resourceId`. */
export function isApprover(policy: HubPolicy, resourceId: string, member: PolicyMember): boolean {
  const resource = resourceOf(policy, resourceId);
  return resource !== undefined && inAnyGroup(member, resource.approvers);
}

/** May `input.requester` ask for `input.resource` for `durationSeconds`, now, with this reason? */
export function evaluateRequest(policy: HubPolicy, input: AccessRequestInput): PolicyDecision {
  const resource = resourceOf(policy, input.resource);
  if (resource === undefined) return unknownResource(policy, input.resource);
  const id = resource.id;
  if (!inAnyGroup(input.requester, resource.requesters)) {
    return refuse('NOT_A_REQUESTER', `${id} may only be requested by members of ${groupList(resource.requesters)}; you are not in any of these groups`);
  }
  if (!isPositiveWholeSeconds(input.durationSeconds)) {
    return refuse('INVALID_DURATION', `the duration must be a whole number of seconds above zero; got ${String(input.durationSeconds)}`);
  }
  if (input.durationSeconds > resource.maxDurationSeconds) {
    return refuse(
      'OVER_MAX_DURATION',
      `${id} may be granted for at most ${formatPolicyDuration(resource.maxDurationSeconds)}; you asked for ${formatPolicyDuration(input.durationSeconds)}`,
    );
  }
  if (resource.reasonRequired) {
    const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
    if (reason.length < MIN_REASON_LENGTH) {
      return refuse('REASON_REQUIRED', `${id} needs a reason for every request (at least ${MIN_REASON_LENGTH} characters)`);
    }
  }
  if (resource.hours !== undefined) {
    const local = localTime(resource.hours.timezone, input.now);
    if (local === undefined || !isWithinHours(resource.hours, local)) {
      const now = local === undefined ? 'the current time there could not be told' : `it is ${describeLocalTime(local)} there now`;
      return refuse('OUTSIDE_HOURS', `${id} may only be requested ${describeHours(resource.hours)}; ${now}`);
    }
  }
  return ALLOWED;
}

/** May `input.approver` approve `input.request`, optionally shortening it to `durationSeconds`? */
export function evaluateApproval(policy: HubPolicy, input: ApprovalInput): PolicyDecision {
  const request = input.request;
  const resource = resourceOf(policy, request.resource);
  if (resource === undefined) return unknownResource(policy, request.resource);
  const id = resource.id;
  if (!inAnyGroup(input.approver, resource.approvers)) {
    return refuse('NOT_AN_APPROVER', `requests for ${id} may only be approved by members of ${groupList(resource.approvers)}; you are not in any of these groups`);
  }
  if (input.approver.id === request.requesterId) {
    return refuse('SELF_APPROVAL', `you cannot approve your own request for ${id}; another member of ${groupList(resource.approvers)} has to`);
  }
  if (Array.isArray(request.approvedBy) && request.approvedBy.includes(input.approver.id)) {
    const needed = resource.approvals > 1 ? `; it needs ${resource.approvals} approvals from different members` : '';
    return refuse('ALREADY_APPROVED_BY_YOU', `you have already approved this request for ${id}${needed}`);
  }
  const requested = request.durationSeconds;
  if (input.durationSeconds !== undefined) {
    const shortened = input.durationSeconds;
    if (!isPositiveWholeSeconds(shortened) || (isPositiveWholeSeconds(requested) && shortened > requested)) {
      const most = isPositiveWholeSeconds(requested) ? ` up to the ${formatPolicyDuration(requested)} requested` : '';
      return refuse('INVALID_DURATION', `an approver may only shorten a grant: give a whole number of seconds above zero${most}; got ${describeSeconds(shortened)}`);
    }
  }
  const granted = input.durationSeconds ?? requested;
  if (isPositiveWholeSeconds(granted) && granted > resource.maxDurationSeconds) {
    return refuse(
      'OVER_MAX_DURATION',
      `${id} may be granted for at most ${formatPolicyDuration(resource.maxDurationSeconds)} now (the policy changed since the request was made); approve it for ${formatPolicyDuration(resource.maxDurationSeconds)} or less`,
    );
  }
  return ALLOWED;
}

function describeSeconds(value: unknown): string {
  return isPositiveWholeSeconds(value) ? formatPolicyDuration(value) : String(value);
}
