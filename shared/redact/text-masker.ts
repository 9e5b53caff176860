// The masker for callers that hold output as strings (node-pty's default, logs).

import { createMasker } from './masker';
import type { MaskedSecret, MaskerOptions, TextOutputMasker } from './types';

export function createTextMasker(secrets: ReadonlyArray<MaskedSecret>, options?: MaskerOptions): TextOutputMasker {
  const masker = createMasker(secrets, options);
  const encoder = new TextEncoder();
  let decoder = new TextDecoder();
  return {
    push(chunk: string): string {
      return decoder.decode(masker.push(encoder.encode(chunk)), { stream: true });
    },
    flush(): string {
      const text = decoder.decode(masker.flush());
      decoder = new TextDecoder();
      return text;
    },
    get heldBytes(): number {
      return masker.heldBytes;
    },
  };
}
