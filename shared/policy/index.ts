// Public API of the team hub's access policy (hub-policy.yaml): types, parser, evaluator.

export * from './hub-policy-types';
export { parseHubPolicy, type ParseHubPolicyOptions } from './parse-hub-policy';
export { evaluateApproval, evaluateRequest, isApprover, isRequester, MIN_REASON_LENGTH } from './evaluate-policy';
export { formatProblems } from './format-problems';
export { formatPolicyDuration, MAX_POLICY_DURATION_SECONDS, parsePolicyDuration, type PolicyDurationResult } from './policy-durations';
export { describeHours } from './policy-hours';
export { MAX_POLICY_LENGTH } from './yaml-limits';
export { BUILT_IN_SETTINGS } from './read-settings';
export { POLICY_VERSION } from './read-policy';
