// age X25519 identity (age-encryption.org/v1 spec): Bech32 (BIP-173, not Bech32m) with
// HRP "age-secret-key-" of 32 bytes, written upper-case: AGE-SECRET-KEY-1 + 52 data
// characters + 6 checksum characters (58). Any 32 bytes are a valid X25519 scalar, so
// a stub is a genuine identity that nothing is ever encrypted to.

import { BECH32_ALPHABET, bech32Encode, hasValidBech32Checksum } from '../encoding/bech32';
import { STUB_MARKER_BECH32 } from '../marker';
import type { StubRandom } from '../random';
import { defineShape, type StubShape } from '../shape';

const HRP = 'age-secret-key-';
/** 256 bits in 5-bit groups: 51 full groups and one holding the last bit + 4 zero bits. */
const DATA_GROUPS = 52;
const MARKER_GROUPS = [...STUB_MARKER_BECH32.toLowerCase()].map((char) => BECH32_ALPHABET.indexOf(char));

function generateAgeSecretKey(random: StubRandom): string {
  const groups = [...MARKER_GROUPS];
  while (groups.length < DATA_GROUPS - 1) groups.push(random.below(32));
  groups.push(random.below(2) << 4);
  return bech32Encode(HRP, groups).toUpperCase();
}

export function isValidAgeSecretKey(value: string): boolean {
  if (!value.startsWith('AGE-SECRET-KEY-1') || value.length !== 16 + DATA_GROUPS + 6) return false;
  if (!hasValidBech32Checksum(value)) return false;
  // Canonical padding: the last data group carries 1 bit, its low 4 bits must be zero.
  const last = BECH32_ALPHABET.indexOf((value[16 + DATA_GROUPS - 1] as string).toLowerCase());
  return (last & 0x0f) === 0;
}

export const AGE_SHAPE: StubShape = defineShape({
  id: 'age-secret-key',
  provider: 'age',
  summary:
    'age secret key: AGE-SECRET-KEY-1 + 58 upper-case Bech32 characters (32-byte X25519 scalar + checksum).',
  pattern: /^AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}$/,
  marker: 'the data begins with LATCHSTU8 (Bech32 has no B; 8 stands in), checksum valid.',
  markerPattern: /^AGE-SECRET-KEY-1LATCHSTU8/,
  checksum: { kind: 'bech32', isValid: isValidAgeSecretKey },
  generate: generateAgeSecretKey,
});
