import { z } from 'zod';

/** Keyed hashes of values the broker holds, so a scanner can find them without the plaintext. */
export const knownIndexOutput = z.object({
  /** HMAC-SHA256 key (base64) the hashes were made with. */
  key: z.string(),
  entries: z.array(z.object({ hash: z.string(), label: z.string(), kind: z.enum(['personal', 'lease', 'stub']), length: z.number().int() })),
});
