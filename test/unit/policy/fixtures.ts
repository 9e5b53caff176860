import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { formatProblems, parseHubPolicy, type HubPolicy, type ParseHubPolicyOptions } from '../../../shared/policy';

/** Lines joined with '\n'. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** `version: 1` and `resources:`; resources follow at two spaces. */
export const HEAD = ['version: 1', 'resources:'] as const;

/** A resource with everything required, for tests that change one thing around it. */
export const MINIMAL_RESOURCE = [
  '  orders-db:',
  '    provider: { type: postgres, server: prod-orders }',
  '    requesters: [backend]',
  '    approvers: [sre]',
] as const;

/** The full example of docs/hub-policy.md. */
export function readDocsExample(): string {
  const text = readFileSync(new URL('../../../docs/hub-policy.md', import.meta.url), 'utf8');
  const match = /## A full example\n\n```yaml\n([\s\S]*?)```/.exec(text);
  if (!match?.[1]) throw new Error('docs/hub-policy.md has no full example');
  return match[1];
}

/** Parses text that must be valid and returns the policy. */
export function policyOf(text: string, options?: ParseHubPolicyOptions): HubPolicy {
  const result = parseHubPolicy(text, options);
  if (!result.ok) expect.fail(`expected a valid policy, got:\n${formatProblems('policy.yaml', result.problems)}`);
  return result.policy;
}

/** The problems of an invalid policy as `policy.yaml:LINE:COL: message` lines. */
export function problemsOf(text: string, options?: ParseHubPolicyOptions): string[] {
  const result = parseHubPolicy(text, options);
  if (result.ok) expect.fail('expected problems, but the policy is valid');
  return formatProblems('policy.yaml', result.problems).split('\n');
}
