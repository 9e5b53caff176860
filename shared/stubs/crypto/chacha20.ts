// ChaCha20 block function (RFC 8439 §2.3) in plain TypeScript.
//
// Why ChaCha20 for the stub byte stream: it is a 32-bit-native design (fast in JS
// without BigInt), keyed by exactly the 32-byte seed we have, specified with public
// test vectors, and cryptographically strong, so a stub that leaks reveals nothing
// about its seed, the developer key behind it, or any other stub. xoshiro256** would
// be faster but needs 64-bit arithmetic and its output exposes its state.

const SIGMA = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]; // "expand 32-byte k"

export const CHACHA20_BLOCK_BYTES = 64;

function readWordLE(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset] as number) |
      ((bytes[offset + 1] as number) << 8) |
      ((bytes[offset + 2] as number) << 16) |
      ((bytes[offset + 3] as number) << 24)) >>>
    0
  );
}

function writeWordLE(out: Uint8Array, offset: number, word: number): void {
  out[offset] = word & 0xff;
  out[offset + 1] = (word >>> 8) & 0xff;
  out[offset + 2] = (word >>> 16) & 0xff;
  out[offset + 3] = (word >>> 24) & 0xff;
}

/** The 16-word initial state for `key` (32 bytes), block `counter` and `nonce` (12 bytes). */
export function chacha20InitialState(key: Uint8Array, counter: number, nonce: Uint8Array): Int32Array {
  if (key.length !== 32) throw new RangeError(`ChaCha20 key must be 32 bytes, got ${key.length}`);
  if (nonce.length !== 12) throw new RangeError(`ChaCha20 nonce must be 12 bytes, got ${nonce.length}`);
  // Int32Array: reads stay small integers for the JIT (Uint32Array would box values >= 2^31).
  const state = new Int32Array(16);
  state.set(SIGMA, 0);
  for (let i = 0; i < 8; i++) state[4 + i] = readWordLE(key, i * 4);
  state[12] = counter | 0;
  for (let i = 0; i < 3; i++) state[13 + i] = readWordLE(nonce, i * 4);
  return state;
}

/**
 * Writes the 64-byte keystream block for `input` (state from chacha20InitialState,
 * counter in word 12) into `out`. Unrolled double rounds: this is the hot loop of
 * stub generation.
 */
