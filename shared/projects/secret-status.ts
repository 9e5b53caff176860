// Pure: a developer's standing for each secret a template declares, and what to do about it.
import type { ProjectSecret, SecretStatus } from '../contract/schemas/projects';
import type { ResolvedSecret } from '../manifest';
import { prodResourceOf } from '../access/prod-resource';

export interface DeveloperFacts {
  /** Names of the personal tokens this developer holds, with their rotation due dates. */
  tokens: ReadonlyMap<string, { rotationDueAt: string | null }>;
  /** Last stub rotation per secret name (ISO), when rotated at least once. */
  stubRotatedAt: ReadonlyMap<string, string>;
  /** This developer's active production grants: hub resource -> when it ends (ISO). */
  grants?: ReadonlyMap<string, string>;
}

function shapeLabel(secret: ResolvedSecret): string | null {
  const shape = 'shape' in secret ? secret.shape : undefined;
  if (shape === undefined) return null;
  return typeof shape === 'string' ? shape : 'custom';
}

function providerLabel(secret: ResolvedSecret): string | null {
  if (secret.class !== 'dynamic' && secret.class !== 'prod') return null;
  const p = secret.provider;
  const where = p.type === 'postgres' ? (p.server ?? p.resource ?? p.database) : p.resource;
  return where ? `${p.type}:${where}` : p.type;
}

export function secretStatus(secret: ResolvedSecret, facts: DeveloperFacts): { status: SecretStatus; hint: string | null } {
  switch (secret.class) {
    case 'stub':
      return { status: 'stub', hint: null };
    case 'personal':
      return facts.tokens.has(secret.token)
        ? { status: 'ready', hint: null }
        : { status: 'missing-token', hint: `add your token: latch token add ${secret.token}` };
    case 'dynamic':
      return { status: 'on-demand', hint: 'minted for each shell or `latch run` lease, revoked when it ends' };
    case 'prod': {
      const resource = prodResourceOf(secret);
      const endsAt = facts.grants?.get(resource);
      return endsAt !== undefined
        ? { status: 'ready', hint: `access to ${resource} granted until ${endsAt}; shells get it until then` }
        : { status: 'needs-access', hint: `ask for time-boxed access: latch request ${resource} --for 30m --reason "…" (a reviewer approves)` };
    }
  }
}

export function describeSecret(secret: ResolvedSecret, facts: DeveloperFacts): ProjectSecret {
  const { status, hint } = secretStatus(secret, facts);
  const rotationDueAt =
    secret.class === 'personal'
      ? (facts.tokens.get(secret.token)?.rotationDueAt ?? null)
      : secret.class === 'stub' && secret.rotationSeconds !== undefined
        ? (() => {
            const last = facts.stubRotatedAt.get(secret.name);
            return last ? new Date(Date.parse(last) + (secret.rotationSeconds as number) * 1000).toISOString() : null;
          })()
        : null;
  return {
    name: secret.name,
    class: secret.class,
    status,
    description: secret.description ?? null,
    owner: secret.owner ?? null,
    docs: secret.docs ?? null,
    shape: shapeLabel(secret),
    token: secret.class === 'personal' ? secret.token : null,
    provider: providerLabel(secret),
    ttlSeconds: secret.ttlSeconds,
    maxTtlSeconds: secret.maxTtlSeconds,
    rotationSeconds: secret.rotationSeconds ?? null,
    rotationDueAt,
    hint,
  };
}

export function countStatuses(secrets: readonly ProjectSecret[]): { total: number; ready: number; missing: number; needsAccess: number } {
  return {
    total: secrets.length,
    ready: secrets.filter((s) => s.status === 'ready' || s.status === 'stub' || s.status === 'on-demand').length,
    missing: secrets.filter((s) => s.status === 'missing-token').length,
    needsAccess: secrets.filter((s) => s.status === 'needs-access').length,
  };
}
