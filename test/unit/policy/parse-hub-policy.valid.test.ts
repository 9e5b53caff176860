import { describe, expect, it } from 'vitest';
import { BUILT_IN_SETTINGS, parseHubPolicy, type ResourcePolicy } from '../../../shared/policy';
import { HEAD, MINIMAL_RESOURCE, policyOf, readDocsExample, yaml } from './fixtures';

const PROPOSAL = yaml(
  'version: 1',
  'defaults:                # optional; applies to every resource unless it overrides',
  '  approvals: 1',
  '  max_duration: 1h',
  '  reason_required: true',
  '  request_timeout: 1h',
  'resources:',
  '  orders-db:             # kebab-case id',
  '    description: Production orders database, read-only',
  '    provider:',
  '      type: postgres',
  '      server: prod-orders',
  '      database: orders',
  '      grants:',
  '        - SELECT ON ALL TABLES IN SCHEMA public',
  '    requesters: [backend, sre]',
  '    approvers: [sre]',
  '    approvals: 2',
  '    max_duration: 2h',
  '    reason_required: true',
  '    request_timeout: 30m',
  '    hours:',
  '      days: [mon, tue, wed, thu, fri]',
  '      from: "08:00"',
  '      to: "18:00"',
  '      timezone: Europe/Berlin',
  '  stripe-live:',
  '    provider:',
  '      type: command',
  '      mint: ["./bin/stripe-key", "mint"]',
  '      revoke: ["./bin/stripe-key", "revoke"]',
  '      timeout: 30s',
  '    requesters: [payments]',
  '    approvers: [payments-leads]',
);

function only(text: string): ResourcePolicy {
  const [resource] = policyOf(text).resources.values();
  if (!resource) throw new Error('no resource');
  return resource;
}

