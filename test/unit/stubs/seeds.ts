// Test helper: reproducible stub seeds through the real derivation.
import { deriveStubSeed } from '../../../shared/stubs';

export const TEST_DEVELOPER_KEY = Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + 3) & 0xff);

export function testSeed(name: string, rotation = 0, key: Uint8Array = TEST_DEVELOPER_KEY): Uint8Array {
  return deriveStubSeed(key, 'test-project', name, rotation);
}
