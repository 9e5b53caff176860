import { createRequire } from 'node:module';
import { ContractFailure } from '../../../shared/contract';
import type { KeychainHealth } from '../../../shared/contract';

/** Service under which personal tokens live: one account per token id. */
export const TOKEN_SERVICE = 'latch';
/** Service for Latch's own keys (audit HMAC key, stub seed, member keys). */
export const INTERNAL_SERVICE = 'latch.internal';

export interface Keychain {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, value: string): Promise<void>;
  delete(service: string, account: string): Promise<boolean>;
  health(): Promise<KeychainHealth>;
}

interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

const BACKEND: Record<string, string> = {
  linux: 'Secret Service (libsecret)',
  darwin: 'macOS Keychain',
  win32: 'Windows Credential Manager',
};

export const KEYCHAIN_UNAVAILABLE_MESSAGE =
  'OS keychain unavailable: no Secret Service answered on D-Bus. Start your desktop keyring ' +
  '(gnome-keyring, KWallet or KeePassXC with Secret Service) in this session and try again; nothing was stored.';
export const KEYCHAIN_LOCKED_MESSAGE =
  'OS keychain is locked or has no default collection: unlock it (e.g. log in to your desktop keyring) and try again; nothing was stored.';

/** Turn keytar/libsecret failures into the two errors a person can act on. Never echoes values. */
export function classifyKeychainError(error: unknown): ContractFailure {
  const text = error instanceof Error ? error.message : String(error);
  if (/locked|prompt|dismissed|Object does not exist at path|No such secret collection/i.test(text)) {
    return new ContractFailure('KEYCHAIN_LOCKED', KEYCHAIN_LOCKED_MESSAGE);
  }
  return new ContractFailure('KEYCHAIN_UNAVAILABLE', KEYCHAIN_UNAVAILABLE_MESSAGE);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new ContractFailure('KEYCHAIN_LOCKED', `OS keychain did not answer within ${ms / 1000} s (is it waiting for an unlock prompt?); nothing was stored.`)),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

let keytarModule: KeytarModule | Error | undefined;
function loadKeytar(): KeytarModule {
  if (keytarModule === undefined) {
    try {
      keytarModule = createRequire(import.meta.url)('keytar') as KeytarModule;
    } catch (error) {
      keytarModule = error instanceof Error ? error : new Error(String(error));
    }
  }
  if (keytarModule instanceof Error) {
    throw new ContractFailure('KEYCHAIN_UNAVAILABLE', `OS keychain support failed to load (keytar: ${keytarModule.message.split('\n')[0]}); reinstall Latch.`);
  }
  return keytarModule;
}

/** The OS keychain through keytar. No fallback store exists: failures are errors. */
export function createOsKeychain(timeoutMs = 15_000): Keychain {
  async function guarded<T>(op: (k: KeytarModule) => Promise<T>): Promise<T> {
    const keytar = loadKeytar();
    try {
      return await withTimeout(op(keytar), timeoutMs);
    } catch (error) {
      if (error instanceof ContractFailure) throw error;
      throw classifyKeychainError(error);
    }
  }
  return {
    get: (service, account) => guarded((k) => k.getPassword(service, account)),
    set: (service, account, value) => guarded((k) => k.setPassword(service, account, value)),
    delete: (service, account) => guarded((k) => k.deletePassword(service, account)),
    async health() {
      const backend = BACKEND[process.platform] ?? process.platform;
      try {
        await guarded((k) => k.getPassword(INTERNAL_SERVICE, 'health-probe'));
        return { available: true, backend, message: null };
      } catch (error) {
        return { available: false, backend, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
