// The deterministic byte stream behind every stub: ChaCha20 keyed by the 32-byte
// stub seed, all-zero nonce, block counter from 0 (see crypto/chacha20.ts for why).
// The same seed always yields the same stream, so a stub is a pure function of its
// seed; shapes draw from it in a fixed order.

import { CHACHA20_BLOCK_BYTES, chacha20Block, chacha20InitialState } from './crypto/chacha20';

export const STUB_SEED_BYTES = 32;

const ZERO_NONCE = new Uint8Array(12);

/** What a shape's generator may draw from. Every draw advances the stream. */
export interface StubRandom {
  /** One uniformly random byte. */
  byte(): number;
  /** `count` uniformly random bytes. */
  bytes(count: number): Uint8Array;
  /** A uniform integer in [0, bound), 1 <= bound <= 256 (rejection sampling: no modulo bias). */
  below(bound: number): number;
  /** `count` characters drawn uniformly from `alphabet` (2 to 256 distinct characters). */
  chars(alphabet: string, count: number): string;
}

class ChaCha20StubRandom implements StubRandom {
  private readonly state: Int32Array;
  private readonly block = new Uint8Array(CHACHA20_BLOCK_BYTES);
  private used = CHACHA20_BLOCK_BYTES;

  constructor(seed: Uint8Array) {
    this.state = chacha20InitialState(seed, 0, ZERO_NONCE);
  }

  private refill(): void {
    chacha20Block(this.state, this.block);
    this.state[12] = ((this.state[12] as number) + 1) | 0;
    this.used = 0;
  }

  byte(): number {
    if (this.used === CHACHA20_BLOCK_BYTES) this.refill();
    return this.block[this.used++] as number;
  }

  bytes(count: number): Uint8Array {
    const out = new Uint8Array(count);
    let at = 0;
    while (at < count) {
      if (this.used === CHACHA20_BLOCK_BYTES) this.refill();
      const take = Math.min(CHACHA20_BLOCK_BYTES - this.used, count - at);
      out.set(this.block.subarray(this.used, this.used + take), at);
      this.used += take;
      at += take;
    }
    return out;
  }

  below(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > 256) {
      throw new RangeError(`below() bound must be an integer in 1..256, got ${bound}`);
    }
    const limit = 256 - (256 % bound);
    for (;;) {
      const candidate = this.byte();
      if (candidate < limit) return candidate % bound;
    }
  }

  chars(alphabet: string, count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += alphabet[this.below(alphabet.length)];
    return out;
  }
}

/** The stub byte stream for `seed` (exactly 32 bytes). */
export function createStubRandom(seed: Uint8Array): StubRandom {
  if (!(seed instanceof Uint8Array) || seed.length !== STUB_SEED_BYTES) {
    throw new RangeError(`a stub seed must be ${STUB_SEED_BYTES} bytes`);
  }
  return new ChaCha20StubRandom(seed);
}
