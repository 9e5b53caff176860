// What a stub shape is: a provider's documented value format plus a generator that
// produces well-formed, recognisably fake values of that format.

import type { StubRandom } from './random';

export interface StubChecksum {
  /** What is verified, e.g. 'crc32-base62', 'bech32', 'der-structure', 'hs256-signature'. */
  readonly kind: string;
  readonly isValid: (value: string) => boolean;
}

export interface StubShape {
  /** Kebab-case, unique in the catalogue (custom shapes use 'custom'). */
  readonly id: string;
  readonly provider: string;
  /** What the value is, followed by where its stub marker sits. */
  readonly description: string;
  /**
   * The provider's documented format, anchored (^…$), no flags. Real values match it
   * and so does every stub of this shape; the scanner may reuse it.
   */
  readonly pattern: RegExp;
  /** Where and how the stub marker (or fake range: test mode, .invalid host) appears. */
  readonly marker: string;
  /**
   * Matches the marker or fake range inside a stub of this shape. Absent only for
   * custom shapes whose charset or length leaves no room for a marker.
   */
  readonly markerPattern?: RegExp;
  /** The format's own checksum or structural check, where the real format has one. */
  readonly checksum?: StubChecksum;
  /** Draws from `random` in a fixed order: same stream, same value. */
  readonly generate: (random: StubRandom) => string;
}

export interface ShapeDefinition {
  readonly id: string;
  readonly provider: string;
  /** One or two sentences on the value itself; the marker sentence is appended. */
  readonly summary: string;
  readonly pattern: RegExp;
  readonly marker: string;
  readonly markerPattern?: RegExp;
  readonly checksum?: StubChecksum;
  readonly generate: (random: StubRandom) => string;
}

export function defineShape(definition: ShapeDefinition): StubShape {
  const { summary, ...rest } = definition;
  return Object.freeze({ ...rest, description: `${summary} Stub marker: ${definition.marker}` });
}
