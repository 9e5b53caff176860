import { z } from 'zod';

export const isoDate = z.iso.datetime({ offset: true });
export const empty = z.object({}).strict();

/** Token names are handles people type: lowercase, digits, dot, dash, underscore, slash. */
export const tokenName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._/-]{0,63}$/, 'must be 1-64 chars of a-z 0-9 . _ / - starting with a letter or digit');

/** A secret value as it crosses the contract. Never logged, never echoed in errors. */
export const secretValue = z
  .string()
  .min(1, 'must not be empty')
  .max(65536, 'must be at most 64 KiB')
  .refine((v) => !v.includes('\0'), 'must not contain NUL bytes');
