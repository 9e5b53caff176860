import { describe, expect, it } from 'vitest';
import { parseHubPolicy } from '../../../shared/policy';
import { problemsOf } from './fixtures';
import { MALFORMED } from './malformed-cases';

/** Stands in for the postgres provider's grammar (the CLI passes the real one). */
const checkGrant = (grant: string): string | undefined => (grant.startsWith('DROP') ? 'expected a privilege, found "DROP"' : undefined);

describe('parseHubPolicy: malformed policies', () => {
  it.each(MALFORMED.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(problemsOf(c.text, { checkGrant })).toEqual(c.problems);
  });

  it('has a case for at least 25 malformed policies, each with a located problem', () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(25);
    for (const c of MALFORMED) expect(c.problems.length).toBeGreaterThan(0);
  });

  it('reports every problem of a policy at once, in file order', () => {
    const text = [
      'version: 1',
      'resources:',
      '  orders-db:',
      '    provider: { type: postgres }',
      '    requesters: []',
      '    approvers: [sre]',
      '    max_duration: 8d',
      '  stripe-live:',
      '    provider: { type: command, mint: ./mint }',
      '    requesters: [payments]',
      '    aprovers: [leads]',
      '    hours: { days: [mon], from: "9:00", to: "17:00" }',
    ].join('\n');
    const result = parseHubPolicy(text);
    expect(result.ok).toBe(false);
    const places = result.ok ? [] : result.problems.map((p) => `${p.line}:${p.column}`);
    expect(places).toEqual(['4:5', '5:17', '7:19', '8:3', '11:5', '12:33']);
  });

  it('a grant refused by checkGrant is located at the grant; a throwing checker counts as a refusal', () => {
    const text = 'version: 1\nresources:\n  db:\n    provider: { type: postgres, server: p, grants: [a, "SELECT ON t"] }\n    requesters: [x]\n    approvers: [y]\n';
    expect(problemsOf(text, { checkGrant: (g) => (g === 'a' ? 'too short' : undefined) })).toEqual([
      'policy.yaml:4:53: invalid grant "a" in postgres provider of db: too short',
    ]);
    expect(
      problemsOf(text, {
        checkGrant: () => {
          throw new Error('grammar exploded');
        },
      }),
    ).toEqual([
      'policy.yaml:4:53: invalid grant "a" in postgres provider of db: grammar exploded',
      'policy.yaml:4:56: invalid grant "SELECT ON t" in postgres provider of db: grammar exploded',
    ]);
  });
});
