import type { ProdGrantSource } from '../leases/lease-manager';
import type { AccessService } from './access-service';

/**
 * `prod` template entries take their value from this member's active grant for the entry's
 * resource: the value named like the entry, else the only value, else DATABASE_URL (what the
 * hub's postgres provider delivers).
 */
export function prodGrantSource(access: AccessService): ProdGrantSource {
  return async (resource) => {
    if (!access.status().joined) return null;
    const grant = await access.grantFor(resource);
    if (!grant) return null;
    const names = Object.keys(grant.values);
    return {
      requestId: grant.requestId,
      endsAt: grant.endsAt,
      valueFor: (secretName) => grant.values[secretName] ?? (names.length === 1 ? grant.values[names[0] ?? ''] : undefined) ?? grant.values.DATABASE_URL,
    };
  };
}
