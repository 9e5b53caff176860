// Small generation helpers the catalogue files share.

import { HEX_LOWER } from '../charsets';
import { STUB_MARKER, STUB_MARKER_DIGITS } from '../marker';
import type { StubRandom } from '../random';

/** `marker` followed by random characters of `alphabet`, `length` characters in all. */
export function markedChars(random: StubRandom, alphabet: string, length: number, marker = STUB_MARKER): string {
  if (length < marker.length) throw new RangeError(`length ${length} cannot hold marker ${marker}`);
  return marker + random.chars(alphabet, length - marker.length);
}

/** Lower-case hex of `length` digits beginning with the keypad marker 528247882. */
export function markedHex(random: StubRandom, length: number): string {
  return markedChars(random, HEX_LOWER, length, STUB_MARKER_DIGITS);
}

/** `count` decimal digits, the first one non-zero. */
export function decimalNumber(random: StubRandom, count: number): string {
  return String(1 + random.below(9)) + random.chars('0123456789', count - 1);
}

/** A random RFC 4122 version-4 UUID, lower case. */
export function uuidV4(random: StubRandom): string {
  const hex = random.chars(HEX_LOWER, 30);
  const variant = '89ab'[random.below(4)] as string;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(12, 15)}-${variant}${hex.slice(15, 18)}-${hex.slice(18, 30)}`;
}
