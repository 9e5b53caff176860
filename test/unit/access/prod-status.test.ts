import { describe, expect, it } from 'vitest';
import { prodResourceOf } from '../../../shared/access/prod-resource';
import { parseTemplate, resolveTemplate, type ResolvedSecret } from '../../../shared/manifest';
import { secretStatus } from '../../../shared/projects/secret-status';
import { PARSE_OPTIONS } from '../manifest/fixtures';

function secrets(): readonly ResolvedSecret[] {
  const parsed = parseTemplate(
    [
      'version: 1',
      'project: shop',
      'secrets:',
      '  PROD_DB_URL:',
      '    class: prod',
      '    provider: { type: postgres, resource: orders-db }',
      '  STRIPE_LIVE_KEY:',
      '    class: prod',
      '    provider: { type: command, mint: ./mint }',
    ].join('\n'),
    'latch.yaml',
    PARSE_OPTIONS,
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const resolved = resolveTemplate(parsed.template);
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.resolved.secrets;
}

const noFacts = { tokens: new Map(), stubRotatedAt: new Map() };

describe('prod entries and hub grants', () => {
  it('name their hub resource: the provider’s resource, else the entry in kebab-case', () => {
    expect(secrets().map(prodResourceOf)).toEqual(['orders-db', 'stripe-live-key']);
  });

  it('say how to ask for access when there is no grant, and are ready while one is active', () => {
    const [db] = secrets();
    if (!db) throw new Error('no secret');
    expect(secretStatus(db, noFacts)).toEqual({ status: 'needs-access', hint: 'ask for time-boxed access: latch request orders-db --for 30m --reason "…" (a reviewer approves)' });
    const granted = secretStatus(db, { ...noFacts, grants: new Map([['orders-db', '2026-11-26T10:30:00.000Z']]) });
    expect(granted.status).toBe('ready');
    expect(granted.hint).toContain('until 2026-11-26T10:30:00.000Z');
    expect(secretStatus(db, { ...noFacts, grants: new Map([['billing-db', '2026-11-26T10:30:00.000Z']]) }).status).toBe('needs-access');
  });
});
