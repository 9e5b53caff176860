import { randomBytes } from 'node:crypto';
import { INTERNAL_SERVICE, type Keychain } from './keychain';

export type InternalKeyName = 'audit-hmac-key' | 'stub-seed' | 'known-value-key';

/**
 * Latch's own random keys, kept in the OS keychain (never on disk), created on first use
 * and cached for the broker's lifetime. A failed lookup is not cached, so a keychain that
 * comes back later works without a restart.
 */
export class InternalKeys {
  private readonly cache = new Map<InternalKeyName, Promise<Buffer>>();

  constructor(private readonly keychain: Keychain) {}

  get(name: InternalKeyName): Promise<Buffer> {
    let pending = this.cache.get(name);
    if (!pending) {
      pending = this.load(name);
      this.cache.set(name, pending);
      pending.catch(() => this.cache.delete(name));
    }
    return pending;
  }

  /** Drop every cached key (Lock); the next use reads the keychain again. */
  forget(): void {
    this.cache.clear();
  }

  private async load(name: InternalKeyName): Promise<Buffer> {
    const stored = await this.keychain.get(INTERNAL_SERVICE, name);
    if (stored !== null) return Buffer.from(stored, 'base64');
    const fresh = randomBytes(32);
    await this.keychain.set(INTERNAL_SERVICE, name, fresh.toString('base64'));
    return fresh;
  }
}
