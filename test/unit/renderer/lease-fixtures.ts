import type { LeaseInfo, LeaseSecretInfo, ShellInfo } from '../../../shared/contract/schemas/leases';

export const NOW = Date.parse('2026-03-10T12:00:00.000Z');

export function iso(offsetMs: number): string {
  return new Date(NOW + offsetMs).toISOString();
}

export function lease(overrides: Partial<LeaseInfo> = {}): LeaseInfo {
  return {
    id: 'lse_0123456789abcdef',
    project: 'payments-api',
    projectPath: '/src/payments-api',
    environment: null,
    kind: 'shell',
    state: 'active',
    issuedAt: iso(-60_000),
    expiresAt: iso(540_000),
    maxExpiresAt: iso(3_540_000),
    ttlSeconds: 600,
    renewals: 0,
    client: 'ui',
    onExpiry: 'end-shell',
    endedAt: null,
    endReason: null,
    secrets: [],
    ...overrides,
  };
}

export function leaseSecret(overrides: Partial<LeaseSecretInfo> & { name: string }): LeaseSecretInfo {
  return { source: 'stub', revocation: 'none', attempts: 0, nextRetryAt: null, lastError: null, ...overrides };
}

export function shell(overrides: Partial<ShellInfo> & { id: string }): ShellInfo {
  return {
    leaseId: 'lse_0123456789abcdef',
    project: 'payments-api',
    cwd: '/src/payments-api',
    pid: 4242,
    startedAt: iso(-60_000),
    exited: false,
    exitCode: null,
    ...overrides,
  };
}
