import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chacha20Block, chacha20InitialState } from '../../../shared/stubs/crypto/chacha20';
import { toHex } from '../../../shared/stubs/encoding/bytes';
import { createStubRandom } from '../../../shared/stubs/random';

const hex = (text: string) => Uint8Array.from(text.match(/../g)?.map((byte) => parseInt(byte, 16)) ?? []);

/** The ChaCha20 keystream from node's OpenSSL: IV = 32-bit LE counter || 96-bit nonce. */
function opensslKeystream(key: Uint8Array, counter: number, nonce: Uint8Array, length: number): string {
  const iv = new Uint8Array(16);
  new DataView(iv.buffer).setUint32(0, counter, true);
  iv.set(nonce, 4);
  const cipher = createCipheriv('chacha20', key, iv);
  return cipher.update(new Uint8Array(length)).toString('hex');
}

describe('ChaCha20 block function', () => {
  it('matches RFC 8439 §2.3.2', () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => i);
    const nonce = hex('000000090000004a00000000');
    const out = new Uint8Array(64);
    chacha20Block(chacha20InitialState(key, 1, nonce), out);
    expect(toHex(out)).toBe(
      '10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e' +
        'd2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e',
    );
  });

  it('agrees with node:crypto (OpenSSL) for arbitrary keys, nonces and counters', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 0xfffffff0 }),
        (key, nonce, counter) => {
          const out = new Uint8Array(64);
          chacha20Block(chacha20InitialState(key, counter, nonce), out);
          expect(toHex(out)).toBe(opensslKeystream(key, counter, nonce, 64));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects keys and nonces of the wrong size', () => {
    expect(() => chacha20InitialState(new Uint8Array(31), 0, new Uint8Array(12))).toThrow(RangeError);
    expect(() => chacha20InitialState(new Uint8Array(32), 0, new Uint8Array(8))).toThrow(RangeError);
  });
});

describe('stub random stream', () => {
  it('is the ChaCha20 keystream of the seed (zero nonce, counter from 0) across blocks', () => {
    const seed = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
    expect(toHex(createStubRandom(seed).bytes(300))).toBe(opensslKeystream(seed, 0, new Uint8Array(12), 300));
  });

  it('is deterministic per seed and differs between seeds', () => {
    const a = new Uint8Array(32).fill(1);
    const b = new Uint8Array(32).fill(2);
    expect(createStubRandom(a).chars('abc', 50)).toBe(createStubRandom(a).chars('abc', 50));
    expect(createStubRandom(a).bytes(32)).not.toEqual(createStubRandom(b).bytes(32));
  });

  it('only accepts 32-byte seeds', () => {
    expect(() => createStubRandom(new Uint8Array(16))).toThrow(RangeError);
    expect(() => createStubRandom(new Uint8Array(33))).toThrow(RangeError);
  });

  it('draws below() uniformly without modulo bias', () => {
    const random = createStubRandom(new Uint8Array(32).fill(9));
    const counts = new Array<number>(62).fill(0);
    const draws = 62_000;
    for (let i = 0; i < draws; i++) {
      const value = random.below(62);
      counts[value] = (counts[value] ?? 0) + 1;
    }
    // Chi-square with 61 degrees of freedom; 100 is far beyond the 99.9th percentile (~100.9 is p≈0.001).
    const expected = draws / 62;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(100);
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it('rejects impossible bounds', () => {
    const random = createStubRandom(new Uint8Array(32));
    expect(() => random.below(0)).toThrow(RangeError);
    expect(() => random.below(257)).toThrow(RangeError);
    expect(() => random.below(2.5)).toThrow(RangeError);
  });
});
