import type { TokenMeta } from '../../../shared/contract/schemas/tokens';

export function token(overrides: Partial<TokenMeta> & { name: string }): TokenMeta {
  return {
    id: `tok_${overrides.name}`,
    kind: 'generic',
    owner: null,
    scopes: [],
    notes: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: null,
    lastRotatedAt: null,
    rotationPeriodDays: null,
    rotationDueAt: null,
    status: 'ok',
    ...overrides,
  };
}
