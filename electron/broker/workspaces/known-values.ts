import { createHmac } from 'node:crypto';
import type { InternalKeys } from '../keychain/internal-keys';
import type { LeaseManager } from '../leases/lease-manager';
import type { TokenVault } from '../vault/token-vault';

/** `label` is a name only: the scanner's message wraps it ("your token `NAME` …"). */
export interface KnownEntry {
  hash: string;
  label: string;
  kind: 'personal' | 'lease' | 'stub';
  length: number;
}

/**
 * Keyed hashes (HMAC-SHA256, key in the keychain) of the values the broker holds: personal
 * tokens and live lease values. Only hashes are kept; the personal part is rebuilt when a
 * token changes.
 */
export class KnownValues {
  private personal: Promise<KnownEntry[]> | null = null;

  constructor(
    private readonly vault: TokenVault,
    private readonly leases: LeaseManager,
    private readonly keys: InternalKeys,
  ) {}

  invalidate(): void {
    this.personal = null;
  }

  async index(): Promise<{ key: string; entries: KnownEntry[] }> {
    const key = await this.keys.get('known-value-key');
    const hash = (value: string): string => createHmac('sha256', key).update(value).digest('hex');
    this.personal ??= (async () => {
      const entries: KnownEntry[] = [];
      for (const token of this.vault.list()) {
        const value = await this.vault.read(token.name, { actor: 'latch', client: 'broker' }, 'token.read', 'known-value index');
        entries.push({ hash: hash(value), label: token.name, kind: 'personal', length: value.length });
      }
      return entries;
    })();
    this.personal.catch(() => {
      this.personal = null;
    });
    const leaseEntries: KnownEntry[] = this.leases
      .list()
      .filter((l) => l.state === 'active' || l.state === 'expiring')
      .flatMap((l) => this.leases.secretValues(l.id).map(({ name, value }) => ({ hash: hash(value), label: `${name} (lease ${l.id})`, kind: 'lease' as const, length: value.length })));
    return { key: key.toString('base64'), entries: [...(await this.personal), ...leaseEntries] };
  }
}
