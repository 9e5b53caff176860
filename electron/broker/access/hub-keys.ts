import { INTERNAL_SERVICE, type Keychain } from '../keychain/keychain';

/** Keychain accounts of this machine's hub keys (service `latch.internal`). */
const SIGNING_ACCOUNT = 'hub-signing-key';
const SEALING_ACCOUNT = 'hub-sealing-key';

export interface HubPrivateKeys {
  signingPem: string;
  sealingPem: string;
}

/**
 * The member's private keys: Ed25519 (signs every hub request) and X25519 (opens credentials
 * sealed to this machine). Only ever in the OS keychain; cached in memory until Lock.
 */
export class HubKeys {
  private cached: Promise<HubPrivateKeys> | null = null;

  constructor(private readonly keychain: Keychain) {}

  async store(keys: HubPrivateKeys): Promise<void> {
    await this.keychain.set(INTERNAL_SERVICE, SIGNING_ACCOUNT, keys.signingPem);
    await this.keychain.set(INTERNAL_SERVICE, SEALING_ACCOUNT, keys.sealingPem);
    this.cached = Promise.resolve(keys);
  }

  load(): Promise<HubPrivateKeys> {
    if (!this.cached) {
      const pending = (async () => {
        const [signingPem, sealingPem] = await Promise.all([
          this.keychain.get(INTERNAL_SERVICE, SIGNING_ACCOUNT),
          this.keychain.get(INTERNAL_SERVICE, SEALING_ACCOUNT),
        ]);
        if (signingPem === null || sealingPem === null) throw new Error('the hub keys are missing from the keychain: join the hub again (`latch hub join INVITE`)');
        return { signingPem, sealingPem };
      })();
      pending.catch(() => {
        if (this.cached === pending) this.cached = null;
      });
      this.cached = pending;
    }
    return this.cached;
  }

  async remove(): Promise<void> {
    this.cached = null;
    await this.keychain.delete(INTERNAL_SERVICE, SIGNING_ACCOUNT);
    await this.keychain.delete(INTERNAL_SERVICE, SEALING_ACCOUNT);
  }

  forget(): void {
    this.cached = null;
  }
}