export function chacha20Block(input: Int32Array, out: Uint8Array): void {
  let x0 = input[0] as number, x1 = input[1] as number, x2 = input[2] as number, x3 = input[3] as number;
  let x4 = input[4] as number, x5 = input[5] as number, x6 = input[6] as number, x7 = input[7] as number;
  let x8 = input[8] as number, x9 = input[9] as number, x10 = input[10] as number, x11 = input[11] as number;
  let x12 = input[12] as number, x13 = input[13] as number, x14 = input[14] as number, x15 = input[15] as number;
  for (let round = 0; round < 10; round++) {
    // Column rounds.
    x0 = (x0 + x4) | 0; x12 ^= x0; x12 = (x12 << 16) | (x12 >>> 16);
    x8 = (x8 + x12) | 0; x4 ^= x8; x4 = (x4 << 12) | (x4 >>> 20);
    x0 = (x0 + x4) | 0; x12 ^= x0; x12 = (x12 << 8) | (x12 >>> 24);
    x8 = (x8 + x12) | 0; x4 ^= x8; x4 = (x4 << 7) | (x4 >>> 25);
    x1 = (x1 + x5) | 0; x13 ^= x1; x13 = (x13 << 16) | (x13 >>> 16);
    x9 = (x9 + x13) | 0; x5 ^= x9; x5 = (x5 << 12) | (x5 >>> 20);
    x1 = (x1 + x5) | 0; x13 ^= x1; x13 = (x13 << 8) | (x13 >>> 24);
    x9 = (x9 + x13) | 0; x5 ^= x9; x5 = (x5 << 7) | (x5 >>> 25);
    x2 = (x2 + x6) | 0; x14 ^= x2; x14 = (x14 << 16) | (x14 >>> 16);
    x10 = (x10 + x14) | 0; x6 ^= x10; x6 = (x6 << 12) | (x6 >>> 20);
    x2 = (x2 + x6) | 0; x14 ^= x2; x14 = (x14 << 8) | (x14 >>> 24);
    x10 = (x10 + x14) | 0; x6 ^= x10; x6 = (x6 << 7) | (x6 >>> 25);
    x3 = (x3 + x7) | 0; x15 ^= x3; x15 = (x15 << 16) | (x15 >>> 16);
    x11 = (x11 + x15) | 0; x7 ^= x11; x7 = (x7 << 12) | (x7 >>> 20);
    x3 = (x3 + x7) | 0; x15 ^= x3; x15 = (x15 << 8) | (x15 >>> 24);
    x11 = (x11 + x15) | 0; x7 ^= x11; x7 = (x7 << 7) | (x7 >>> 25);
    // Diagonal rounds.
    x0 = (x0 + x5) | 0; x15 ^= x0; x15 = (x15 << 16) | (x15 >>> 16);
    x10 = (x10 + x15) | 0; x5 ^= x10; x5 = (x5 << 12) | (x5 >>> 20);
    x0 = (x0 + x5) | 0; x15 ^= x0; x15 = (x15 << 8) | (x15 >>> 24);
    x10 = (x10 + x15) | 0; x5 ^= x10; x5 = (x5 << 7) | (x5 >>> 25);
    x1 = (x1 + x6) | 0; x12 ^= x1; x12 = (x12 << 16) | (x12 >>> 16);
    x11 = (x11 + x12) | 0; x6 ^= x11; x6 = (x6 << 12) | (x6 >>> 20);
    x1 = (x1 + x6) | 0; x12 ^= x1; x12 = (x12 << 8) | (x12 >>> 24);
    x11 = (x11 + x12) | 0; x6 ^= x11; x6 = (x6 << 7) | (x6 >>> 25);
    x2 = (x2 + x7) | 0; x13 ^= x2; x13 = (x13 << 16) | (x13 >>> 16);
    x8 = (x8 + x13) | 0; x7 ^= x8; x7 = (x7 << 12) | (x7 >>> 20);
    x2 = (x2 + x7) | 0; x13 ^= x2; x13 = (x13 << 8) | (x13 >>> 24);
    x8 = (x8 + x13) | 0; x7 ^= x8; x7 = (x7 << 7) | (x7 >>> 25);
    x3 = (x3 + x4) | 0; x14 ^= x3; x14 = (x14 << 16) | (x14 >>> 16);
    x9 = (x9 + x14) | 0; x4 ^= x9; x4 = (x4 << 12) | (x4 >>> 20);
    x3 = (x3 + x4) | 0; x14 ^= x3; x14 = (x14 << 8) | (x14 >>> 24);
    x9 = (x9 + x14) | 0; x4 ^= x9; x4 = (x4 << 7) | (x4 >>> 25);
  }
  writeWordLE(out, 0, (x0 + (input[0] as number)) | 0);
  writeWordLE(out, 4, (x1 + (input[1] as number)) | 0);
  writeWordLE(out, 8, (x2 + (input[2] as number)) | 0);
  writeWordLE(out, 12, (x3 + (input[3] as number)) | 0);
  writeWordLE(out, 16, (x4 + (input[4] as number)) | 0);
  writeWordLE(out, 20, (x5 + (input[5] as number)) | 0);
  writeWordLE(out, 24, (x6 + (input[6] as number)) | 0);
  writeWordLE(out, 28, (x7 + (input[7] as number)) | 0);
  writeWordLE(out, 32, (x8 + (input[8] as number)) | 0);
  writeWordLE(out, 36, (x9 + (input[9] as number)) | 0);
  writeWordLE(out, 40, (x10 + (input[10] as number)) | 0);
  writeWordLE(out, 44, (x11 + (input[11] as number)) | 0);
  writeWordLE(out, 48, (x12 + (input[12] as number)) | 0);
  writeWordLE(out, 52, (x13 + (input[13] as number)) | 0);
  writeWordLE(out, 56, (x14 + (input[14] as number)) | 0);
  writeWordLE(out, 60, (x15 + (input[15] as number)) | 0);
}
