import { z } from 'zod';

export const uiOpenInput = z
  .object({ port: z.number().int().min(1024, 'must be 1024-65535').max(65535, 'must be 1024-65535').optional() })
  .strict();
export const uiOpenOutput = z.object({ url: z.url(), port: z.number().int(), started: z.boolean() });
export const uiCloseOutput = z.object({ closed: z.boolean() });
