import { describe, expect, it } from 'vitest';
import { formatProblems, parseHubPolicy } from '../../../shared/policy';

describe('formatProblems', () => {
  it('prints one FILE:LINE:COL: message per line', () => {
    expect(
      formatProblems('deploy/hub-policy.yaml', [
        { line: 1, column: 1, message: 'first' },
        { line: 12, column: 7, message: 'second: with a colon' },
      ]),
    ).toBe('deploy/hub-policy.yaml:1:1: first\ndeploy/hub-policy.yaml:12:7: second: with a colon');
  });

  it('prints nothing for no problems', () => {
    expect(formatProblems('p.yaml', [])).toBe('');
  });

  it('formats what the parser reports', () => {
    const result = parseHubPolicy('version: 1\nresources:\n  x: 1\n');
    expect(result.ok ? '' : formatProblems('p.yaml', result.problems)).toBe(
      'p.yaml:3:6: resource x must be a mapping with provider, requesters and approvers; found a number',
    );
  });
});
