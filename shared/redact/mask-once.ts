// One-shot masking of a complete output (a log file, a captured command result).

import { createMasker } from './masker';
import { createTextMasker } from './text-masker';
import type { MaskedSecret, MaskerOptions } from './types';

export function maskBytes(bytes: Uint8Array, secrets: ReadonlyArray<MaskedSecret>, options?: MaskerOptions): Uint8Array {
  const masker = createMasker(secrets, options);
  const head = masker.push(bytes);
  const tail = masker.flush();
  if (tail.length === 0) return head;
  const out = new Uint8Array(head.length + tail.length);
  out.set(head, 0);
  out.set(tail, head.length);
  return out;
}

export function maskText(text: string, secrets: ReadonlyArray<MaskedSecret>, options?: MaskerOptions): string {
  const masker = createTextMasker(secrets, options);
  return masker.push(text) + masker.flush();
}
