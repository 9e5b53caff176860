// Stub seeds: seed = HMAC-SHA256(developer key, projectId \0 name \0 rotation).
// The developer key is 32 random bytes the broker keeps in the OS keychain, so stubs
// are stable per developer + project + secret name until the rotation counter moves,
// and differ between developers. This is the one place that derivation lives.

import { hmacSha256 } from './crypto/sha256';
import { utf8Bytes } from './encoding/bytes';

export const MIN_DEVELOPER_KEY_BYTES = 16;

export function deriveStubSeed(developerKey: Uint8Array, projectId: string, name: string, rotation: number): Uint8Array {
  if (!(developerKey instanceof Uint8Array) || developerKey.length < MIN_DEVELOPER_KEY_BYTES) {
    throw new RangeError(`the developer key must be at least ${MIN_DEVELOPER_KEY_BYTES} bytes`);
  }
  if (projectId.includes('\0') || name.includes('\0')) {
    throw new RangeError('project id and secret name must not contain NUL');
  }
  if (!Number.isSafeInteger(rotation) || rotation < 0) {
    throw new RangeError(`rotation must be a non-negative integer, got ${rotation}`);
  }
  return hmacSha256(developerKey, utf8Bytes(`${projectId}\0${name}\0${rotation}`));
}
