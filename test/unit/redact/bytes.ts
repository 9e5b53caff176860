// Byte helpers for the masker tests.

import type { OutputMasker } from '../../../shared/redact/index';

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

export function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

export function concatBytes(parts: ReadonlyArray<Uint8Array>): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  if (needle.length === 0) return from;
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** Cuts `bytes` at the given positions (any order, duplicates and out-of-range allowed). */
export function splitAt(bytes: Uint8Array, cuts: ReadonlyArray<number>): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => Math.max(0, Math.min(bytes.length, c))))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let last = 0;
  for (const p of points) {
    chunks.push(bytes.slice(last, p));
    last = p;
  }
  chunks.push(bytes.slice(last));
  return chunks;
}

export function oneByteChunks(bytes: Uint8Array): Uint8Array[] {
  return Array.from(bytes, (b) => Uint8Array.of(b));
}

/** Pushes every chunk, then flushes; returns each emitted piece (the flush's last). */
export function runChunks(masker: OutputMasker, chunks: ReadonlyArray<Uint8Array>): Uint8Array[] {
  const out = chunks.map((chunk) => masker.push(chunk));
  out.push(masker.flush());
  return out;
}

export function maskChunks(masker: OutputMasker, chunks: ReadonlyArray<Uint8Array>): Uint8Array {
  return concatBytes(runChunks(masker, chunks));
}