describe('parseHubPolicy: valid policies', () => {
  it('reads the proposal into typed resources', () => {
    const result = parseHubPolicy(PROPOSAL);
    expect(result).toEqual({
      ok: true,
      warnings: [],
      policy: {
        version: 1,
        resources: new Map<string, ResourcePolicy>([
          [
            'orders-db',
            {
              id: 'orders-db',
              description: 'Production orders database, read-only',
              provider: { type: 'postgres', server: 'prod-orders', database: 'orders', grants: ['SELECT ON ALL TABLES IN SCHEMA public'] },
              requesters: ['backend', 'sre'],
              approvers: ['sre'],
              approvals: 2,
              maxDurationSeconds: 7200,
              reasonRequired: true,
              requestTimeoutSeconds: 1800,
              hours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00', timezone: 'Europe/Berlin' },
            },
          ],
          [
            'stripe-live',
            {
              id: 'stripe-live',
              provider: { type: 'command', mint: ['./bin/stripe-key', 'mint'], revoke: ['./bin/stripe-key', 'revoke'], timeoutSeconds: 30 },
              requesters: ['payments'],
              approvers: ['payments-leads'],
              approvals: 1,
              maxDurationSeconds: 3600,
              reasonRequired: true,
              requestTimeoutSeconds: 3600,
            },
          ],
        ]),
      },
    });
  });

  it('reads the full example of docs/hub-policy.md without warnings', () => {
    const result = parseHubPolicy(readDocsExample());
    expect(result.ok && result.warnings).toEqual([]);
    expect(result.ok && [...result.policy.resources.keys()]).toEqual(['orders-db', 'stripe-live', 'orders-db-write']);
  });

  it('keeps resources in file order', () => {
    const text = yaml(...HEAD, '  b:', ...MINIMAL_RESOURCE.slice(1), '  a:', ...MINIMAL_RESOURCE.slice(1));
    expect([...policyOf(text).resources.keys()]).toEqual(['b', 'a']);
  });

  it('takes built-in settings when neither the resource nor defaults set them', () => {
    expect(only(yaml(...HEAD, ...MINIMAL_RESOURCE))).toMatchObject({
      approvals: BUILT_IN_SETTINGS.approvals,
      maxDurationSeconds: BUILT_IN_SETTINGS.maxDurationSeconds,
      reasonRequired: BUILT_IN_SETTINGS.reasonRequired,
      requestTimeoutSeconds: BUILT_IN_SETTINGS.requestTimeoutSeconds,
    });
    expect(BUILT_IN_SETTINGS).toEqual({ approvals: 1, maxDurationSeconds: 3600, reasonRequired: true, requestTimeoutSeconds: 3600 });
  });

  it('applies defaults, and a resource’s own setting wins', () => {
    const text = yaml(
      'version: 1',
      'defaults: { approvals: 3, max_duration: 4h, reason_required: false, request_timeout: 2d }',
      'resources:',
      ...MINIMAL_RESOURCE,
      '    max_duration: 15m',
    );
    expect(only(text)).toMatchObject({ approvals: 3, maxDurationSeconds: 900, reasonRequired: false, requestTimeoutSeconds: 172_800 });
  });

  it('accepts an empty defaults block', () => {
    expect(only(yaml('version: 1', 'defaults:', 'resources:', ...MINIMAL_RESOURCE)).approvals).toBe(1);
  });

  it.each([
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['1h30m', 5400],
    ['2d', 172_800],
    ['1d2h3m4s', 93_784],
    ['7d', 604_800],
    ['168h', 604_800],
  ])('reads the duration %s as %i seconds', (text, seconds) => {
    expect(only(yaml(...HEAD, ...MINIMAL_RESOURCE, `    max_duration: ${text}`)).maxDurationSeconds).toBe(seconds);
  });

  it('postgres grants default to none (CONNECT only); an empty list is the same', () => {
    expect(only(yaml(...HEAD, ...MINIMAL_RESOURCE)).provider).toEqual({ type: 'postgres', server: 'prod-orders', grants: [] });
    const text = yaml(...HEAD, '  orders-db:', '    provider: { type: postgres, server: p, grants: [] }', ...MINIMAL_RESOURCE.slice(2));
    expect(only(text).provider).toEqual({ type: 'postgres', server: 'p', grants: [] });
  });

  it('command lines may be one string; renew is accepted', () => {
    const text = yaml(
      ...HEAD,
      '  stripe:',
      '    provider:',
      '      type: command',
      '      mint: ./bin/stripe-key mint --live',
      '      renew: [./bin/stripe-key, renew]',
      ...MINIMAL_RESOURCE.slice(2),
    );
    expect(only(text).provider).toEqual({ type: 'command', mint: './bin/stripe-key mint --live', renew: ['./bin/stripe-key', 'renew'] });
  });

  it('hours default to UTC; a known zone keeps its spelling with Intl’s letter case', () => {
    const hours = (zone: string): unknown =>
      only(yaml(...HEAD, ...MINIMAL_RESOURCE, `    hours: { days: [sat, sun], from: "22:00", to: "06:00"${zone} }`)).hours;
    expect(hours('')).toEqual({ days: ['sat', 'sun'], from: '22:00', to: '06:00', timezone: 'UTC' });
    expect(hours(', timezone: utc')).toMatchObject({ timezone: 'UTC' });
    expect(hours(', timezone: europe/berlin')).toMatchObject({ timezone: 'Europe/Berlin' });
    expect(hours(', timezone: America/New_York')).toMatchObject({ timezone: 'America/New_York' });
    expect(hours(', timezone: Etc/GMT-1')).toMatchObject({ timezone: 'Etc/GMT-1' });
  });

  it('follows aliases, so groups can be written once', () => {
    const text = yaml(
      ...HEAD,
      '  a:',
      '    provider: { type: postgres, server: p }',
      '    requesters: &devs [backend, frontend]',
      '    approvers: &leads [sre-leads]',
      '  b:',
      '    provider: { type: postgres, server: q }',
      '    requesters: *devs',
      '    approvers: *leads',
    );
    expect(policyOf(text).resources.get('b')).toMatchObject({ requesters: ['backend', 'frontend'], approvers: ['sre-leads'] });
  });

  it('ignores comments, a byte order mark, CRLF line ends and a leading document marker', () => {
    const text = `\uFEFF# Team policy\r\n---\r\n${yaml(...HEAD, ...MINIMAL_RESOURCE).replace(/\n/g, '\r\n')}`;
    expect([...policyOf(text).resources.keys()]).toEqual(['orders-db']);
  });

  it('the policy is plain data: no functions, serialisable as JSON', () => {
    const [resource] = policyOf(PROPOSAL).resources.values();
    expect(JSON.parse(JSON.stringify(resource))).toEqual(resource);
  });
});

describe('parseHubPolicy: warnings', () => {
  it('warns (without failing) about a group or day listed twice', () => {
    const text = yaml(
      ...HEAD,
      '  orders-db:',
      '    provider: { type: postgres, server: p }',
      '    requesters: [backend, sre, backend]',
      '    approvers: [sre, sre]',
      '    hours: { days: [mon, mon], from: "08:00", to: "18:00" }',
    );
    const result = parseHubPolicy(text);
    expect(result.ok && result.warnings).toEqual([
      { line: 5, column: 32, message: 'group "backend" is listed twice in requesters of orders-db' },
      { line: 6, column: 22, message: 'group "sre" is listed twice in approvers of orders-db' },
      { line: 7, column: 26, message: 'day "mon" is listed twice in hours of orders-db' },
    ]);
    expect(result.ok && result.policy.resources.get('orders-db')?.requesters).toEqual(['backend', 'sre']);
  });

  it('warns that a policy without resources refuses everything', () => {
    for (const text of ['version: 1\nresources:\n', 'version: 1\nresources: {}\n']) {
      const result = parseHubPolicy(text);
      expect(result.ok && result.warnings).toEqual([{ line: 2, column: 1, message: 'no resources: every request will be refused' }]);
      expect(result.ok && result.policy.resources.size).toBe(0);
    }
  });

  it('does not warn about approvals above the number of approver groups (group sizes are the hub’s business)', () => {
    const result = parseHubPolicy(yaml(...HEAD, ...MINIMAL_RESOURCE, '    approvals: 3'));
    expect(result.ok && result.warnings).toEqual([]);
  });
});
