import type { ResolvedSecret } from '../manifest';

/** The hub resource a `prod` entry names: its provider's `resource`, else the entry's name in kebab-case. */
export function prodResourceOf(secret: ResolvedSecret): string {
  if (secret.class === 'prod' && 'resource' in secret.provider && typeof secret.provider.resource === 'string') return secret.provider.resource;
  return secret.name.toLowerCase().replace(/_/g, '-');
}
